// Sources link out, and a shared link previews: the accessible table's and the working's sources are
// real links (https, new tab), a click on the canvas's link opens a new tab, the built page carries
// og:/twitter: tags pointing at og-card.png, and document.title names the scenario as it changes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, pollUntil, siteDir, waitUntilIdle } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
const VAN_IJZENDOORN = 'https://doi.org/10.1017/S0954579499002035';
const TEAMS_MAP = 'https://parentinfantfoundation.org.uk/network/locations';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function open(query = '') {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page);
  return session;
}

describe('sources link out; previews and the title', () => {
  test('the built page carries og: and twitter: tags with the default answer and og-card.png', () => {
    const html = fs.readFileSync(path.join(siteDir(), 'index.html'), 'utf8');
    const meta = (attr, name) => {
      const found = html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`));
      assert.ok(found, `no <meta ${attr}="${name}"> in index.html`);
      return found[1];
    };
    assert.equal(meta('property', 'og:title'), 'England needs 398 teams · Parent-infant teams calculator');
    assert.match(meta('property', 'og:description'), /^England needs 398 specialised parent-infant relationship teams/);
    assert.match(meta('property', 'og:image'), /(^|\/)og-card\.png$/);
    assert.equal(meta('property', 'og:type'), 'website');
    assert.equal(meta('property', 'og:image:width'), '1200');
    assert.equal(meta('property', 'og:image:height'), '630');
    assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
    assert.match(html, /<title>England needs 398 teams · Parent-infant teams calculator<\/title>/);
    assert.doesNotMatch(html, /@TEAMS_[A-Z_]+@/, 'a placeholder was left in index.html');
  });

  test('document.title names the scenario and follows it', async () => {
    const session = await open('?area=Leeds&births=8617&current_teams=1');
    const { page } = session;
    assert.equal(await page.title(), 'Leeds needs 6 teams · Parent-infant teams calculator');
    await api.setScenario(page, { assumptions: { births: 1500 } });
    const title = await pollUntil(() => page.title(), (t) => t.startsWith('Leeds needs 1 team '), { timeoutMs: 5000 });
    assert.equal(title, 'Leeds needs 1 team · Parent-infant teams calculator');
    await api.setScenario(page, { preset: 'wales' });
    assert.equal(await pollUntil(() => page.title(), (t) => t.startsWith('Wales'), { timeoutMs: 5000 }),
      'Wales needs 18 teams · Parent-infant teams calculator');
    assertCleanSession(session);
  });

  test("the accessible table's sources are links to their addresses, opening in a new tab", async () => {
    const session = await open();
    const { page } = session;
    assert.equal(await page.title(), 'England needs 398 teams · Parent-infant teams calculator');
    const links = await page.evaluate(() => [...document.querySelectorAll('#mirror-assumptions a')].map((a) => (
      { href: a.href, text: a.textContent, target: a.target, rel: a.rel, row: a.closest('tr').querySelector('th').textContent })));
    const byRow = new Map(links.map((l) => [l.row, l]));
    const prevalence = byRow.get('Babies at risk of disorganised attachment');
    assert.ok(prevalence, JSON.stringify(links));
    assert.equal(prevalence.href, VAN_IJZENDOORN);
    assert.equal(prevalence.text, 'van IJzendoorn et al. 1999');
    assert.equal(prevalence.target, '_blank');
    assert.match(prevalence.rel, /noopener/);
    assert.equal(byRow.get('Specialised teams today').href, TEAMS_MAP);
    for (const l of links) assert.match(l.href, /^https:\/\//);
    // A value of the visitor's own has no source to link to.
    await api.setScenario(page, { assumptions: { prevalence: 20 } });
    await pollUntil(() => page.evaluate(() => document.querySelector('#mirror-assumptions').textContent),
      (t) => t.includes('your value'), { timeoutMs: 5000 });
    const after = await page.evaluate(() => [...document.querySelectorAll('#mirror-assumptions a')].map((a) => a.href));
    assert.ok(!after.includes(VAN_IJZENDOORN), JSON.stringify(after));
    assertCleanSession(session);
  });

  test("the working's sources: a link on the canvas, an <a> in the accessible layer, a new tab when clicked", async () => {
    const session = await open();
    const { page, context } = session;
    await page.evaluate(() => {
      const disclosure = window.teamsControls.element('show_working');
      if (disclosure.getAttribute('aria-expanded') !== 'true') disclosure.click();
    });
    const standIn = await pollUntil(
      () => page.evaluate((href) => {
        const a = [...document.querySelectorAll('#calculator-controls a')].find((el) => el.href === href);
        return a ? { key: a.dataset.key, text: a.textContent, target: a.target, rel: a.rel } : null;
      }, VAN_IJZENDOORN),
      (found) => found !== null, { timeoutMs: 5000 });
    assert.equal(standIn.text, 'van IJzendoorn et al. 1999');
    assert.equal(standIn.target, '_blank');
    assert.match(standIn.rel, /noopener/);
    const controls = await page.evaluate(() => window.teamsCalculator.controls());
    const link = controls.find((c) => c.key === standIn.key);
    assert.equal(link.role, 'link');
    assert.equal(link.href, VAN_IJZENDOORN);

    // Clicked on the canvas: a new tab asks for the address (the test's network refuses it); this
    // page stays where it is.
    let rect = await api.widgetRect(page, standIn.key);
    if (rect.y < 0 || rect.y + rect.height > page.viewportSize().height) {
      await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - 300);
      await sleep(400);
      rect = await api.widgetRect(page, standIn.key);
    }
    const before = page.url();
    const popup = context.waitForEvent('page', { timeout: 10_000 });
    await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
    const opened = await popup;
    assert.notEqual(opened, page);
    await pollUntil(async () => session.offOrigin.map((r) => r.url), (urls) => urls.some((u) => u.startsWith(VAN_IJZENDOORN)),
      { timeoutMs: 5000 });
    assert.equal(page.url(), before);
    // Only the source's address left the page's origin, from the new tab.
    assert.deepEqual(session.offOrigin.filter((r) => !r.url.startsWith(VAN_IJZENDOORN)), []);
    assert.deepEqual(session.pageErrors, []);
  });
});
