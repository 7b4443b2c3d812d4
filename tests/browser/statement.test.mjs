// Issue 11: the accessibility statement (accessibility.html) is in the site, linked from the page's
// footer and from an embed's "Open the full calculator" row, and every claim in it names the browser
// test that checks it (data-checked-by="file: test name"), which must exist. axe-core checks the
// statement page itself.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BROWSER_TESTS_DIR, DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, siteDir } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();

// The names of the tests a file declares, as matchers. A template's ${...} part stands for a value the
// file spells out as a string literal (a case's name in a table of cases), so a claim naming a case
// the file does not have still fails.
function testNames(file) {
  const text = fs.readFileSync(file, 'utf8');
  const names = [];
  for (const m of text.matchAll(/\btest\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) names.push(m[2]);
  const literal = (value) => ["'", '"', '`'].some((q) => text.includes(q + value + q));
  return names.map((name) => {
    const parts = name.split(/\$\{[^}]*\}/).map((p) => p.replace(/\\(.)/g, '$1').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`^${parts.join('(.+)')}$`);
    return { test: (claim) => { const m = re.exec(claim); return !!m && m.slice(1).every(literal); } };
  });
}

describe('accessibility statement', () => {
  test('every claim names a browser test that exists', () => {
    const html = fs.readFileSync(path.join(siteDir(), 'accessibility.html'), 'utf8');
    const claims = [...html.matchAll(/data-checked-by="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(claims.length >= 10, `${claims.length} claims carry data-checked-by`);
    for (const claim of claims) {
      for (const one of claim.split(' | ')) {
        const [file, ...rest] = one.split(': ');
        const name = rest.join(': ');
        const source = path.join(BROWSER_TESTS_DIR, file);
        assert.ok(fs.existsSync(source), `"${one}": no test file ${file}`);
        assert.ok(testNames(source).some((re) => re.test(name)), `"${one}": ${file} has no test named "${name}"`);
      }
    }
    // The statement names WCAG 2.2 AA, what is known not to meet it, how it is tested and how to report.
    for (const heading of ['How accessible this calculator is', 'What is known not to be accessible', 'How we tested it',
      'Reporting accessibility problems', 'Enforcement procedure', 'Technical information about this calculator', 'Preparation of this accessibility statement'])
      assert.ok(html.includes(heading), `no "${heading}" section`);
    assert.match(html, /WCAG|Web Content Accessibility Guidelines version 2\.2/);
  });

  for (const [where, query, selector] of [
    ['the footer', '', '#page-footer a[href="accessibility.html"]'],
    ['an embed\'s "Open the full calculator" row', '?embed=1', '.embed-link a[href="accessibility.html"]'],
  ]) {
    test(`linked from ${where}, and axe-core finds no violations in it`, async () => {
      await fixture.ready();
      const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query });
      fixture.sessions.push(session);
      const { page } = session;
      const link = page.locator(selector);
      assert.equal(await link.count(), 1, `no link to the statement in ${where}`);
      assert.ok(await link.isVisible(), `the link in ${where} is not visible`);
      const [target] = await Promise.all([
        query ? page.context().waitForEvent('page') : Promise.resolve(page),
        link.click(),
      ]);
      await target.waitForLoadState('load');
      assert.match(new URL(target.url()).pathname, /accessibility\.html$/);
      assert.match(await target.locator('h1').textContent(), /Accessibility statement/);
      await target.addScriptTag({ content: fs.readFileSync(path.join(BROWSER_TESTS_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8') });
      const violations = await target.evaluate(async () =>
        (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))
          .violations.map((v) => v.id));
      assert.deepEqual(violations, []);
      assertCleanSession(session);
    });
  }
});
