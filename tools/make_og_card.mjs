#!/usr/bin/env node
// Draws SITE/og-card.png, the picture a link preview shows (og:image): the summary card of the
// briefing's answer, drawn by the built site itself in Debian's Chromium with the same code as
// "Download picture" (shell/calculator.js drawCard, words from src/card.cpp), dated today.
//
//   node tools/make_og_card.mjs build/wasm/site [--site=https://HOST/PATH/]
//
// --site is the address the site is served from, printed on the card as its link; without it the
// card carries no link (the preview shows the address beside it anyway). Runs after
// bundle_scripts.mjs and before stamp_service_worker.py, which leaves og-card.png out of the offline
// cache (only link previews fetch it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = (name) => import(path.join(REPO, 'tests/browser/lib', name));

const args = process.argv.slice(2);
const siteArg = args.find((a) => a.startsWith('--site='));
const site = args.find((a) => !a.startsWith('--'));
if (!site || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: make_og_card.mjs SITE_DIR [--site=URL] (SITE_DIR/index.html must exist)');
  process.exit(2);
}
const link = siteArg ? siteArg.slice('--site='.length) : '';
if (link && !/^https?:\/\/[^\s/]+/.test(link)) {
  console.error(`make_og_card: --site must be an http(s) address, got '${link}'`);
  process.exit(2);
}

const { startStaticServer } = await lib('static_server.mjs');
const { launchChromium } = await lib('chromium.mjs');
const server = await startStaticServer(site);
let browser = null;
try {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 120_000 });
  if (!(await page.evaluate(() => window.teamsCalculator.ready)))
    throw new Error(`the calculator did not start (${errors.join('; ') || 'fallback shown'})`);
  // The default scenario is the briefing's: check before drawing it.
  const results = await page.evaluate(() => window.teamsCalculator.getResults());
  const scenario = await page.evaluate(() => window.teamsCalculator.getScenario());
  if (scenario.preset !== 'briefing') throw new Error(`the site opened on preset '${scenario.preset}', not the briefing`);
  const url = await page.evaluate((l) => window.teamsCalculator.cardImage({ link: l }), link);
  const png = Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64');
  if (png.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error('cardImage() did not give a PNG');
  fs.writeFileSync(path.join(site, 'og-card.png'), png);
  console.log(`${path.join(site, 'og-card.png')}: ${results.teams_needed_whole} teams, ${png.length} bytes${link ? `, link ${link}` : ', no link'}`);
} catch (e) {
  console.error(`make_og_card: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await server.close();
}
