// The answer at first paint: with the WebAssembly module (and the page's scripts) held back, the
// default link already shows the CLI-written answer and its working over the canvas's space; a link
// with its own values shows the method and a loading line and no default number; when the module's
// first frame arrives the words go, nothing on the page moves (no layout shift), and screen readers
// meet the answer once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium } from './lib/fixture.mjs';
import { frameProbeScript } from './lib/frame_probe.mjs';

// The held-back files are released by the test (at most this late, so a failed test cannot hang).
const HOLD_MS = 30_000;
const fixture = useSiteInChromium();

// Records every layout shift from the start of the load (PerformanceObserver, buffered).
function layoutShiftProbe() {
  const shifts = [];
  Object.defineProperty(window, '__layoutShifts', { value: shifts, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        shifts.push({
          value: e.value,
          at: e.startTime,
          hadRecentInput: e.hadRecentInput,
          sources: (e.sources || []).map((s) => (s.node ? s.node.nodeName + (s.node.id ? '#' + s.node.id : '') : '?')),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {
    shifts.push({ error: String(e) });
  }
}

// A page whose module (teams.wasm) and joined scripts (page.js) are held back until release() (or
// HOLD_MS). Everything the page shows meanwhile comes from index.html, style.css and
// first_paint.js alone.
async function openHeldBack(query, device = DESKTOP) {
  await fixture.ready();
  const context = await fixture.browser.newContext({ ...device });
  const errors = [];
  let releaseHeld;
  const released = new Promise((resolve) => { releaseHeld = resolve; });
  const timer = setTimeout(releaseHeld, HOLD_MS);
  await context.route(/\/(teams\.wasm|page\.js|teams\.js)(\?|$)/, async (route) => {
    await released;
    await route.continue().catch(() => {});
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(frameProbeScript);
  await page.addInitScript(layoutShiftProbe);
  await page.goto(`${fixture.server.origin}/${query}`, { waitUntil: 'commit' });
  await page.waitForSelector('#fallback', { state: 'attached' });
  await page.waitForTimeout(500);
  return {
    context,
    page,
    errors,
    release: () => { clearTimeout(timer); releaseHeld(); },
  };
}

// What a person sees before the module: the visible text, and where the words and the canvas are.
const beforeModule = (page) =>
  page.evaluate(() => {
    const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const fallback = document.getElementById('fallback');
    const rect = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, left: r.left, width: r.width, height: r.height }; };
    return {
      frameDrawn: window.__frameProbe.firstFrameDrawnAt !== null,
      scriptsRan: typeof window.teamsCalculator === 'object',
      bodyText: document.body.innerText,
      headlineVisible: visible(fallback.querySelector('.fallback-headline')),
      workingVisible: visible(fallback.querySelector('pre')),
      loadingVisible: visible(fallback.querySelector('.fallback-loading')),
      methodVisible: visible(fallback.querySelector('.fallback-method')),
      ariaHidden: fallback.getAttribute('aria-hidden'),
      fallbackRect: rect(fallback),
      calculatorRect: rect(document.getElementById('calculator')),
      canvasTop: document.getElementById('calculator-canvas').getBoundingClientRect().top,
      viewportHeight: window.innerHeight,
    };
  });

async function afterFirstFrame(page) {
  await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
  assert.equal(await page.evaluate(() => window.teamsCalculator.ready), true, 'the calculator showed its fallback');
  await page.waitForTimeout(500);
  return page.evaluate(() => ({
    fallbackHidden: document.getElementById('fallback').hidden,
    calculatorTop: document.getElementById('calculator').getBoundingClientRect().top,
    canvasTop: document.getElementById('calculator-canvas').getBoundingClientRect().top,
    summary: document.getElementById('summary').textContent,
    summaryLive: document.getElementById('summary').getAttribute('aria-live'),
    shifts: window.__layoutShifts.slice(),
  }));
}

describe('the answer at first paint, with the module held back', () => {
  for (const [label, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`${label}: the default link shows the answer and the working, then the canvas takes the same place`, async () => {
      const run = await openHeldBack('', device);
      try {
        const seen = await beforeModule(run.page);
        assert.equal(seen.frameDrawn, false, 'the module drew before it was released');
        assert.equal(seen.scriptsRan, false, 'the deferred scripts ran before they were released');
        assert.ok(seen.headlineVisible, `the answer is not visible before the module: ${seen.bodyText.slice(0, 400)}`);
        assert.match(seen.bodyText, /England needs 398 specialised parent-infant relationship teams/);
        assert.ok(seen.workingVisible, 'the working is not visible before the module');
        assert.match(seen.bodyText, /Teams needed: 59,594\.8 ÷ 150 families per team a year = 397\.3/);
        assert.ok(!seen.loadingVisible, 'the default link shows a loading line for a link with its own values');
        // The words sit in the canvas's reserved space, starting in the first screen.
        assert.ok(Math.abs(seen.fallbackRect.top - seen.calculatorRect.top) < 1, JSON.stringify(seen));
        assert.ok(seen.calculatorRect.top < seen.viewportHeight, JSON.stringify(seen));
        // Heard once: the words are hidden from screen readers, who get the live region.
        assert.equal(seen.ariaHidden, 'true');

        run.release();
        const after = await afterFirstFrame(run.page);
        assert.equal(after.fallbackHidden, true, 'the words stayed after the first frame');
        const moved = after.shifts.filter((s) => s.error || !s.hadRecentInput);
        const total = moved.reduce((a, s) => a + (s.value || 0), 0);
        assert.equal(total, 0, `layout shifts while loading: ${JSON.stringify(moved)}`);
        assert.ok(Math.abs(after.calculatorTop - seen.calculatorRect.top) < 1,
          `the calculator moved from ${seen.calculatorRect.top} to ${after.calculatorTop}`);
        // The canvas sticks to the viewport's top, and Chromium counts no layout shift of a sticky
        // element: its place is checked directly.
        assert.ok(Math.abs(after.canvasTop - seen.canvasTop) < 1, `the canvas moved from ${seen.canvasTop} to ${after.canvasTop}`);
        assert.match(after.summary, /398/);
        assert.equal(after.summaryLive, 'polite');
        assert.deepEqual(run.errors, []);
      } finally {
        run.release();
        await run.context.close();
      }
    });
  }

  for (const query of ['?prevalence=10', '?preset=wales', '?area=Wales', '?embed=1&births=30000', '?prevalence_low=12']) {
    test(`${query}: the method and a loading line, never the default's answer`, async () => {
      const run = await openHeldBack(query);
      try {
        const seen = await beforeModule(run.page);
        assert.equal(seen.frameDrawn, false);
        assert.ok(!seen.headlineVisible, `the default's answer shows for ${query}`);
        assert.ok(!seen.workingVisible, `the default's working shows for ${query}`);
        assert.doesNotMatch(seen.bodyText, /\b398\b|397\.3|595,948|265 to 623/, `a default figure shows for ${query}: ${seen.bodyText}`);
        assert.ok(seen.loadingVisible, `no loading line for ${query}: ${seen.bodyText.slice(0, 400)}`);
        assert.ok(seen.methodVisible, `no method for ${query}`);
        assert.match(seen.bodyText, /divided by the\s+families one team supports a year/);

        run.release();
        const after = await afterFirstFrame(run.page);
        assert.equal(after.fallbackHidden, true);
        const moved = after.shifts.filter((s) => s.error || !s.hadRecentInput);
        assert.equal(moved.reduce((a, s) => a + (s.value || 0), 0), 0, `layout shifts: ${JSON.stringify(moved)}`);
        assert.deepEqual(run.errors, []);
      } finally {
        run.release();
        await run.context.close();
      }
    });
  }
});
