// Issue 11: axe-core (npm) finds no WCAG 2.0, 2.1 or 2.2 level A or AA violations in the calculator
// with its accessible layer in place: on a desktop, in an embed, on a phone and at 320 px wide (where
// nothing may scroll sideways either). axe cannot see into a canvas; the layer is what it checks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BROWSER_TESTS_DIR, DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, waitUntilIdle } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
const AXE = path.join(BROWSER_TESTS_DIR, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function axeViolations(page) {
  if (!fs.existsSync(AXE)) throw new Error(`axe-core is not installed (${AXE}): run npm ci --prefix tests/browser`);
  await page.addScriptTag({ content: fs.readFileSync(AXE, 'utf8') });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return { violations: r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })), passes: r.passes.length };
  }, TAGS);
  return result;
}

// The fewest stand-ins each should have: a compact embed holds the headline, the gap picture and
// the main sliders (about 40), the full page every section.
const cases = [
  ['desktop 1280x800', DESKTOP, '', 50],
  ['embed', DESKTOP, '?embed=1', 30],
  ['phone 390x844', PHONE, '', 50],
  ['320 px wide', { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, '', 50],
];

describe('axe-core', () => {
  for (const [name, device, query, fewest] of cases) {
    test(`${name}: axe-core finds no WCAG 2.x A or AA violations`, async () => {
      await fixture.ready();
      const session = await openCalculator(fixture.browser, fixture.server.origin, { device, query });
      fixture.sessions.push(session);
      const { page } = session;
      await waitUntilIdle(page, { quietMs: 500 });
      const standIns = await page.evaluate(() => document.querySelectorAll('#calculator-controls .stand-in').length);
      assert.ok(standIns >= fewest, `only ${standIns} stand-ins: axe would check an empty layer`);
      const { violations } = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
      if (device.viewport.width === 320) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= 320, `the page is ${wide} px wide at 320: it scrolls sideways`);
      }
      assertCleanSession(session);
    });
  }
});
