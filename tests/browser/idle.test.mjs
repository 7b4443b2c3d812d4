// Issue 3: idle means idle. Once settled the page draws no frames (by its own stats() and by the
// WebGL calls seen from outside); input wakes it, and it settles again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, frameCounts, waitUntilIdle, visibleSliderRect, pollUntil } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
const IDLE_MS = 3000;

async function assertNoFramesFor(page, ms, when) {
  const before = await frameCounts(page);
  await page.waitForTimeout(ms);
  const after = await frameCounts(page);
  assert.equal(after.stats - before.stats, 0, `${when}: stats().framesDrawn went ${before.stats} -> ${after.stats} in ${ms} ms of idling`);
  assert.equal(after.probe - before.probe, 0, `${when}: ${after.probe - before.probe} frames drew WebGL in ${ms} ms of idling`);
}

describe('idle', () => {
  for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`${name}: no frames are drawn while idle, input wakes it, and it settles again`, async () => {
      await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device });
      fixture.sessions.push(session);
      const { page } = session;
      const settled = await waitUntilIdle(page, { quietMs: 1000, timeoutMs: 15_000 });
      const counts = await frameCounts(page);
      assert.ok(counts.stats >= 1, `no frame was drawn at all: ${JSON.stringify(counts)}`);
      assert.ok(settled, `the page never stopped drawing within 15 s (${JSON.stringify(counts)} frames so far)`);
      await assertNoFramesFor(page, IDLE_MS, 'after loading');

      // A value change from the page's API wakes it.
      const before = await frameCounts(page);
      const scenario = await api.scenario(page);
      await api.setScenario(page, { ...scenario, assumptions: { ...scenario.assumptions, prevalence: 20 } });
      const woken = await pollUntil(() => frameCounts(page), (c) => c.stats > before.stats, { timeoutMs: 5000 });
      assert.ok(woken.stats > before.stats, `setScenario drew no frame (framesDrawn ${before.stats} -> ${woken.stats})`);

      // Hovering a slider wakes it too (ImGui highlights what is under the pointer).
      if (device === DESKTOP) {
        const rect = await visibleSliderRect(page, 'prevalence');
        await waitUntilIdle(page);
        const beforeHover = await frameCounts(page);
        await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
        const afterHover = await pollUntil(() => frameCounts(page), (c) => c.stats > beforeHover.stats, { timeoutMs: 5000 });
        assert.ok(afterHover.stats > beforeHover.stats, `moving the mouse over a slider drew no frame`);
      }

      assert.ok(await waitUntilIdle(page, { quietMs: 1000, timeoutMs: 10_000 }), 'the page did not settle after input');
      await assertNoFramesFor(page, IDLE_MS, 'after input');
      assertCleanSession(session);
    });
  }
});
