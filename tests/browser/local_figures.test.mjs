// An area's own figures: a local link never shows England's counts, and a count nobody has published
// is "not known", never 0 (headline words, working, CSV, the Today bar, the page's API).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, outputDir, waitUntilIdle } from './lib/calculator_page.mjs';
import { decodePng } from './lib/png.mjs';

const fixture = useSiteInChromium();
const LEEDS = '?area=Leeds&births=8617&current_teams=1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function open(query) {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page);
  return session;
}

// Everything the page says in words: the summary, the accessible table (assumptions and working).
const pageWords = (page) =>
  page.evaluate(() => ['#summary', '#mirror'].map((s) => document.querySelector(s).textContent).join('\n'));

async function downloadCsv(page, name, button = 'download_csv') {
  let rect = await api.widgetRect(page, button);
  assert.ok(rect, `no ${button} button`);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2),
  ]);
  const file = path.join(outputDir(), name);
  await download.saveAs(file);
  return { csv: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), filename: download.suggestedFilename() };
}

// The right end of each bar of the "Today against the need" picture, from a screenshot: rows that
// start with today's teal (its bar, with the pale teal of teams in development after it) and rows
// with the need's orange.
function barEnds(png, left, top, bottom) {
  const at = (x, y) => {
    const i = (y * png.width + x) * png.channels;
    return [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
  };
  const near = (c, r, g, b) => Math.abs(c[0] - r) < 30 && Math.abs(c[1] - g) < 30 && Math.abs(c[2] - b) < 30;
  const teal = (c) => near(c, 11, 122, 117);
  const orange = (c) => near(c, 172, 80, 0); // the gap colour (web/theme.cpp, light)
  const paleTeal = (c) => near(c, 157, 196, 190); // accent_soft over the bar's background
  const rows = [];
  for (let y = top; y < bottom; ++y) {
    // The run of bar colours that starts at the bar's left edge, without a break.
    // Up to 3 blended pixels are allowed where one colour meets the next.
    let end = -1, hasOrange = false, misses = 0;
    for (let x = left + 2; x < png.width / 2 && misses <= 3; ++x) { // the left column only
      const c = at(x, y);
      if (teal(c) || orange(c) || paleTeal(c)) { end = x; misses = 0; hasOrange ||= orange(c); } else ++misses;
    }
    if (end >= 0) rows.push({ y, end, hasOrange });
  }
  return rows;
}

describe('an area\'s own figures', () => {
  test('a Leeds link with 1 team: "1 team today", no England, no +14, in every place it is said', async () => {
    const session = await open(LEEDS);
    const { page } = session;
    const scenario = await api.scenario(page);
    assert.equal(scenario.name, 'Leeds (your figures)');
    assert.equal(scenario.assumptions.current_teams, 1);
    assert.equal(scenario.assumptions.teams_in_development, null, 'England\'s 14 in development carried over');
    const results = await api.results(page);
    assert.equal(results.teams_needed_whole, 6);
    assert.equal(results.teams_gap_whole, 5);

    const words = await pageWords(page);
    assert.match(words, /1 team today/, words);
    const { csv } = await downloadCsv(page, 'local-leeds.csv');
    assert.match(csv, /1 team today/);
    for (const [where, text] of [['page', words], ['CSV', csv]]) {
      assert.doesNotMatch(text, /England/, `${where} mentions England:\n${text}`);
      assert.doesNotMatch(text, /\+14|14 more|The briefing: /, `${where} carries the briefing's scenario:\n${text}`);
    }
    assert.doesNotMatch(csv, /,14,/, 'the CSV has a 14');
    assertCleanSession(session);
  });

  test('downloads are named for the area and the day; the CSV is rounded and says where, when and which version', async () => {
    const session = await open(LEEDS + '&local_risk=1.15&caseload=137');
    const { page } = session;
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const { csv, filename } = await downloadCsv(page, 'local-leeds-named.csv');
    assert.equal(filename, `teams-leeds-${today}.csv`);
    const png = await downloadCsv(page, 'local-leeds-named.png', 'download_png');
    assert.equal(png.filename, `teams-leeds-${today}.png`);

    // Cells split on commas outside quotes.
    const rows = csv.trim().split(/\r\n/).slice(1).map((line) => {
      const cells = [];
      let cell = '';
      let quoted = false;
      for (const c of line) {
        if (c === '"') quoted = !quoted;
        if (c === ',' && !quoted) { cells.push(cell); cell = ''; } else cell += c;
      }
      cells.push(cell);
      return cells;
    });
    const byKey = new Map(rows.map((cells) => [`${cells[0]},${cells[1]}`, cells[3]]));
    let numbers = 0;
    for (const cells of rows) {
      assert.equal(cells.length, 6, cells.join(','));
      const value = cells[3];
      if (value === '' || value.startsWith('"')) continue;
      numbers += 1;
      assert.match(value, /^-?\d+(\.\d{1,3})?$/, `${cells[1]}: ${value} is not a number rounded to 0-3 decimals`);
    }
    assert.ok(numbers > 30, `only ${numbers} numbers in the CSV`);
    const link = new URL(JSON.parse(byKey.get('about,link')));
    assert.equal(link.origin, fixture.server.origin);
    assert.equal(link.searchParams.get('area'), 'Leeds');
    assert.equal(link.searchParams.get('births'), '8617');
    assert.equal(link.searchParams.get('current_teams'), '1');
    assert.equal(byKey.get('about,date'), `"${today}"`);
    assert.match(byKey.get('about,version'), /^"\d+\.\d+\.\d+"$/);
    const results = await api.results(page);
    assert.equal(byKey.get('headline,teams_needed_whole'), String(results.teams_needed_whole));
    assert.equal(byKey.get('headline,teams_gap_whole'), String(results.teams_gap_whole));
    assert.equal(byKey.get('assumption,local_risk'), '1.15');
    assertCleanSession(session);
  });

  test('a count that is not a number in a Leeds link: not known, and the notice says so (not "Kept 45")', async () => {
    const session = await open('?area=Leeds&births=8617&current_teams=abc');
    const { page } = session;
    assert.equal((await api.scenario(page)).assumptions.current_teams, null);
    const text = await page.evaluate(() => document.body.innerText);
    assert.match(text, /Specialised teams today: "abc" is not a plain number or "unknown"; valid range 0 to 5,000 teams\. Left not known: enter Leeds's own count\./);
    assert.doesNotMatch(text, /Kept 45/);
    assertCleanSession(session);
  });

  test('the Today bar is shorter than the Needed bar', async () => {
    const session = await open(LEEDS);
    const { page } = session;
    // The picture sits below the share buttons in the left column.
    const buttons = await api.widgetRect(page, 'copy_link');
    const shot = decodePng(await page.screenshot());
    const left = Math.round(buttons.x);
    const rows = barEnds(shot, left, 0, shot.height); // text above has short runs; the bars are the long ones
    // The bars span the left column; 1 team of the 6 needed must fill well under a third of it
    // (England's 1 + 14 in development filled all of it). The geometry itself is checked exactly in
    // test_chart_model.cpp.
    const today = rows.filter((r) => !r.hasOrange);
    assert.ok(today.length >= 10, `Today bar not found: ${today.length} rows`);
    const todayEnd = Math.max(...today.map((r) => r.end));
    const column = shot.width / 2 - left;
    await page.screenshot({ path: path.join(outputDir(), 'local-leeds.png') });
    assert.ok(todayEnd - left < column / 3, `Today bar ends at ${todayEnd - left} px of a ${column} px column`);
    assertCleanSession(session);
  });

  for (const id of ['wales', 'scotland', 'northern_ireland', 'london', 'north_east']) {
    test(`${id}: today's teams are not known, never 0, in the API, the words and the CSV`, async () => {
      const session = await open(`?preset=${id}`);
      const { page } = session;
      assert.equal((await api.scenario(page)).assumptions.current_teams, null);
      const results = await api.results(page);
      assert.equal(results.teams_gap, null);
      assert.equal(results.teams_gap_whole, null);
      assert.ok(results.teams_needed_whole > 0);
      const words = await pageWords(page);
      assert.match(words, /Teams today: not known, enter yours/, words);
      assert.doesNotMatch(words, /\b0 teams today/, words);
      const { csv } = await downloadCsv(page, `local-${id}.csv`);
      const row = csv.split(/\r?\n/).find((r) => r.startsWith('assumption,current_teams,'));
      assert.match(row, /^assumption,current_teams,"[^"]*",,/, `the CSV's cell is not empty: ${row}`);
      assertCleanSession(session);
    });
  }

  test('entering a count makes it known, and "Not known" goes back', async () => {
    const session = await open('?preset=wales');
    const { page } = session;
    assert.equal(await api.widgetRect(page, 'not_known_current_teams'), null, 'a Not known button for a count already not known');
    const outcome = await api.setScenario(page, { assumptions: { current_teams: 3 } });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    await sleep(300);
    assert.equal((await api.results(page)).teams_gap_whole, 15);
    const rect = await api.widgetRect(page, 'not_known_current_teams');
    assert.ok(rect && rect.height >= 24 && rect.width >= 24, `Not known button: ${JSON.stringify(rect)}`);
    if (rect.y < 0 || rect.y + rect.height > page.viewportSize().height) {
      await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - 200);
      await sleep(300);
    }
    const again = await api.widgetRect(page, 'not_known_current_teams');
    await page.mouse.click(again.x + again.width / 2, again.y + again.height / 2);
    await sleep(300);
    assert.equal((await api.scenario(page)).assumptions.current_teams, null);
    assert.equal((await api.results(page)).teams_gap, null);
    assert.match(page.url(), /current_teams=unknown|preset=wales$/);
    assertCleanSession(session);
  });
});
