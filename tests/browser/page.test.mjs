// Issue 3: the page draws without errors, reproduces the briefing's figure, reads the link, and
// fetches nothing but its own files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { labelPattern } from './lib/labels.mjs';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import {
  openCalculator, api, liveRegionText, queryParams, pollUntil, waitUntilIdle, outputDir,
} from './lib/calculator_page.mjs';
import { decodePng, countColours } from './lib/png.mjs';

const fixture = useSiteInChromium();
const open = async (options) => {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, ...options });
  fixture.sessions.push(session);
  return session;
};

describe('calculator page', () => {
  test('draws its first frame with no console errors or page errors', async () => {
    const session = await open();
    const { page } = session;
    await waitUntilIdle(page);

    const stats = await api.stats(page);
    assert.ok(Number.isInteger(stats.framesDrawn) && stats.framesDrawn >= 1, `stats() = ${JSON.stringify(stats)}`);
    assert.ok(Number.isFinite(stats.lastFrameMs) && stats.lastFrameMs >= 0, `stats() = ${JSON.stringify(stats)}`);
    const probe = await api.probe(page);
    assert.ok(probe.drawCalls > 0, `no WebGL draw call was seen: ${JSON.stringify(probe)}`);

    // The canvas shows something: a drawn interface has many colours (text, widgets), a blank one few.
    const canvas = page.locator('canvas').first();
    assert.ok(await canvas.isVisible(), 'the canvas is not visible');
    const shot = await canvas.screenshot();
    fs.writeFileSync(path.join(outputDir(), 'desktop-defaults.png'), shot);
    const colours = countColours(decodePng(shot));
    assert.ok(colours >= 16, `the canvas shows only ${colours} colour(s): nothing was drawn`);
    // The canvas is a picture; what it shows is in the accessible layer over it (accessibility.test.mjs).
    assert.equal(await canvas.getAttribute('aria-hidden'), 'true');
    const standIns = await page.locator('#calculator-controls .stand-in').count();
    assert.ok(standIns >= 50, `the accessible layer has ${standIns} controls`);

    assertCleanSession(session);
  });

  test("defaults give the briefing's 397.3 teams and the live region says 398", async () => {
    const session = await open();
    const { page } = session;
    const results = await api.results(page);
    assert.ok(Math.abs(results.teams_needed - 397.3) < 0.05, `teams_needed = ${results.teams_needed}, expected 397.3`);
    assert.equal(results.teams_needed_whole, 398);
    assert.ok(Math.abs(results.babies_to_reach - 59594.8) < 0.05, `babies_to_reach = ${results.babies_to_reach}`);

    const scenario = await api.scenario(page);
    assert.equal(scenario.assumptions.prevalence, 15);
    assert.equal(scenario.assumptions.births, 595948);
    assert.equal(scenario.assumptions.current_teams, 45);

    const text = await pollUntil(() => liveRegionText(page), (t) => /\b398 teams\b/.test(t));
    assert.match(text, /\b398 teams\b/, `live region: "${text}"`);
    assert.match(text, /59,595 babies/, `live region: "${text}"`);
    assert.match(text, /\b45\b/, `live region: "${text}"`);
    assert.doesNotMatch(text, /NaN|Infinity|undefined|null/, `live region: "${text}"`);
    assertCleanSession(session);
  });

  test('?prevalence=10 gives 264.9 teams, and the live region, scenario and address agree', async () => {
    const session = await open({ query: '?prevalence=10' });
    const { page } = session;
    const results = await api.results(page);
    assert.ok(Math.abs(results.teams_needed - 264.9) < 0.05, `teams_needed = ${results.teams_needed}, expected 264.9`);
    assert.equal(results.teams_needed_whole, 265);
    const scenario = await api.scenario(page);
    assert.equal(scenario.assumptions.prevalence, 10);
    assert.equal(scenario.assumptions.births, 595948, 'other assumptions keep their defaults');

    const text = await pollUntil(() => liveRegionText(page), (t) => /\b265 teams\b/.test(t));
    assert.match(text, /\b265 teams\b/, `live region: "${text}"`);
    assert.doesNotMatch(text, /\b398\b/, `live region still states the default: "${text}"`);
    assert.equal(Number(queryParams(page).get('prevalence')), 10, `address: ${page.url()}`);

    // The visually hidden table, where there is one, carries the same answer.
    const tableText = await page.evaluate(() => Array.from(document.querySelectorAll('table')).map((t) => t.textContent).join(' '));
    if (tableText.trim()) assert.match(tableText, /\b265\b|264\.9/, `hidden table: "${tableText.slice(0, 400)}"`);
    assertCleanSession(session);
  });

  test('bad link parameters are ignored or clamped, named in a visible notice, and nothing shows NaN', async () => {
    const session = await open({ query: '?prevalence=abc&births=-5&caseload=100000&access=NaN' });
    const { page } = session;
    const { assumptions } = await api.scenario(page);
    assert.equal(assumptions.prevalence, 15, 'a non-number keeps the default');
    assert.ok(assumptions.births >= 100 && assumptions.births <= 2_000_000, `births = ${assumptions.births}`);
    assert.ok(assumptions.caseload >= 10 && assumptions.caseload <= 1000, `caseload = ${assumptions.caseload}`);
    assert.ok(Number.isFinite(assumptions.access) && assumptions.access >= 1 && assumptions.access <= 100, `access = ${assumptions.access}`);
    const results = await api.results(page);
    assert.ok(Number.isFinite(results.teams_needed) && results.teams_needed > 0, `teams_needed = ${results.teams_needed}`);

    const notice = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[role="alert"], [role="status"], .notice'))
        .filter((el) => el.offsetParent !== null && !el.hidden && el.getAttribute('aria-live') !== 'polite')
        .map((el) => el.textContent.replace(/\s+/g, ' ').trim())
        .join(' | '),
    );
    for (const key of ['prevalence', 'births', 'caseload', 'access']) {
      assert.match(notice, labelPattern(key), `the visible notice does not name ${key} by its label: "${notice}"`);
    }
    const text = await liveRegionText(page);
    assert.doesNotMatch(text, /NaN|Infinity|undefined/, `live region: "${text}"`);
    // The notice may quote what the link said ("NaN"), but no value of its own may be NaN.
    const unquoted = notice.replace(/"[^"]*"|“[^”]*”/g, '');
    assert.doesNotMatch(unquoted, /NaN|Infinity|undefined/, `notice: "${notice}"`);
    // The address bar now holds the values in use, not the link's bad ones.
    const url = new URL(await pollUntil(async () => page.url(), (u) => !/abc|NaN|100000/.test(u)));
    assert.doesNotMatch(url.search, /abc|NaN|-5|100000/, `address: ${url}`);
    assert.equal(Number(url.searchParams.get('births')), assumptions.births, `address: ${url}`);
    assert.equal(Number(url.searchParams.get('caseload')), assumptions.caseload, `address: ${url}`);
    assertCleanSession(session);
  });

  test('setScenario changes the result, the live region and the address', async () => {
    const session = await open();
    const { page } = session;
    const scenario = await api.scenario(page);
    const outcome = await api.setScenario(page, { ...scenario, assumptions: { ...scenario.assumptions, prevalence: 10 } });
    assert.equal(outcome.ok, true, `setScenario: ${JSON.stringify(outcome)}`);
    const results = await pollUntil(() => api.results(page), (r) => Math.abs(r.teams_needed - 264.9) < 0.05);
    assert.ok(Math.abs(results.teams_needed - 264.9) < 0.05, `teams_needed = ${results.teams_needed}`);
    const text = await pollUntil(() => liveRegionText(page), (t) => /\b265 teams\b/.test(t));
    assert.match(text, /\b265 teams\b/, `live region: "${text}"`);
    const url = await pollUntil(async () => page.url(), (u) => new URL(u).searchParams.get('prevalence') === '10');
    assert.equal(new URL(url).searchParams.get('prevalence'), '10', `address: ${url}`);
    assertCleanSession(session);
  });

  // Scrolls a control into the upper part of the viewport and screenshots its rect.
  async function shotOf(page, key) {
    let r = await api.widgetRect(page, key);
    await page.evaluate((y) => window.scrollBy(0, y - 120), r.y);
    await page.waitForTimeout(300);
    await waitUntilIdle(page, { quietMs: 300 });
    r = await api.widgetRect(page, key);
    return { rect: r, png: decodePng(await page.screenshot({ clip: { x: r.x, y: r.y, width: r.width, height: r.height } })) };
  }
  const background = (png) => [png.pixels[0], png.pixels[1], png.pixels[2]];
  const differs = (png, i, bg) =>
    Math.abs(png.pixels[i] - bg[0]) + Math.abs(png.pixels[i + 1] - bg[1]) + Math.abs(png.pixels[i + 2] - bg[2]) > 60;

  test('at a tablet width (820 px) the 100-babies grid spans most of its column', async () => {
    const session = await open({ device: { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 1 } });
    const { page } = session;
    await waitUntilIdle(page);
    const { rect, png } = await shotOf(page, 'picture_100 babies');
    // The grid is the picture's top; its leftmost and rightmost drawn pixels in the top 30%.
    const bg = background(png);
    let left = png.width, right = -1;
    for (let y = 0; y < Math.floor(png.height * 0.3); ++y)
      for (let x = 0; x < png.width; ++x)
        if (differs(png, (y * png.width + x) * png.channels, bg)) left = Math.min(left, x), right = Math.max(right, x);
    const spanned = right - left + 1;
    assert.ok(right > left, 'no grid drawn');
    assert.ok(spanned >= rect.width * 0.55, `the grid spans ${spanned} of its column's ${rect.width} px`);
    assertCleanSession(session);
  });

  test('hovering the scale-up chart shows a readout of the year under the pointer; a click keeps it', async () => {
    const session = await open();
    const { page } = session;
    await waitUntilIdle(page);
    await page.mouse.move(5, 5);
    const plain = await shotOf(page, 'picture_Scaling up');
    const r = plain.rect;
    const count = (png) => {
      let n = 0;
      for (let i = 0; i < Math.min(png.pixels.length, plain.png.pixels.length); i += png.channels)
        if (differs(png, i, [plain.png.pixels[i], plain.png.pixels[i + 1], plain.png.pixels[i + 2]])) ++n;
      return n;
    };
    const shot = async () => decodePng(await page.screenshot({ clip: { x: r.x, y: r.y, width: r.width, height: r.height } }));
    await page.mouse.move(r.x + r.width * 0.62, r.y + r.height * 0.6);
    await waitUntilIdle(page, { quietMs: 300 });
    const hovered = count(await shot());
    assert.ok(hovered > 500, `hovering changed ${hovered} pixels`);
    // The pointer leaves (over the page's heading): the chart is as it was.
    await page.mouse.move(r.x + 10, Math.max(2, r.y - 60));
    await waitUntilIdle(page, { quietMs: 300 });
    assert.ok(count(await shot()) < 50, 'the readout stayed after the pointer left');
    // A click keeps it after the pointer leaves; a second click on the same year lets it go.
    await page.mouse.click(r.x + r.width * 0.62, r.y + r.height * 0.6);
    await page.mouse.move(r.x + 10, Math.max(2, r.y - 60));
    await waitUntilIdle(page, { quietMs: 300 });
    assert.ok(count(await shot()) > 500, 'the clicked readout went when the pointer left');
    await page.mouse.click(r.x + r.width * 0.62, r.y + r.height * 0.6);
    await page.mouse.move(r.x + 10, Math.max(2, r.y - 60));
    await waitUntilIdle(page, { quietMs: 300 });
    assert.ok(count(await shot()) < 50, 'a second click did not let the readout go');
    assertCleanSession(session);
  });

  test("no request leaves the page's own origin", async () => {
    const session = await open({ query: '?prevalence=12&births=26832' });
    const { page } = session;
    // Exercise the page a little so late requests (fonts, presets, workers) happen too.
    const scenario = await api.scenario(page);
    await api.setScenario(page, { ...scenario, assumptions: { ...scenario.assumptions, caseload: 120 } });
    await page.mouse.move(300, 300);
    await page.mouse.wheel(0, 200);
    await waitUntilIdle(page, { quietMs: 1000, timeoutMs: 8000 });
    await page.waitForTimeout(500);

    assert.ok(session.requests.length >= 2, `too few requests seen to be credible: ${JSON.stringify(session.requests)}`);
    const own = session.requests.filter((r) => r.url.startsWith(session.origin));
    assert.ok(own.some((r) => r.url.endsWith('.wasm')), `no .wasm request was seen: ${JSON.stringify(session.requests)}`);
    assert.deepEqual(session.offOrigin, [], `requests that left ${session.origin}: ${JSON.stringify(session.offOrigin)}`);
    assert.deepEqual(session.webSockets, [], 'the page opened web sockets');
    assert.deepEqual(session.failedRequests, [], 'requests to the page’s own files failed');
    assertCleanSession(session);
  });
});
