// Issue 3: dragging a slider with the mouse (desktop) and with a finger (phone, real touch events)
// changes the value, the result and the address bar.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import {
  openCalculator, api, liveRegionText, queryParams, pollUntil, waitUntilIdle, visibleSliderRect,
  mouseDrag, touchDrag, outputDir,
} from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
const KEY = 'prevalence'; // 1–50 %, default 15; more prevalence needs more teams
const RANGE = { min: 1, max: 50 };

async function readState(page) {
  const [scenario, results] = await Promise.all([api.scenario(page), api.results(page)]);
  return {
    value: scenario.assumptions[KEY],
    teams: results.teams_needed,
    linked: queryParams(page).get(KEY),
  };
}

// One drag to the right, then one back to the left, checking every place the value shows.
async function checkDrags(page, drag, label) {
  const start = await readState(page);
  assert.equal(start.value, 15, `${label}: ${KEY} starts at ${start.value}`);

  await drag(0.1, 0.9);
  const high = await pollUntil(() => readState(page), (s) => s.value !== start.value && String(s.linked) === String(s.value), { timeoutMs: 5000 });
  assert.notEqual(high.value, start.value, `${label}: dragging right did not change ${KEY} (still ${high.value})`);
  assert.ok(high.value > start.value, `${label}: dragging right lowered ${KEY}: ${start.value} -> ${high.value}`);
  assert.ok(high.value >= RANGE.min && high.value <= RANGE.max, `${label}: ${KEY} = ${high.value} is out of range`);
  assert.ok(high.teams > start.teams, `${label}: teams_needed did not rise with ${KEY}: ${start.teams} -> ${high.teams}`);
  assert.ok(Math.abs(Number(high.linked) - high.value) < 1e-9, `${label}: address says ${KEY}=${high.linked}, value is ${high.value}`);
  // The live region may wait for the value to be still before it speaks.
  const highWhole = Math.ceil(high.teams - 1e-9).toLocaleString('en-GB');
  const live = await pollUntil(() => liveRegionText(page), (t) => t.includes(`${highWhole} teams`), { timeoutMs: 5000 });
  assert.ok(live.includes(`${highWhole} teams`), `${label}: live region "${live}" does not state ${highWhole} teams`);

  await drag(0.9, 0.2);
  const low = await pollUntil(() => readState(page), (s) => s.value < high.value && String(s.linked) === String(s.value), { timeoutMs: 5000 });
  assert.ok(low.value < high.value, `${label}: dragging left did not lower ${KEY}: ${high.value} -> ${low.value}`);
  assert.ok(low.teams < high.teams, `${label}: teams_needed did not fall: ${high.teams} -> ${low.teams}`);
  assert.ok(Math.abs(Number(low.linked) - low.value) < 1e-9, `${label}: address says ${KEY}=${low.linked}, value is ${low.value}`);
  return { start, high, low };
}

describe('slider drags', () => {
  test('mouse drag on a slider at 1280x800 changes the value, the result and the address', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP });
    fixture.sessions.push(session);
    const { page } = session;
    await waitUntilIdle(page);
    const rect = await visibleSliderRect(page, KEY);
    await checkDrags(page, (from, to) => mouseDrag(page, rect, from, to), 'mouse');
    fs.writeFileSync(path.join(outputDir(), 'desktop-after-drag.png'), await page.screenshot());
    assertCleanSession(session);
  });

  test('touch drag on a slider on a phone (390x844, pixel ratio 3) changes the value, the result and the address', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: PHONE });
    fixture.sessions.push(session);
    const { page, context } = session;
    assert.equal(await page.evaluate(() => window.devicePixelRatio), 3);
    assert.equal(await page.evaluate(() => navigator.maxTouchPoints > 0 && 'ontouchstart' in window), true, 'touch is not emulated');
    await waitUntilIdle(page);
    fs.writeFileSync(path.join(outputDir(), 'phone-defaults.png'), await page.screenshot());
    const rect = await visibleSliderRect(page, KEY);
    const cdp = await context.newCDPSession(page);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    // Count what reaches the page, to be sure the slider moved by touch and not by emulated mouse.
    await page.evaluate(() => {
      window.__inputSeen = { touchstart: 0, touchmove: 0, touchend: 0, mousedown: 0, mousemove: 0 };
      for (const type of Object.keys(window.__inputSeen)) {
        window.addEventListener(type, () => window.__inputSeen[type]++, { capture: true, passive: true });
      }
    });
    await checkDrags(page, (from, to) => touchDrag(cdp, rect, from, to), 'touch');
    const seen = await page.evaluate(() => window.__inputSeen);
    assert.equal(seen.touchstart, 2, `touch events seen: ${JSON.stringify(seen)}`);
    assert.ok(seen.touchmove >= 20, `touch events seen: ${JSON.stringify(seen)}`);
    assert.equal(seen.mousedown, 0, `a mouse button went down during the touch drags: ${JSON.stringify(seen)}`);
    // A horizontal drag on a slider moves the slider, not the page.
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the touch drag scrolled the page');
    fs.writeFileSync(path.join(outputDir(), 'phone-after-drag.png'), await page.screenshot());
    assertCleanSession(session);
  });

  test('every assumption has its own slider, and dragging it changes that assumption alone', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP });
    fixture.sessions.push(session);
    const { page } = session;
    await waitUntilIdle(page);
    // The refinements' sliders are drawn under "More assumptions": open it.
    await page.evaluate(() => window.teamsControls.element('more_assumptions').click());
    await pollUntil(() => api.widgetRect(page, 'local_risk'), (r) => r !== null);
    const keys = Object.keys((await api.scenario(page)).assumptions);
    assert.ok(keys.length >= 8, `assumptions: ${keys}`);
    assert.equal(await api.widgetRect(page, 'no_such_assumption'), null);

    for (const key of keys) {
      const rect = await visibleSliderRect(page, key);
      const before = (await api.scenario(page)).assumptions;
      // Drag to the right end; if the value was already there, to the left end.
      await mouseDrag(page, rect, 0.5, 0.95);
      let after = await pollUntil(async () => (await api.scenario(page)).assumptions, (a) => a[key] !== before[key], { timeoutMs: 3000 });
      if (after[key] === before[key]) {
        await mouseDrag(page, rect, 0.5, 0.05);
        after = await pollUntil(async () => (await api.scenario(page)).assumptions, (a) => a[key] !== before[key], { timeoutMs: 3000 });
      }
      assert.notEqual(after[key], before[key], `dragging the slider at ${JSON.stringify(rect)} did not change ${key}`);
      // Births other than the preset's make the area's own figures, so today's counts become not
      // known (null) rather than England's; every other slider changes its assumption alone.
      const counts = ['current_teams', 'teams_in_development'];
      for (const other of keys) {
        if (other === key) continue;
        if (key === 'births' && counts.includes(other)) {
          assert.equal(after[other], null, `births changed, yet ${other} is ${after[other]}, not "not known"`);
        } else {
          assert.equal(after[other], before[other], `dragging ${key}'s slider changed ${other}`);
        }
      }
      const linked = await pollUntil(async () => queryParams(page).get(key), (v) => Number(v) === after[key], { timeoutMs: 3000 });
      assert.equal(Number(linked), after[key], `address: ${page.url()}`);
    }
    assertCleanSession(session);
  });
});
