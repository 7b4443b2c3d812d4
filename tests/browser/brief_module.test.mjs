// The printed brief's module (brief.js: the brief, the SVG pictures, the CSV, the summary card's
// words and the QR code) is not part of the first load: no request for it before the first frame,
// one after it, at idle, and then the brief is filled for Ctrl+P. "Print or save as PDF", "Download
// pictures (SVG)", "Download CSV" and "Download the card" pressed before it has arrived wait for it
// and then print and download as usual, for the link's scenario and its scenario A. setScenario's
// documents are read there too, so teamsCalculator.ready waits for it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium } from './lib/fixture.mjs';
import { frameProbeScript } from './lib/frame_probe.mjs';
import { api, pollUntil, waitUntilIdle } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
const BRIEF = /\/brief\.js(\?|$)/;
const HOLD_MS = 30_000; // the longest brief.js is held back, so a failed test cannot hang

// A page with brief.js's requests recorded (wall-clock time) and, with hold, held until release().
// Service workers are blocked: the worker's own download of the site's files is not the page's.
async function openPage({ hold = false, query = '' } = {}) {
  await fixture.ready();
  const context = await fixture.browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
  const briefRequests = [];
  const errors = [];
  let releaseHeld;
  const released = new Promise((resolve) => { releaseHeld = resolve; });
  const timer = setTimeout(releaseHeld, HOLD_MS);
  await context.route(BRIEF, async (route) => {
    briefRequests.push(Date.now());
    if (hold) await released;
    await route.continue().catch(() => {});
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(frameProbeScript);
  // window.print() would open the print dialog: count the calls and what the brief held at each.
  await page.addInitScript(() => {
    window.__prints = [];
    window.print = () => window.__prints.push(document.getElementById('brief').textContent);
  });
  await page.goto(`${fixture.server.origin}/${query}`, { waitUntil: 'load' });
  // The first frame, not teamsCalculator.ready: ready waits for brief.js, which may be held here.
  await page.waitForFunction(() => window.teamsCalculator && window.__frameProbe.firstFrameDrawnAt !== null &&
    window.teamsCalculator.stats().framesDrawn > 0, null, { timeout: 30_000 });
  const firstFrameAt = await page.evaluate(() => performance.timeOrigin + window.__frameProbe.firstFrameDrawnAt);
  return {
    context,
    page,
    errors,
    briefRequests,
    firstFrameAt,
    release: () => { clearTimeout(timer); releaseHeld(); },
    close: () => { clearTimeout(timer); releaseHeld(); return context.close(); },
  };
}

async function press(page, name) {
  let rect = await api.widgetRect(page, name);
  assert.ok(rect, `widgetRect('${name}') is null: no such button`);
  if (rect.y < 0 || rect.y + rect.height > DESKTOP.viewport.height) {
    await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - 300);
    await page.waitForTimeout(300);
    rect = await api.widgetRect(page, name);
  }
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

const briefText = (page) => page.evaluate(() => document.getElementById('brief').textContent);

describe('the printed brief\'s module', () => {
  test('brief.js is fetched after the first frame, not before, and then fills the brief; teams.wasm is preloaded once', async () => {
    const run = await openPage();
    try {
      const requests = await pollUntil(() => run.briefRequests, (r) => r.length > 0, { timeoutMs: 15_000 });
      assert.equal(requests.length, 1, `brief.js was requested ${requests.length} times`);
      assert.ok(requests[0] > run.firstFrameAt,
        `brief.js was requested ${Math.round(run.firstFrameAt - requests[0])} ms before the first frame`);
      const text = await pollUntil(() => briefText(run.page), (t) => /England needs\s*398/.test(t), { timeoutMs: 15_000 });
      assert.match(text, /England needs\s*398/, `the brief holds: ${text.slice(0, 200)}`);
      // The first load's own files: the module, the page's script and nothing of the brief.
      const loaded = await run.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.ok(loaded.some((n) => /teams\.wasm$/.test(n)), 'teams.wasm was not loaded');
      // teams.wasm is downloaded once, from first_paint.js's preload beside page.js, not after it.
      const wasm = await run.page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => /teams\.wasm$/.test(e.name)).map((e) => e.initiatorType));
      assert.deepEqual(wasm, ['link'], `teams.wasm's downloads, by initiator: ${JSON.stringify(wasm)}`);
      assert.deepEqual(run.errors, []);
    } finally {
      await run.close();
    }
  });

  test('"Print or save as PDF" and "Download pictures (SVG)" pressed before brief.js has arrived wait for it', async () => {
    const run = await openPage({ hold: true });
    try {
      const { page } = run;
      await waitUntilIdle(page);
      assert.equal(await briefText(page), '', 'the brief was filled without brief.js');
      await press(page, 'print');
      await page.waitForTimeout(1000);
      assert.deepEqual(await page.evaluate(() => window.__prints), [], 'printed before the brief was there');
      const downloaded = page.waitForEvent('download', { timeout: 20_000 });
      await press(page, 'download_svg');
      run.release();
      const prints = await pollUntil(() => page.evaluate(() => window.__prints), (p) => p.length > 0, { timeoutMs: 15_000 });
      assert.equal(prints.length, 1, `${prints.length} prints`);
      assert.match(prints[0], /England needs\s*398/, 'the printed brief lacks the answer');
      const download = await downloaded;
      assert.match(download.suggestedFilename(), /^teams-england-\d{4}-\d\d-\d\d\.svg$/);
      const svg = fs.readFileSync(await download.path(), 'utf8');
      assert.match(svg, /^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.ok(svg.includes('Needed: 398 teams'), 'the pictures lack "Needed: 398 teams"');
      assert.equal(run.briefRequests.length, 1, `brief.js was requested ${run.briefRequests.length} times`);
      assert.deepEqual(run.errors, []);
    } finally {
      await run.close();
    }
  });

  test('"Download CSV" and "Download the card" pressed before brief.js has arrived wait for it, with scenario A', async () => {
    const pin = encodeURIComponent('preset=wales');
    const run = await openPage({ hold: true, query: `?prevalence=20&pin=${pin}` });
    try {
      const { page } = run;
      await waitUntilIdle(page);
      const downloads = [];
      page.on('download', (d) => downloads.push(d));
      await press(page, 'download_csv');
      await press(page, 'download_png');
      await page.waitForTimeout(1000);
      assert.deepEqual(downloads.map((d) => d.suggestedFilename()), [], 'downloaded before brief.js was there');
      run.release();
      await pollUntil(() => downloads.length, (n) => n >= 2, { timeoutMs: 20_000 });
      const byName = Object.fromEntries(downloads.map((d) => [d.suggestedFilename().replace(/^.*\./, ''), d]));
      assert.ok(byName.csv && byName.png, `downloads: ${downloads.map((d) => d.suggestedFilename()).join(', ')}`);
      const csv = fs.readFileSync(await byName.csv.path(), 'utf8');
      assert.match(csv, /^\ufeff/, 'the CSV lacks its byte-order mark');
      assert.match(csv, /\nassumption,prevalence,[^\n]*,20(\.0+)?,/, 'the CSV lacks the link\'s prevalence of 20%');
      assert.match(csv, /\nheadline,teams_needed_whole,[^\n]*,530,/, 'the CSV lacks the answer for 20%: 530 teams');
      assert.match(csv, /\na_scenario,area,"Scenario A: area","Wales",/, 'the CSV lacks scenario A (Wales)');
      const png = fs.readFileSync(await byName.png.path());
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'the card is not a PNG');
      assert.equal(png.readUInt32BE(16), 1200, 'the card is not 1200 px wide');
      assert.equal(run.briefRequests.length, 1, `brief.js was requested ${run.briefRequests.length} times`);
      assert.deepEqual(run.errors, []);
    } finally {
      await run.close();
    }
  });

  test('teamsCalculator.ready waits for brief.js, and setScenario then reads a document at once', async () => {
    const run = await openPage({ hold: true });
    try {
      const { page } = run;
      await pollUntil(() => run.briefRequests.length, (n) => n > 0, { timeoutMs: 15_000 });
      const settled = () => page.evaluate(() => Promise.race([
        window.teamsCalculator.ready.then((v) => `ready: ${v}`),
        new Promise((resolve) => setTimeout(() => resolve('pending'), 1500)),
      ]));
      assert.equal(await settled(), 'pending', 'ready resolved while brief.js was held back');
      const early = await page.evaluate(() => window.teamsCalculator.setScenario({ assumptions: { prevalence: 20 } }));
      assert.equal(early.ok, false);
      assert.equal(early.changed, false);
      assert.match(early.problems[0].message, /not ready yet: wait for teamsCalculator\.ready/);
      run.release();
      assert.equal(await page.evaluate(() => window.teamsCalculator.ready), true);
      const answer = await page.evaluate(() => window.teamsCalculator.setScenario({ assumptions: { prevalence: 20 } }));
      assert.deepEqual(answer, { ok: true, changed: true, problems: [] });
      const results = await page.evaluate(() => window.teamsCalculator.getResults());
      assert.equal(results.teams_needed_whole, 530);
      const partly = await page.evaluate(() => window.teamsCalculator.setScenario({ assumptions: { caseload: 0, access: 50 } }));
      assert.equal(partly.ok, false);
      assert.equal(partly.changed, true, 'the valid part (access 50%) was not applied');
      assert.ok(partly.problems.some((p) => p.field === 'caseload'), JSON.stringify(partly.problems));
      assert.equal((await page.evaluate(() => window.teamsCalculator.getScenario())).assumptions.access, 50);
      assert.deepEqual(run.errors, []);
    } finally {
      await run.close();
    }
  });
});
