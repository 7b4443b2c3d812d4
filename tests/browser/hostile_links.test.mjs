// Issue 5, hostile input: links of every bad kind leave the page working. For each link: no page or
// console error, no WebAssembly abort, every value inside its documented range, no NaN/Infinity/
// undefined in any text, no element made from the link's markup, and each rejected value named in
// the visible notice. Text the font cannot draw stays intact in the DOM and the link.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labelPattern } from './lib/labels.mjs';
import { describe, test } from 'node:test';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, liveRegionText, pollUntil, waitUntilIdle, outputDir } from './lib/calculator_page.mjs';
import { documentedRanges, pageTexts, dangerousElementCounts, healthProblems, unquoted } from './hardening_checks.mjs';

const fixture = useSiteInChromium();
const ranges = documentedRanges();
const open = async (query) => {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query });
  fixture.sessions.push(session);
  // The printed brief (brief.js, loaded after the first frame) is part of what a link reaches:
  // counted only once it is filled, on the plain page and on every hostile one alike.
  await session.page.waitForFunction(() => document.getElementById('brief')?.hasAttribute('data-link'), null, { timeout: 30_000 });
  return session;
};
const enc = encodeURIComponent;
const keyPattern = labelPattern; // notices name fields by their labels

// The elements of a page opened with no link, to compare hostile pages against.
let baseline = null;
async function baselineElements() {
  if (!baseline) {
    const session = await open('');
    baseline = await dangerousElementCounts(session.page);
    await session.context.close();
  }
  return baseline;
}

const XSS_AREA = '<img src=x onerror="window.__xss=1">';
const XSS_NAME = '<script>window.__xss=2</script><b>bold</b><svg onload="window.__xss=3"></svg>';
const LONG = 10 * 1024;

// query, the keys the notice must name, and what the scenario must then hold.
const CASES = [
  { what: 'non-numbers', query: '?births=abc&caseload=ten&cohort_years=two', named: ['births', 'caseload', 'cohort_years'], expect: { births: 595948, caseload: 150, cohort_years: 2 } },
  { what: 'NaN and infinities', query: '?prevalence=NaN&access=Infinity&local_risk=-Infinity&caseload=nan', named: ['prevalence', 'access', 'local_risk', 'caseload'], expect: { prevalence: 15, caseload: 150, local_risk: 1 } },
  { what: '1e309 and -1e309', query: '?births=1e309&caseload=-1e309&prevalence=1e-400', named: ['births', 'caseload', 'prevalence'] },
  { what: 'negatives', query: '?births=-5&current_teams=-1&teams_in_development=-100&prevalence=-15', named: ['births', 'current_teams', 'teams_in_development', 'prevalence'], expect: { births: 100, current_teams: 0, teams_in_development: 0, prevalence: 1 } },
  { what: 'zeros', query: '?caseload=0&years_to_target=0&cohort_years=0&births=0&access=0', named: ['caseload', 'years_to_target', 'cohort_years', 'births', 'access'], expect: { caseload: 10, years_to_target: 1, cohort_years: 1, births: 100, access: 1 } },
  { what: 'hex', query: '?births=0x1F4&prevalence=0x0A&caseload=%230f', named: ['births', 'prevalence', 'caseload'], expect: { births: 595948, prevalence: 15, caseload: 150 } },
  { what: 'thousands separators', query: '?births=595,948&current_teams=1%2C000&caseload=1.000,5&teams_in_development=1%20000', named: ['births', 'current_teams', 'caseload', 'teams_in_development'], expect: { births: 595948, current_teams: 45, caseload: 150, teams_in_development: 14 } },
  { what: 'repeated keys (the last wins; a bad repeat is named and the good value kept)', query: '?prevalence=10&prevalence=20&access=50&access=lots', named: ['access'], expect: { prevalence: 20, access: 50 } },
  { what: 'empty values', query: '?births=&prevalence&area=&name=&caseload=', named: ['births', 'prevalence', 'area', 'name', 'caseload'], expect: { births: 595948, prevalence: 15, caseload: 150 }, area: 'England' },
  { what: 'invalid %-escapes', query: '?access=%zz&area=%E0%A4%A&name=%&births=1%', named: ['access', 'area', 'name', 'births'], expect: { births: 595948 }, area: 'England' },
  // One 10 kB part per link: a static server refuses request heads over 16 kB (Node's limit; 8 kB on many hosts).
  { what: '10 kB key', query: `?${'k'.repeat(LONG)}=1&prevalence=12`, named: [], expect: { prevalence: 12 } },
  { what: '10 kB key without a value', query: `?prevalence=12&${'x'.repeat(LONG)}`, named: [], expect: { prevalence: 12 } },
  { what: '10 kB area', query: `?area=${'a'.repeat(LONG)}`, named: ['area'] },
  { what: '10 kB number values', query: `?births=${'9'.repeat(LONG / 2)}&prevalence=${'1'.repeat(LONG / 2)}`, named: ['births', 'prevalence'], expect: { births: 595948, prevalence: 15 } },
  { what: 'control characters, bidi overrides and invalid UTF-8 in labels', query: `?area=${enc('ab\u0000c\u0007d\u202Eevil\u202C')}&name=%C3%28%FF%FE%ED%A0%80`, named: [] },
  { what: 'link options with junk', query: `?theme=${enc('<script>x</script>')}&embed=2&sliders=${enc(XSS_AREA)}&preset=${enc(XSS_NAME)}`, named: ['preset'] },
  { what: 'HTML in number values (quoted back in the notice as text)', query: `?births=${enc('<img src=x onerror="window.__xss=4">')}&caseload=${enc('"><script>window.__xss=5</script>')}`, named: ['births', 'caseload'], expect: { births: 595948, caseload: 150 } },
  { what: 'HTML and script in area and name', query: `?area=${enc(XSS_AREA)}&name=${enc(XSS_NAME)}`, named: [], area: XSS_AREA, name: XSS_NAME },
];

describe('hostile links', () => {
  for (const c of CASES) {
    test(`${c.what}: the page holds`, async () => {
      const expectedElements = await baselineElements();
      const session = await open(c.query);
      const { page } = session;
      await waitUntilIdle(page, { quietMs: 500, timeoutMs: 8000 });

      assert.deepEqual(await healthProblems(page, ranges), [], `link ${c.query.slice(0, 200)}`);
      assert.deepEqual(await dangerousElementCounts(page), expectedElements, 'elements differ from a page opened with no link');
      assert.ok(!session.requests.some((r) => /\/x$/.test(new URL(r.url).pathname)), 'markup in the link made the page request "x"');

      const { assumptions, area, name } = await api.scenario(page);
      for (const [key, value] of Object.entries(c.expect ?? {})) {
        assert.ok(Math.abs(assumptions[key] - value) < 1e-9, `${key} = ${assumptions[key]}, expected ${value}`);
      }
      if (c.area !== undefined) assert.equal(area, c.area);
      if (c.name !== undefined) assert.equal(name, c.name);
      assert.ok(area.length >= 1 && [...area].length <= 200, `area has ${[...area].length} characters`);
      assert.ok(name.length >= 1 && [...name].length <= 200, `name has ${[...name].length} characters`);
      assert.doesNotMatch(area + name, /[\u0000-\u001f\u007f]/, 'a control character survived in a label');

      const texts = await pageTexts(page);
      if (c.named.length) {
        assert.ok(texts.noticeVisible, `no visible notice for ${c.query.slice(0, 200)}`);
        for (const key of c.named) assert.match(texts.notice, keyPattern(key), `the notice does not name ${key}: "${texts.notice}"`);
        assert.ok(texts.notice.length < 4000, `the notice is ${texts.notice.length} characters long`);
      }
      // Every notice line names a field: nothing vague, nothing about keys the page does not know.
      if (texts.noticeVisible) assert.doesNotMatch(unquoted(texts.notice), /undefined|NaN|\[object/);
      if (c.area !== undefined) assert.ok(texts.summary.includes(c.area), `live region: "${texts.summary}"`);

      // Still a working calculator: a value set through the page's API takes effect.
      const outcome = await api.setScenario(page, { assumptions: { prevalence: 10, births: 595948, caseload: 150, access: 100 / 3, cohort_years: 2, local_risk: 1, wider_access: 0 } });
      assert.ok(Array.isArray(outcome.problems), JSON.stringify(outcome));
      const results = await pollUntil(() => api.results(page), (r) => Math.abs(r.teams_needed - 264.9) < 0.05);
      assert.ok(Math.abs(results.teams_needed - 264.9) < 0.05, `teams_needed = ${results.teams_needed}`);
      assert.deepEqual(await healthProblems(page, ranges), []);
      assert.deepEqual(await dangerousElementCounts(page), expectedElements);
      assertCleanSession(session);
    });
  }

  test('text the font cannot draw (Welsh, Arabic, Chinese, emoji) stays intact in the DOM and the link', async () => {
    const area = 'Ynys Môn ŵŷ — العربية 中文 😀👶🏽';
    const session = await open(`?area=${enc(area)}&prevalence=12`);
    const { page } = session;
    assert.equal((await api.scenario(page)).area, area);
    const summary = await pollUntil(() => liveRegionText(page), (t) => t.includes(area));
    assert.ok(summary.includes(area), `live region: "${summary}"`);
    const texts = await pageTexts(page);
    assert.ok(texts.table.includes(area) || texts.summary.includes(area), `hidden table: "${texts.table.slice(0, 300)}"`);
    assert.ok(texts.layer.includes(area), `the accessible layer does not name the area: "${texts.layer.slice(0, 300)}"`);

    // A value change rewrites the link: the label must come back unchanged from it.
    await api.setScenario(page, { assumptions: { prevalence: 13 } });
    const url = await pollUntil(async () => page.url(), (u) => new URL(u).searchParams.get('prevalence') === '13');
    assert.equal(new URL(url).searchParams.get('prevalence'), '13', `address: ${url}`);
    assert.equal(new URL(url).searchParams.get('area'), area, `address: ${url}`);

    // Reopening that link gives the same label.
    const again = await open(new URL(url).search);
    assert.equal((await api.scenario(again.page)).area, area);

    // What the canvas shows is for a person to look at (README describes it).
    await waitUntilIdle(page, { quietMs: 500, timeoutMs: 8000 });
    fs.writeFileSync(path.join(outputDir(), 'hostile-unicode-area.png'), await page.locator('canvas').first().screenshot());
    assert.deepEqual(await healthProblems(page, ranges), []);
    assertCleanSession(session);
    assertCleanSession(again);
  });
  // The atlas starts with the calculator's own characters; a name's accented letters are added when
  // such a name appears, and drawn as letters, not as the box for characters the fonts lack.
  test('accented letters in a name are added to the fonts when the name appears', async () => {
    const stats = (page) => page.evaluate(() => window.teamsCalculator.stats());
    const plain = await open('');
    const base = (await stats(plain.page)).fontGlyphs;
    assert.ok(base > 95, `glyphs at load: ${base}`);

    // Letters no font has (Latin Extended-A's Ā, emoji) do not grow the atlas: they draw as the box.
    const emoji = await open(`?area=${enc('M\u0100n 😀')}`);
    assert.equal((await stats(emoji.page)).fontGlyphs, base);

    const welsh = await open(`?area=${enc('Ynys Môn')}`);
    const withNames = (await stats(welsh.page)).fontGlyphs;
    assert.ok(withNames > base + 96, `glyphs with "Ynys Môn": ${withNames}, without: ${base}`);

    // Through the page's API too, on a page that started without them.
    assert.equal((await api.setScenario(plain.page, { area: 'Dún Laoghaire' })).ok, true);
    await pollUntil(() => stats(plain.page), (s) => s.fontGlyphs === withNames);
    assert.equal((await stats(plain.page)).fontGlyphs, withNames);

    // Drawn as the letter: "Môn" must look different from "M□n" (the box itself), while "MĀn", which
    // no font has, looks the same as "M□n".
    const canvasShot = async (page, area) => {
      await api.setScenario(page, { area });
      await waitUntilIdle(page, { quietMs: 400, timeoutMs: 8000 });
      return page.locator('canvas').first().screenshot();
    };
    const box = await canvasShot(welsh.page, 'M\u25A1n');
    assert.ok(!box.equals(await canvasShot(welsh.page, 'Môn')), '"Môn" is drawn like "M\u25A1n"');
    assert.ok(box.equals(await canvasShot(welsh.page, 'M\u0100n')), '"M\u0100n" is not drawn like "M\u25A1n"');

    assert.deepEqual(await healthProblems(welsh.page, ranges), []);
    for (const session of [plain, emoji, welsh]) assertCleanSession(session);
  });

  // Direction controls (U+202E shows the words after it reversed) and C1 controls leave every label;
  // a CSV cell that a spreadsheet would run as a formula, behind spaces, zero-width characters or a
  // lookalike of "=", stays text.
  test('a link with direction controls and disguised formulas: the page, the link and the downloaded CSV are clean', async () => {
    const DIRECTION = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0080-\u009F]/u;
    const area = '\u200B\uFF1D1+1\u202E sdeeL';
    const name = '\u00A0=HYPERLINK("https://example.invalid","Open")\u2067\u0085x\u2069';
    const session = await open(`?area=${enc(area)}&name=${enc(name)}&prevalence=12`);
    const { page } = session;
    const scenario = await api.scenario(page);
    assert.equal(scenario.area, '\u200B\uFF1D1+1 sdeeL');
    assert.equal(scenario.name, '\u00A0=HYPERLINK("https://example.invalid","Open") x');
    const summary = await pollUntil(() => liveRegionText(page), (t) => t.includes('sdeeL'));
    assert.ok(summary.includes('sdeeL'), `live region: "${summary}"`);
    const texts = await pageTexts(page);
    for (const [where, text] of Object.entries(texts)) {
      if (typeof text === 'string') assert.doesNotMatch(text, DIRECTION, `a direction or C1 control in the page's ${where}`);
    }
    await api.setScenario(page, { assumptions: { prevalence: 13 } });
    const url = await pollUntil(async () => page.url(), (u) => new URL(u).searchParams.get('prevalence') === '13');
    for (const key of ['area', 'name']) assert.doesNotMatch(new URL(url).searchParams.get(key) ?? '', DIRECTION, `the link's ${key}`);

    // "Download CSV", pressed with a real click.
    await waitUntilIdle(page, { quietMs: 300 });
    let rect = await api.widgetRect(page, 'download_csv');
    assert.ok(rect, 'no download_csv button');
    await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - page.viewportSize().height / 3);
    await waitUntilIdle(page, { quietMs: 300 });
    rect = await api.widgetRect(page, 'download_csv');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2),
    ]);
    const file = path.join(outputDir(), 'hostile-link.csv');
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    assert.doesNotMatch(csv, DIRECTION, 'a direction or C1 control in the CSV');
    const cell = (key) => {
      const row = csv.split('\r\n').find((r) => r.startsWith(`scenario,${key},`));
      assert.ok(row, `no ${key} row in the CSV`);
      return row.slice(`scenario,${key},`.length).replace(/^"[^"]*",/, '').replace(/,"",""$/, '');
    };
    assert.equal(cell('area'), `"'\u200B\uFF1D1+1 sdeeL"`);
    assert.equal(cell('name'), `"'\u00A0=HYPERLINK(""https://example.invalid"",""Open"") x"`);
    assertCleanSession(session);
  });
});
