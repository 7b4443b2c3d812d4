// Issue 4, the single file: build/wasm/site/teams-calculator.html works on its own, saved to a folder
// with nothing beside it and opened from disk (file://), with link parameters, and asks for no file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { launchChromium, DESKTOP, PHONE } from './lib/chromium.mjs';
import { siteDir, outputDir, pollUntil } from './lib/calculator_page.mjs';
import { decodePng, countColours } from './lib/png.mjs';

const READY_TIMEOUT_MS = 45_000;
const fixture = { browser: null, contexts: [], dir: null, file: null };

// Set-up happens in the first test that needs it, so a missing site, build step or Chromium fails
// each test with its reason (not "cancelled"), as in lib/fixture.mjs.
let setUp = null;
function ready() {
  setUp ??= (async () => {
    const built = path.join(siteDir(), 'teams-calculator.html');
    assert.ok(fs.existsSync(built), `${built} is missing: the wasm build makes it (tools/make_single_file.py)`);
    // As if emailed: one file in an otherwise empty folder.
    fixture.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-single-file-'));
    fixture.file = path.join(fixture.dir, 'teams-calculator.html');
    fs.copyFileSync(built, fixture.file);
    const bytes = fs.readFileSync(fixture.file);
    console.log(
      `# teams-calculator.html: ${(bytes.length / 1024).toFixed(1)} KiB, ` +
        `${(zlib.gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`,
    );
    fixture.browser = await launchChromium();
  })();
  return setUp;
}

after(async () => {
  for (const context of fixture.contexts) await context.close().catch(() => {});
  await fixture.browser?.close();
  if (fixture.dir) fs.rmSync(fixture.dir, { recursive: true, force: true });
});

async function openFile(query, device = DESKTOP) {
  const context = await fixture.browser.newContext({ ...device });
  fixture.contexts.push(context);
  const page = await context.newPage();
  const session = { page, requests: [], pageErrors: [], consoleErrors: [] };
  page.on('request', (r) => session.requests.push(r.url()));
  page.on('pageerror', (e) => session.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(m.text());
  });
  const url = pathToFileURL(fixture.file).href + query;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: READY_TIMEOUT_MS });
  assert.equal(await page.evaluate(() => window.teamsCalculator.ready), true, 'the single file showed its fallback');
  return session;
}

function assertSelfContained(session) {
  const fileUrl = pathToFileURL(fixture.file).href;
  const others = session.requests.filter((u) => !u.startsWith(fileUrl) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(others, [], 'the single file asked for other files');
  assert.deepEqual(session.pageErrors, [], 'page errors');
  assert.deepEqual(session.consoleErrors, [], 'console errors');
}

describe('single file', () => {
  test('opened from file:// with ?prevalence=10 it draws and gives 264.9 teams', async () => {
    await ready();
    const session = await openFile('?prevalence=10');
    const { page } = session;
    const results = await page.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(results.teams_needed - 264.9) < 0.05, `teams_needed = ${results.teams_needed}, expected 264.9`);
    assert.equal(results.teams_needed_whole, 265);
    const summary = await pollUntil(
      () => page.evaluate(() => document.querySelector('[aria-live]')?.textContent || ''),
      (t) => /\b265 teams\b/.test(t),
    );
    assert.match(summary, /\b265 teams\b/, `live region: "${summary}"`);

    await page.waitForTimeout(300);
    const shot = await page.locator('canvas').first().screenshot();
    fs.writeFileSync(path.join(outputDir(), 'single-file.png'), shot);
    const colours = countColours(decodePng(shot));
    assert.ok(colours >= 16, `the canvas shows only ${colours} colour(s)`);
    assert.equal(await page.evaluate(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)), false, 'a service worker controls the file:// page');
    assertSelfContained(session);
  });

  test('on a phone, from file://, the defaults give 397.3 and a new value changes the result', async () => {
    await ready();
    const session = await openFile('', PHONE);
    const { page } = session;
    const results = await page.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(results.teams_needed - 397.3) < 0.05, `teams_needed = ${results.teams_needed}`);
    const scenario = await page.evaluate(() => window.teamsCalculator.getScenario());
    const outcome = await page.evaluate(
      (s) => window.teamsCalculator.setScenario({ ...s, assumptions: { ...s.assumptions, births: 26832 } }),
      scenario,
    );
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    const after = await pollUntil(
      () => page.evaluate(() => window.teamsCalculator.getResults()),
      (r) => Math.abs(r.teams_needed - 397.3) > 1,
    );
    assert.ok(Math.abs(after.teams_needed - (397.3 * 26832) / 595948) < 0.05, `teams_needed = ${after.teams_needed}`);
    assertSelfContained(session);
  });
  test('from file://, the footer opens the accessibility statement inside the file, and its back link returns', async () => {
    await ready();
    const session = await openFile('');
    const { page } = session;
    const link = page.locator('#page-footer a', { hasText: 'Accessibility statement' });
    assert.equal(await link.getAttribute('href'), '#accessibility-statement');
    await link.click();
    const heading = page.getByRole('heading', { level: 1, name: /Accessibility statement for the parent-infant/ });
    await heading.waitFor({ state: 'visible', timeout: 5_000 });
    assert.ok(page.url().startsWith(pathToFileURL(fixture.file).href), `the link left the file: ${page.url()}`);
    assert.equal(await page.locator('canvas').first().isVisible(), false, 'the calculator shows beside the statement');
    assert.ok((await page.locator('#accessibility-statement li').count()) >= 5, 'the statement lost its list');
    await page.getByRole('link', { name: 'Back to the calculator' }).first().click();
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(await heading.isVisible(), false, 'the statement stays after Back to the calculator');
    const box = await page.locator('canvas').first().boundingBox();
    assert.ok(box && box.width > 300 && box.height > 300, `the canvas came back as ${JSON.stringify(box)}`);
    const results = await page.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(results.teams_needed - 397.3) < 0.05, `teams_needed = ${results.teams_needed}`);
    assertSelfContained(session);
  });
});
