// Issue 4, sharing and keeping: the calculator's buttons, pressed with a real click or tap on the
// canvas (so the page acts inside that user activation): copy link, CSV and image downloads, copy
// embed code, and native share where the browser has it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, pollUntil, waitUntilIdle, outputDir } from './lib/calculator_page.mjs';
import { decodePng } from './lib/png.mjs';
import { siteDir } from './lib/calculator_page.mjs';
import { pathToFileURL } from 'node:url';

const fixture = useSiteInChromium();
const QUERY = '?prevalence=10&births=26832';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function open(device = DESKTOP, query = '', { clipboard = true, initScript = null } = {}) {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device, query, waitReady: false });
  fixture.sessions.push(session);
  // Permissions and scripts go on before the page loads again with them.
  if (clipboard) await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.server.origin });
  if (initScript) await session.page.addInitScript(initScript);
  await session.page.goto(`${fixture.server.origin}/${query}`, { waitUntil: 'load' });
  await session.page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready);
  await session.page.evaluate(() => window.teamsCalculator.ready);
  await waitUntilIdle(session.page);
  return session;
}

// The button's rect, scrolled into view.
async function buttonRect(page, name) {
  let rect = await api.widgetRect(page, name);
  assert.ok(rect, `widgetRect('${name}') is null: no ${name} button`);
  const viewport = page.viewportSize();
  if (rect.y < 0 || rect.y + rect.height > viewport.height) {
    await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - viewport.height / 3);
    await sleep(300);
    rect = await api.widgetRect(page, name);
  }
  assert.ok(rect.height >= 24 && rect.width >= 44, `${name} is too small to press: ${JSON.stringify(rect)}`);
  return rect;
}

async function click(page, name) {
  const rect = await buttonRect(page, name);
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  return rect;
}

const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function clipboardAfter(page, before) {
  return pollUntil(() => readClipboard(page), (text) => text !== before, { timeoutMs: 5000 });
}

// The pixels under a button row, to see that a confirmation appeared.
async function strip(page, rect) {
  return page.screenshot({ clip: { x: 0, y: rect.y, width: page.viewportSize().width, height: rect.height + 40 } });
}

describe('share buttons', () => {
  test('copy link puts the full address with the scenario on the clipboard, and opening it gives the same numbers', async () => {
    const session = await open(DESKTOP, QUERY);
    const { page } = session;
    const results = await api.results(page);
    await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    const rect = await buttonRect(page, 'copy_link');
    const before = await strip(page, rect);
    await click(page, 'copy_link');
    const link = await clipboardAfter(page, '(empty)');
    assert.ok(link.startsWith(`${fixture.server.origin}/`), `copied: ${link}`);
    const params = new URL(link).searchParams;
    assert.equal(params.get('prevalence'), '10', `copied: ${link}`);
    assert.equal(params.get('births'), '26832', `copied: ${link}`);
    // A visible confirmation beside the buttons.
    await sleep(300);
    const after = await strip(page, await api.widgetRect(page, 'copy_link'));
    assert.ok(!before.equals(after), 'nothing visible changed after copying');
    // ... and the same words for screen readers, in a status region.
    assert.equal(await page.evaluate(() => document.querySelector('#action-status[role="status"]').textContent), 'Link copied.');
    await page.screenshot({ path: path.join(outputDir(), 'share-copied.png') });

    const other = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query: link.slice(fixture.server.origin.length + 1) });
    fixture.sessions.push(other);
    assert.deepEqual(await api.results(other.page), results, 'the copied link gives other numbers');
    assertCleanSession(session);
    assertCleanSession(other);
  });

  test('copy link in an embed gives the full calculator with the scenario, without the embed options', async () => {
    // show=share: a compact embed has the sharing buttons only when its link asks for them.
    const session = await open(DESKTOP, '?embed=1&show=prevalence,access,share&prevalence=10');
    const { page } = session;
    await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await click(page, 'copy_link');
    const link = new URL(await clipboardAfter(page, '(empty)'));
    assert.equal(link.searchParams.get('prevalence'), '10', link.href);
    for (const name of ['embed', 'show']) assert.equal(link.searchParams.get(name), null, `${name} in ${link.href}`);
    assertCleanSession(session);
  });

  test('from file:// (the single file) there is no embed code button, and copy link is there', async () => {
    await fixture.ready();
    const context = await fixture.browser.newContext(DESKTOP);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(pathToFileURL(path.join(siteDir(), 'teams-calculator.html')).href + '?prevalence=10', { waitUntil: 'load' });
      await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready);
      await page.evaluate(() => window.teamsCalculator.ready);
      await sleep(500);
      assert.ok(await api.widgetRect(page, 'copy_link'), 'no copy link button on file://');
      assert.equal(await api.widgetRect(page, 'copy_embed'), null, 'an embed code button on file://, where no embed code can work');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('copy link works from a tap on a phone', async () => {
    const session = await open(PHONE, QUERY);
    const { page, context } = session;
    await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    const rect = await buttonRect(page, 'copy_link');
    const cdp = await context.newCDPSession(page);
    const point = [{ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
    await sleep(60);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const link = await clipboardAfter(page, '(empty)');
    assert.equal(new URL(link).searchParams.get('prevalence'), '10', `copied: ${link}`);
    assertCleanSession(session);
  });

  test('when the clipboard is refused, the link is offered selected in a field to copy by hand', async () => {
    const session = await open(DESKTOP, QUERY, {
      clipboard: false,
      initScript: () => {
        Object.defineProperty(navigator, 'clipboard', { configurable: true,
          value: { writeText: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')) } });
        document.execCommand = () => false;
      },
    });
    const { page } = session;
    await click(page, 'copy_link');
    await page.waitForSelector('.copy-panel textarea', { timeout: 5000 });
    const field = await page.evaluate(() => {
      const area = document.querySelector('.copy-panel textarea');
      const r = area.getBoundingClientRect();
      return { text: area.value, focused: document.activeElement === area, selected: area.selectionEnd - area.selectionStart,
        readOnly: area.readOnly, visible: r.width > 100 && r.height > 20 && r.top >= 0 && r.bottom <= window.innerHeight };
    });
    assert.equal(new URL(field.text).searchParams.get('prevalence'), '10', `field holds: ${field.text}`);
    assert.ok(field.focused && field.readOnly && field.visible, JSON.stringify(field));
    assert.equal(field.selected, field.text.length, 'the text is not selected');
    await page.screenshot({ path: path.join(outputDir(), 'share-copy-refused.png') });
    await page.click('.copy-panel button');
    assert.equal(await page.$('.copy-panel'), null, 'Close left the field open');
    assertCleanSession(session);
  });

  test("the CSV download holds the scenario's numbers and every assumption with its source", async () => {
    const session = await open(DESKTOP);
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), click(page, 'download_csv')]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const file = path.join(outputDir(), 'share-download.csv');
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const rows = csv.trim().split(/\r?\n/);
    assert.equal(rows[0], 'section,key,label,value,unit,source');
    const byKey = new Map(rows.slice(1).map((row) => [row.split(',')[1], row]));
    assert.match(byKey.get('teams_needed') ?? '', /,397\.29\d*,/, `teams_needed row: ${byKey.get('teams_needed')}`);
    assert.match(byKey.get('teams_needed_whole') ?? '', /,398,/, `teams_needed_whole row: ${byKey.get('teams_needed_whole')}`);
    const keys = Object.keys((await api.scenario(page)).assumptions);
    for (const key of keys) {
      const row = byKey.get(key);
      assert.ok(row && row.startsWith('assumption,'), `no assumption row for ${key}`);
      assert.ok(!/,$/.test(row) && !/,""$/.test(row), `no source for ${key}: ${row}`);
    }
    assert.match(byKey.get('births'), /,595948,/);
    assertCleanSession(session);
  });

  test('the image download is a 1200x630 PNG with something drawn on it', async () => {
    const session = await open(DESKTOP, QUERY);
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), click(page, 'download_png')]);
    assert.match(download.suggestedFilename(), /\.png$/);
    const file = path.join(outputDir(), 'share-card.png');
    await download.saveAs(file);
    const png = decodePng(fs.readFileSync(file));
    assert.equal(png.width, 1200);
    assert.equal(png.height, 630);
    const colours = new Set();
    for (let i = 0; i + 3 <= png.pixels.length; i += png.channels * 97) colours.add(png.pixels.readUIntBE(i, 3));
    assert.ok(colours.size >= 8, `the card has only ${colours.size} colours: is it blank?`);
    // Drawn in the calculator's typeface: both Inter subsets were fetched and are ready for canvas text.
    for (const font of ['inter-regular.ttf', 'inter-semibold.ttf'])
      assert.ok(session.requests.some((r) => r.url.endsWith('/' + font)), `${font} was not requested`);
    const faces = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Teams Inter' && f.status === 'loaded').map((f) => f.weight));
    assert.deepEqual(faces.sort(), ['400', '600']);
    assertCleanSession(session);
  });

  test('copy embed code puts the iframe and script snippet for this scenario on the clipboard', async () => {
    const session = await open(DESKTOP, QUERY);
    const { page } = session;
    await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await click(page, 'copy_embed');
    const code = await clipboardAfter(page, '(empty)');
    assert.match(code, /^<iframe src="[^"]*embed=1[^"]*"/, code);
    assert.match(code, /prevalence=10/, code);
    assert.match(code, /births=26832/, code);
    assert.match(code, /<script src="[^"]*embed\.js"/, code);
    assert.match(code, /title="[^"]+" loading="lazy" allow="clipboard-write"/, code);
    assertCleanSession(session);
  });

  test('native share: hidden without navigator.share, and sends the link where it exists', async () => {
    const plain = await open(DESKTOP);
    const hasShare = await plain.page.evaluate(() => typeof navigator.share === 'function');
    if (!hasShare) assert.equal(await api.widgetRect(plain.page, 'share'), null, 'a share button without navigator.share');

    const session = await open(DESKTOP, QUERY, {
      initScript: () => {
        window.__shared = [];
        Object.defineProperty(navigator, 'share', { configurable: true, value: (data) => { window.__shared.push(data); return Promise.resolve(); } });
      },
    });
    const { page } = session;
    await click(page, 'share');
    const shared = await pollUntil(() => page.evaluate(() => window.__shared), (s) => s.length > 0);
    assert.equal(shared.length, 1, 'navigator.share was not called');
    assert.equal(new URL(shared[0].url).searchParams.get('prevalence'), '10', JSON.stringify(shared[0]));
    assertCleanSession(session);
  });
});
