// Issue 14, the printed brief: printing the page (Chromium's page.pdf with print media) gives one A4
// page and one US Letter page of real text with the answer, every assumption's source, the date and
// the link, whose QR code (rendered with pdftoppm, read with zbarimg) is the link; hostile names come
// out escaped; the embed (through "Open the full calculator") and the single file print the same;
// "Print or save as PDF" fills the brief and prints; "Download pictures (SVG)" gives the pictures.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test, after } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, waitUntilIdle, pollUntil, siteDir, outputDir } from './lib/calculator_page.mjs';

const fixture = useSiteInChromium();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-print-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

function tool(name, args, options = {}) {
  try {
    return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error(`${name} is missing: apt-get install ${name === 'zbarimg' ? 'zbar-tools' : 'poppler-utils'}`);
    throw e;
  }
}

// The brief is filled from the module after each change; wait until it names the link we expect.
async function briefReady(page) {
  await pollUntil(() => page.evaluate(() => document.getElementById('brief').getAttribute('data-link') || ''),
    (link) => link.length > 0, { timeoutMs: 10_000 });
  return page.evaluate(() => document.getElementById('brief').getAttribute('data-link'));
}

// Prints with print media at A4 and Letter; returns each PDF's page count, text and QR codes.
async function print(page, name) {
  const out = {};
  for (const format of ['A4', 'Letter']) {
    const pdf = path.join(work, `${name}-${format}.pdf`);
    await page.pdf({ path: pdf, format, printBackground: true });
    fs.copyFileSync(pdf, path.join(outputDir(), `print-${name}-${format}.pdf`));
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf]))[1]);
    const text = tool('pdftotext', [pdf, '-']); // reading order: a table cell's lines stay together
    tool('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', pdf, path.join(work, `${name}-${format}`)]);
    const png = fs.readdirSync(work).find((f) => f.startsWith(`${name}-${format}-`) && f.endsWith('.png'));
    let codes = [];
    try {
      codes = tool('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(work, png)])
        .split('\n').filter(Boolean);
    } catch (e) {
      codes = []; // zbarimg exits 4 when it finds no code
    }
    out[format] = { pages, text, codes };
  }
  return out;
}

// pdftotext breaks long lines and may hyphenate nothing; compare text with the whitespace removed.
const squash = (s) => s.replace(/\s+/g, '');
// A table cell that wraps can come out with a neighbouring cell between its lines: its words, in order.
function containsInOrder(text, phrase) {
  let at = 0;
  for (const word of phrase.split(/\s+/).filter(Boolean)) {
    const found = text.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

describe('the printed brief', () => {
  test('?prevalence=10&area=Testshire prints to one A4 and one Letter page with 265, every source, the link and its QR code', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query: '?prevalence=10&area=Testshire' });
    fixture.sessions.push(session);
    const { page } = session;
    await waitUntilIdle(page);
    const link = await briefReady(page);
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/(index\.html)?\?.*prevalence=10.*area=Testshire/, link);
    const sources = await page.evaluate(() =>
      [...document.querySelectorAll('#mirror-assumptions tr')].map((tr) => tr.cells[2] && tr.cells[2].textContent).filter(Boolean));
    assert.ok(sources.length >= 11, `sources from the mirror: ${sources}`);
    const printed = await print(page, 'testshire');
    for (const [format, { pages, text, codes }] of Object.entries(printed)) {
      assert.equal(pages, 1, `${format}: ${pages} pages`);
      assert.match(text, /Testshire needs\s+265/, `${format}: no answer in the text`);
      for (const source of sources) assert.ok(containsInOrder(text, source), `${format}: the source "${source}" is not in the text`);
      assert.ok(squash(text).includes(squash(link)), `${format}: the link ${link} is not in the text`);
      assert.match(text, /Printed \d{1,2} [A-Z][a-z]+ 20\d\d/, `${format}: no printed date`);
      assert.match(text, /Needed: 265 teams/, `${format}: the gap picture's text is not in the PDF`);
      assert.deepEqual(codes, [link], `${format}: the QR code reads ${JSON.stringify(codes)}`);
    }
    // The screen is untouched: the brief shows in print only.
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('brief')).display), 'none');
    assertCleanSession(session);
  });

  test('hostile names come out as text in the brief and the PDF', async () => {
    await fixture.ready();
    const area = '</title><script>window.__pwned=1</script><b>"quoted" \'single\' &amp; \u05ea\u05dc \u05d0\u05d1\u05d9\u05d1';
    const name = ('<img src=x onerror="window.__pwned=2">&\'"' + '\u0645\u0631\u062d\u0628\u0627 ').repeat(220).slice(0, 10240);
    const query = `?area=${encodeURIComponent(area)}`;
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query });
    fixture.sessions.push(session);
    const { page } = session;
    // 10 kB does not fit in a link the server takes; it comes through the page's API instead.
    const answer = await page.evaluate((n) => window.teamsCalculator.setScenario({ name: n }), name);
    assert.ok(answer.changed, JSON.stringify(answer).slice(0, 300));
    await waitUntilIdle(page);
    await pollUntil(() => page.evaluate(() => (document.querySelector('#brief .brief-kicker') || {}).textContent || ''),
      (kicker) => kicker.startsWith('<img'), { timeoutMs: 10_000 });
    const link = await briefReady(page);
    const dom = await page.evaluate(() => {
      const brief = document.getElementById('brief');
      return {
        injected: brief.querySelectorAll('script, img, b').length,
        titles: brief.querySelectorAll('title').length,
        pwned: window.__pwned || 0,
        area: brief.querySelector('.brief-area').textContent,
        kicker: brief.querySelector('.brief-kicker').textContent,
        svgTitle: brief.querySelector('svg title').textContent,
      };
    });
    assert.equal(dom.injected, 0, 'markup from a name became elements');
    assert.equal(dom.titles, 2, 'only the two pictures have titles');
    assert.equal(dom.pwned, 0, 'a script from a name ran');
    assert.equal(dom.area, area, 'the area is not shown as it was typed');
    assert.equal(dom.kicker.length, 200, `the 10 kB name is cut to 200 characters, got ${dom.kicker.length}`);
    assert.ok(name.startsWith(dom.kicker.trimEnd()), 'the name is not shown as text');
    assert.equal(dom.svgTitle, `${area}: Today against the need`);
    const printed = await print(page, 'hostile');
    for (const [format, { pages, text, codes }] of Object.entries(printed)) {
      assert.equal(pages, 1, `${format}: ${pages} pages`);
      assert.ok(squash(text).includes(squash('</title><script>window.__pwned=1</script><b>"quoted"')), `${format}: the markup is not printed as text`);
      assert.deepEqual(codes, [link], `${format}: the QR code reads ${JSON.stringify(codes).slice(0, 200)}`);
    }
    assertCleanSession(session);
  });

  test('an embed prints through "Open the full calculator"', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query: '?embed=1&prevalence=10&area=Testshire' });
    fixture.sessions.push(session);
    const { page } = session;
    const href = await page.evaluate(() => document.getElementById('open-full').href);
    assert.doesNotMatch(href, /embed=/, href);
    await page.goto(href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready);
    await waitUntilIdle(page);
    const link = await briefReady(page);
    assert.doesNotMatch(link, /embed=/, link);
    const printed = await print(page, 'embed');
    for (const [format, { pages, text, codes }] of Object.entries(printed)) {
      assert.equal(pages, 1, `${format}: ${pages} pages`);
      assert.match(text, /Testshire needs\s+265/);
      assert.deepEqual(codes, [link]);
    }
  });

  test('the single file prints the brief from file://', async () => {
    await fixture.ready();
    const dir = fs.mkdtempSync(path.join(work, 'single-'));
    const file = path.join(dir, 'teams-calculator.html');
    fs.copyFileSync(path.join(siteDir(), 'teams-calculator.html'), file);
    const context = await fixture.browser.newContext({ ...DESKTOP });
    fixture.sessions.push({ context });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href + '?prevalence=10&area=Testshire', { waitUntil: 'load' });
    await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
    const link = await briefReady(page);
    assert.ok(link.startsWith(pathToFileURL(file).href + '?'), link);
    const printed = await print(page, 'single');
    for (const [format, { pages, text, codes }] of Object.entries(printed)) {
      assert.equal(pages, 1, `${format}: ${pages} pages`);
      assert.match(text, /Testshire needs\s+265/);
      assert.deepEqual(codes, [link]);
    }
  });

  test('"Print or save as PDF" prints the brief; "Download pictures (SVG)" gives the pictures with 398', async () => {
    await fixture.ready();
    const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, waitReady: false });
    fixture.sessions.push(session);
    const { page } = session;
    // window.print() would open the print dialog; count the calls and what the brief held then.
    await page.addInitScript(() => {
      window.__prints = [];
      window.print = () => window.__prints.push(document.getElementById('brief').textContent);
    });
    await page.goto(`${fixture.server.origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready);
    await waitUntilIdle(page);
    for (const name of ['print', 'download_svg']) {
      let rect = await api.widgetRect(page, name);
      assert.ok(rect, `widgetRect('${name}') is null: no such button`);
      if (rect.y < 0 || rect.y + rect.height > 800) {
        await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - 300);
        await new Promise((r) => setTimeout(r, 300));
        rect = await api.widgetRect(page, name);
      }
      assert.ok(rect.width >= 44 && rect.height >= 24, `${name}: ${JSON.stringify(rect)}`);
      if (name === 'print') {
        await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
        const prints = await pollUntil(() => page.evaluate(() => window.__prints), (p) => p.length > 0);
        assert.equal(prints.length, 1);
        assert.match(prints[0], /England needs\s*398/);
      } else {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }),
          page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2)]);
        assert.match(download.suggestedFilename(), /^teams-england-\d{4}-\d\d-\d\d\.svg$/);
        const svg = fs.readFileSync(await download.path(), 'utf8');
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
          return { texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
        }, svg);
        assert.ok(!parsed.error, `the SVG does not parse: ${parsed.error}`);
        for (const label of ['Needed: 398 teams', 'Gap: 353 more teams (8.8\u00d7 today)', 'Straight line: About 71 new teams a year'])
          assert.ok(parsed.texts.includes(label), `the SVG lacks "${label}"`);
      }
    }
    assertCleanSession(session);
  });
});
