// Opens the calculator page for a test and watches everything it does: console errors, page errors,
// every request and web socket (anything off the page's own origin is recorded and aborted), and its
// drawing (frame_probe.mjs). Also the slider drags by mouse and by touch that the tests share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './chromium.mjs';
import { frameProbeScript } from './frame_probe.mjs';

// The built site: TEAMS_SITE_DIR (set by ctest) or build/wasm/site.
export function siteDir() {
  const dir = path.resolve(process.env.TEAMS_SITE_DIR || path.join(REPO_ROOT, 'build/wasm/site'));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no site at ${dir} (index.html missing): build it first (cmake --preset wasm, then build)`);
  }
  return dir;
}

// Where screenshots go, for a person to look at after a run.
export function outputDir() {
  const dir = process.env.TEAMS_TEST_OUTPUT || path.join(os.tmpdir(), 'teams-browser-tests');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const READY_TIMEOUT_MS = 45_000;

export async function openCalculator(browser, origin, { device, query = '', waitReady = true } = {}) {
  const context = await browser.newContext({ ...device });
  const session = {
    context,
    page: null,
    origin,
    requests: [], // every request the page or its workers made: { url, type }
    offOrigin: [], // those whose origin was not the page's own
    webSockets: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
  };
  const isOwn = (url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return true;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
  context.on('request', (request) => {
    const entry = { url: request.url(), type: request.resourceType() };
    session.requests.push(entry);
    if (!isOwn(entry.url)) session.offOrigin.push(entry);
  });
  // Nothing leaves the machine during a test, whatever the page tries.
  await context.route('**/*', (route) => (isOwn(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));

  const page = await context.newPage();
  session.page = page;
  page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => session.pageErrors.push(String(error && error.stack ? error.stack : error)));
  page.on('websocket', (ws) => {
    session.webSockets.push(ws.url());
    if (!isOwn(ws.url())) session.offOrigin.push({ url: ws.url(), type: 'websocket' });
  });
  page.on('requestfailed', (request) =>
    session.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`),
  );
  await page.addInitScript(frameProbeScript);

  await page.goto(`${origin}/${query}`, { waitUntil: 'load' });
  if (waitReady) await waitForReady(session);
  return session;
}

export async function waitForReady(session) {
  const { page } = session;
  try {
    await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, {
      timeout: READY_TIMEOUT_MS,
    });
    await page.evaluate(() => window.teamsCalculator.ready);
  } catch (err) {
    throw new Error(
      `window.teamsCalculator.ready did not resolve within ${READY_TIMEOUT_MS / 1000} s ` +
        `(${err.message.split('\n')[0]}); ${describeProblems(session)}`,
    );
  }
}

export function describeProblems(session) {
  return (
    `console errors: ${JSON.stringify(session.consoleErrors)}; page errors: ${JSON.stringify(session.pageErrors)}; ` +
    `failed requests: ${JSON.stringify(session.failedRequests)}`
  );
}

export const api = {
  scenario: (page) => page.evaluate(() => window.teamsCalculator.getScenario()),
  results: (page) => page.evaluate(() => window.teamsCalculator.getResults()),
  stats: (page) => page.evaluate(() => window.teamsCalculator.stats()),
  widgetRect: (page, key) => page.evaluate((k) => window.teamsCalculator.widgetRect(k), key),
  setScenario: (page, obj) => page.evaluate((o) => window.teamsCalculator.setScenario(o), obj),
  probe: (page) =>
    page.evaluate(() => {
      const p = window.__frameProbe;
      return { drawnFrames: p.drawnFrames, drawCalls: p.drawCalls, rafCallbacks: p.rafCallbacks, firstFrameDrawnAt: p.firstFrameDrawnAt };
    }),
};

// The text of the aria-live region that states the result.
export async function liveRegionText(page) {
  const regions = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-live]')).map((el) => ({
      politeness: el.getAttribute('aria-live'),
      text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
    })),
  );
  const stating = regions.find((r) => r.politeness !== 'off' && /\bteams?\b/i.test(r.text));
  if (!stating) {
    throw new Error(`no aria-live region states the result; regions found: ${JSON.stringify(regions)}`);
  }
  return stating.text;
}

export const queryParams = (page) => new URL(page.url()).searchParams;

// Waits until the page has drawn nothing for quietMs (by its own count and by the probe's).
// Returns true if it settled within timeoutMs.
export async function waitUntilIdle(page, { quietMs = 1000, timeoutMs = 15_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = await frameCounts(page);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = await frameCounts(page);
    if (now.stats !== last.stats || now.probe !== last.probe) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      return true;
    }
  }
  return false;
}

export async function frameCounts(page) {
  return page.evaluate(() => ({
    stats: window.teamsCalculator.stats().framesDrawn,
    probe: window.__frameProbe.drawnFrames,
  }));
}

// Polls fn (an async function returning a value) until check(value) holds; returns the last value.
export async function pollUntil(fn, check, { timeoutMs = 5000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value = await fn();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await fn();
  }
  return value;
}

// The slider's rectangle, scrolled into the viewport if the page scrolls. Throws if it cannot be seen.
export async function visibleSliderRect(page, key) {
  const viewport = page.viewportSize();
  let rect = await api.widgetRect(page, key);
  if (!rect) throw new Error(`widgetRect('${key}') returned ${JSON.stringify(rect)}: no slider for '${key}'`);
  const inside = (r) => r.x >= 0 && r.y >= 0 && r.x + r.width <= viewport.width && r.y + r.height <= viewport.height;
  if (!inside(rect)) {
    await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - viewport.height / 3);
    await page.waitForTimeout(300);
    rect = await api.widgetRect(page, key);
  }
  if (!rect || !inside(rect) || rect.width < 20 || rect.height < 4) {
    throw new Error(
      `slider '${key}' is not usable in the ${viewport.width}x${viewport.height} viewport: ` +
        `widgetRect = ${JSON.stringify(rect)}`,
    );
  }
  return rect;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Drags across a slider with the mouse from one fraction of its width to another.
export async function mouseDrag(page, rect, fromFraction, toFraction, { steps = 12, stepMs = 30 } = {}) {
  const y = rect.y + rect.height / 2;
  const x0 = rect.x + rect.width * fromFraction;
  const x1 = rect.x + rect.width * toFraction;
  await page.mouse.move(x0, y);
  await sleep(80);
  await page.mouse.down();
  await sleep(80);
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y);
    await sleep(stepMs);
  }
  await sleep(80);
  await page.mouse.up();
}

// Drags across a slider with one finger, as real touch events through the DevTools protocol.
export async function touchDrag(cdp, rect, fromFraction, toFraction, { steps = 12, stepMs = 30 } = {}) {
  const y = rect.y + rect.height / 2;
  const x0 = rect.x + rect.width * fromFraction;
  const x1 = rect.x + rect.width * toFraction;
  const point = (x) => ({ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(x0)] });
  await sleep(100);
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(x0 + ((x1 - x0) * i) / steps)] });
    await sleep(stepMs);
  }
  await sleep(80);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
