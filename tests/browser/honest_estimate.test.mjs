// Issues 12 and 13 in the browser: a link's ranges give the same range through getResults(), the
// tornado chart draws, the side-by-side view survives a round trip through its own link, and the
// money results reach the page's API.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, pollUntil, waitUntilIdle, outputDir } from './lib/calculator_page.mjs';
import { decodePng, countColours } from './lib/png.mjs';

const fixture = useSiteInChromium();
const open = async (options) => {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, ...options });
  fixture.sessions.push(session);
  return session;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const near = (actual, expected, digits, what) =>
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${what} = ${actual}, expected ${expected}`);

// A control's rectangle, scrolled into view first.
async function inView(page, key) {
  let rect = await api.widgetRect(page, key);
  assert.ok(rect, `widgetRect('${key}') is null`);
  const viewport = page.viewportSize();
  if (rect.y < 0 || rect.y + rect.height > viewport.height) {
    await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - viewport.height / 3);
    await sleep(300);
    rect = await api.widgetRect(page, key);
  }
  return rect;
}

describe('the honest estimate', () => {
  test('a link with ranges gives the same range through getResults()', async () => {
    const session = await open({ query: '?caseload_low=100&caseload_high=300' });
    const { page } = session;
    const results = await api.results(page);
    near(results.range.low, 132.4329, 4, 'range.low');
    near(results.range.high, 933.6519, 4, 'range.high');
    assert.deepEqual(results.sensitivity.map((s) => s.key), ['caseload', 'prevalence']);
    near(results.break_even.caseload.value, 1324.33, 2, 'break_even.caseload');
    assert.equal(results.break_even.caseload.inside_range, false);
    assert.equal(results.break_even.current_teams, null);
    const scenario = await api.scenario(page);
    assert.deepEqual(scenario.ranges.caseload, { low: 100, high: 300 });
    // the address bar keeps the ranges
    assert.match(page.url(), /caseload_low=100&caseload_high=300/);
    assertCleanSession(session);
  });

  test('the published range and the money at the defaults; a bad range end is named, never NaN', async () => {
    const session = await open({ query: '?prevalence_high=250&caseload_low=300&caseload_high=100&cost_per_baby=NaN' });
    const { page } = session;
    const results = await api.results(page);
    assert.equal(results.range.low < results.range.high, true);
    near(results.range.high, 1191896 * 0.5 / 3 / 100, 6, 'range.high with prevalence_high clamped to 50');
    assert.ok(Math.abs(results.annual_cost - 110980112) <= 1, `annual_cost = ${results.annual_cost}`);
    assert.equal(results.babies_reached_today, 6750);
    assert.ok(Math.abs(results.gap_annual_cost - 98409959) <= 1, `gap_annual_cost = ${results.gap_annual_cost}`);
    assert.equal(results.lifetime_value, 2383792000);
    assert.doesNotMatch(JSON.stringify(results), /NaN|Infinity/);
    const notice = await page.evaluate(() => document.body.innerText);
    assert.match(notice, /Babies at risk of disorganised attachment, high end of the range: 250 is outside the valid range 1 to 50%/);
    assert.match(notice, /Families one team supports a year, low end of the range: 300 is above the high end 100; swapped/);
    assert.doesNotMatch(notice, /prevalence_high|caseload_low/);
    // Named by its label, with its valid range, as every notice is.
    assert.match(notice, /Cost a year for each baby a team supports: "NaN" is not a plain number; valid range 100 to 20,000/);
    assertCleanSession(session);
  });

  test('the tornado chart draws, and goes when nothing is ranged', async () => {
    const session = await open({ query: '?caseload_low=100&caseload_high=300' });
    const { page } = session;
    await waitUntilIdle(page);
    const rect = await inView(page, 'picture_Which assumption matters most');
    assert.ok(rect.width > 200 && rect.height > 80, `tornado_chart = ${JSON.stringify(rect)}`);
    await waitUntilIdle(page);
    const shot = await page.screenshot({ clip: rect });
    fs.writeFileSync(path.join(outputDir(), 'tornado.png'), shot);
    const png = decodePng(shot);
    assert.ok(countColours(png) >= 8, 'the tornado chart shows too few colours: nothing was drawn');
    // its two bars are the gap colour (orange): count those pixels
    let orange = 0;
    for (let i = 0; i < png.pixels.length; i += png.channels) {
      const [r, g, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
      if (r > g + 50 && g > b + 30) orange++;
    }
    assert.ok(orange > 2000, `only ${orange} orange pixels in the tornado chart`);
    const none = await open({ query: '?prevalence_low=none' });
    await waitUntilIdle(none.page);
    assert.equal(await api.widgetRect(none.page, 'picture_Which assumption matters most'), null);
    assert.deepEqual((await api.results(none.page)).sensitivity, []);
    assertCleanSession(session);
  });

  test('A and B side by side survive a round trip through their own link', async () => {
    const session = await open({ query: '?prevalence=10' });
    const { page } = session;
    await waitUntilIdle(page);
    const pin = await inView(page, 'pin');
    await page.mouse.click(pin.x + pin.width / 2, pin.y + pin.height / 2);
    await pollUntil(() => page.evaluate(() => window.teamsCalculator.getPinned()), (p) => p !== null);
    const changed = await api.setScenario(page, { assumptions: { prevalence: 23.5 }, ranges: { caseload: { low: 100, high: 300 } } });
    assert.equal(changed.changed, true, JSON.stringify(changed));
    const link = await pollUntil(() => page.url(), (url) => /[?&]pin=/.test(url) && /prevalence=23\.5/.test(url));
    const pinned = await page.evaluate(() => window.teamsCalculator.getPinned());
    assert.equal(pinned.scenario.assumptions.prevalence, 10);
    assert.equal(pinned.results.teams_needed_whole, 265);
    assert.ok(await api.widgetRect(page, 'unpin'), 'no "Clear A" button');

    // The same link in a new page shows the same pair.
    const again = await open({ query: new URL(link).search });
    const pinnedAgain = await again.page.evaluate(() => window.teamsCalculator.getPinned());
    assert.ok(pinnedAgain, 'the new page has no scenario A');
    assert.deepEqual(pinnedAgain.scenario.assumptions, pinned.scenario.assumptions);
    assert.equal(pinnedAgain.results.teams_needed_whole, 265);
    const b = await api.results(again.page);
    assert.equal(b.teams_needed_whole, 623);
    near(b.range.low, 132.4329 * 23.5 / 15 * 15 / 10 / (23.5 / 10), 4, 'B range.low');
    assert.equal((await api.scenario(again.page)).assumptions.prevalence, 23.5);
    await waitUntilIdle(again.page);
    assert.equal(new URL(again.page.url()).search, new URL(link).search, 'the link changed on the way round');

    // Clearing the pin returns to one scenario, and the link loses it.
    const unpin = await inView(again.page, 'unpin');
    await again.page.mouse.click(unpin.x + unpin.width / 2, unpin.y + unpin.height / 2);
    await pollUntil(() => again.page.url(), (url) => !/[?&]pin=/.test(url));
    assert.equal(await again.page.evaluate(() => window.teamsCalculator.getPinned()), null);
    assertCleanSession(session);
    assertCleanSession(again);
  });

  test('on a phone, a range end opens a number field and applies what is typed', async () => {
    const session = await open({ device: PHONE, query: '?caseload_low=100&caseload_high=300' });
    const { page } = session;
    await waitUntilIdle(page);
    const end = await inView(page, 'value_caseload_high');
    assert.ok(end.height >= 44, `the range end is ${end.height} px tall on a phone`);
    await page.touchscreen.tap(end.x + end.width / 2, end.y + end.height / 2);
    const input = page.locator('input[data-key="caseload_high"]');
    await input.waitFor({ timeout: 5000 });
    await input.fill('250');
    await input.press('Enter');
    await pollUntil(() => api.scenario(page), (s) => s.ranges.caseload.high === 250);
    const results = await api.results(page);
    near(results.range.low, 59594.8 * 10 / 15 / 250, 6, 'range.low after typing 250');
    assertCleanSession(session);
  });
});
