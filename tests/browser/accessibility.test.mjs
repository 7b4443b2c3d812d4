// Issue 11: whatever a mouse user can do, a screen-reader, switch or keyboard user can do. Read from
// the accessibility tree screen readers read (Chromium's, through the DevTools protocol), and used
// through the DOM stand-ins alone (no canvas keys): each stand-in lies over its drawn control, one
// focus is shared with the canvas, Tab follows the visual order and leaves the calculator at both ends.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, pollUntil, waitUntilIdle, liveRegionText } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();

async function open(device = DESKTOP, query = '') {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device, query });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page, { quietMs: 500 });
  return session;
}

// The calculator's own list of the controls it drew this frame (web/controls.h).
const controls = (page) => page.evaluate(() => window.teamsCalculator.controls());
const prevalence = async (page) => (await api.scenario(page)).assumptions.prevalence;

// Chromium's accessibility tree: the nodes a screen reader is given, without the ignored ones.
// Chromium's DevTools protocol reports a slider's numeric value as its "valuetext" and leaves
// aria-valuetext out (an ARIA slider's too), so a slider's valuetext is read from the DOM node the
// tree names: the attribute the browser hands to the platform's screen-reader API.
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const prop = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
  const found = [];
  for (const n of nodes.filter((x) => !x.ignored)) {
    const entry = {
      role: n.role?.value ?? '',
      name: n.name?.value ?? '',
      expanded: prop(n, 'expanded'),
      level: prop(n, 'level'),
    };
    if (entry.role === 'slider' && n.backendDOMNodeId) {
      const { node } = await cdp.send('DOM.describeNode', { backendNodeId: n.backendDOMNodeId });
      const attrs = node.attributes ?? [];
      const at = attrs.indexOf('aria-valuetext');
      entry.valuetext = at >= 0 ? attrs[at + 1] : prop(n, 'valuetext');
      entry.valuenow = n.value?.value;
    }
    found.push(entry);
  }
  await cdp.detach();
  return found;
}

// The drawn label and value of every slider, from the visible page's own table of figures.
const assumptionRows = (page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('#mirror-assumptions tr')).map((tr) => ({
      label: tr.cells[0].textContent,
      value: tr.cells[1].textContent,
    })),
  );

describe('accessibility layer', () => {
  test('the accessibility tree has a named slider per assumption with its drawn value, step buttons, sharing buttons, the preset picker and headings', async () => {
    const session = await open();
    const { page } = session;
    // Every slider is drawn once "More assumptions" is open.
    await page.evaluate(() => window.teamsControls.element('more_assumptions').click());
    await pollUntil(() => controls(page), (l) => l.some((c) => c.key === 'local_risk'));
    await waitUntilIdle(page, { quietMs: 500 });
    const nodes = await axNodes(page);
    const rows = await assumptionRows(page);
    assert.ok(rows.length >= 11, `${rows.length} assumptions in the table of figures`);
    const list = await controls(page);

    // One slider per assumption (the briefing's 11 and any added since), each named by its label.
    const sliders = nodes.filter((n) => n.role === 'slider');
    assert.equal(sliders.length, rows.length, `sliders in the tree: ${JSON.stringify(sliders)}`);
    for (const row of rows) {
      const slider = sliders.find((s) => s.name === row.label);
      assert.ok(slider, `no slider named "${row.label}"; sliders: ${sliders.map((s) => s.name).join(' | ')}`);
      assert.equal(slider.valuetext, row.value, `"${row.label}" says ${slider.valuetext}, the table ${row.value}`);
      // ... and the value text is the one drawn beside the slider this frame.
      const drawn = list.find((c) => c.role === 'slider' && c.name === row.label);
      assert.equal(drawn.text, row.value);
    }

    const buttons = nodes.filter((n) => n.role === 'button');
    const names = buttons.map((b) => b.name);
    const steps = names.filter((n) => /^(Decrease|Increase) /.test(n));
    assert.ok(steps.length >= 22 && steps.length === 2 * rows.length, `${steps.length} step buttons: ${names.join(' | ')}`);
    for (const row of rows) {
      assert.ok(names.includes(`Decrease ${row.label}`), `no "Decrease ${row.label}"`);
      assert.ok(names.includes(`Increase ${row.label}`), `no "Increase ${row.label}"`);
    }
    for (const share of ['Copy link', 'Download CSV', 'Download picture', 'Copy embed code'])
      assert.ok(names.includes(share), `no "${share}" button: ${names.join(' | ')}`);
    // Open, the working's disclosure says what a press does.
    const working = buttons.find((b) => b.name === 'Hide the working');
    assert.ok(working, `no "Hide the working" button: ${names.join(' | ')}`);
    assert.equal(working.expanded, true, 'Hide the working has no expanded state');
    const more = buttons.find((b) => b.name === 'More assumptions');
    assert.ok(more, 'no "More assumptions" button');
    assert.equal(more.expanded, true, 'More assumptions is open and says so');
    // An ⓘ beside each label: a button "About <label>", closed.
    for (const row of rows) {
      const about = buttons.find((b) => b.name === `About ${row.label}`);
      assert.ok(about, `no "About ${row.label}" button`);
      assert.equal(about.expanded, false, `About ${row.label} is not a closed disclosure`);
    }
    const typeValue = names.filter((n) => /^Type a value for /.test(n));
    assert.equal(typeValue.length, rows.length, `value buttons: ${typeValue.join(' | ')}`);

    const picker = nodes.find((n) => n.role === 'combobox' && n.name === 'Start from');
    assert.ok(picker, `no combobox named "Start from": ${JSON.stringify(nodes.filter((n) => n.role === 'combobox'))}`);
    const headings = nodes.filter((n) => n.role === 'heading').map((n) => n.name);
    assert.ok(headings.length >= 4, `headings: ${headings.join(' | ')}`);
    for (const h of ['Assumptions', 'Today against the need', 'Scaling up', '100 babies'])
      assert.ok(headings.includes(h), `no heading "${h}": ${headings.join(' | ')}`);
    assert.ok(headings.some((h) => /England needs 398 /.test(h)), `no headline heading: ${headings.join(' | ')}`);

    // Each picture has a text alternative that gives its numbers.
    const images = nodes.filter((n) => n.role === 'image' || n.role === 'img');
    assert.ok(images.length >= 3, `pictures: ${JSON.stringify(images)}`);
    const gap = images.find((n) => /^Today against the need/.test(n.name));
    assert.ok(gap && /45\b/.test(gap.name) && /14\b/.test(gap.name) && /398/.test(gap.name), `gap picture: ${gap?.name}`);
    const path = images.find((n) => /^Scaling up/.test(n.name));
    assert.ok(path && /45\b/.test(path.name) && /398 needed/.test(path.name) && /5 years/.test(path.name), `path: ${path?.name}`);
    const babies = images.find((n) => /^100 babies/.test(n.name));
    assert.ok(babies && /\b15\b/.test(babies.name) && /\b5\b/.test(babies.name), `babies: ${babies?.name}`);

    // The summary is said once: the canvas is a picture, not a second label of it.
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('calculator-canvas');
      return { hidden: c.getAttribute('aria-hidden'), label: c.getAttribute('aria-label'), described: c.getAttribute('aria-describedby') };
    });
    assert.deepEqual(canvas, { hidden: 'true', label: null, described: null });
    assertCleanSession(session);
  });

  test('a focused stand-in steps with ArrowRight, takes a value from input/change events, and the live region says it once', async () => {
    const session = await open();
    const { page } = session;
    const before = await api.results(page);
    await page.evaluate(() => window.teamsControls.element('prevalence').focus());
    // ImGui's keyboard focus followed DOM focus.
    const focused = await pollUntil(() => controls(page), (l) => l.some((c) => c.focused));
    assert.deepEqual(focused.filter((c) => c.focused).map((c) => c.key), ['prevalence']);

    await page.keyboard.press('ArrowRight');
    assert.equal(await pollUntil(() => prevalence(page), (v) => v !== 15), 15.5);
    const after = await api.results(page);
    assert.ok(after.teams_needed > before.teams_needed, `answer ${before.teams_needed} -> ${after.teams_needed}`);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await pollUntil(() => prevalence(page), (v) => v === 15), 15);
    await page.keyboard.press('PageUp');
    assert.equal(await pollUntil(() => prevalence(page), (v) => v !== 15), 20);
    await page.keyboard.press('Home');
    assert.equal(await pollUntil(() => prevalence(page), (v) => v !== 20), 1);
    await page.keyboard.press('End');
    assert.equal(await pollUntil(() => prevalence(page), (v) => v !== 1), 50);
    await page.evaluate(() => window.teamsCalculator.setScenario({ assumptions: { prevalence: 15 } }));
    await waitUntilIdle(page, { quietMs: 600 });

    // What VoiceOver's swipe does: the value set, then input and change events.
    await page.evaluate(() => {
      const summary = document.getElementById('summary');
      window.__announcements = [];
      new MutationObserver(() => window.__announcements.push(summary.textContent)).observe(summary, {
        childList: true, characterData: true, subtree: true,
      });
      const el = window.teamsControls.element('prevalence');
      el.value = '20';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.equal(await pollUntil(() => prevalence(page), (v) => v === 20), 20);
    const said = await pollUntil(() => liveRegionText(page), (t) => /\b530 teams\b/.test(t));
    assert.match(said, /\b530 teams\b/);
    await waitUntilIdle(page, { quietMs: 800 });
    const announcements = await page.evaluate(() => window.__announcements);
    assert.equal(announcements.length, 1, `the live region changed ${announcements.length} times: ${JSON.stringify(announcements)}`);
    // The stand-in says the new value as drawn.
    assert.equal(await page.evaluate(() => window.teamsControls.element('prevalence').getAttribute('aria-valuetext')), '20%');
    assert.equal(new URL(page.url()).searchParams.get('prevalence'), '20');
    assertCleanSession(session);
  });

  test('buttons, the preset picker and the disclosure work from their stand-ins', async () => {
    const session = await open();
    const { page } = session;
    const click = (key) => page.evaluate((k) => window.teamsControls.element(k).click(), key);
    await click('plus_caseload');
    assert.equal(await pollUntil(async () => (await api.scenario(page)).assumptions.caseload, (v) => v !== 150), 155);
    await click('minus_caseload');
    assert.equal(await pollUntil(async () => (await api.scenario(page)).assumptions.caseload, (v) => v !== 155), 150);
    await click('plus_caseload');
    await pollUntil(() => controls(page), (l) => l.some((c) => c.key === 'reset_caseload'));
    await click('reset_caseload');
    assert.equal(await pollUntil(async () => (await api.scenario(page)).assumptions.caseload, (v) => v === 150), 150);

    // The preset picker: a <select> whose change picks the preset, as the canvas's menu does.
    const options = await page.evaluate(() => Array.from(window.teamsControls.element('preset').options).map((o) => o.textContent));
    const wales = options.findIndex((o) => /Wales/.test(o));
    assert.ok(wales >= 0, `options: ${options.join(' | ')}`);
    await page.evaluate((i) => {
      const el = window.teamsControls.element('preset');
      el.selectedIndex = i;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, wales);
    assert.equal(await pollUntil(async () => (await api.scenario(page)).preset, (p) => p === 'wales'), 'wales');

    // The working: a disclosure whose aria-expanded follows the canvas, named for what a press does
    // ("Hide the working" while open), on the canvas as on its stand-in.
    const working = () => page.evaluate(() => {
      const el = window.teamsControls.element('show_working');
      return `${el.getAttribute('aria-label')}|${el.getAttribute('aria-expanded')}`;
    });
    const drawnName = async () => (await controls(page)).find((c) => c.key === 'show_working').name;
    assert.equal(await working(), 'Hide the working|true');
    assert.equal(await drawnName(), 'Hide the working');
    await click('show_working');
    assert.equal(await pollUntil(working, (v) => v.endsWith('false')), 'Show the working|false');
    assert.equal(await drawnName(), 'Show the working');
    await click('show_working');
    assert.equal(await pollUntil(working, (v) => v.endsWith('true')), 'Hide the working|true');
    assertCleanSession(session);
  });

  test('"More assumptions" is closed by default, a real disclosure, and opens to show its sliders; a link that sets one opens it', async () => {
    const MORE = ['local_risk', 'wider_prevalence', 'wider_access'];
    const session = await open();
    const { page } = session;
    const more = () => page.evaluate(() => {
      const el = window.teamsControls.element('more_assumptions');
      return el && { tag: el.tagName, name: el.getAttribute('aria-label'), expanded: el.getAttribute('aria-expanded') };
    });
    assert.deepEqual(await more(), { tag: 'BUTTON', name: 'More assumptions', expanded: 'false' });
    let list = await controls(page);
    for (const key of MORE) assert.ok(!list.some((c) => c.key === key), `${key} is drawn while the group is closed`);
    // The table of figures still lists them: nothing is hidden from a screen reader's summary.
    const rows = await assumptionRows(page);
    assert.ok(rows.some((r) => /^Local need/.test(r.label)), `rows: ${rows.map((r) => r.label).join(' | ')}`);

    await page.evaluate(() => window.teamsControls.element('more_assumptions').click());
    assert.equal((await pollUntil(more, (m) => m.expanded === 'true')).expanded, 'true');
    list = await pollUntil(() => controls(page), (l) => MORE.every((k) => l.some((c) => c.key === k)));
    const toggle = list.find((c) => c.key === 'more_assumptions');
    for (const key of MORE) {
      const slider = list.find((c) => c.key === key);
      assert.equal(slider.role, 'slider');
      assert.ok(slider.rect[1] > toggle.rect[1] + toggle.rect[3] - 1, `${key} is not under the toggle: ${slider.rect} / ${toggle.rect}`);
    }
    // A click on the canvas's header closes it again.
    const r = await api.widgetRect(page, 'more_assumptions');
    await page.evaluate((y) => window.scrollBy(0, y - 300), r.y);
    await page.waitForTimeout(300);
    const r2 = await api.widgetRect(page, 'more_assumptions');
    await page.mouse.click(r2.x + 40, r2.y + r2.height / 2);
    assert.equal((await pollUntil(more, (m) => m.expanded === 'false')).expanded, 'false');
    assert.ok(!(await controls(page)).some((c) => c.key === 'local_risk'), 'local_risk still drawn after closing');

    // A link that sets one of them away from its default opens the group, so the value is seen.
    const linked = await open(DESKTOP, '?local_risk=1.5');
    assert.equal((await pollUntil(() => linked.page.evaluate(() =>
      window.teamsControls.element('more_assumptions')?.getAttribute('aria-expanded')), (v) => v !== null)), 'true');
    const risk = (await controls(linked.page)).find((c) => c.key === 'local_risk');
    assert.ok(risk && /^1\.50?\u00d7$/.test(risk.text), `local_risk: ${JSON.stringify(risk)}`);
    // So does a file (setScenario) that sets the wider tier.
    const filed = await open();
    await api.setScenario(filed.page, { assumptions: { wider_access: 10 } });
    await pollUntil(() => controls(filed.page), (l) => l.some((c) => c.key === 'wider_access'));
    assert.equal(await filed.page.evaluate(() => window.teamsControls.element('more_assumptions').getAttribute('aria-expanded')), 'true');
    assertCleanSession(session);
    assertCleanSession(linked);
    assertCleanSession(filed);
  });

  test('an ⓘ beside each label opens its explanation inline, by its stand-in (a button "About ...") or a click; the slider keeps it as its description', async () => {
    const session = await open();
    const { page } = session;
    const list = await controls(page);
    const slider = list.find((c) => c.key === 'prevalence');
    assert.ok(slider.description.length > 40, `prevalence's description: ${slider.description}`);
    const about = () => page.evaluate(() => {
      const el = window.teamsControls.element('about_prevalence');
      const r = el.getBoundingClientRect();
      return { tag: el.tagName, name: el.getAttribute('aria-label'), expanded: el.getAttribute('aria-expanded'), w: r.width, h: r.height };
    });
    const before = await about();
    assert.deepEqual({ ...before, w: 0, h: 0 }, { tag: 'BUTTON', name: `About ${slider.name}`, expanded: 'false', w: 0, h: 0 });
    assert.ok(before.w >= 24 && before.h >= 24, `the ⓘ's target is ${before.w}x${before.h} px`);
    // The slider's stand-in is described by the same words.
    const described = await page.evaluate(() => {
      const el = window.teamsControls.element('prevalence');
      return document.getElementById(el.getAttribute('aria-describedby'))?.textContent;
    });
    assert.equal(described, slider.description);

    // Opened from its stand-in (Enter on a focused button, as a keyboard does): the explanation is
    // drawn under the label, so the slider's row moves down by its lines; the other rows' ⓘ stay closed.
    const rowY = async () => (await api.widgetRect(page, 'minus_prevalence')).y;
    const closedY = await rowY();
    await page.evaluate(() => window.teamsControls.element('about_prevalence').focus());
    await page.keyboard.press('Enter');
    assert.equal((await pollUntil(about, (a) => a.expanded === 'true')).expanded, 'true');
    const openY = await pollUntil(rowY, (y) => y > closedY);
    assert.ok(openY - closedY >= 2 * 13, `the slider moved ${openY - closedY} px: the explanation is not drawn under the label`);
    assert.equal(await page.evaluate(() => window.teamsControls.element('about_access').getAttribute('aria-expanded')), 'false');

    // A click on the drawn ⓘ closes it.
    const r = await api.widgetRect(page, 'about_prevalence');
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    assert.equal((await pollUntil(about, (a) => a.expanded === 'false')).expanded, 'false');
    assert.equal(await pollUntil(rowY, (y) => y === closedY), closedY);
    assertCleanSession(session);
  });

  for (const [name, device] of [['desktop', DESKTOP], ['a 390x844 phone', PHONE]]) {
    test(`${name}: each stand-in lies over its drawn control, lets the pointer through, and idles`, async () => {
      const session = await open(device);
      const { page } = session;
      const list = await controls(page);
      assert.ok(list.length >= 55, `${list.length} controls`);
      const boxes = await page.evaluate(() =>
        Array.from(document.querySelectorAll('#calculator-controls .stand-in')).map((el) => {
          const r = el.getBoundingClientRect();
          return { key: el.dataset.key, x: r.left + r.width / 2, y: r.top + r.height / 2, events: getComputedStyle(el).pointerEvents };
        }),
      );
      assert.equal(boxes.length, list.length);
      for (const c of list) {
        const box = boxes.find((b) => b.key === c.key);
        assert.ok(box, `no stand-in for ${c.key}`);
        const r = await api.widgetRect(page, c.key);
        assert.ok(r, `widgetRect('${c.key}') is null`);
        assert.ok(box.x >= r.x && box.x <= r.x + r.width && box.y >= r.y && box.y <= r.y + r.height,
          `${c.key}: the stand-in's centre (${box.x}, ${box.y}) is outside ${JSON.stringify(r)}`);
        assert.equal(box.events, 'none', `${c.key} takes the pointer from the canvas`);
      }
      // No DOM churn while idle: nothing in the layer changes, and no frame is drawn.
      const churn = await page.evaluate(async () => {
        let count = 0;
        const observer = new MutationObserver((m) => { count += m.length; });
        observer.observe(document.getElementById('calculator-controls'), { subtree: true, childList: true, attributes: true, characterData: true });
        const frames = window.teamsCalculator.stats().framesDrawn;
        await new Promise((r) => setTimeout(r, 1500));
        observer.disconnect();
        return { count, frames: window.teamsCalculator.stats().framesDrawn - frames };
      });
      assert.deepEqual(churn, { count: 0, frames: 0 });

      // A change touches only the stand-ins whose drawing changed.
      const touched = await page.evaluate(async () => {
        const keys = new Set();
        const observer = new MutationObserver((m) => m.forEach((r) => {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          const stand = el.closest('[data-key]');
          if (stand) keys.add(stand.dataset.key);
        }));
        observer.observe(document.getElementById('calculator-controls'), { subtree: true, attributes: true, characterData: true });
        window.teamsCalculator.setScenario({ assumptions: { access: 40 } });
        await new Promise((r) => setTimeout(r, 1200));
        observer.disconnect();
        return Array.from(keys);
      });
      assert.ok(touched.includes('access'), `touched: ${touched.join(' ')}`);
      for (const untouched of ['births', 'prevalence', 'copy_link', 'minus_access', 'preset'])
        assert.ok(!touched.includes(untouched), `${untouched} changed with access: ${touched.join(' ')}`);
      assertCleanSession(session);
    });
  }

  test('Tab visits every control in visual order and leaves after the last; Shift+Tab leaves before the first', async () => {
    const session = await open();
    const { page } = session;
    const list = (await controls(page)).filter((c) => c.role !== 'heading' && c.role !== 'img');
    const active = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        return { key: e?.dataset?.key ?? null, inCalculator: !!e && !!e.closest('#calculator'), tag: e?.tagName };
      });
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    const visited = [];
    let leftAt = null;
    for (let i = 0; i < list.length + 5; ++i) {
      await page.keyboard.press('Tab');
      const a = await active();
      if (a.key) visited.push(a.key);
      else if (visited.length) { leftAt = a; break; }
    }
    assert.deepEqual(visited, list.map((c) => c.key), 'Tab order is not the order drawn');
    assert.ok(leftAt && !leftAt.inCalculator, `after the last control focus is ${JSON.stringify(leftAt)}`);
    // The order drawn is the visual order: down each column, left to right along a row.
    for (let i = 1; i < list.length; ++i) {
      const [a, b] = [list[i - 1].rect, list[i].rect];
      const below = b[1] >= a[1] + a[3] - 4;
      const rightSameRow = Math.abs(b[1] - a[1]) < a[3] && b[0] >= a[0] + a[2] - 1;
      const nextColumn = b[0] >= a[0] + a[2];
      assert.ok(below || rightSameRow || nextColumn, `${list[i - 1].key} -> ${list[i].key}: ${a} then ${b}`);
    }
    // Shift+Tab from the first control leaves the calculator.
    await page.evaluate((k) => window.teamsControls.element(k).focus(), list[0].key);
    await page.keyboard.press('Shift+Tab');
    const back = await active();
    assert.ok(!back.inCalculator, `Shift+Tab from ${list[0].key} stayed at ${JSON.stringify(back)}`);

    // ImGui's own navigation moves DOM focus: a click on the canvas's "+" and the stand-in has focus.
    const plus = await api.widgetRect(page, 'plus_prevalence');
    await page.evaluate((y) => window.scrollBy(0, y - 300), plus.y);
    await page.waitForTimeout(300);
    const p2 = await api.widgetRect(page, 'plus_prevalence');
    await page.mouse.click(p2.x + p2.width / 2, p2.y + p2.height / 2);
    assert.equal((await pollUntil(active, (a) => a.key === 'plus_prevalence')).key, 'plus_prevalence');
    // The click changed prevalence, so its Reset is drawn now: Tab goes on to it, the next in the list.
    const focusable = async () => (await controls(page)).filter((c) => c.role !== 'heading' && c.role !== 'img');
    const now = await pollUntil(focusable, (l) => l.some((c) => c.key === 'reset_prevalence'));
    await page.keyboard.press('Tab');
    assert.equal((await active()).key, now[now.findIndex((c) => c.key === 'plus_prevalence') + 1].key);
    assertCleanSession(session);
  });
});
