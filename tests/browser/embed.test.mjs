// Issue 4, embeds: host pages with a plain and a sandboxed calculator iframe and embed.js. Both draw,
// the plain one computes its link's scenario, each iframe is exactly as tall as its content (no inner
// scroll) at desktop and phone widths, and embed.js ignores messages from anyone but a calculator
// and clamps what it takes. The host is tried on the site's own origin (shell/embed-example.html) and
// on a second origin, as a charity's site would be.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { launchChromium, DESKTOP, PHONE } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static_server.mjs';
import { siteDir, outputDir, pollUntil } from './lib/calculator_page.mjs';
import { frameProbeScript } from './lib/frame_probe.mjs';
import { decodePng, countColours } from './lib/png.mjs';

const READY_TIMEOUT_MS = 45_000;
const FORGED_HEIGHT = 4321;

// [SECTION] Set-up: the site on one origin, host pages on another
const fixture = { site: null, host: null, hostDir: null, browser: null, contexts: [] };

// A host page on another origin: the calculator twice (plain, sandboxed), two frames of the host's own
// that post height messages as if they were calculators, and a script recording every resize. It is
// laid out at a phone's own width there (a viewport tag, as a charity's site has).
function writeHostPages(dir, siteOrigin) {
  const calculator = (id, query, extra = '') =>
    `<iframe id="${id}" src="${siteOrigin}/index.html?${query}" title="Parent-infant teams calculator" ` +
    `loading="lazy" allow="clipboard-write" ${extra} style="width:100%;border:0" data-teams-calculator></iframe>`;
  fs.writeFileSync(
    path.join(dir, 'host.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><script src="host_probe.js"></script></head>
<body style="margin:0 auto;max-width:1000px;padding:8px">
<h1>A charity's page</h1>
${calculator('plain', 'embed=1&prevalence=10&embed_id=plain')}
<p>Between the calculators.</p>
${calculator('sandboxed', 'embed=1&embed_id=sandboxed', 'sandbox="allow-scripts"')}
<iframe id="forged" src="forger.html" style="width:100%;height:123px;border:0" data-teams-calculator></iframe>
<iframe id="forged-sandboxed" src="forger.html" sandbox="allow-scripts" style="width:100%;height:123px;border:0" data-teams-calculator></iframe>
<p>After the calculators.</p>
<script src="${siteOrigin}/embed.js" async></script>
</body></html>`,
  );
  // An article with the embed code as pasted (its 1600 px starting height), half a screen below the
  // fold at 1280 x 800: a plain and a sandboxed calculator, then the rest of the article.
  const pasted = (id, query, extra = '') =>
    `<iframe id="${id}" src="${siteOrigin}/index.html?${query}" title="Parent-infant teams calculator" ` +
    `loading="lazy" allow="clipboard-write" ${extra} style="width:100%;height:1600px;border:0" data-teams-calculator></iframe>`;
  fs.writeFileSync(
    path.join(dir, 'below.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<link rel="icon" href="data:,"><script src="host_probe.js"></script></head>
<body style="margin:0 auto;max-width:1000px;padding:8px">
<h1>A charity's article</h1>
<div style="height:1200px">The article's first part.</div>
${pasted('below-sandboxed', 'embed=1&embed_id=below-sandboxed', 'sandbox="allow-scripts"')}
<p>Between the calculators.</p>
${pasted('below-plain', 'embed=1&prevalence=10&embed_id=below-plain')}
<p id="after">The rest of the article.</p>
<script src="${siteOrigin}/embed.js" async></script>
</body></html>`,
  );
  fs.writeFileSync(
    path.join(dir, 'forger.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forger</title><link rel="icon" href="data:,">
<script src="forger.js"></script></head><body><p>Not a calculator.</p></body></html>`,
  );
  // Posts a valid-looking height message at start and whenever asked: embed.js must ignore it.
  fs.writeFileSync(
    path.join(dir, 'forger.js'),
    `(function () {
  var message = { type: 'teams-calculator:height', version: 1, height: ${FORGED_HEIGHT}, id: 'forged' };
  function send() { window.parent.postMessage(message, '*'); }
  window.addEventListener('message', send);
  send();
  setTimeout(send, 300);
})();`,
  );
  fs.writeFileSync(
    path.join(dir, 'host_probe.js'),
    `window.__resizes = [];
document.addEventListener('teams-calculator:resize', function (e) {
  window.__resizes.push({ id: e.target.id, height: e.detail.height });
}, true);`,
  );
}

// Set-up happens in the first test that needs it, so a missing site, build step or Chromium fails
// each test with its reason (not "cancelled"), as in lib/fixture.mjs.
let setUp = null;
function ready() {
  setUp ??= (async () => {
    const site = siteDir();
    const index = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    for (const file of ['embed.js', 'embed-example.html', 'teams.wasm.js']) {
      assert.ok(fs.existsSync(path.join(site, file)), `${file} is missing from the site ${site}`);
    }
    // The page loads its scripts joined in page.js (tools/bundle_scripts.mjs), or one by one.
    const bundle = /<script[^>]+src="page\.js"/.test(index) ? fs.readFileSync(path.join(site, 'page.js'), 'utf8') : '';
    for (const script of ['embed_child.js', 'sandbox_loader.js']) {
      const loaded = new RegExp(`<script[^>]+src="${script}"`).test(index) || bundle.includes(`//! ---- ${script}\n`);
      assert.ok(loaded, `the site's index.html does not load ${script}`);
    }
    fixture.site = await startStaticServer(site);
    fixture.hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-embed-host-'));
    writeHostPages(fixture.hostDir, fixture.site.origin);
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

// [SECTION] Helpers
async function newSession(device = DESKTOP, moreOrigins = []) {
  const context = await fixture.browser.newContext({ ...device });
  fixture.contexts.push(context);
  const own = [fixture.site.origin, fixture.host.origin, ...moreOrigins];
  const session = { context, pageErrors: [], consoleErrors: [], offOrigin: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const isOwn = url.startsWith('data:') || url.startsWith('blob:') || own.some((o) => url.startsWith(o + '/'));
    if (isOwn) return route.continue();
    session.offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(frameProbeScript);
  session.page = await context.newPage();
  session.page.on('pageerror', (e) => session.pageErrors.push(String(e)));
  session.page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(m.text());
  });
  return session;
}

function assertClean(session) {
  assert.deepEqual(session.pageErrors, [], 'page errors');
  assert.deepEqual(session.consoleErrors, [], 'console errors');
  assert.deepEqual(session.offOrigin, [], 'requests that left the two test origins');
}

// The calculator in iframe #id, scrolled into view (lazy frames load near the viewport, and browsers
// pause drawing in frames out of view) and ready: teamsCalculator.ready resolved to true.
async function readyFrame(page, id) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no frame';
  while (Date.now() < deadline) {
    await page.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'start' }), id);
    const handle = await page.$(`#${id}`);
    const frame = handle && (await handle.contentFrame());
    if (frame) {
      try {
        const ready = await frame.evaluate(
          (ms) =>
            window.teamsCalculator && window.teamsCalculator.ready
              ? Promise.race([window.teamsCalculator.ready, new Promise((r) => setTimeout(() => r('pending'), ms))])
              : 'no api',
          1000,
        );
        if (ready === true) return frame;
        if (ready === false) throw new Error(`the calculator in #${id} showed its fallback`);
        last = String(ready);
      } catch (err) {
        if (/fallback/.test(err.message)) throw err;
        last = err.message.split('\n')[0]; // navigating
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the calculator in #${id} was not ready within ${READY_TIMEOUT_MS / 1000} s (${last})`);
}

const frameHeights = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Array.from(document.querySelectorAll('iframe')).map((f) => [f.id, f.getBoundingClientRect().height])),
  );

// Waits until no iframe has changed height for quietMs.
async function settledHeights(page, { quietMs = 1200, timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await frameHeights(page));
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = JSON.stringify(await frameHeights(page));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return JSON.parse(now);
    }
  }
  throw new Error(`iframe heights never settled: last ${last}`);
}

// The height the calculator's page needs at a given width, measured on its own in a short top-level
// page (where scrollHeight is the content's height): what the iframe should be, found without embed.js.
async function naturalHeight(session, url, width) {
  const page = await session.context.newPage();
  try {
    await page.setViewportSize({ width: Math.round(width), height: 200 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: READY_TIMEOUT_MS });
    await page.evaluate(() => window.teamsCalculator.ready);
    await page.waitForTimeout(300);
    return await page.evaluate(() => document.documentElement.scrollHeight);
  } finally {
    await page.close();
  }
}

// The iframe is as tall as its content: no scrolling inside, and no more than a pixel to spare.
async function assertFitsContent(session, id) {
  const { page } = session;
  const frame = await readyFrame(page, id);
  const outer = await page.evaluate((i) => {
    const r = document.getElementById(i).getBoundingClientRect();
    return { width: r.width, height: r.height };
  }, id);
  const inner = await frame.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
    url: location.href,
  }));
  assert.ok(
    inner.scrollHeight <= inner.clientHeight,
    `#${id} scrolls inside: scrollHeight ${inner.scrollHeight} > clientHeight ${inner.clientHeight}`,
  );
  const natural = await naturalHeight(session, inner.url, outer.width);
  assert.ok(
    Math.abs(outer.height - natural) <= 1,
    `#${id} is ${outer.height} px tall at width ${outer.width}; its content is ${natural} px`,
  );
  return { frame, height: outer.height, width: outer.width };
}

async function assertDraws(page, id, frame, name) {
  const probe = await frame.evaluate(() => window.__frameProbe.drawnFrames);
  assert.ok(probe > 0, `#${id}: no WebGL frame was drawn`);
  const shot = await page.locator(`#${id}`).screenshot();
  fs.writeFileSync(path.join(outputDir(), name), shot);
  const colours = countColours(decodePng(shot));
  assert.ok(colours >= 16, `#${id} shows only ${colours} colour(s): nothing was drawn`);
}

// [SECTION] Tests
describe('embedding', () => {
  test('the example page: a plain and a sandboxed calculator draw, fit their content and compute their links', async () => {
    await ready();
    const session = await newSession();
    const { page } = session;
    await page.goto(`${fixture.site.origin}/embed-example.html`, { waitUntil: 'load' });

    const plain = await readyFrame(page, 'plain-calculator');
    const sandboxed = await readyFrame(page, 'sandboxed-calculator');
    const plainResults = await plain.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(plainResults.teams_needed - 264.9) < 0.05, `plain frame: teams_needed = ${plainResults.teams_needed}`);
    const sandboxedResults = await sandboxed.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(sandboxedResults.teams_needed - 397.3) < 0.05, `sandboxed frame: teams_needed = ${sandboxedResults.teams_needed}`);
    // The sandbox is real: an opaque origin, with storage out of reach.
    const sandbox = await sandboxed.evaluate(() => {
      let storage = 'allowed';
      try {
        window.localStorage.getItem('x');
      } catch (e) {
        storage = 'blocked';
      }
      return { origin: window.origin, storage };
    });
    assert.deepEqual(sandbox, { origin: 'null', storage: 'blocked' });

    await settledHeights(page);
    for (const id of ['plain-calculator', 'sandboxed-calculator']) {
      const { frame } = await assertFitsContent(session, id);
      await page.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'start' }), id);
      await page.waitForTimeout(300);
      await assertDraws(page, id, frame, `embed-example-${id}.png`);
    }
    assertClean(session);
  });

  test('a host on another origin: calculators fit at desktop and phone widths, forged frames are ignored', async () => {
    await ready();
    const session = await newSession();
    const { page } = session;
    await page.goto(`${fixture.host.origin}/host.html`, { waitUntil: 'load' });
    for (const id of ['plain', 'sandboxed']) await readyFrame(page, id);
    const desktop = await settledHeights(page);
    const plainDesktop = await assertFitsContent(session, 'plain');
    await assertFitsContent(session, 'sandboxed');
    const results = await plainDesktop.frame.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(results.teams_needed - 264.9) < 0.05, `plain frame: teams_needed = ${results.teams_needed}`);

    // Frames of the host's own origin post height messages too: none may change a height.
    assert.equal(desktop.forged, 123, 'a frame from another origin resized its iframe');
    assert.equal(desktop['forged-sandboxed'], 123, 'a sandboxed frame from another origin resized its iframe');
    const resized = await page.evaluate(() => window.__resizes.map((r) => r.id));
    assert.ok(!resized.includes('forged') && !resized.includes('forged-sandboxed'), `resizes: ${resized}`);
    assert.ok(resized.includes('plain') && resized.includes('sandboxed'), `resizes: ${resized}`);

    // A phone: the calculators go to one column and grow; the iframes follow. (Frames out of view
    // do not draw, so each is brought into view to lay itself out at the new width.)
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of ['sandboxed', 'plain']) await readyFrame(page, id);
    const phone = await settledHeights(page);
    assert.ok(phone.plain > desktop.plain, `at 390 px the plain frame is ${phone.plain} px, at 1280 px ${desktop.plain} px`);
    const plainPhone = await assertFitsContent(session, 'plain');
    await assertFitsContent(session, 'sandboxed');
    await page.evaluate(() => document.getElementById('plain').scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await assertDraws(page, 'plain', plainPhone.frame, 'embed-host-phone-plain.png');
    assertClean(session);
  });

  test('the embed code the calculator gives, pasted into another site, shows its scenario and fits', async () => {
    await ready();
    const session = await newSession();
    const { page } = session;
    await page.goto(`${fixture.site.origin}/index.html?prevalence=10&embed_id=ignored`, { waitUntil: 'load' });
    const code = await page.evaluate(() => window.teamsCalculatorEmbedCode(window.location.search));
    assert.match(code, /^<iframe src="[^"]+\/index\.html\?embed=1&amp;prevalence=10" title="[^"]+" loading="lazy" allow="clipboard-write"/);
    assert.match(code, /data-teams-calculator><\/iframe>\n<script src="[^"]+\/embed\.js" async><\/script>$/);
    assert.ok(!code.includes('embed_id'), `the page's own embed options leaked into the code: ${code}`);
    fs.writeFileSync(
      path.join(fixture.hostDir, 'pasted.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="data:,">` +
        `</head><body><h1>Our campaign</h1>\n${code}\n<p>More text.</p></body></html>`,
    );
    await page.goto(`${fixture.host.origin}/pasted.html`, { waitUntil: 'load' });
    const id = await page.evaluate(() => {
      const frame = document.querySelector('iframe');
      frame.id = 'pasted';
      return frame.id;
    });
    const frame = await readyFrame(page, id);
    const results = await frame.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(results.teams_needed - 264.9) < 0.05, `pasted frame: teams_needed = ${results.teams_needed}`);
    await settledHeights(page);
    await assertFitsContent(session, id);
    assertClean(session);
  });

  test('on a phone, a vertical swipe over an embedded calculator scrolls the host page and changes nothing', async () => {
    await ready();
    const session = await newSession(PHONE);
    const { page, context } = session;
    await page.goto(`${fixture.host.origin}/host.html`, { waitUntil: 'load' });
    const frame = await readyFrame(page, 'plain');
    await settledHeights(page);
    await page.evaluate(() => window.scrollTo(0, document.getElementById('plain').getBoundingClientRect().top + window.scrollY));
    await page.waitForTimeout(500);
    const before = {
      hostScroll: await page.evaluate(() => window.scrollY),
      scenario: await frame.evaluate(() => window.teamsCalculator.getScenario()),
    };

    // A start point on the calculator but on no slider (every assumption's rect, in host coordinates).
    const frameBox = await page.evaluate(() => {
      const r = document.getElementById('plain').getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    const sliders = await frame.evaluate((keys) => keys.map((k) => window.teamsCalculator.widgetRect(k)).filter(Boolean),
      Object.keys(before.scenario.assumptions));
    assert.ok(sliders.length >= 5, `too few slider rects to avoid: ${JSON.stringify(sliders)}`);
    const onSlider = (x, y) => sliders.some((r) => x >= frameBox.x + r.x - 8 && x <= frameBox.x + r.x + r.width + 8 &&
      y >= frameBox.y + r.y - 8 && y <= frameBox.y + r.y + r.height + 8);
    const x = frameBox.x + frameBox.width / 2;
    let y0 = 600;
    while (onSlider(x, y0) || onSlider(x, y0 - 300)) y0 -= 20;
    assert.ok(y0 > 350 && y0 > frameBox.y, `no free start point on the calculator (frame at ${JSON.stringify(frameBox)})`);

    const cdp = await context.newCDPSession(page);
    const point = (y) => [{ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y0) });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y0 - (300 * i) / 10) });
      await page.waitForTimeout(20);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(1000);

    const hostScroll = await page.evaluate(() => window.scrollY);
    assert.ok(hostScroll >= before.hostScroll + 200, `the host page scrolled from ${before.hostScroll} to ${hostScroll} px`);
    assert.equal(await frame.evaluate(() => window.scrollY), 0, 'the calculator scrolled inside its frame');
    assert.deepEqual(await frame.evaluate(() => window.teamsCalculator.getScenario()), before.scenario, 'the swipe changed a value');
    assertClean(session);
  });

  test("under the site's strict Content-Security-Policy both frames start, the sandboxed one included", async () => {
    await ready();
    // The policy the site ships (shell/_headers), sent by its server: a sandboxed frame may not
    // fetch data: URLs either, and the example page has no inline style.
    const headers = fs.readFileSync(path.join(siteDir(), '_headers'), 'utf8');
    const csp = headers.match(/^\s+Content-Security-Policy: (.*)$/m)[1];
    assert.match(csp, /default-src 'none'/);
    const strict = await startStaticServer(siteDir(), { headers: { 'Content-Security-Policy': csp } });
    try {
      const session = await newSession(DESKTOP, [strict.origin]);
      const { page } = session;
      await page.goto(`${strict.origin}/embed-example.html`, { waitUntil: 'load' });
      for (const id of ['plain-calculator', 'sandboxed-calculator']) {
        const frame = await readyFrame(page, id);
        const results = await frame.evaluate(() => window.teamsCalculator.getResults());
        assert.ok(results && results.teams_needed > 0, `#${id}: results ${JSON.stringify(results)}`);
      }
      assertClean(session); // a CSP violation is a console error
    } finally {
      await strict.close();
    }
  });

  test('calculators below the fold take their content height before they are scrolled into view', async (t) => {
    await ready();
    const session = await newSession();
    const { page } = session;
    await page.goto(`${fixture.host.origin}/below.html`, { waitUntil: 'load' });
    const ids = ['below-sandboxed', 'below-plain'];
    const outOfView = () =>
      page.evaluate((list) => list.every((id) => document.getElementById(id).getBoundingClientRect().top > window.innerHeight), ids);
    // No scrolling: the frames load (lazily, being near) and must size themselves out of view.
    const early = await pollUntil(() => frameHeights(page), (h) => ids.every((id) => h[id] !== 1600), { timeoutMs: 30_000, intervalMs: 250 });
    assert.ok(await outOfView(), 'the calculators came into view without scrolling');
    for (const id of ids) assert.notEqual(early[id], 1600, `#${id} still has its starting height out of view: ${JSON.stringify(early)}`);
    assert.equal(await page.evaluate(() => window.scrollY), 0);

    // Scrolled into view, each draws, and nothing on the page moves.
    const afterTop = await page.evaluate(() => document.getElementById('after').getBoundingClientRect().top + window.scrollY);
    for (const id of ids) await readyFrame(page, id);
    const settled = await settledHeights(page);
    for (const id of ids) {
      assert.ok(Math.abs(settled[id] - early[id]) <= 1, `#${id} was ${early[id]} px out of view and ${settled[id]} px in view`);
    }
    const afterTopNow = await page.evaluate(() => document.getElementById('after').getBoundingClientRect().top + window.scrollY);
    t.diagnostic(`out of view ${JSON.stringify(early)}, in view ${JSON.stringify(settled)}; text after: ${afterTop} -> ${afterTopNow} px`);
    assert.ok(Math.abs(afterTopNow - afterTop) <= 2, `the text after the calculators moved from ${afterTop} to ${afterTopNow} px`);
    for (const id of ids) await assertFitsContent(session, id);
    assertClean(session);
  });

  test('embed.js takes only a clamped number from a calculator, and the calculator restores its height', async () => {
    await ready();
    const session = await newSession();
    const { page } = session;
    await page.goto(`${fixture.host.origin}/host.html`, { waitUntil: 'load' });
    const frame = await readyFrame(page, 'plain');
    const settled = (await settledHeights(page)).plain;
    const post = (payload) =>
      frame.evaluate((p) => window.parent.postMessage(p, '*'), payload).then(() => page.waitForTimeout(150));
    const lastResize = () => page.evaluate(() => window.__resizes.filter((r) => r.id === 'plain').slice(-1)[0]?.height);

    const ignored = [
      { type: 'teams-calculator:height', version: 1, height: '500' },
      { type: 'teams-calculator:height', version: 1, height: null },
      { type: 'teams-calculator:height', version: 1, height: { valueOf: 5 } },
      { type: 'teams-calculator:height', version: 2, height: 500 },
      { type: 'other', version: 1, height: 500 },
      'teams-calculator:height',
      null,
    ];
    const before = await page.evaluate(() => window.__resizes.length);
    for (const payload of ignored) await post(payload);
    assert.equal(await page.evaluate(() => window.__resizes.length), before, 'a malformed message resized a frame');
    assert.equal((await frameHeights(page)).plain, settled);

    await post({ type: 'teams-calculator:height', version: 1, height: Number.NaN });
    await post({ type: 'teams-calculator:height', version: 1, height: Number.POSITIVE_INFINITY });
    assert.equal(await page.evaluate(() => window.__resizes.length), before, 'NaN or Infinity resized a frame');

    // Out-of-range numbers are clamped, and the calculator answers the resize with its true height.
    const huge = await pollUntil(async () => {
      await post({ type: 'teams-calculator:height', version: 1, height: 1e12 });
      return page.evaluate(() => window.__resizes.filter((r) => r.id === 'plain').map((r) => r.height));
    }, (heights) => heights.includes(30000), { timeoutMs: 3000 });
    assert.ok(huge.includes(30000), `1e12 was not clamped to 30000: ${huge}`);
    assert.equal((await settledHeights(page)).plain, settled, 'the frame did not return to its content height');
    assert.equal(await lastResize(), settled);

    await post({ type: 'teams-calculator:height', version: 1, height: -5 });
    const small = await page.evaluate(() => window.__resizes.filter((r) => r.id === 'plain').map((r) => r.height));
    assert.ok(small.includes(80), `-5 was not clamped to 80: ${small}`);
    assert.equal((await settledHeights(page)).plain, settled, 'the frame did not return to its content height');
    assertClean(session);
  });
});
