// Issue 11: what the canvas draws can be seen. Sampled pixels of each kind of canvas text reach 4.5:1
// against the page in the light and dark themes; the keyboard's ring is at least 2 px at 3:1; forced
// colours and "more contrast" change the canvas; the browser's text size setting scales the text and
// reflows the layout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, waitUntilIdle, waitForReady, pollUntil } from './lib/calculator_page.mjs';
import { decodePng } from './lib/png.mjs';

const fixture = useSiteInChromium();
const SHARP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 }; // glyph stems reach full colour

async function open(device, query = '') {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device, query });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page, { quietMs: 500 });
  return session;
}

function luminance([r, g, b]) {
  const c = (v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
}
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// A point of the canvas where nothing is drawn: its top-left corner, inside the content's margin.
const canvasCorner = (page) =>
  page.evaluate(() => {
    const r = document.getElementById('calculator-canvas').getBoundingClientRect();
    return { x: r.left + 4, y: Math.max(r.top, 0) + 4 };
  });

async function shot(page) {
  const corner = await canvasCorner(page);
  const png = decodePng(await page.screenshot());
  const scale = png.width / page.viewportSize().width;
  const at = (x, y) => {
    const i = (Math.round(y * scale) * png.width + Math.round(x * scale)) * png.channels;
    return [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
  };
  // The pixel of a CSS-px box with the highest contrast against bg (the core of a glyph's stroke),
  // among those that pass the filter.
  const strongest = (box, bg, filter = () => true) => {
    let best = { ratio: 1, colour: bg };
    for (let y = box.y; y < box.y + box.height; y += 1 / scale)
      for (let x = box.x; x < box.x + box.width; x += 1 / scale) {
        const c = at(x, y);
        if (!filter(c)) continue;
        const ratio = contrast(c, bg);
        if (ratio > best.ratio) best = { ratio, colour: c };
      }
    return best;
  };
  return { at, strongest, background: () => at(corner.x, corner.y) };
}

const orange = ([r, g, b]) => r - b > 70 && r > g && g > b;

// Boxes around each kind of text the canvas draws, from the control list's rectangles.
async function textBoxes(page) {
  const rect = (key) => api.widgetRect(page, key);
  const value = await rect('value_prevalence');
  const minus = await rect('minus_prevalence');
  const slider = await rect('prevalence');
  const headline = await rect('headline');
  const copy = await rect('copy_link');
  const heading = await rect('heading_Assumptions');
  return {
    'label (body text)': { x: minus.x, y: value.y, width: value.x - minus.x, height: value.height },
    'value (accent)': value,
    'source (small, dim)': { x: minus.x, y: slider.y + slider.height + 2, width: slider.width, height: 16 },
    heading,
    'headline': headline,
    'gap (orange)': { x: headline.x, y: headline.y + headline.height, width: headline.width, height: copy.y - headline.y - headline.height },
    'button label': { x: copy.x + 4, y: copy.y + 4, width: copy.width - 8, height: copy.height - 8 },
  };
}

describe('what the canvas draws can be seen', () => {
  for (const theme of ['light', 'dark']) {
    test(`canvas text reaches 4.5:1 in the light and dark themes: ${theme}`, async () => {
      const session = await open(SHARP, `?theme=${theme}`);
      const { page } = session;
      const boxes = await textBoxes(page);
      const image = await shot(page);
      const bg = image.background();
      assert.ok(theme === 'light' ? luminance(bg) > 0.8 : luminance(bg) < 0.05, `background ${bg}`);
      for (const [kind, box] of Object.entries(boxes)) {
        const isGap = kind.startsWith('gap');
        // Button labels sit on the button's fill, not the page.
        const under = kind === 'button label' ? image.at(box.x + 1, box.y + 1) : bg;
        const found = image.strongest(box, under, isGap ? orange : undefined);
        assert.ok(found.ratio >= 4.5, `${theme}: ${kind} text is ${found.ratio.toFixed(2)}:1 (${found.colour} on ${under}) in ${JSON.stringify(box)}`);
      }
      assertCleanSession(session);
    });
  }

  test("the keyboard's focus ring is at least 2 px at 3:1", async () => {
    const session = await open(DESKTOP);
    const { page } = session;
    const copy = await api.widgetRect(page, 'copy_link');
    const column = (image, bg) => {
      // Rows above the button's top edge, at its middle, that stand out at 3:1 from the page.
      let rows = 0, best = 1;
      for (let y = copy.y - 8; y < copy.y; ++y) {
        const ratio = contrast(image.at(copy.x + copy.width / 2, y), bg);
        if (ratio >= 3) ++rows;
        best = Math.max(best, ratio);
      }
      return { rows, best };
    };
    const before = await shot(page);
    const bg = before.background();
    assert.equal(column(before, bg).rows, 0, 'something is drawn above the button before it has focus');
    // From the keyboard: Tab from the top of the page reaches "Copy link" first.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'copy_link');
    await waitUntilIdle(page, { quietMs: 400 });
    const after = column(await shot(page), bg);
    assert.ok(after.rows >= 2, `the ring is ${after.rows} px at 3:1 (best ${after.best.toFixed(2)}:1)`);
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.ok(outline.style !== 'none' && outline.width >= 2, `the page's focus indicator: ${JSON.stringify(outline)}`);
    assertCleanSession(session);
  });

  test('forced colours and more contrast change the canvas', async () => {
    const session = await open(DESKTOP, '?theme=light');
    const { page } = session;
    const cdp = await page.context().newCDPSession(page);
    const backgroundNow = async () => (await shot(page)).background();
    const normal = await backgroundNow();
    const frames = async () => (await api.stats(page)).framesDrawn;

    let drawn = await frames();
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    await pollUntil(frames, (n) => n > drawn);
    await waitUntilIdle(page, { quietMs: 400 });
    const system = await page.evaluate(() => {
      const probe = document.createElement('span');
      document.body.appendChild(probe);
      const read = (name) => { probe.style.color = name; return getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number); };
      const colours = { canvas: read('Canvas'), text: read('CanvasText') };
      probe.remove();
      return colours;
    });
    const forced = await shot(page);
    assert.deepEqual(forced.background(), system.canvas, `forced colours: the canvas's background is ${forced.background()}, Canvas is ${system.canvas}`);
    assert.notDeepEqual(forced.background(), normal, 'forced colours left the canvas unchanged');
    const heading = await api.widgetRect(page, 'heading_Assumptions');
    const text = forced.strongest(heading, system.canvas);
    assert.ok(contrast(text.colour, system.text) < 1.2, `forced colours: heading drawn in ${text.colour}, CanvasText is ${system.text}`);

    drawn = await frames();
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-contrast', value: 'more' }] });
    await pollUntil(frames, (n) => n > drawn);
    await waitUntilIdle(page, { quietMs: 400 });
    const more = await shot(page);
    assert.deepEqual(more.background(), [255, 255, 255], 'more contrast: the background is not white');
    const dim = await api.widgetRect(page, 'prevalence');
    const source = more.strongest({ x: dim.x, y: dim.y + dim.height + 2, width: dim.width, height: 16 }, [255, 255, 255]);
    assert.ok(source.ratio >= 7, `more contrast: the sources are ${source.ratio.toFixed(2)}:1`);
    await cdp.detach();
    assertCleanSession(session);
  });

  test("a 24 px default font makes the calculator's text and buttons larger and the layout one column", async () => {
    const session = await open(DESKTOP);
    const { page } = session;
    const copy16 = await api.widgetRect(page, 'copy_link');
    const heading16 = await api.widgetRect(page, 'heading_Assumptions');
    const prevalence16 = await api.widgetRect(page, 'prevalence');
    assert.ok(prevalence16.y < copy16.y + 200, 'at 16 px the assumptions are not beside the answer');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.reload({ waitUntil: 'load' });
    await waitForReady(session);
    await waitUntilIdle(page, { quietMs: 500 });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px');
    const copy24 = await api.widgetRect(page, 'copy_link');
    const heading24 = await api.widgetRect(page, 'heading_Assumptions');
    assert.ok(copy24.height >= 1.4 * copy16.height, `"Copy link" is ${copy16.height} then ${copy24.height} px tall`);
    assert.ok(heading24.height >= 1.4 * heading16.height, `a heading is ${heading16.height} then ${heading24.height} px tall`);
    // The layout reflowed: one column, the assumptions under the answer.
    const prevalence24 = await api.widgetRect(page, 'prevalence');
    assert.ok(prevalence24.y > copy24.y + copy24.height, `prevalence at ${prevalence24.y}, Copy link at ${copy24.y}`);
    assert.ok(prevalence24.width > prevalence16.width * 1.5, `prevalence is ${prevalence24.width} px wide (was ${prevalence16.width})`);
    await cdp.detach();
    assertCleanSession(session);
  });
});
