// Embeds draw a screen-sized canvas: on a host with embed.js (another origin, as a charity's site),
// a 390 px wide phone embed at pixel ratio 3 draws only the band of the frame in the host's viewport
// (with overscan) at the full ratio, under 16.7 megapixels, and scrolling the host shows the right
// part: every slider in view is drawn exactly where the calculator's layout (and so its input) has
// it. A host without embed.js keeps the frame-sized canvas, and any canvas stays under 16.7
// megapixels.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { launchChromium, PHONE } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static_server.mjs';
import { siteDir, outputDir } from './lib/calculator_page.mjs';
import { decodePng } from './lib/png.mjs';

const MAX_PIXELS = 16.7e6;
const TALL_EMBED = 'presets,share,compare,money,ranges,pictures,working';
const fixture = { site: null, host: null, hostDir: null, browser: null, contexts: [] };

let setUp = null;
function ready() {
  setUp ??= (async () => {
    fixture.site = await startStaticServer(siteDir());
    fixture.hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-band-host-'));
    const frame = (extra) =>
      // Every section the link can ask for: a tall embed, as tall as the whole page once was.
      `<iframe id="calc" src="${fixture.site.origin}/index.html?embed=1&show=${TALL_EMBED}" title="Parent-infant teams calculator" ` +
      `allow="clipboard-write" style="display:block;width:100%;border:0;${extra}" data-teams-calculator></iframe>`;
    const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"></head>
<body style="margin:0;padding:0 0 1500px"><h1 style="margin:0;height:400px">A charity's page</h1>${body}</body></html>`;
    fs.writeFileSync(path.join(fixture.hostDir, 'band.html'),
      page(`${frame('height:1600px')}<script src="${fixture.site.origin}/embed.js" async></script>`));
    // No embed.js: the frame keeps the height the host gave it, and no band is ever sent.
    fs.writeFileSync(path.join(fixture.hostDir, 'plain.html'), page(frame('height:1600px')));
    fixture.host = await startStaticServer(fixture.hostDir);
    fixture.browser = await launchChromium();
  })();
  return setUp;
}

after(async () => {
  for (const context of fixture.contexts) await context.close().catch(() => {});
  await fixture.browser?.close();
  await fixture.site?.close();
  await fixture.host?.close();
  if (fixture.hostDir) fs.rmSync(fixture.hostDir, { recursive: true, force: true });
});

async function newPage(device) {
  const context = await fixture.browser.newContext({ ...device });
  fixture.contexts.push(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}

async function calculatorFrame(page) {
  const frame = await (await page.waitForSelector('#calc')).contentFrame();
  await frame.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
  assert.equal(await frame.evaluate(() => window.teamsCalculator.ready), true, 'the embed showed its fallback');
  return frame;
}

const canvasState = (frame) =>
  frame.evaluate(() => {
    const canvas = document.getElementById('calculator-canvas');
    const rect = canvas.getBoundingClientRect();
    return {
      bufferWidth: canvas.width,
      bufferHeight: canvas.height,
      cssWidth: rect.width,
      cssHeight: rect.height,
      top: rect.top + window.scrollY, // in the frame's document
      position: canvas.style.position,
      frameHeight: window.innerHeight,
      contentHeight: window.teamsCalculator.contentHeight(),
      frames: window.teamsCalculator.stats().framesDrawn,
    };
  });

// Waits until the canvas has not changed for a while (the band arrives, the frame redraws).
async function settled(frame) {
  let last = '';
  let state = null;
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    state = await canvasState(frame);
    const now = JSON.stringify(state);
    if (now === last) return state;
    last = now;
  }
  return state;
}

// Mean absolute difference of two screenshots of the same size, 0-255 per channel.
function meanDifference(a, b) {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  assert.equal(a.channels, b.channels);
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs(a.pixels[i] - b.pixels[i]);
  return sum / a.pixels.length;
}

describe('embeds draw the visible band', () => {
  test('a 390 px phone embed at ratio 3: a screen-sized buffer at the full ratio over the band in view', async () => {
    await ready();
    const host = await newPage(PHONE);
    await host.page.goto(`${fixture.host.origin}/band.html`, { waitUntil: 'load' });
    const frame = await calculatorFrame(host.page);
    const frameTop = await host.page.evaluate(() => document.getElementById('calc').getBoundingClientRect().top + window.scrollY);
    const viewport = PHONE.viewport.height;
    let drawnAt = null;
    for (const into of [900, 1900, 100]) {
      await host.page.evaluate((y) => window.scrollTo(0, y), frameTop + into);
      const state = await settled(frame);
      const where = `${into} px into the frame: ${JSON.stringify(state)}`;
      assert.ok(state.frameHeight > 2 * viewport, `the frame is not as tall as its content (${where})`);
      assert.equal(state.bufferWidth, state.cssWidth * 3, `text is not drawn at the full ratio 3 (${where})`);
      assert.equal(state.bufferHeight, state.cssHeight * 3, `not at the full ratio 3 (${where})`);
      assert.ok(state.bufferWidth * state.bufferHeight < MAX_PIXELS, `over 16.7 megapixels (${where})`);
      assert.ok(state.cssHeight <= 2 * viewport, `the canvas is not screen-sized (${where})`);
      assert.equal(state.position, 'absolute', where);
      // The band in view lies inside the canvas, and moving the band redrew it.
      const visibleTop = into;
      const visibleBottom = Math.min(into + viewport, state.frameHeight);
      assert.ok(state.top <= visibleTop && state.top + state.cssHeight >= visibleBottom, `the canvas misses the band in view (${where})`);
      if (drawnAt !== null && drawnAt.top !== state.top) assert.ok(state.frames > drawnAt.frames, `moved without a new frame (${where})`);
      drawnAt = state;
    }
    assert.deepEqual(host.errors, []);
  });

  test('scrolling the host shows the right part: each slider drawn where the calculator has it', async () => {
    await ready();
    const host = await newPage(PHONE);
    await host.page.goto(`${fixture.host.origin}/band.html`, { waitUntil: 'load' });
    const frame = await calculatorFrame(host.page);
    const frameTop = await host.page.evaluate(() => document.getElementById('calc').getBoundingClientRect().top + window.scrollY);
    const colours = await frame.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return { background: style.getPropertyValue('--bg').trim() };
    });
    const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    const background = hex(colours.background);
    const keys = ['births', 'cohort_years', 'prevalence', 'local_risk', 'access', 'wider_prevalence', 'wider_access',
      'caseload', 'current_teams', 'teams_in_development', 'years_to_target'];
    let checked = 0;
    for (const into of [900, 1900, 300]) {
      await host.page.evaluate((y) => window.scrollTo(0, y), frameTop + into);
      await settled(frame);
      const shot = decodePng(await host.page.screenshot());
      const at = (x, y) => {
        const i = (Math.round(y * 3) * shot.width + Math.round(x * 3)) * shot.channels;
        return [shot.pixels[i], shot.pixels[i + 1], shot.pixels[i + 2]];
      };
      const isBackground = (c) => c.every((v, i) => Math.abs(v - background[i]) <= 2);
      // Slider tracks in view, from the calculator's own layout (frame px -> host viewport px).
      const rects = await frame.evaluate((ks) => ks.map((k) => [k, window.teamsCalculator.widgetRect(k)]), keys);
      const offset = await host.page.evaluate(() => document.getElementById('calc').getBoundingClientRect().top);
      for (const [key, r] of rects) {
        if (!r) continue;
        const top = r.y + offset;
        if (top < 10 || top + r.height > PHONE.viewport.height - 10) continue;
        // Just inside the track's top and bottom edges (a quarter of the way along, away from the
        // rounded ends) it is drawn; just outside them is the page's background.
        const x = r.x + r.width * 0.25;
        const inside = [at(x, top + 3), at(x, top + r.height - 3)];
        const outside = [at(x, top - 3), at(x, top + r.height + 3)];
        const where = `${key} ${into} px into the frame at ${top.toFixed(1)} (inside ${JSON.stringify(inside)}, outside ${JSON.stringify(outside)}, background ${background})`;
        assert.ok(inside.every((c) => !isBackground(c)), `the slider is not drawn where it is: ${where}`);
        assert.ok(outside.every(isBackground), `something is drawn around the slider: ${where}`);
        checked++;
      }
    }
    assert.ok(checked >= 6, `only ${checked} sliders were in view`);
    assert.deepEqual(host.errors, []);
  });

  test('a host without embed.js keeps the frame-sized canvas', async () => {
    await ready();
    const host = await newPage(PHONE);
    await host.page.goto(`${fixture.host.origin}/plain.html`, { waitUntil: 'load' });
    await host.page.evaluate(() => window.scrollTo(0, 300));
    const frame = await calculatorFrame(host.page);
    const state = await settled(frame);
    assert.equal(state.position, '', JSON.stringify(state));
    assert.equal(state.cssHeight, Math.min(state.frameHeight, state.contentHeight), JSON.stringify(state));
    assert.ok(state.bufferWidth * state.bufferHeight < MAX_PIXELS, JSON.stringify(state));
    assert.deepEqual(host.errors, []);
  });

  test('a wide frame at ratio 3 stays under 16.7 megapixels (area as well as sides)', async () => {
    await ready();
    const host = await newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 3 });
    await host.page.goto(`${fixture.host.origin}/plain.html`, { waitUntil: 'load' });
    await host.page.evaluate(() => window.scrollTo(0, 300));
    const frame = await calculatorFrame(host.page);
    const state = await settled(frame);
    const pixels = state.bufferWidth * state.bufferHeight;
    // About 1,920 x 1,200 CSS px: at ratio 3 that would be over 20 megapixels.
    assert.ok(state.cssWidth * state.cssHeight * 9 > MAX_PIXELS, `the test needs a larger frame: ${JSON.stringify(state)}`);
    assert.ok(pixels < MAX_PIXELS, `${(pixels / 1e6).toFixed(1)} megapixels: ${JSON.stringify(state)}`);
    // Lowered only as far as the area needs, in the quarter steps the platform layer takes.
    const fit = Math.min(3, Math.floor(Math.sqrt(MAX_PIXELS / (state.cssWidth * state.cssHeight)) * 4) / 4);
    assert.equal(state.bufferWidth / state.cssWidth, fit, `the ratio is not the largest quarter step under the limit: ${JSON.stringify(state)}`);
    assert.deepEqual(host.errors, []);
  });
});
