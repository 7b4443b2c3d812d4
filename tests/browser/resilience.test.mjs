// Issue 5, the page in a hostile host: it requests nothing but its own files and sets no cookies;
// it works with storage blocked and in a sandboxed frame; it recovers from a lost WebGL context and
// draws the same pixels again; without WebGL or WebAssembly the HTML fallback states 398 teams and
// the method.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, DESKTOP, checkChromium, loadPlaywright } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import {
  openCalculator, api, liveRegionText, pollUntil, waitUntilIdle, outputDir, visibleSliderRect, mouseDrag,
} from './lib/calculator_page.mjs';
import { decodePng, countColours } from './lib/png.mjs';
import { documentedRanges, healthProblems } from './hardening_checks.mjs';

const fixture = useSiteInChromium();
const ranges = documentedRanges();

// openCalculator navigates as soon as the page exists, so scripts that must run before the page's
// own go on the context, through a browser whose newContext adds them.
function withInitScripts(browser, ...scripts) {
  const patched = Object.create(browser);
  patched.newContext = async (options) => {
    const context = await browser.newContext(options);
    for (const script of scripts) await context.addInitScript(script);
    return context;
  };
  return patched;
}

async function open({ query = '', initScripts = [], browser = null, waitReady = true } = {}) {
  await fixture.ready();
  const session = await openCalculator(withInitScripts(browser ?? fixture.browser, ...initScripts), fixture.server.origin, {
    device: DESKTOP,
    query,
    waitReady,
  });
  fixture.sessions.push(session);
  return session;
}

// Every kind of storage throws, as in a browser that blocks site data; service workers refuse.
function blockStorage() {
  const refuse = () => {
    throw new DOMException('storage is blocked', 'SecurityError');
  };
  window.__storageTouched = [];
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches']) {
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        window.__storageTouched.push(name);
        refuse();
      },
    });
  }
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() {
      window.__storageTouched.push('cookie');
      refuse();
    },
    set() {
      window.__storageTouched.push('cookie');
      refuse();
    },
  });
  if (navigator.serviceWorker) {
    navigator.serviceWorker.register = () => {
      window.__storageTouched.push('serviceWorker');
      return Promise.reject(new DOMException('storage is blocked', 'SecurityError'));
    };
  }
}

function pixelDifference(a, b) {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  let differing = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; ++i) {
    for (let c = 0; c < 3; ++c) {
      if (Math.abs(a.pixels[i * a.channels + c] - b.pixels[i * b.channels + c]) > 8) {
        ++differing;
        break;
      }
    }
  }
  return differing / n;
}

describe('own files only, no cookies, storage blocked', () => {
  test('after use: every request went to the page’s own origin and no cookie was set', async (t) => {
    const session = await open({ query: '?prevalence=12' });
    const { page, context } = session;
    await api.setScenario(page, { assumptions: { caseload: 120 } });
    const rect = await visibleSliderRect(page, 'prevalence');
    await mouseDrag(page, rect, 0.3, 0.6);
    await page.mouse.wheel(0, 300);
    await waitUntilIdle(page, { quietMs: 500, timeoutMs: 8000 });
    await page.waitForTimeout(4000); // the service worker registers after a quiet moment and fetches the site

    const origins = [...new Set(session.requests.map((r) => new URL(r.url).origin))];
    t.diagnostic(`${session.requests.length} requests, origins: ${origins.join(', ')}`);
    assert.ok(session.requests.length >= 3, `too few requests to be credible: ${JSON.stringify(session.requests)}`);
    assert.deepEqual(origins, [session.origin]);
    assert.deepEqual(session.webSockets, []);
    assert.deepEqual(await context.cookies(), [], 'cookies were set');
    assert.equal(await page.evaluate(() => document.cookie), '');
    assertCleanSession(session);
  });

  test('with localStorage, sessionStorage, indexedDB, caches, cookies and service workers blocked, it draws and answers', async (t) => {
    const session = await open({ query: '?prevalence=10', initScripts: [blockStorage] });
    const { page } = session;
    const text = await pollUntil(() => liveRegionText(page), (s) => /\b265 teams\b/.test(s));
    assert.match(text, /\b265 teams\b/);
    await api.setScenario(page, { assumptions: { prevalence: 15 } });
    await pollUntil(() => liveRegionText(page), (s) => /\b398 teams\b/.test(s));
    await waitUntilIdle(page, { quietMs: 500, timeoutMs: 8000 });
    await page.waitForTimeout(3500); // past the service worker's registration
    const shot = decodePng(await page.locator('canvas').first().screenshot());
    assert.ok(countColours(shot) >= 16, 'nothing drawn');
    const touched = await page.evaluate(() => window.__storageTouched);
    t.diagnostic(`storage the page tried (and was refused): ${JSON.stringify([...new Set(touched)])}`);
    assert.deepEqual(await healthProblems(page, ranges), []);
    assertCleanSession(session);
  });

  test('in a sandboxed frame without allow-same-origin it draws and answers', async () => {
    await fixture.ready();
    const context = await fixture.browser.newContext(DESKTOP);
    fixture.sessions.push({ context });
    const errors = [];
    const host = `${fixture.server.origin}/__sandbox_host.html`;
    await context.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>host</title><iframe sandbox="allow-scripts" src="index.html?prevalence=10" width="1000" height="700" title="calculator"></iframe>',
      }),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(host);
    const frame = await pollUntil(async () => page.frames().find((f) => f.url().includes('index.html')), (f) => !!f, { timeoutMs: 10_000 });
    assert.ok(frame, 'no calculator frame');
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'the frame is not sandboxed (its origin is not opaque)');
    await frame.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
    assert.equal(await frame.evaluate(() => window.teamsCalculator.ready), true, 'the framed calculator fell back');
    const summary = await pollUntil(() => frame.evaluate(() => document.getElementById('summary').textContent), (s) => /\b265 teams\b/.test(s));
    assert.match(summary, /\b265 teams\b/);
    const storage = await frame.evaluate(() => {
      try {
        return typeof window.localStorage.getItem('x');
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(storage, 'SecurityError', 'storage was usable in the sandboxed frame, so this proves nothing');
    const shot = decodePng(await page.locator('iframe').screenshot());
    assert.ok(countColours(shot) >= 16, 'the framed calculator drew nothing');
    assert.deepEqual(errors, []);
  });
});

describe('WebGL context lost and restored', () => {
  test('it recovers: a value change after the restore draws the same pixels as before the loss', async (t) => {
    const session = await open();
    const { page } = session;
    await api.setScenario(page, { assumptions: { prevalence: 10 } });
    await pollUntil(() => liveRegionText(page), (s) => /\b265 teams\b/.test(s));
    await waitUntilIdle(page, { quietMs: 700, timeoutMs: 8000 });
    const canvas = page.locator('canvas').first();
    const before = await canvas.screenshot();

    const lost = await page.evaluate(async () => {
      const canvas = document.querySelector('canvas');
      const gl = canvas.getContext('webgl2'); // the page's own context
      const ext = gl && gl.getExtension('WEBGL_lose_context');
      if (!ext) return 'no WEBGL_lose_context';
      window.__loseContext = ext;
      const event = new Promise((resolve) => canvas.addEventListener('webglcontextlost', resolve, { once: true }));
      ext.loseContext();
      await event;
      return gl.isContextLost();
    });
    assert.equal(lost, true, `the context was not lost: ${lost}`);

    // Values change while there is nothing to draw on.
    const whileLost = await api.setScenario(page, { assumptions: { prevalence: 20 } });
    assert.equal(whileLost.changed, true, JSON.stringify(whileLost));
    await page.waitForTimeout(300);
    const framesBefore = (await api.stats(page)).framesDrawn;
    const drawCallsBefore = (await api.probe(page)).drawCalls;

    const restored = await page.evaluate(async () => {
      const canvas = document.querySelector('canvas');
      const event = new Promise((resolve) => canvas.addEventListener('webglcontextrestored', resolve, { once: true }));
      window.__loseContext.restoreContext();
      await event;
      return !canvas.getContext('webgl2').isContextLost();
    });
    assert.equal(restored, true);

    await api.setScenario(page, { assumptions: { prevalence: 10 } });
    await pollUntil(() => liveRegionText(page), (s) => /\b265 teams\b/.test(s));
    const stats = await pollUntil(() => api.stats(page), (s) => s.framesDrawn > framesBefore);
    await waitUntilIdle(page, { quietMs: 700, timeoutMs: 8000 });
    const drawCallsAfter = (await api.probe(page)).drawCalls;
    const afterShot = await canvas.screenshot();
    fs.writeFileSync(path.join(outputDir(), 'context-before-loss.png'), before);
    fs.writeFileSync(path.join(outputDir(), 'context-after-restore.png'), afterShot);

    const difference = pixelDifference(decodePng(before), decodePng(afterShot));
    t.diagnostic(`frames ${framesBefore} -> ${(await api.stats(page)).framesDrawn}, WebGL draw calls ${drawCallsBefore} -> ${drawCallsAfter}, pixels differing from before the loss: ${(difference * 100).toFixed(3)}%`);
    assert.ok(stats.framesDrawn > framesBefore, `no frame drawn after the restore: ${JSON.stringify(stats)}`);
    assert.ok(drawCallsAfter > drawCallsBefore, 'no WebGL draw call after the restore');
    assert.ok(countColours(decodePng(afterShot)) >= 16, 'the canvas is blank after the restore');
    assert.ok(difference < 0.005, `${(difference * 100).toFixed(2)}% of pixels differ from the same view before the loss`);
    assert.deepEqual(await healthProblems(page, ranges), []);
    assertCleanSession(session);
  });
});

describe('fallback without WebGL or WebAssembly', () => {
  let noWebGlBrowser = null;
  after(async () => noWebGlBrowser?.close());

  async function assertFallback(session, label) {
    const { page } = session;
    // The words show over the canvas while the module loads (class "loading"); the fallback is them
    // shown in the canvas's place, with the reason.
    await page.waitForFunction(() => {
      const fallback = document.getElementById('fallback');
      return !fallback.hidden && !fallback.classList.contains('loading');
    }, null, { timeout: 30_000 });
    const fallback = page.locator('#fallback');
    assert.ok(await fallback.isVisible(), `${label}: the fallback is not visible`);
    const text = (await fallback.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /\b398\b.*teams/, `${label}: "${text.slice(0, 300)}"`);
    for (const step of [/595,948 births/, /15% of 1,191,896/, /59,594\.8/, /150 families/, /397\.3/]) {
      assert.match(text, step, `${label}: the method lacks ${step}`);
    }
    assert.match(text, /WebAssembly|WebGL/, `${label}: no reason given: "${text.slice(0, 200)}"`);
    assert.equal(await page.locator('#calculator-canvas').isVisible(), false, `${label}: the empty canvas is still shown`);
    assert.equal(await fallback.getAttribute('aria-hidden'), null, `${label}: the fallback is hidden from screen readers`);
    assert.deepEqual(session.pageErrors, [], `${label}: page errors`);
    fs.writeFileSync(path.join(outputDir(), `fallback-${label}.png`), await page.screenshot());
    return text;
  }

  test('without WebAssembly the HTML fallback states 398 teams and the method', async () => {
    const session = await open({
      waitReady: false,
      initScripts: [() => { delete window.WebAssembly; }],
    });
    await assertFallback(session, 'no-wasm');
    assert.deepEqual(session.consoleErrors, []);
  });

  test('without WebGL the HTML fallback states 398 teams and the method', async () => {
    await fixture.ready();
    checkChromium();
    const { chromium } = await loadPlaywright();
    noWebGlBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'],
    });
    const session = await open({ browser: noWebGlBrowser, waitReady: false });
    const hasWebGl = await session.page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
    assert.equal(hasWebGl, false, 'WebGL 2 is still there: the test proves nothing');
    await assertFallback(session, 'no-webgl');
  });
});
