// Target sizes (WCAG 2.5.8, and 44 px under a finger), measured through the list of controls drawn
// (teamsCalculator.controls()): on a desktop every button, slider, select and disclosure is at least
// 24 x 24 CSS px, Reset among them, and so is each row of the open preset list; on a phone (a
// touch-sized layout) each is at least 44 px tall, the preset list's rows and the range buttons too,
// and a tap on a row of the list picks that preset.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, waitUntilIdle, pollUntil } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
// Away from the preset (so Reset shows), a range row with both ends, and today's teams known.
const QUERY = '?prevalence=10&caseload=200&caseload_low=120&caseload_high=250';
const TARGET_ROLES = new Set(['button', 'select', 'disclosure', 'slider']);

async function open(device) {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device, query: QUERY });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page);
  return session;
}

const controls = (page) => page.evaluate(() => window.teamsCalculator.controls());
const size = (c) => `${c.key} ${c.rect[2]}x${c.rect[3]}`;
const rows = (list) => list.filter((c) => c.key.startsWith('preset_option_'));

// Scrolls the page so the control is in the upper part of the viewport; its rect in viewport px.
async function inView(page, key) {
  const rect = await api.widgetRect(page, key);
  assert.ok(rect, `no ${key} on screen`);
  await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - 120);
  await sleep(300);
  await waitUntilIdle(page, { quietMs: 400 });
  return api.widgetRect(page, key);
}

describe('target sizes', () => {
  test('desktop: every control at least 24 x 24 px, Reset and the range buttons too, and each row of the open preset list', async (t) => {
    const session = await open(DESKTOP);
    const { page } = session;
    const list = await controls(page);
    const reset = list.find((c) => c.key === 'reset_prevalence');
    assert.ok(reset, 'no Reset for a changed prevalence');
    assert.ok(reset.rect[2] >= 24 && reset.rect[3] >= 24, `Reset is ${size(reset)}`);
    for (const key of ['range_add_births', 'value_caseload_low', 'value_caseload_high', 'range_clear_caseload'])
      assert.ok(list.some((c) => c.key === key), `no ${key}: the test's controls are missing`);
    const small = list.filter((c) => TARGET_ROLES.has(c.role) && (c.rect[2] < 24 || c.rect[3] < 24));
    assert.deepEqual(small.map(size), [], 'targets under 24 x 24 px');

    // The preset list, opened with a click on the canvas's menu.
    const picker = await inView(page, 'preset');
    await page.mouse.click(picker.x + picker.width / 2, picker.y + picker.height / 2);
    const listed = await pollUntil(() => controls(page), (l) => rows(l).length > 0, { timeoutMs: 10_000 });
    const options = listed.find((c) => c.key === 'preset').options;
    assert.equal(rows(listed).length, options.length, `rows recorded: ${rows(listed).map((c) => c.key)}`);
    assert.deepEqual(rows(listed).map((c) => c.name), options);
    t.diagnostic(`Reset ${size(reset)}; range buttons ${list.filter((c) => /^(range_|value_.*_(low|high)$)/.test(c.key)).map(size).join(', ')}; ` +
      `preset rows ${[...new Set(rows(listed).map((c) => c.rect[3]))].join('/')} px tall`);
    const shortRows = rows(listed).filter((c) => c.rect[3] < 24);
    assert.deepEqual(shortRows.map(size), [], 'preset rows under 24 px tall');
    await page.keyboard.press('Escape');
    assertCleanSession(session);
  });

  test('phone: every control at least 44 px tall, the range buttons 44 px wide, the preset rows 44 px, and a tap on a row picks it', async (t) => {
    const session = await open(PHONE);
    const { page } = session;
    const list = await controls(page);
    const short = list.filter((c) => TARGET_ROLES.has(c.role) && c.rect[3] < 44);
    assert.deepEqual(short.map(size), [], 'touch targets under 44 px tall');
    const range = list.filter((c) => /^(range_|value_.*_(low|high)$)/.test(c.key));
    assert.ok(range.length >= 4, `range buttons: ${range.map((c) => c.key)}`);
    const narrow = range.filter((c) => c.rect[2] < 44);
    assert.deepEqual(narrow.map(size), [], 'range buttons under 44 px wide');

    const cdp = await session.context.newCDPSession(page);
    const tap = async (x, y) => {
      const point = [{ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
      await sleep(60);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const picker = await inView(page, 'preset');
    await tap(picker.x + picker.width / 2, picker.y + picker.height / 2);
    const listed = await pollUntil(() => controls(page), (l) => rows(l).length > 0, { timeoutMs: 10_000 });
    const options = listed.find((c) => c.key === 'preset').options;
    assert.equal(rows(listed).length, options.length, `rows recorded: ${rows(listed).map((c) => c.key)}`);
    t.diagnostic(`range buttons ${range.map(size).join(', ')}; preset rows ${[...new Set(rows(listed).map((c) => c.rect[3]))].join('/')} px tall; ` +
      `smallest target ${Math.min(...list.filter((c) => TARGET_ROLES.has(c.role)).map((c) => c.rect[3]))} px tall`);
    const shortRows = rows(listed).filter((c) => c.rect[3] < 44);
    assert.deepEqual(shortRows.map(size), [], 'preset rows under 44 px tall on a phone');

    // The row's recorded rectangle is where it is drawn: a tap there picks that preset.
    const target = rows(listed).find((c) => c.key === 'preset_option_wales') ?? rows(listed)[1];
    const rect = await api.widgetRect(page, target.key);
    assert.ok(rect && rect.y >= 0 && rect.y + rect.height <= PHONE.viewport.height, `${target.key} not in view: ${JSON.stringify(rect)}`);
    await tap(rect.x + rect.width / 2, rect.y + rect.height / 2);
    const scenario = await pollUntil(() => api.scenario(page), (s) => `preset_option_${s.preset}` === target.key, { timeoutMs: 10_000 });
    assert.equal(`preset_option_${scenario.preset}`, target.key, `tapped ${target.name}, got preset ${scenario.preset}`);
    assert.deepEqual(rows(await controls(page)), [], 'the list stayed open');
    assertCleanSession(session);
  });
});
