// Issue 3, beyond the canvas: the calculator works from the keyboard. Tab moves between its controls
// (the accessible layer's stand-ins, shell/controls_layer.js), the arrow keys step a slider by the
// table's step, and Enter on a slider opens the number field over its value (typed values are checked
// like any other input); Enter in the field applies the value and gives the keyboard back to the slider.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, pollUntil, waitUntilIdle } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
const prevalence = async (page) => (await api.scenario(page)).assumptions.prevalence;
const activeElement = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e ? e.tagName : '', type: e ? e.getAttribute('type') : null, key: e ? e.getAttribute('data-key') : null };
  });

describe('keyboard', () => {
  test('Tab reaches a slider; the arrows step it; Enter opens its number field', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP });
    fixture.sessions.push(session);
    const { page } = session;
    await waitUntilIdle(page);
    const slider = await api.widgetRect(page, 'prevalence');
    assert.ok(slider, "widgetRect('prevalence') is null");
    assert.equal(await prevalence(page), 15);

    // A click on the "-" button left of the slider steps it down and gives that button the focus
    // (its stand-in's, so Tab goes on from there).
    await page.mouse.click(slider.x - 26, slider.y + slider.height / 2);
    const afterMinus = await pollUntil(() => prevalence(page), (v) => v < 15);
    assert.ok(afterMinus < 15, `after "-": ${afterMinus}`);
    assert.equal((await pollUntil(() => activeElement(page), (a) => a.key === 'minus_prevalence')).key, 'minus_prevalence');

    // Tab moves to the slider. Enter: a number field over prevalence's value, with the keyboard in it.
    await page.keyboard.press('Tab');
    await waitUntilIdle(page, { quietMs: 300 });
    assert.deepEqual(await activeElement(page), { tag: 'INPUT', type: 'range', key: 'prevalence' });
    assert.equal(await prevalence(page), afterMinus);
    await page.keyboard.press('Enter');
    const field = page.locator('input.value-field[data-key="prevalence"]');
    await field.waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await activeElement(page), { tag: 'INPUT', type: 'text', key: 'prevalence' });
    assert.equal(await field.inputValue(), String(afterMinus));

    // The text is selected: typing replaces it. Enter applies it and returns the keyboard.
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    assert.equal(await pollUntil(() => prevalence(page), (v) => v === 12), 12);
    assert.equal(await field.count(), 0);
    assert.deepEqual(await activeElement(page), { tag: 'INPUT', type: 'range', key: 'prevalence' });

    // The arrows step the focused slider by the table's step.
    await page.keyboard.press('ArrowRight');
    const up = await pollUntil(() => prevalence(page), (v) => v > 12);
    assert.ok(up > 12 && up <= 13, `after ArrowRight: ${up}`);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await pollUntil(() => prevalence(page), (v) => v === 12), 12);

    // Escape in the field keeps the value.
    await page.keyboard.press('Enter');
    await field.waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.type('40');
    await page.keyboard.press('Escape');
    await waitUntilIdle(page, { quietMs: 300 });
    assert.equal(await prevalence(page), 12);
    assert.equal(await field.count(), 0);
    assertCleanSession(session);
  });
});
