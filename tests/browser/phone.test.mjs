// Issue 4, phones: a vertical swipe scrolls and changes nothing, a horizontal drag on a slider moves
// it; a tap on a value opens a real number field (typed values are validated like any other input);
// 360x640 fits without horizontal scrolling and touch targets are at least 44 CSS px tall.
import assert from 'node:assert/strict';
import path from 'node:path';
import { labelPattern } from './lib/labels.mjs';
import { describe, test } from 'node:test';
import { PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, pollUntil, waitUntilIdle, visibleSliderRect, touchDrag, outputDir } from './lib/calculator_page.mjs';
import { decodePng } from './lib/png.mjs';

const fixture = useSiteInChromium();
const SMALL_PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function openPhone(device = PHONE, query = '') {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device, query });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page);
  session.cdp = await session.context.newCDPSession(session.page);
  return session;
}

async function tap(cdp, x, y) {
  const point = [{ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
  await sleep(60);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Scrolls the page so the rect named is in the middle third of the viewport; returns its new rect.
async function rectInView(page, name) {
  const viewport = page.viewportSize();
  let rect = await api.widgetRect(page, name);
  assert.ok(rect, `widgetRect('${name}') is null`);
  await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - viewport.height / 3);
  await sleep(300);
  rect = await api.widgetRect(page, name);
  assert.ok(rect.y >= 0 && rect.y + rect.height <= viewport.height, `${name} is not in view: ${JSON.stringify(rect)}`);
  return rect;
}

// Taps the value of `key` and answers the number field that opened.
async function openField(session, key) {
  const { page, cdp } = session;
  const rect = await rectInView(page, `value_${key}`);
  await tap(cdp, rect.x + rect.width - 20, rect.y + rect.height / 2);
  const selector = `input.value-field[data-key="${key}"]`;
  await page.waitForSelector(selector, { timeout: 5000 });
  return { rect, selector };
}

async function typeInto(page, selector, text, key = 'Enter') {
  await page.evaluate((s) => document.querySelector(s).select(), selector);
  await page.keyboard.type(text);
  await page.keyboard.press(key);
}

const visibleNotice = (page) =>
  page.evaluate(() => {
    const notice = document.getElementById('notice');
    return notice.hidden ? '' : notice.textContent.replace(/\s+/g, ' ');
  });

// Pixels that differ between two screenshots of the same size (PNG buffers).
function changedPixels(a, b) {
  const [x, y] = [decodePng(a), decodePng(b)];
  let n = 0;
  for (let i = 0; i + 2 < Math.min(x.pixels.length, y.pixels.length); i += x.channels) {
    const d = Math.abs(x.pixels[i] - y.pixels[i]) + Math.abs(x.pixels[i + 1] - y.pixels[i + 1]) + Math.abs(x.pixels[i + 2] - y.pixels[i + 2]);
    if (d > 30) ++n;
  }
  return n;
}

describe('phones', () => {
  test("a vertical swipe from the screen's edge scrolls the page and changes no value", async () => {
    const session = await openPhone();
    const { page, cdp } = session;
    const before = { scroll: await page.evaluate(() => window.scrollY), scenario: await api.scenario(page) };
    // x = 6: inside the calculator's 16 px side margin, on no slider or button.
    const point = (y) => [{ x: 6, y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(700) });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(700 - 40 * i) });
      await sleep(20);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await sleep(800);
    const scroll = await page.evaluate(() => window.scrollY);
    assert.ok(scroll >= before.scroll + 200, `the page scrolled from ${before.scroll} to ${scroll} px`);
    assert.deepEqual(await api.scenario(page), before.scenario, 'the swipe changed a value');

    // A vertical swipe that starts on a slider's row but moves mostly up scrolls too.
    const slider = await rectInView(page, 'access');
    const x = slider.x + slider.width * 0.5;
    const y0 = slider.y + slider.height / 2;
    const top = await page.evaluate(() => window.scrollY);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0, id: 1 }] });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + i, y: y0 - 25 * i, id: 1 }] });
      await sleep(20);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await sleep(800);
    assert.ok((await page.evaluate(() => window.scrollY)) > top + 100, 'a vertical swipe over a slider did not scroll');
    assert.deepEqual(await api.scenario(page), before.scenario, 'a vertical swipe over a slider changed a value');
    assertCleanSession(session);
  });

  test('a horizontal drag on a slider changes its value', async () => {
    const session = await openPhone();
    const { page, cdp } = session;
    const rect = await visibleSliderRect(page, 'prevalence');
    await touchDrag(cdp, rect, 0.2, 0.8);
    const value = await pollUntil(async () => (await api.scenario(page)).assumptions.prevalence, (v) => v !== 15);
    assert.ok(value > 15, `a drag to the right left prevalence at ${value}`);
    assertCleanSession(session);
  });

  test('a tap on a value opens a number field; 12 + Enter sets it, 80 clamps to 50 with a notice, junk is refused', async () => {
    const session = await openPhone();
    const { page } = session;
    const before = await api.results(page);

    // The field: a real input with the decimal keyboard, over the value, focused, holding the value.
    let { rect, selector } = await openField(session, 'prevalence');
    const input = await page.evaluate((s) => {
      const el = document.querySelector(s);
      const r = el.getBoundingClientRect();
      return { inputmode: el.getAttribute('inputmode'), focused: document.activeElement === el, value: el.value,
        box: { x: r.left, y: r.top, width: r.width, height: r.height }, label: el.getAttribute('aria-label') };
    }, selector);
    assert.equal(input.inputmode, 'decimal');
    assert.ok(input.focused, 'the field does not have focus');
    assert.equal(input.value, '15');
    assert.ok(input.box.height >= 44, `the field is ${input.box.height} px tall`);
    assert.ok(input.box.y < rect.y + rect.height && input.box.y + input.box.height > rect.y &&
      input.box.x < rect.x + rect.width && input.box.x + input.box.width > rect.x,
      `the field ${JSON.stringify(input.box)} is not over the value ${JSON.stringify(rect)}`);
    assert.match(input.label, /1.*50/, `the field's label names no range: ${input.label}`);
    await page.screenshot({ path: path.join(outputDir(), 'phone-value-field.png') });

    await typeInto(page, selector, '12');
    let scenario = await pollUntil(() => api.scenario(page), (s) => s.assumptions.prevalence === 12);
    assert.equal(scenario.assumptions.prevalence, 12, 'typing 12 + Enter did not set prevalence');
    const after = await api.results(page);
    assert.ok(Math.abs(after.teams_needed - (before.teams_needed * 12) / 15) < 1e-6,
      `teams_needed ${before.teams_needed} -> ${after.teams_needed}, expected x 12/15`);
    assert.equal(await page.$(selector), null, 'the field stayed open after Enter');
    assert.equal(await visibleNotice(page), '', 'a clean value left a notice');

    // Out of range: clamped into range, and the notice names the field and its range.
    ({ selector } = await openField(session, 'prevalence'));
    await typeInto(page, selector, '80');
    scenario = await pollUntil(() => api.scenario(page), (s) => s.assumptions.prevalence === 50);
    assert.equal(scenario.assumptions.prevalence, 50, '80 was not clamped to 50');
    let notice = await visibleNotice(page);
    assert.match(notice, labelPattern('prevalence'), `notice: ${notice}`);
    assert.match(notice, /could not be used as typed/, `the notice speaks of a link: ${notice}`);
    assert.match(notice, /1 to 50%/, `the notice does not give the range: ${notice}`);
    const note = await page.evaluate(() => document.querySelector('.value-note')?.textContent ?? '');
    assert.match(note, new RegExp(labelPattern('prevalence').source + ".*80.*50"), `no message under the field: "${note}"`);
    await page.screenshot({ path: path.join(outputDir(), 'phone-value-clamped.png') });

    // Junk: refused, the value kept, the notice says why.
    ({ selector } = await openField(session, 'prevalence'));
    await typeInto(page, selector, '12abc');
    await sleep(300);
    assert.equal((await api.scenario(page)).assumptions.prevalence, 50, 'junk changed the value');
    notice = await visibleNotice(page);
    assert.match(notice, /"12abc" is not a number/, `notice: ${notice}`);

    // Escape cancels what was typed.
    ({ selector } = await openField(session, 'prevalence'));
    await typeInto(page, selector, '7', 'Escape');
    await sleep(300);
    assert.equal((await api.scenario(page)).assumptions.prevalence, 50, 'Escape applied the value');
    assert.equal(await page.$(selector), null, 'the field stayed open after Escape');

    // Thousands separators as people type them.
    ({ selector } = await openField(session, 'births'));
    await typeInto(page, selector, '26,832');
    scenario = await pollUntil(() => api.scenario(page), (s) => s.assumptions.births === 26832);
    assert.equal(scenario.assumptions.births, 26832, 'births did not take "26,832"');
    assertCleanSession(session);
  });

  test('a mouse click on a value opens the field too', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, {
      device: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } });
    fixture.sessions.push(session);
    const { page } = session;
    await waitUntilIdle(page);
    const rect = await rectInView(page, 'value_caseload');
    await page.mouse.click(rect.x + rect.width - 12, rect.y + rect.height / 2);
    const selector = 'input.value-field[data-key="caseload"]';
    await page.waitForSelector(selector, { timeout: 5000 });
    await typeInto(page, selector, '300');
    const scenario = await pollUntil(() => api.scenario(page), (s) => s.assumptions.caseload === 300);
    assert.equal(scenario.assumptions.caseload, 300);
    assertCleanSession(session);
  });

  test('a frame as tall as the content at pixel ratio 3 keeps its drawing buffer within the GPU limit, at full size', async () => {
    // An embed's frame grows to the whole content (embed.js), so the canvas is content-tall; a
    // 390x5000 viewport stands in for such a frame, of an embed that asks for every section.
    const tall = { viewport: { width: 390, height: 5000 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
    const measure = (page) => page.evaluate(() => {
      const c = document.getElementById('calculator-canvas');
      const gl = c.getContext('webgl2');
      return { css: [c.clientWidth, c.clientHeight], canvas: [c.width, c.height], drawn: [gl.drawingBufferWidth, gl.drawingBufferHeight],
        limit: Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE), ...gl.getParameter(gl.MAX_VIEWPORT_DIMS)) };
    });
    const session = await openPhone(tall, '?embed=1&show=presets,share,compare,money,ranges,pictures,working');
    const m = await measure(session.page);
    assert.ok(m.css[1] * 3 > m.limit, `the canvas is only ${m.css[1]} CSS px tall: the test needs one over the limit at ratio 3 (${JSON.stringify(m)})`);
    assert.ok(m.canvas[0] <= m.limit && m.canvas[1] <= m.limit, `buffer ${m.canvas} over the GPU limit ${m.limit}`);
    assert.deepEqual(m.drawn, m.canvas, `the browser cut the buffer ${m.canvas} to ${m.drawn}`);
    const ratio = m.canvas[1] / m.css[1];
    // Lowered only as far as the GPU's largest side and the 16.7-megapixel area need, in the quarter
    // steps the platform layer takes (embed.js's visible band keeps the full ratio; this frame has none).
    const fit = Math.min(3, Math.floor(Math.min(m.limit / Math.max(...m.css),
      Math.sqrt(16.7e6 / (m.css[0] * m.css[1]))) * 4) / 4);
    assert.ok(Math.abs(ratio - fit) < 0.005, `drawn at ${ratio.toFixed(2)} device px per CSS px, not the largest quarter step under the limits (${fit}): ${JSON.stringify(m)}`);
    assert.ok(Math.abs(m.canvas[0] / m.css[0] - ratio) < 0.01, `uneven scale: ${JSON.stringify(m)}`);
    await session.page.screenshot({ path: path.join(outputDir(), 'phone-tall-frame.png'), clip: { x: 0, y: 0, width: 390, height: 900 } });

    // A phone page (canvas as tall as the viewport) keeps the full ratio.
    const phone = await openPhone();
    const p = await measure(phone.page);
    assert.deepEqual(p.canvas, [p.css[0] * 3, p.css[1] * 3], `phone page buffer ${JSON.stringify(p)}`);
    assertCleanSession(session);
    assertCleanSession(phone);
  });

  test('the gap picture comes right under the headline, above the sharing buttons and the first slider; a tap on the scale-up chart keeps a readout', async () => {
    const session = await openPhone();
    const { page } = session;
    const list = await page.evaluate(() => window.teamsCalculator.controls());
    const rect = (key) => list.find((c) => c.key === key)?.rect;
    const gap = rect('picture_Today against the need');
    const headline = list.find((c) => c.role === 'heading' && /needs 398/.test(c.name));
    assert.ok(gap && headline, `gap ${gap}, headline ${headline?.name}`);
    const firstSlider = list.find((c) => c.role === 'slider');
    assert.ok(gap[1] + gap[3] <= firstSlider.rect[1], `the gap picture (${gap}) is not above the first slider (${firstSlider.key}: ${firstSlider.rect})`);
    assert.ok(gap[1] + gap[3] <= rect('copy_link')[1], `the gap picture (${gap}) is not above Copy link (${rect('copy_link')})`);
    assert.ok(gap[1] >= headline.rect[1] + headline.rect[3] - 1, `the gap picture (${gap}) is over the headline (${headline.rect})`);
    // On the first screen, with the answer.
    assert.ok(gap[1] + gap[3] <= 844, `the gap picture ends at ${gap[1] + gap[3]} px`);

    // A tap on the scale-up chart keeps a year's readout on the canvas after the finger lifts.
    const chart = await rectInView(page, 'picture_Scaling up');
    const shot = () => page.screenshot({ clip: { x: chart.x, y: chart.y, width: chart.width, height: chart.height } });
    const before = await shot();
    await tap(session.cdp, chart.x + chart.width * 0.6, chart.y + chart.height * 0.6);
    await waitUntilIdle(page, { quietMs: 500 });
    const changed = changedPixels(before, await shot());
    assert.ok(changed > 500, `a tap changed ${changed} pixels of the chart`);
    assertCleanSession(session);
  });

  test('360x640: no horizontal scrolling, and every button, slider and value is at least 44 px tall', async () => {
    // Two values away from the preset, so that their Reset buttons show and are measured too.
    // local_risk set, so "More assumptions" opens and its sliders are measured too.
    const session = await openPhone(SMALL_PHONE, '?prevalence=10&caseload=200&local_risk=1.2');
    const { page } = session;
    const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `the page is ${scrollWidth} px wide`);
    const keys = Object.keys((await api.scenario(page)).assumptions);
    const names = [...keys, ...keys.map((k) => `value_${k}`), ...keys.map((k) => `about_${k}`), 'preset', 'show_working', 'more_assumptions',
      'copy_link', 'share', 'download_csv', 'download_png', 'copy_embed', 'reset_prevalence', 'reset_caseload'];
    const measured = {};
    for (const name of names) {
      const r = await api.widgetRect(page, name);
      if (r) measured[name] = r;
    }
    for (const key of keys) {
      assert.ok(measured[key], `no slider rect for ${key}`);
      assert.ok(measured[`value_${key}`], `no value rect for ${key}`);
      assert.ok(measured[`about_${key}`], `no ⓘ rect for ${key}`);
      assert.ok(measured[`about_${key}`].width >= 44, `the ⓘ of ${key} is ${measured[`about_${key}`].width} px wide`);
    }
    for (const name of ['preset', 'show_working', 'more_assumptions', 'copy_link', 'download_csv', 'download_png', 'copy_embed',
      'reset_prevalence', 'reset_caseload'])
      assert.ok(measured[name], `no rect for the ${name} button`);
    const small = Object.entries(measured).filter(([, r]) => r.height < 44);
    assert.deepEqual(small, [], `touch targets under 44 px: ${JSON.stringify(small)}`);
    const wide = Object.entries(measured).filter(([, r]) => r.x < 0 || r.x + r.width > 360);
    assert.deepEqual(wide, [], `targets outside 360 px: ${JSON.stringify(wide)}`);
    await page.screenshot({ path: path.join(outputDir(), 'phone-360x640.png') });
    assertCleanSession(session);
  });
});
