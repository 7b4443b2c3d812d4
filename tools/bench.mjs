#!/usr/bin/env node
// `make bench`: measures the calculator's site against a bare Dear ImGui page built from the same
// sources and flags (tests/bench/), in headless Chromium, and prints a table of figures. It never
// fails on a timing; it exits non-zero only when it cannot measure (no site, no Chromium).
//
//   node tools/bench.mjs [SITE_DIR] [BARE_DIR] [--loads N] [--json FILE]
//   defaults: build/wasm/site build/wasm/bare --loads 21
//
// What is measured, and how:
//   first load      every file the page fetched from loading until 3 s after its first frame, as served
//                   (server log); raw bytes on disk, gzip -9 and brotli (quality 11) sizes per file.
//   first frame     performance.now() at the end of the first task that issued a WebGL draw/clear
//                   call (tests/browser/lib/frame_probe.mjs), i.e. ms from navigation start; fresh
//                   browser context each load, empty cache; the pages alternate (the site, the site
//                   with service workers blocked, the bare page; reversed every round); median of N.
//                   Also the renderer's CPU time up to the first frame, from a trace (median of 3).
//   idle frames     frames that drew WebGL in 3 s, starting 2 s after the first frame, no input.
//   CPU per frame   while the mouse drags a slider to and fro for about 3 s: main-thread CPU time
//                   (CDP Performance.getMetrics TaskDuration with timeDomain threadTicks) divided by
//                   the frames drawn; the thread CPU time of the animation-frame callbacks from a
//                   Chromium trace of a second drag (FireAnimationFrame tdur), divided by the frames
//                   drawn; and the page-side wall time inside each drawing callback.
//   answer, wasm    the site with teams.wasm (and the sandboxed frames' teams.wasm.js) held back 3 s:
//   held back       ms from navigation until the answer is visible, either as words (the page's
//                   .fallback-headline in the viewport) or drawn (the first frame); first contentful
//                   paint; median of 3 loads.
//   phone embed     a 390 px wide phone at pixel ratio 3, a host page with the calculator's iframe
//                   (?embed=1) and embed.js, scrolled to the frame: the canvas's buffer in pixels and
//                   the pixel ratio it draws at (buffer width / CSS width).
//   font texture    every texImage2D call of a load (desktop and the phone at ratio 3): texels, bytes as
//                   uploaded (RGBA 4 per texel, R8 1), main-thread ms inside the call; heap in use.
//   single file     teams-calculator.html's bytes, raw and gzip -9.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = (name) => import(path.join(REPO, 'tests/browser/lib', name));
const { launchChromium, DESKTOP } = await lib('chromium.mjs');
const { startStaticServer } = await lib('static_server.mjs');
const { frameProbeScript } = await lib('frame_probe.mjs');

// [SECTION] Arguments
const args = process.argv.slice(2);
const positional = [];
const options = { loads: 21, json: null };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--loads') options.loads = Math.max(1, Number(args[++i]) || 21);
  else if (args[i] === '--json') options.json = args[++i];
  else if (args[i] === '--help' || args[i] === '-h') {
    console.log('usage: node tools/bench.mjs [SITE_DIR] [BARE_DIR] [--loads N] [--json FILE]');
    process.exit(0);
  } else positional.push(args[i]);
}
const siteDir = path.resolve(positional[0] ?? path.join(REPO, 'build/wasm/site'));
const bareDir = path.resolve(positional[1] ?? path.join(REPO, 'build/wasm/bare'));
if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
  console.error(`bench: no site at ${siteDir} (index.html missing); build it first`);
  process.exit(2);
}
const haveBare = fs.existsSync(path.join(bareDir, 'index.html'));
if (!haveBare) {
  console.error(
    `bench: no bare ImGui page at ${bareDir}; build it with: cmake --build build/wasm --target imgui_bare_page\n` +
      '       (measuring the site alone)',
  );
}

// First load: issue 15 ("at most 190 KB gzipped to the first frame; aim for 175"); the others from
// the earlier performance work.
const TARGETS = { firstLoadGzKB: 190, firstLoadAimKB: 175, firstFrameRatio: 1.2, idleFrames: 0, cpuMsPerFrame: 2 };
const IDLE_MS = 3000;
const BARE_FLOAT_SLIDER = { x: 68, y: 168, width: 219, height: 19 };
const DRAG_MS = 3000;

// [SECTION] Helpers
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const kb = (bytes) => (bytes / 1024).toFixed(1);
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function compressedSizes(file) {
  const data = fs.readFileSync(file);
  return {
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

async function openPage(browser, server, device = DESKTOP, contextOptions = {}) {
  const context = await browser.newContext({ ...device, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(frameProbeScript);
  const logStart = server.log.length;
  await page.goto(`${server.origin}/`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => window.__frameProbe && window.__frameProbe.firstFrameDrawnAt !== null, null, {
    timeout: 60_000,
    polling: 20,
  });
  const { firstFrameMs, firstFrameAt, wasmFetchedMs } = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').filter((e) => /\.wasm(\?|$)/.test(e.name));
    return {
      firstFrameMs: window.__frameProbe.firstFrameDrawnAt,
      firstFrameAt: performance.timeOrigin + window.__frameProbe.firstFrameDrawnAt, // wall clock, as Date.now()
      wasmFetchedMs: wasm.length ? Math.max(...wasm.map((e) => e.responseEnd)) : null,
    };
  });
  return { context, page, errors, firstFrameMs, wasmFetchedMs, logStart, firstFrameAt };
}

// Issue 12's budget: the range, break-even and sensitivity cost at most 0.1 ms per change. The page's
// timeEstimate(n) runs the whole estimate n times (each a change of the prevalence, as a dragged
// slider makes), with the scenario's ranges and with every assumption ranged; the median of 5 runs.
async function measureEstimateCost(browser, server, { iterations = 20000, runs = 5 } = {}) {
  const run = await openPage(browser, server);
  try {
    const link = [['defaults', ''], ['caseload ranged too', '?caseload_low=100&caseload_high=300']];
    const result = {};
    for (const [name, query] of link) {
      await run.page.goto(`${server.origin}/${query}`, { waitUntil: 'load', timeout: 60_000 });
      await run.page.evaluate(() => window.teamsCalculator.ready);
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await run.page.evaluate((n) => window.teamsCalculator.timeEstimate(n), iterations));
      result[name] = { msPerChange: median(times.map((t) => t[0])), everyRangedMsPerChange: median(times.map((t) => t[1])) };
    }
    return result;
  } finally {
    await run.context.close();
  }
}

const probeCounts = (page) =>
  page.evaluate(() => ({ drawn: window.__frameProbe.drawnFrames, cpu: window.__frameProbe.frameCpuMs.length }));

// [SECTION] Measurements
async function measureFirstLoad(browser, server) {
  const run = await openPage(browser, server);
  await sleep(3000);
  const entries = server.log.slice(run.logStart).filter((e) => (e.status === 200 || e.status === 304) && e.method === 'GET');
  const files = new Map();
  for (const e of entries) {
    const rel = e.path.endsWith('/') ? e.path + 'index.html' : e.path;
    if (files.has(rel)) {
      files.get(rel).requests++;
      files.get(rel).notModified += e.status === 304 ? 1 : 0;
      continue;
    }
    const sizes = compressedSizes(path.join(server.root, rel));
    files.set(rel, { file: rel.replace(/^\//, ''), ...sizes, requests: 1, notModified: e.status === 304 ? 1 : 0, afterFirstFrame: e.time > run.firstFrameAt });
  }
  await run.context.close();
  const list = [...files.values()];
  const sum = (xs, k) => xs.reduce((a, f) => a + f[k], 0);
  const before = list.filter((f) => !f.afterFirstFrame);
  return {
    files: list,
    total: { raw: sum(list, 'raw'), gzip: sum(list, 'gzip'), brotli: sum(list, 'brotli') },
    beforeFirstFrame: { raw: sum(before, 'raw'), gzip: sum(before, 'gzip'), brotli: sum(before, 'brotli') },
    errors: run.errors,
  };
}

// variants: { name: { server, contextOptions } }, measured in turn, the order reversed every round.
async function measureFirstFrames(browser, variants, loads) {
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const wasmTimes = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  // One untimed load of each first: the browser's own start-up costs are not the page's.
  for (const v of Object.values(variants)) await (await openPage(browser, v.server, DESKTOP, v.contextOptions)).context.close();
  const names = Object.keys(variants);
  for (let i = 0; i < loads; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const run = await openPage(browser, variants[name].server, DESKTOP, variants[name].contextOptions);
      times[name].push(run.firstFrameMs);
      if (run.wasmFetchedMs !== null) wasmTimes[name].push({ fetched: run.wasmFetchedMs, toFrame: run.firstFrameMs - run.wasmFetchedMs });
      await run.context.close();
    }
  }
  return { times, wasmTimes };
}

// CPU the renderer spends before the first frame, from a Chromium trace of a load: less moved by other
// load on the machine than wall-clock time. Window: from the renderer's first traced event to the end
// of its first animation-frame callback that did real work (> 1 ms of CPU). Median of `runs` loads.
async function measureStartupCpu(browser, server, runs = 3) {
  const main = [];
  const all = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ ...DESKTOP });
    const page = await context.newPage();
    await page.addInitScript(frameProbeScript);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8', 'v8.wasm'] });
    await page.goto(`${server.origin}/`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => window.__frameProbe.firstFrameDrawnAt !== null, null, { timeout: 60_000, polling: 20 });
    await sleep(200);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    await context.close();
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const first = events
      .filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && e.tdur > 1000)
      .sort((a, b) => a.ts - b.ts)[0];
    if (!first) continue;
    const start = Math.min(...events.filter((e) => e.pid === first.pid && e.ph === 'X').map((e) => e.ts));
    const end = first.ts + first.dur;
    const tasks = events.filter(
      (e) => e.pid === first.pid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts >= start && e.ts + e.dur <= end,
    );
    const cpu = (list) => list.reduce((a, e) => a + (e.tdur || 0), 0) / 1000;
    main.push(cpu(tasks.filter((e) => e.tid === first.tid)));
    all.push(cpu(tasks));
  }
  return { mainThreadMs: median(main), allThreadsMs: median(all), runs: main.length };
}

async function measureIdle(browser, server, { hasApi }) {
  const run = await openPage(browser, server);
  await sleep(2000);
  const before = await probeCounts(run.page);
  const statsBefore = hasApi ? await run.page.evaluate(() => window.teamsCalculator?.stats?.().framesDrawn ?? null) : null;
  await sleep(IDLE_MS);
  const after = await probeCounts(run.page);
  const statsAfter = hasApi ? await run.page.evaluate(() => window.teamsCalculator?.stats?.().framesDrawn ?? null) : null;
  await run.context.close();
  return {
    frames: after.drawn - before.drawn,
    statsFrames: statsBefore === null || statsAfter === null ? null : statsAfter - statsBefore,
  };
}

// Drags the mouse to and fro across a slider (or across the middle of the canvas when the page has
// no widgetRect) for DRAG_MS, twice: first measured with CDP metrics and the page-side probe, then
// again under a Chromium trace for the CPU time of each animation-frame callback.
async function measureDragCpu(browser, server, { sliderKey }) {
  const run = await openPage(browser, server);
  const { page } = run;
  await sleep(1500);
  let rect = null;
  if (sliderKey) rect = await page.evaluate((k) => window.teamsCalculator?.widgetRect?.(k) ?? null, sliderKey);
  const viewport = page.viewportSize();
  // The bare page has no widgetRect: its example's "float" slider always sits here at 1280x800 (the
  // "Hello, world!" window at ImGui's default (60,60), default 13 px font), as a screenshot shows.
  const target = rect ?? (viewport.width === 1280 ? BARE_FLOAT_SLIDER : { x: viewport.width * 0.1, y: 100, width: viewport.width * 0.3, height: 20 });
  const cdp = await run.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n) => metrics.find((m) => m.name === n)?.value ?? NaN;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const y = target.y + target.height / 2;
  const xAt = (f) => target.x + target.width * f;
  const drag = async () => {
    await page.mouse.move(xAt(0.5), y);
    await sleep(300);
    const start = Date.now();
    let moves = 0;
    await page.mouse.down();
    while (Date.now() - start < DRAG_MS) {
      const phase = (moves++ % 60) / 60; // 0 -> 1 -> 0 over 60 moves
      const f = 0.1 + 0.8 * (phase < 0.5 ? phase * 2 : 2 - phase * 2);
      const sent = Date.now();
      await page.mouse.move(xAt(f), y); // resolves once the page has handled the event
      moveMs.push(Date.now() - sent);
      await sleep(16);
    }
    await page.mouse.up();
    return moves;
  };
  const moveMs = [];

  const before = await probeCounts(page);
  const m0 = await metric();
  const moves = await drag();
  const moveAckMs = median(moveMs);
  const m1 = await metric();
  const after = await probeCounts(page);
  const callbackMs = await page.evaluate((from) => window.__frameProbe.frameCpuMs.slice(from), before.cpu);
  const valueAfter = sliderKey
    ? await page.evaluate((k) => window.teamsCalculator?.getScenario?.().assumptions?.[k] ?? null, sliderKey)
    : null;

  // Second drag under a trace: thread CPU time (tdur) of every FireAnimationFrame on the page.
  await sleep(1000);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  const tracedBefore = await probeCounts(page);
  await drag();
  const tracedAfter = await probeCounts(page);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const rafCpu = events
    .filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && typeof e.tdur === 'number')
    .map((e) => e.tdur / 1000);
  const tracedFrames = tracedAfter.drawn - tracedBefore.drawn;
  // Chromium's GPU process (software WebGL here: SwiftShader) and its compositor thread, same drag.
  const threadNames = new Map(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]),
  );
  const gpuCpuMs =
    events
      .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && ['CrGpuMain', 'VizCompositorThread'].includes(threadNames.get(`${e.pid}:${e.tid}`)))
      .reduce((a, e) => a + (e.tdur || 0), 0) / 1000;
  await run.context.close();

  const frames = after.drawn - before.drawn;
  return {
    target: rect ? `slider '${sliderKey}'` : `"float" slider at ${JSON.stringify(target)}`,
    moves,
    moveAckMs,
    frames,
    mainThreadCpuMsPerFrame: frames > 0 ? ((m1.task - m0.task) * 1000) / frames : NaN,
    scriptMsPerFrame: frames > 0 ? ((m1.script - m0.script) * 1000) / frames : NaN,
    callbackMsMedian: median(callbackMs),
    callbackMsP95: percentile(callbackMs, 95),
    traced: {
      frames: tracedFrames,
      rafCallbacks: rafCpu.length,
      rafCpuMsPerFrame: tracedFrames > 0 ? rafCpu.reduce((a, b) => a + b, 0) / tracedFrames : NaN,
      rafCpuMsMedian: median(rafCpu),
      rafCpuMsP95: percentile(rafCpu, 95),
      gpuProcessCpuMsPerFrame: tracedFrames > 0 ? gpuCpuMs / tracedFrames : NaN,
    },
    valueAfter,
  };
}

// Holds back the module for ms: the page's first paint and its words are measured without it.
async function holdBackWasm(context, ms) {
  await context.route(/\/teams\.wasm(\.js)?(\?|$)/, async (route) => {
    await sleep(ms);
    await route.continue().catch(() => {});
  });
}

// When the answer first shows, as words or drawn: checked before every paint (requestAnimationFrame).
function answerProbeScript() {
  const probe = { answerVisibleAt: null, how: null };
  Object.defineProperty(window, '__answerProbe', { value: probe, enumerable: false });
  const check = () => {
    if (probe.answerVisibleAt !== null) return;
    const headline = document.querySelector('.fallback-headline');
    const rect = headline && headline.getClientRects().length ? headline.getBoundingClientRect() : null;
    const words = rect && rect.bottom > 0 && rect.top < window.innerHeight && getComputedStyle(headline).visibility !== 'hidden';
    const drawn = window.__frameProbe && window.__frameProbe.firstFrameDrawnAt !== null;
    if (words || drawn) {
      probe.answerVisibleAt = performance.now();
      probe.how = words ? 'words' : 'drawn';
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function measureAnswerWithWasmHeldBack(browser, server, { holdMs = 3000, loads = 3 } = {}) {
  const runs = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ ...DESKTOP });
    await holdBackWasm(context, holdMs);
    const page = await context.newPage();
    await page.addInitScript(frameProbeScript);
    await page.addInitScript(answerProbeScript);
    await page.goto(`${server.origin}/`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => window.__frameProbe.firstFrameDrawnAt !== null, null, { timeout: 60_000, polling: 50 });
    runs.push(await page.evaluate(() => ({
      answerMs: window.__answerProbe.answerVisibleAt,
      how: window.__answerProbe.how,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      firstFrameMs: window.__frameProbe.firstFrameDrawnAt,
    })));
    await context.close();
  }
  return {
    holdMs,
    answerMs: median(runs.map((r) => r.answerMs ?? NaN)),
    how: runs.map((r) => r.how).join(' '),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    firstFrameMs: median(runs.map((r) => r.firstFrameMs)),
  };
}

// Records every texImage2D: size, format and main-thread time of the call.
function textureProbeScript() {
  const uploads = [];
  Object.defineProperty(window, '__textureUploads', { value: uploads, enumerable: false });
  const proto = window.WebGL2RenderingContext && window.WebGL2RenderingContext.prototype;
  if (!proto) return;
  const original = proto.texImage2D;
  proto.texImage2D = function (...args) {
    const start = performance.now();
    const result = original.apply(this, args);
    // texImage2D(target, level, internalformat, width, height, border, format, type, pixels)
    if (args.length >= 9) {
      const perTexel = args[2] === this.R8 || args[2] === this.ALPHA || args[2] === this.LUMINANCE ? 1 : args[2] === this.RG8 ? 2 : 4;
      uploads.push({ width: args[3], height: args[4], bytes: args[3] * args[4] * perTexel, format: args[2] === this.R8 ? 'R8' : args[2] === this.RGBA ? 'RGBA' : String(args[2]), ms: performance.now() - start });
    }
    return result;
  };
}

async function measureFontTexture(browser, server, device) {
  const context = await browser.newContext({ ...device });
  const page = await context.newPage();
  await page.addInitScript(frameProbeScript);
  await page.addInitScript(textureProbeScript);
  await page.goto(`${server.origin}/`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => window.teamsCalculator && window.__frameProbe.firstFrameDrawnAt !== null, null, { timeout: 60_000, polling: 50 });
  await page.evaluate(() => window.teamsCalculator.ready);
  await sleep(300);
  const result = await page.evaluate(() => ({
    uploads: window.__textureUploads.slice(),
    heapUsedBytes: window.teamsCalculator.stats().heapUsedBytes,
  }));
  await context.close();
  const largest = result.uploads.reduce((a, u) => (a && a.bytes >= u.bytes ? a : u), null);
  return { ...result, largest, uploadMs: result.uploads.reduce((a, u) => a + u.ms, 0) };
}

// A phone (390 x 844, ratio 3) on a host page of another origin with the calculator's iframe and embed.js.
async function measurePhoneEmbed(browser, siteServer) {
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-bench-host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"></head>
<body style="margin:0;padding:0 0 2000px"><h1 style="height:400px;margin:0">A charity's page</h1>
<iframe id="calc" src="${siteServer.origin}/index.html?embed=1" title="Parent-infant teams calculator" allow="clipboard-write"
 style="width:100%;height:1200px;border:0;display:block" data-teams-calculator></iframe>
<script src="${siteServer.origin}/embed.js" async></script></body></html>`);
  const host = await startStaticServer(hostDir);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(`${host.origin}/`, { waitUntil: 'load', timeout: 60_000 });
    const frame = await (await page.waitForSelector('#calc')).contentFrame();
    await frame.waitForFunction(() => window.teamsCalculator, null, { timeout: 60_000 });
    await frame.evaluate(() => window.teamsCalculator.ready);
    // Into the frame, a screen below its top, and let the height and the band settle.
    await page.evaluate(() => window.scrollTo(0, document.getElementById('calc').offsetTop + 900));
    let last = '';
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      const now = await frame.evaluate(() => { const c = document.getElementById('calculator-canvas'); return `${c.width}x${c.height}@${c.style.top}`; });
      if (now === last) break;
      last = now;
    }
    const result = await frame.evaluate(() => {
      const canvas = document.getElementById('calculator-canvas');
      const rect = canvas.getBoundingClientRect();
      return { bufferWidth: canvas.width, bufferHeight: canvas.height, cssWidth: rect.width, cssHeight: rect.height, frameHeight: window.innerHeight };
    });
    return { ...result, pixels: result.bufferWidth * result.bufferHeight, ratio: result.bufferWidth / result.cssWidth };
  } finally {
    await context.close();
    await host.close();
    fs.rmSync(hostDir, { recursive: true, force: true });
  }
}

function singleFileSize(siteDir) {
  const file = path.join(siteDir, 'teams-calculator.html');
  return fs.existsSync(file) ? compressedSizes(file) : null;
}

// [SECTION] Run
const browser = await launchChromium();
// Cached for ten minutes, as a static host would: within one load, a second request for a file (a
// service worker's precache, say) may come from the HTTP cache. Every load is still cold, since each
// runs in a new browser context with an empty cache.
const CACHING = { 'Cache-Control': 'public, max-age=600' };
const servers = { site: await startStaticServer(siteDir, { headers: CACHING }) };
if (haveBare) servers.bare = await startStaticServer(bareDir, { headers: CACHING });
const loadAverage = () => {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
};
const report = { date: new Date().toISOString(), chromium: browser.version(), loads: options.loads, loadAverageBefore: loadAverage(), pages: {} };
try {
  for (const [name, server] of Object.entries(servers)) {
    report.pages[name] = { dir: server.root, firstLoad: await measureFirstLoad(browser, server) };
  }
  // The site a third time with service workers blocked: shows what registering one costs the first frame.
  const variants = { site: { server: servers.site }, siteNoSw: { server: servers.site, contextOptions: { serviceWorkers: 'block' } } };
  if (servers.bare) variants.bare = { server: servers.bare };
  const firstFrames = await measureFirstFrames(browser, variants, options.loads);
  report.siteWithoutServiceWorker = {
    firstFrameMs: firstFrames.times.siteNoSw,
    firstFrameMedianMs: median(firstFrames.times.siteNoSw),
  };
  for (const [name, server] of Object.entries(servers)) {
    const page = report.pages[name];
    page.firstFrameMs = firstFrames.times[name];
    page.firstFrameMedianMs = median(firstFrames.times[name]);
    page.wasmFetchedMedianMs = median(firstFrames.wasmTimes[name].map((w) => w.fetched));
    page.wasmToFirstFrameMedianMs = median(firstFrames.wasmTimes[name].map((w) => w.toFrame));
    page.startupCpu = await measureStartupCpu(browser, server);
    page.idle = await measureIdle(browser, server, { hasApi: name === 'site' });
    page.drag = await measureDragCpu(browser, server, { sliderKey: name === 'site' ? 'prevalence' : null });
  }
  report.answerWithWasmHeldBack = await measureAnswerWithWasmHeldBack(browser, servers.site);
  report.phoneEmbed = await measurePhoneEmbed(browser, servers.site);
  report.fontTexture = {
    desktop: await measureFontTexture(browser, servers.site, DESKTOP),
    phone: await measureFontTexture(browser, servers.site, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }),
  };
  report.singleFile = singleFileSize(siteDir);
  report.estimateCost = await measureEstimateCost(browser, servers.site);
  report.loadAverageAfter = loadAverage();
} finally {
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
}

// [SECTION] Table
const site = report.pages.site;
const bare = report.pages.bare;
const out = [];
const line = (s = '') => out.push(s);
const row = (cols, widths) => cols.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

line(`Benchmark ${report.date}  Chromium ${report.chromium}  (headless, software WebGL)`);
line(`Load average before / after: ${report.loadAverageBefore} / ${report.loadAverageAfter} (${os.cpus().length} CPUs); timings move with it`);
line();
line('First load: files fetched from loading until 3 s after the first frame (* = after the first frame;');
line('(xN) = reached the server N times, e.g. again from a service worker (a 304 when revalidated); counted once)');
const w = [40, 10, 10, 10];
for (const [name, page] of Object.entries(report.pages)) {
  line(row([`${name}: ${page.dir}`, 'raw KB', 'gzip KB', 'brotli KB'], w));
  for (const f of page.firstLoad.files) {
    const again = f.requests > 1 ? ` (x${f.requests}${f.notModified ? `, ${f.notModified} of them 304` : ''})` : '';
    line(row([`  ${f.file}${f.afterFirstFrame ? ' *' : ''}${again}`, kb(f.raw), kb(f.gzip), kb(f.brotli)], w));
  }
  const t = page.firstLoad.total;
  const b = page.firstLoad.beforeFirstFrame;
  line(row(['  total', kb(t.raw), kb(t.gzip), kb(t.brotli)], w));
  if (b.gzip !== t.gzip) line(row(['  total before the first frame', kb(b.raw), kb(b.gzip), kb(b.brotli)], w));
  line();
}

const v = [38, 12, 12, 12, 22];
line(row(['Figure', 'site', 'bare', 'site/bare', 'target'], v));
const gzSite = site.firstLoad.beforeFirstFrame.gzip / 1024;
line(row(['first load, gzip KB (to first frame)', fmt(gzSite), bare ? fmt(bare.firstLoad.beforeFirstFrame.gzip / 1024) : '-', bare ? fmt(site.firstLoad.beforeFirstFrame.gzip / bare.firstLoad.beforeFirstFrame.gzip, 2) : '-', `<= ${TARGETS.firstLoadGzKB} (aim ${TARGETS.firstLoadAimKB}) ${gzSite <= TARGETS.firstLoadGzKB ? 'met' : 'MISSED'}`], v));
line(row(['first load, gzip KB (all in 3 s)', fmt(site.firstLoad.total.gzip / 1024), bare ? fmt(bare.firstLoad.total.gzip / 1024) : '-', '', ''], v));
const ratio = bare ? site.firstFrameMedianMs / bare.firstFrameMedianMs : NaN;
line(row([`first frame, ms (median of ${options.loads})`, fmt(site.firstFrameMedianMs, 0), bare ? fmt(bare.firstFrameMedianMs, 0) : '-', bare ? fmt(ratio, 2) : '-', `<= ${TARGETS.firstFrameRatio}x bare ${bare ? (ratio <= TARGETS.firstFrameRatio ? 'met' : 'MISSED') : ''}`], v));
line(row(['  .wasm fetched (responseEnd), median', fmt(site.wasmFetchedMedianMs, 0), bare ? fmt(bare.wasmFetchedMedianMs, 0) : '-', bare ? fmt(site.wasmFetchedMedianMs / bare.wasmFetchedMedianMs, 2) : '-', ''], v));
line(row(['  .wasm fetched -> first frame, median', fmt(site.wasmToFirstFrameMedianMs, 0), bare ? fmt(bare.wasmToFirstFrameMedianMs, 0) : '-', bare ? fmt(site.wasmToFirstFrameMedianMs / bare.wasmToFirstFrameMedianMs, 2) : '-', ''], v));
const cpuRow = (label, f) => line(row([label, fmt(f(site.startupCpu), 0), bare ? fmt(f(bare.startupCpu), 0) : '-', bare ? fmt(f(site.startupCpu) / f(bare.startupCpu), 2) : '-', ''], v));
cpuRow(`  renderer CPU ms to first frame, main`, (c) => c.mainThreadMs);
cpuRow(`  renderer CPU ms to first frame, all`, (c) => c.allThreadsMs);
const noSw = report.siteWithoutServiceWorker;
line(row(['  site with service workers blocked', fmt(noSw.firstFrameMedianMs, 0), '', bare ? fmt(noSw.firstFrameMedianMs / bare.firstFrameMedianMs, 2) : '-', ''], v));
line(row(['  all loads, ms', '', '', '', ''], v));
line(`    site: ${site.firstFrameMs.map((x) => x.toFixed(0)).join(' ')}`);
line(`    site, no service worker: ${noSw.firstFrameMs.map((x) => x.toFixed(0)).join(' ')}`);
if (bare) line(`    bare: ${bare.firstFrameMs.map((x) => x.toFixed(0)).join(' ')}`);
line(row([`frames drawn in ${IDLE_MS / 1000} s idle`, site.idle.frames, bare ? bare.idle.frames : '-', '', `${TARGETS.idleFrames} ${site.idle.frames === 0 ? 'met' : 'MISSED'}`], v));
if (site.idle.statsFrames !== null) line(row(['  (site by its own stats())', site.idle.statsFrames, '', '', ''], v));
const both = (f, digits = 2) => [fmt(f(site.drag), digits), bare ? fmt(f(bare.drag), digits) : '-'];
const ratioOf = (f) => (bare ? fmt(f(site.drag) / f(bare.drag), 2) : '-');
const frameCpu = site.drag.traced.rafCpuMsPerFrame;
line(row(['CPU ms per drawn frame, dragging', ...both((d) => d.traced.rafCpuMsPerFrame), ratioOf((d) => d.traced.rafCpuMsPerFrame), `<= ${TARGETS.cpuMsPerFrame} ${frameCpu <= TARGETS.cpuMsPerFrame ? 'met' : 'MISSED'}`], v));
line(row(['  per frame callback, median / p95', `${fmt(site.drag.traced.rafCpuMsMedian)} / ${fmt(site.drag.traced.rafCpuMsP95)}`, bare ? `${fmt(bare.drag.traced.rafCpuMsMedian)} / ${fmt(bare.drag.traced.rafCpuMsP95)}` : '-', '', ''], v));
line(row(['  callbacks / drawn frames (traced)', `${site.drag.traced.rafCallbacks}/${site.drag.traced.frames}`, bare ? `${bare.drag.traced.rafCallbacks}/${bare.drag.traced.frames}` : '-', '', ''], v));
line(row(['main-thread CPU ms per drawn frame', ...both((d) => d.mainThreadCpuMsPerFrame), ratioOf((d) => d.mainThreadCpuMsPerFrame), '(all tasks)'], v));
line(row(['  of which script (CDP ScriptDuration)', ...both((d) => d.scriptMsPerFrame), '', ''], v));
line(row(['GPU-process CPU ms per drawn frame', ...both((d) => d.traced.gpuProcessCpuMsPerFrame), ratioOf((d) => d.traced.gpuProcessCpuMsPerFrame), '(software GL)'], v));
line(row(['  frames drawn during the drag', site.drag.frames, bare ? bare.drag.frames : '-', '', ''], v));
line(row(['mouse move handled, median ms (drag)', ...both((d) => d.moveAckMs, 0), ratioOf((d) => d.moveAckMs), '(input latency)'], v));
line(row(['  page-side wall ms, median / p95', `${fmt(site.drag.callbackMsMedian)} / ${fmt(site.drag.callbackMsP95)}`, bare ? `${fmt(bare.drag.callbackMsMedian)} / ${fmt(bare.drag.callbackMsP95)}` : '-', '', ''], v));
const held = report.answerWithWasmHeldBack;
line(row([`answer visible, wasm held back ${held.holdMs / 1000} s, ms`, fmt(held.answerMs, 0), '', '', `(${held.how})`], v));
line(row(['  first contentful paint; first frame, ms', `${fmt(held.fcpMs, 0)}; ${fmt(held.firstFrameMs, 0)}`, '', '', ''], v));
const pe = report.phoneEmbed;
line(row(['phone embed canvas, megapixels', fmt(pe.pixels / 1e6, 2), '', '', `< 16.7 ${pe.pixels < 16.7e6 ? 'met' : 'MISSED'}`], v));
line(row(['  buffer; pixel ratio drawn (device 3)', `${pe.bufferWidth}x${pe.bufferHeight}; ${fmt(pe.ratio, 2)}`, '', '', `frame ${pe.frameHeight} CSS px tall`], v));
for (const [where, ft] of Object.entries(report.fontTexture)) {
  const t = ft.largest;
  line(row([`font texture, ${where === 'phone' ? 'phone at ratio 3' : 'desktop at ratio 1'}, KB`, t ? fmt(t.bytes / 1024) : 'n/a', '', '', t ? `${t.width}x${t.height} ${t.format}` : ''], v));
  line(row(['  upload ms (texImage2D, main thread)', fmt(ft.uploadMs, 1), '', '', `heap in use ${fmt(ft.heapUsedBytes / 1048576, 1)} MB`], v));
}
const sf = report.singleFile;
line(row(['single file, KB raw / gzip', sf ? `${kb(sf.raw)} / ${kb(sf.gzip)}` : 'n/a', '', '', 'teams-calculator.html'], v));
line();
line(`Drag: ${site.drag.moves} mouse moves over ${DRAG_MS / 1000} s on the site's ${site.drag.target}` +
  (site.drag.valueAfter !== null ? ` (value afterwards: ${site.drag.valueAfter})` : '') +
  (bare ? `; on the bare page its example's ${bare.drag.target} (it redraws every frame anyway).` : '.'));
line('CPU ms per drawn frame = thread CPU time (tdur) of the FireAnimationFrame events in a Chromium trace');
line('  of the drag, summed / frames that drew WebGL: the frame itself, JavaScript + WebAssembly.');
line('Main-thread CPU = CDP Performance.getMetrics TaskDuration (threadTicks) over a first, untraced drag');
line('  / frames drawn: everything the page\'s main thread did, with input handling, DOM updates, GC and');
line('  Chromium\'s own per-frame work (compare the bare page).');
line('GPU-process CPU = thread CPU time of Chromium\'s GPU main and display compositor threads in the traced');
line('  drag / frames drawn: with --disable-gpu, WebGL is rasterised on the CPU there (SwiftShader).');
line('Page-side wall ms = performance.now() around each drawing requestAnimationFrame callback.');
line('Mouse move handled = time for each playwright mouse.move to be acknowledged by the page while dragging.');
line('Renderer CPU to first frame = thread CPU time of the renderer\'s tasks (main thread; all its threads,');
line('  with wasm compilation) from its start to its first working animation frame, traced, median of 3.');
for (const [name, page] of Object.entries(report.pages)) {
  if (page.firstLoad.errors.length) line(`${name}: errors while loading: ${JSON.stringify(page.firstLoad.errors)}`);
}
line();
line('The estimate per change (the chain, the range, every break-even and the sensitivity), ms, median of 5 x 20,000:');
for (const [name, cost] of Object.entries(report.estimateCost)) {
  const met = cost.msPerChange <= 0.1 && cost.everyRangedMsPerChange <= 0.1 ? 'met' : 'MISSED';
  line(`  ${name}: ${fmt(cost.msPerChange, 4)}; with every assumption ranged (128 corners): ${fmt(cost.everyRangedMsPerChange, 4)}  (<= 0.1 ${met})`);
}
console.log(out.join('\n'));
if (options.json) {
  fs.mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
  fs.writeFileSync(options.json, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nFigures written to ${options.json}`);
}
