// Issue 4, embed options in the link: ?embed=1 drops the page chrome and links to the full
// calculator; show=key,key shows just those sliders (unknown keys named in the notice); theme=
// light|dark|auto holds for the canvas and the page alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, waitUntilIdle, pollUntil } from './lib/calculator_page.mjs';
import { decodePng } from './lib/png.mjs';

const fixture = useSiteInChromium();

async function open(query, device = DESKTOP) {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device, query });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page);
  return session;
}

// Mean brightness (0-255) of the canvas's top-left corner, where only the background is drawn.
async function canvasBrightness(page) {
  const box = await page.evaluate(() => {
    const r = document.getElementById('calculator-canvas').getBoundingClientRect();
    return { x: r.left + 2, y: r.top + 2, width: 6, height: 6 };
  });
  const png = decodePng(await page.screenshot({ clip: box }));
  let sum = 0;
  let n = 0;
  for (let i = 0; i + 2 < png.pixels.length; i += png.channels) {
    sum += (png.pixels[i] + png.pixels[i + 1] + png.pixels[i + 2]) / 3;
    n++;
  }
  return sum / n;
}

const pageBrightness = (page) =>
  page.evaluate(() => {
    const m = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g).map(Number);
    return (m[0] + m[1] + m[2]) / 3;
  });

describe('embed options', () => {
  test('?embed=1&show=prevalence,access: no page chrome, exactly those two sliders, a link to the full calculator', async () => {
    const session = await open('?embed=1&show=prevalence,access&births=26832', PHONE);
    const { page } = session;
    const keys = Object.keys((await api.scenario(page)).assumptions);
    const shown = [];
    for (const key of keys) if (await api.widgetRect(page, key)) shown.push(key);
    assert.deepEqual(shown.sort(), ['access', 'prevalence'], `sliders shown: ${shown}`);
    const chrome = await page.evaluate(() => ['page-header', 'page-footer'].map((id) => getComputedStyle(document.getElementById(id)).display));
    assert.deepEqual(chrome, ['none', 'none'], 'the page header or footer shows in an embed');
    const link = await page.evaluate(() => {
      const a = document.getElementById('open-full');
      const r = a.getBoundingClientRect();
      return { href: a.href, target: a.target, text: a.textContent, visible: r.width > 0 && r.height > 0 };
    });
    assert.ok(link.visible, 'the full-calculator link is hidden');
    assert.equal(link.target, '_blank');
    assert.match(link.text, /full calculator/i);
    const url = new URL(link.href);
    assert.match(url.pathname, /\/index\.html$/);
    assert.equal(url.searchParams.get('births'), '26832', link.href);
    assert.equal(url.searchParams.get('embed'), null, link.href);
    assert.equal(url.searchParams.get('show'), null, link.href);
    // The full page has every slider (the refinements once "More assumptions" is open).
    const full = await open('index.html' + url.search);
    await full.page.evaluate(() => window.teamsControls.element('more_assumptions').click());
    await pollUntil(() => api.widgetRect(full.page, 'local_risk'), (r) => r !== null);
    for (const key of keys) assert.ok(await api.widgetRect(full.page, key), `no ${key} slider on the full page`);
    assertCleanSession(session);
    assertCleanSession(full);
  });

  test('show= with an unknown key shows the known ones and names the unknown one in the notice', async () => {
    const session = await open('?embed=1&show=prevalence,bogus_key');
    const { page } = session;
    assert.ok(await api.widgetRect(page, 'prevalence'));
    assert.equal(await api.widgetRect(page, 'access'), null);
    const notice = await page.evaluate(() => (document.getElementById('notice').hidden ? '' : document.getElementById('notice').textContent));
    assert.match(notice, /show: "bogus_key" is not an assumption/, `notice: ${notice}`);
    assertCleanSession(session);
  });

  test('theme=dark, theme=light and theme=auto hold for the canvas and the page', async () => {
    for (const [theme, scheme, dark] of [['dark', 'light', true], ['light', 'dark', false], ['auto', 'dark', true], ['auto', 'light', false]]) {
      await fixture.ready();
      const session = await openCalculator(fixture.browser, fixture.server.origin, {
        device: { ...DESKTOP, colorScheme: scheme }, query: `?embed=1&theme=${theme}` });
      fixture.sessions.push(session);
      await waitUntilIdle(session.page);
      const canvas = await canvasBrightness(session.page);
      const body = await pageBrightness(session.page);
      const label = `theme=${theme} with the system ${scheme}`;
      assert.equal(canvas < 100, dark, `${label}: canvas brightness ${canvas}`);
      assert.equal(body < 100, dark, `${label}: page brightness ${body}`);
      assertCleanSession(session);
    }
  });
});
