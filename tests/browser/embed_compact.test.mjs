// The compact embed (?embed=1): a widget, not the whole page. The headline, the gap picture and the
// sliders, in two columns from 640 px; every other section only when the link's show= names it; no
// "Copy embed code"; a one-line footer under it (source, download, the full calculator). Heights are
// measured as a host page sees them: iframes 700 and 360 px wide, sized by embed.js.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { launchChromium, DESKTOP } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static_server.mjs';
import { siteDir, outputDir, openCalculator, waitUntilIdle, pollUntil } from './lib/calculator_page.mjs';
import { assertCleanSession } from './lib/fixture.mjs';

const READY_TIMEOUT_MS = 45_000;
// The issue's targets at 700 px wide, and what a phone-width widget may take at 360 px.
const MAX_HEIGHT = { default: { 700: 1200, 360: 1900 }, focused: { 700: 800, 360: 1000 } };
const FOCUSED = 'show=prevalence,access';

// [SECTION] Set-up: the site on one origin, a host page on another
const fixture = { site: null, host: null, hostDir: null, browser: null, sessions: [] };
let setUp = null;
function ready() {
  setUp ??= (async () => {
    fixture.site = await startStaticServer(siteDir());
    fixture.hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-compact-host-'));
    const frame = (id, query, width, extra = '') =>
      `<iframe id="${id}" src="${fixture.site.origin}/index.html?${query}" title="Parent-infant teams calculator" ` +
      `${extra} style="display:block;width:${width}px;height:1600px;border:0" data-teams-calculator></iframe>`;
    fs.writeFileSync(
      path.join(fixture.hostDir, 'sizes.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sizes</title><link rel="icon" href="data:,"></head>
<body style="margin:0;padding:8px">
${frame('default-700', 'embed=1', 700)}
${frame('focused-700', `embed=1&${FOCUSED}`, 700)}
${frame('default-360', 'embed=1', 360)}
${frame('focused-360', `embed=1&${FOCUSED}`, 360, 'sandbox="allow-scripts"')}
<script src="${fixture.site.origin}/embed.js" async></script>
</body></html>`,
    );
    fixture.host = await startStaticServer(fixture.hostDir);
    fixture.browser = await launchChromium();
  })();
  return setUp;
}

after(async () => {
  for (const session of fixture.sessions) await session.context.close().catch(() => {});
  await fixture.browser?.close();
  await fixture.site?.close();
  await fixture.host?.close();
  if (fixture.hostDir) fs.rmSync(fixture.hostDir, { recursive: true, force: true });
});

// The calculator on its own (a top-level page of the site), as wide as a frame would be.
async function open(query, width = 700) {
  await ready();
  const session = await openCalculator(fixture.browser, fixture.site.origin, {
    device: { viewport: { width, height: 900 }, deviceScaleFactor: 1 },
    query,
  });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page);
  return session;
}

const controls = (page) => page.evaluate(() => window.teamsCalculator.controls());
const keysOf = (list) => list.map((c) => c.key);

// The calculator in iframe #id, scrolled into view and ready.
async function readyFrame(page, id) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await page.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'start' }), id);
    const frame = await (await page.$(`#${id}`))?.contentFrame();
    const state = await frame
      ?.evaluate(() => (window.teamsCalculator ? Promise.race([window.teamsCalculator.ready, new Promise((r) => setTimeout(() => r('pending'), 1000))]) : 'no api'))
      .catch(() => 'navigating');
    if (state === true) return frame;
    if (state === false) throw new Error(`#${id} showed its fallback`);
    await page.waitForTimeout(250);
  }
  throw new Error(`#${id} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

const frameHeights = (page) =>
  page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('iframe')).map((f) => [f.id, f.getBoundingClientRect().height])));

async function settledHeights(page, quietMs = 1500) {
  let last = JSON.stringify(await frameHeights(page));
  let since = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = JSON.stringify(await frameHeights(page));
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs) return JSON.parse(now);
  }
  throw new Error(`iframe heights never settled: ${last}`);
}

// [SECTION] Tests
describe('the compact embed', () => {
  test('heights at 700 and 360 px wide, default and show=prevalence,access: within the targets, sized by embed.js', async (t) => {
    await ready();
    const context = await fixture.browser.newContext({ ...DESKTOP });
    const session = { context, origin: fixture.site.origin, pageErrors: [], consoleErrors: [], offOrigin: [] };
    fixture.sessions.push(session);
    const page = await context.newPage();
    page.on('pageerror', (e) => session.pageErrors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && session.consoleErrors.push(m.text()));
    await page.goto(`${fixture.host.origin}/sizes.html`, { waitUntil: 'load' });
    const ids = ['default-700', 'focused-700', 'default-360', 'focused-360'];
    for (const id of ids) await readyFrame(page, id);
    const heights = await settledHeights(page);
    t.diagnostic(`heights: ${JSON.stringify(heights)}`);
    for (const id of ids) {
      const [kind, width] = id.split('-');
      assert.notEqual(heights[id], 1600, `#${id} kept its starting height: embed.js did not size it`);
      assert.ok(heights[id] <= MAX_HEIGHT[kind][width], `#${id} is ${heights[id]} px tall, over ${MAX_HEIGHT[kind][width]} px`);
      // Fits its content: nothing scrolls inside, and nothing is cut off (the footer is the last thing).
      const frame = await readyFrame(page, id);
      const inner = await frame.evaluate(() => ({
        scroll: document.documentElement.scrollHeight,
        client: document.documentElement.clientHeight,
        footer: document.getElementById('embed-footer').getBoundingClientRect().bottom,
      }));
      assert.ok(inner.scroll <= inner.client, `#${id} scrolls inside: ${JSON.stringify(inner)}`);
      assert.ok(inner.footer <= inner.client + 1, `#${id}'s footer is cut off: ${JSON.stringify(inner)}`);
    }
    assert.ok(heights['focused-700'] < heights['default-700'], `two sliders are no shorter than all: ${JSON.stringify(heights)}`);
    fs.writeFileSync(path.join(outputDir(), 'embed-compact-700.png'), await page.locator('#default-700').screenshot());
    assertCleanSession(session);
  });

  test('the default embed: headline, gap picture and sliders, in two columns at 700 px and one at 360 px', async () => {
    for (const width of [700, 360]) {
      const session = await open('?embed=1', width);
      const list = await controls(session.page);
      const byKey = Object.fromEntries(list.map((c) => [c.key, c.rect]));
      for (const key of ['headline', 'picture_Today against the need', 'prevalence', 'minus_prevalence', 'access', 'caseload'])
        assert.ok(byKey[key], `${width} px: no ${key}: ${keysOf(list)}`);
      const [hx, hy, hw, hh] = byKey.headline;
      const [gx, gy] = byKey['picture_Today against the need'];
      const [sx, sy] = byKey.minus_prevalence; // the slider row's left edge
      assert.ok(gy >= hy + hh, `${width} px: the gap picture is not under the headline`);
      if (width === 700) {
        assert.ok(sx >= hx + hw, `700 px: the sliders (x ${sx}) are not in a column right of the headline (to ${hx + hw})`);
        assert.ok(sy < gy, `700 px: the sliders start below the gap picture`);
      } else {
        assert.ok(sy > gy, `360 px: the sliders are not under the gap picture`);
        assert.ok(Math.abs(sx - gx) < 40, `360 px: the sliders are not in the same column`);
      }
      assertCleanSession(session);
    }
  });

  // Each section's mark in the control list, and the key that brings it.
  const SECTIONS = {
    presets: ['preset'],
    share: ['copy_link', 'download_csv'],
    compare: ['pin'],
    money: ['heading_What it costs, and what it returns'],
    ranges: ['range_clear_prevalence', 'picture_Which assumption matters most'],
    pictures: ['picture_Scaling up', 'picture_100 babies'],
    working: ['show_working'],
  };
  const ALL_MARKS = Object.values(SECTIONS).flat();

  test('no other section without show=; each show= key brings its section alone', async () => {
    const plain = await open('?embed=1');
    const shown = keysOf(await controls(plain.page));
    assert.deepEqual(ALL_MARKS.filter((k) => shown.includes(k)), [], `sections in the default embed: ${shown}`);
    assertCleanSession(plain);
    for (const [key, marks] of Object.entries(SECTIONS)) {
      const session = await open(`?embed=1&show=${key}`);
      const list = await controls(session.page);
      const here = keysOf(list);
      for (const mark of marks) assert.ok(here.includes(mark), `show=${key}: no ${mark}: ${here}`);
      const others = ALL_MARKS.filter((k) => !marks.includes(k) && here.includes(k));
      assert.deepEqual(others, [], `show=${key} brought other sections too`);
      // Sliders: all of them still, as no slider was named.
      assert.ok(here.includes('prevalence') && here.includes('caseload'), `show=${key}: sliders ${here}`);
      if (key === 'working') assert.equal(list.find((c) => c.key === 'show_working').expanded, true, 'show=working: the working is closed');
      assertCleanSession(session);
    }
    // Slider keys and section keys together.
    const mixed = await open('?embed=1&show=prevalence,pictures');
    const here = keysOf(await controls(mixed.page));
    assert.ok(here.includes('prevalence') && !here.includes('access'), `show=prevalence,pictures: ${here}`);
    assert.ok(here.includes('picture_Scaling up'), `show=prevalence,pictures: ${here}`);
    assertCleanSession(mixed);
  });

  test('no "Copy embed code" inside an embed, even with the sharing buttons; the full page keeps it', async () => {
    const session = await open('?embed=1&show=share');
    const { page } = session;
    const here = keysOf(await controls(page));
    assert.ok(here.includes('copy_link'), `show=share brought no sharing buttons: ${here}`);
    assert.ok(!here.includes('copy_embed'), `a copy-embed control in an embed: ${here}`);
    const standIns = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#calculator-controls button')).map((b) => b.getAttribute('aria-label') || b.textContent));
    assert.ok(!standIns.some((n) => /embed code/i.test(n)), `a stand-in for the embed code: ${standIns}`);
    assertCleanSession(session);
    const full = await open('');
    assert.ok(keysOf(await controls(full.page)).includes('copy_embed'), 'the full page lost its "Copy embed code"');
    assertCleanSession(full);
  });

  test('the footer: one line under the calculator, with the source, a CSV download and the full calculator, named', async () => {
    const session = await open('?embed=1&prevalence=10&show=prevalence');
    const { page } = session;
    const footer = await page.evaluate(() => {
      const f = document.getElementById('embed-footer');
      const r = f.getBoundingClientRect();
      const calculator = document.getElementById('calculator').getBoundingClientRect();
      const named = (el) => ({ name: el.textContent.trim(), href: el.href || null, target: el.target || null,
        height: el.getBoundingClientRect().height, top: el.getBoundingClientRect().top });
      return {
        visible: r.width > 0 && r.height > 0, top: r.top, height: r.height, calculatorBottom: calculator.bottom,
        lineHeight: parseFloat(getComputedStyle(f).lineHeight),
        links: Array.from(f.querySelectorAll('a')).map(named),
        buttons: Array.from(f.querySelectorAll('button')).map(named),
        text: f.textContent.replace(/\s+/g, ' ').trim(),
      };
    });
    assert.ok(footer.visible, 'the footer is hidden');
    assert.ok(footer.top >= footer.calculatorBottom - 1, `the footer (top ${footer.top}) is not under the calculator (bottom ${footer.calculatorBottom})`);
    assert.ok(footer.height < footer.lineHeight * 1.5 + 8, `the footer is ${footer.height} px tall: more than one line at 700 px (${footer.text})`);
    assert.match(footer.text, /^Source: Parent-Infant Foundation, 2023 · Download CSV · Open the full calculator/);
    const source = footer.links.find((l) => /Parent-Infant Foundation/.test(l.name));
    assert.ok(source && /^https:\/\/parentinfantfoundation\.org\.uk\//.test(source.href), `source link: ${JSON.stringify(footer.links)}`);
    const full = footer.links.find((l) => l.name === 'Open the full calculator');
    assert.ok(full, `no "Open the full calculator" link: ${JSON.stringify(footer.links)}`);
    assert.equal(full.target, '_blank');
    const url = new URL(full.href);
    assert.match(url.pathname, /\/index\.html$/);
    assert.equal(url.searchParams.get('prevalence'), '10');
    for (const name of ['embed', 'show']) assert.equal(url.searchParams.get(name), null, full.href);
    assert.deepEqual(footer.buttons.map((b) => b.name), ['Download CSV']);
    for (const target of [...footer.links, ...footer.buttons]) assert.ok(target.height >= 24, `${target.name} is ${target.height} px tall`);
    // The full-calculator link no longer sits above the headline.
    const headline = (await controls(page)).find((c) => c.key === 'headline');
    const calculatorTop = await page.evaluate(() => document.getElementById('calculator').getBoundingClientRect().top);
    assert.ok(full.top > calculatorTop + headline.rect[1] + headline.rect[3], 'the full-calculator link is above the headline');
    // The download is the calculator's CSV of this scenario.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#embed-download')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.match(csv, /prevalence|Babies at risk/i, csv.slice(0, 200));
    assert.match(csv, /\b10\b/, csv.slice(0, 400));
    const status = await pollUntil(() => page.evaluate(() => document.getElementById('action-status').textContent), (s) => s !== '');
    assert.match(status, /CSV downloaded/);
    assertCleanSession(session);
  });
});
