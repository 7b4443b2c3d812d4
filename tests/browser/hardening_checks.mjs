// Checks shared by the hardening tests (issue 5): the documented valid ranges (read from README's
// assumption table, which a unit test keeps in step with the code), and one look at a page that says
// whether it is still healthy: values in range, no NaN/Infinity/undefined in any text, no markup
// from a link turned into elements, no WebAssembly abort.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lib/chromium.mjs';

// { key: [min, max] } from README's rows "| `births` | ... | 100 to 2,000,000 babies/year | ...".
export function documentedRanges() {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const ranges = {};
  const number = (text) => Number(text.replace(/,/g, ''));
  for (const line of readme.split('\n')) {
    const row = line.match(/^\|\s*`([a-z_]+)`\s*\|(.*)\|\s*$/);
    if (!row) continue;
    const range = row[2].match(/\|\s*(-?[\d,.]+)\s+to\s+(-?[\d,.]+)/);
    if (range) ranges[row[1]] = [number(range[1]), number(range[2])];
  }
  if (Object.keys(ranges).length < 8) throw new Error(`README's assumption table gave only ${JSON.stringify(ranges)}`);
  return ranges;
}

// Text a person or a screen reader can meet: title, live region, hidden table, notice, fallback,
// accessible layer's names, and the body's rendered text. The notice's quotes of what a link said ("NaN") are
// left out, since quoting the bad input back is the point of the notice.
export function pageTexts(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
    const notice = document.getElementById('notice');
    return {
      title: document.title,
      summary: text(document.getElementById('summary')),
      table: text(document.getElementById('mirror')),
      notice: notice && !notice.hidden ? text(notice) : '',
      noticeVisible: !!notice && !notice.hidden && notice.getClientRects().length > 0,
      // What the accessible layer over the canvas says (its headings and controls' names).
      layer: Array.from(document.querySelectorAll('#calculator-controls .stand-in'))
        .map((el) => el.getAttribute('aria-label') || el.textContent).join(' | '),
      body: document.body.innerText,
      fallbackVisible: !document.getElementById('fallback').hidden,
    };
  });
}

export const unquoted = (text) => text.replace(/"[^"]*"|“[^”]*”/g, '""');

// Elements a page built from its own markup and scripts: tag name -> count, for tags that markup
// smuggled in through a link could create.
export function dangerousElementCounts(page) {
  return page.evaluate(() => {
    const tags = ['img', 'script', 'iframe', 'object', 'embed', 'svg', 'style', 'link', 'form', 'input', 'a', 'b', 'video', 'audio', 'base', 'meta'];
    const counts = {};
    for (const tag of tags) counts[tag] = document.getElementsByTagName(tag).length;
    // The sources' links (the working's stand-ins, the accessible table, the brief) are shown only for
    // published values, so how many there are follows the scenario; markup from a link cannot make
    // one of these addresses, so the rest are counted.
    const source = /^https:\/\/(doi\.org\/10\.|parentinfantfoundation\.org\.uk\/)/;
    counts.a = Array.from(document.getElementsByTagName('a')).filter((a) => !source.test(a.getAttribute('href') || '')).length;
    counts.withEventHandlerAttributes = Array.from(document.querySelectorAll('*')).filter((el) =>
      Array.from(el.attributes).some((a) => /^on/i.test(a.name)),
    ).length;
    counts.xss = window.__xss ?? null; // set by the hostile payloads if any of them ever runs
    return counts;
  });
}

// The counts of teams may be null ("not known"); every other assumption is always a number.
const NOT_KNOWN_ALLOWED = new Set(['current_teams', 'teams_in_development']);

// Problems with the page's state, as sentences (empty when healthy).
export async function healthProblems(page, ranges) {
  const found = [];
  const state = await page.evaluate(() => ({
    scenario: window.teamsCalculator.getScenario(),
    results: window.teamsCalculator.getResults(),
    stats: window.teamsCalculator.stats(),
  }));
  if (!state.scenario || !state.results) return [`the page API answered ${JSON.stringify(state)}`];
  for (const [key, [min, max]] of Object.entries(ranges)) {
    const value = state.scenario.assumptions[key];
    if (value === null && NOT_KNOWN_ALLOWED.has(key)) continue; // today's counts may be "not known"
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      found.push(`${key} = ${value}, outside its documented range ${min} to ${max}`);
    }
  }
  for (const [key, value] of Object.entries(state.results)) {
    if (typeof value === 'number' && !Number.isFinite(value)) found.push(`result ${key} = ${value}`);
    if (value === undefined) found.push(`result ${key} is undefined`);
  }
  if (!(state.stats.framesDrawn >= 1)) found.push(`no frame drawn: stats() = ${JSON.stringify(state.stats)}`);
  const texts = await pageTexts(page);
  if (texts.fallbackVisible) found.push('the fallback is showing (the module stopped or never started)');
  for (const [where, text] of Object.entries(texts)) {
    if (typeof text !== 'string') continue;
    const checked = where === 'notice' || where === 'body' ? unquoted(text) : text;
    const bad = checked.match(/NaN|-?Infinity|undefined|\bnull\b|\[object /);
    if (bad) found.push(`${where} shows "${bad[0]}": "${text.slice(0, 300)}"`);
  }
  return found;
}
