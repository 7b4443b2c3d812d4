// The words a notice names a field by: each assumption's label, read from README.md's assumption
// table (which a test keeps equal to src/assumptions.cpp), and the text fields' labels.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './chromium.mjs';

let labels = null;

export function labelOf(key) {
  if (!labels) {
    labels = new Map([['area', 'Area'], ['name', 'Scenario name'], ['preset', 'Preset']]);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const match of readme.matchAll(/^\| `([a-z_]+)` \| ([^|]+) \|/gm)) labels.set(match[1], match[2].trim());
  }
  if (!labels.has(key)) throw new Error(`no label for ${key} in README.md's assumption table`);
  return labels.get(key);
}

// A pattern that finds the field's label in a notice.
export const labelPattern = (key) => new RegExp(labelOf(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
