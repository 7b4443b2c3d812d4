// The summary card (the 1200x630 PNG of "Download the card") read as a person reads it: its text
// through Debian's tesseract-ocr, its contrast and its margins from its pixels. Also the site's
// static og-card.png (tools/make_og_card.mjs), the card of the briefing's answer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DESKTOP, REPO_ROOT } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, waitUntilIdle, outputDir, siteDir } from './lib/calculator_page.mjs';
import { decodePng } from './lib/png.mjs';

const fixture = useSiteInChromium();
const TESSERACT = process.env.TESSERACT_PATH || '/usr/bin/tesseract';
const LEEDS = '?area=Leeds&births=8617&current_teams=1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function checkTesseract() {
  try {
    fs.accessSync(TESSERACT, fs.constants.X_OK);
  } catch {
    throw new Error(`tesseract not found at ${TESSERACT}: apt-get install tesseract-ocr (tools/install_deps.sh)`);
  }
}

// The card's words as tesseract reads them, on one line, with its word boxes.
function ocr(file) {
  checkTesseract();
  const tsv = execFileSync(TESSERACT, [file, 'stdout', '--psm', '11', 'tsv'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const words = [];
  for (const line of tsv.split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells.length < 12 || !cells[11].trim()) continue;
    words.push({ text: cells[11].trim(), x: +cells[6], y: +cells[7], width: +cells[8], height: +cells[9], conf: +cells[10] });
  }
  const text = execFileSync(TESSERACT, [file, 'stdout', '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { text: text.replace(/\s+/g, ' ').trim(), words };
}

// The date as the card prints it ("1 December 2026").
const cardDate = (date = new Date()) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

async function open(query = '') {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query });
  fixture.sessions.push(session);
  await waitUntilIdle(session.page);
  return session;
}

// Presses "Download the card" as a visitor does and keeps the PNG under `name`.
async function downloadCard(session, name) {
  const { page } = session;
  let rect = await api.widgetRect(page, 'download_png');
  assert.ok(rect, 'no download_png button');
  const viewport = page.viewportSize();
  if (rect.y < 0 || rect.y + rect.height > viewport.height) {
    await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - viewport.height / 3);
    await sleep(300);
    rect = await api.widgetRect(page, 'download_png');
  }
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2),
  ]);
  const file = path.join(outputDir(), name);
  await download.saveAs(file);
  const png = decodePng(fs.readFileSync(file));
  assert.equal(png.width, 1200);
  assert.equal(png.height, 630);
  return { file, png };
}

const pixel = (png, x, y) => {
  const i = (y * png.width + x) * png.channels;
  return [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
};
const luminance = ([r, g, b]) => {
  const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a, b) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
};

// For every word tesseract found: the colour most of its box has (what is behind the text) against
// the colour in it that stands out most (the text's own, where its strokes are solid).
function lowContrastWords(png, words) {
  const poor = [];
  for (const word of words) {
    if (word.conf < 30 || word.height < 8 || !/[A-Za-z0-9]/.test(word.text)) continue;
    const counts = new Map();
    const seen = [];
    for (let y = Math.max(0, word.y - 2); y < Math.min(png.height, word.y + word.height + 2); ++y)
      for (let x = Math.max(0, word.x - 2); x < Math.min(png.width, word.x + word.width + 2); ++x) {
        const c = pixel(png, x, y);
        const key = c.join(',');
        counts.set(key, (counts.get(key) ?? 0) + 1);
        seen.push(c);
      }
    const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
    let best = 1;
    for (const c of seen) best = Math.max(best, contrast(c, background));
    if (best < 4.5) poor.push(`"${word.text}" ${best.toFixed(2)}:1 on rgb(${background})`);
  }
  return poor;
}

// Every pixel of the card's outer `margin` px is the card's background (its top-left pixel).
function marginIntruders(png, margin) {
  const background = pixel(png, 0, 0).join(',');
  let count = 0;
  let first = null;
  for (let y = 0; y < png.height; ++y)
    for (let x = 0; x < png.width; ++x) {
      if (x >= margin && x < png.width - margin && y >= margin && y < png.height - margin) continue;
      if (pixel(png, x, y).join(',') !== background) {
        ++count;
        first ??= [x, y];
      }
    }
  return { count, first };
}

// The card's bars: runs of one colour that start at the card's left edge (x = 60) and hold for at
// least 8 rows, top to bottom, each with its length in px.
function barsOf(png) {
  const background = pixel(png, 0, 0).join(',');
  const rows = [];
  for (let y = 0; y < png.height; ++y) {
    const colour = pixel(png, 61, y).join(',');
    if (colour === background) continue;
    let x = 61;
    while (x < png.width && pixel(png, x, y).join(',') === colour) ++x;
    rows.push({ y, colour, length: x - 60 });
  }
  const bars = [];
  for (const row of rows) {
    const last = bars[bars.length - 1];
    if (last && last.colour === row.colour && last.length === row.length && last.bottom === row.y - 1) {
      last.bottom = row.y;
      last.rows += 1;
    } else {
      bars.push({ colour: row.colour, length: row.length, top: row.y, bottom: row.y, rows: 1 });
    }
  }
  return bars.filter((bar) => bar.rows >= 8 && bar.length >= 3);
}

describe('the summary card', () => {
  test("a local link's card asks the question, gives Leeds's answer against its 1 team, the date and the link", async () => {
    const session = await open(LEEDS);
    const results = await api.results(session.page);
    // 8,617 births x 2 years x 15% x one third / 150 families a team = 5.7, rounded up.
    assert.equal(results.teams_needed_whole, 6);
    const { file, png } = await downloadCard(session, 'card-leeds.png');
    const { text, words } = ocr(file);
    assert.match(text, /How many parent-infant relationship teams does Leeds need\?/, text);
    assert.match(text, /\b6 teams\b/, text);
    assert.match(text, /against 1 team today/, text);
    assert.ok(text.includes(cardDate()), `no date "${cardDate()}" in: ${text}`);
    assert.ok(text.includes(new URL(fixture.server.origin).host), `no link to ${fixture.server.origin} in: ${text}`);
    assert.match(text, /area=Leeds/, text);
    assert.doesNotMatch(text, /England/, text);
    assert.doesNotMatch(text, /\+ ?14/, text);
    assert.doesNotMatch(text, /babies aged 0/, 'the eleven-row list of assumptions is still there');
    // Today's bar against the Needed bar, on one scale: 1 against 5.74.
    const bars = barsOf(png);
    assert.equal(bars.length, 2, `bars found: ${JSON.stringify(bars)}`);
    const [todayBar, neededBar] = bars;
    assert.ok(todayBar.top < neededBar.top);
    assert.ok(Math.abs(todayBar.length / neededBar.length - 1 / results.teams_needed) < 0.01,
      `Today ${todayBar.length} px against Needed ${neededBar.length} px, not 1 to ${results.teams_needed}`);
    const poor = lowContrastWords(png, words);
    assert.deepEqual(poor, [], `text under 4.5:1: ${poor.join('; ')}`);
    assertCleanSession(session);
  });

  test("a preset without a published count says today's teams are not known", async () => {
    const session = await open('?preset=wales');
    const results = await api.results(session.page);
    assert.equal(results.current_teams, null);
    const { file, png } = await downloadCard(session, 'card-wales.png');
    const { text, words } = ocr(file);
    assert.match(text, /does Wales need\?/, text);
    assert.match(text, new RegExp(`\\b${results.teams_needed_whole} teams\\b`), text);
    assert.match(text, /teams today not known/i, text);
    assert.doesNotMatch(text, /\b0 teams today\b/, text);
    assert.ok(text.includes(cardDate()), `no date in: ${text}`);
    assert.ok(text.includes(new URL(fixture.server.origin).host), `no link in: ${text}`);
    const poor = lowContrastWords(png, words);
    assert.deepEqual(poor, [], `text under 4.5:1: ${poor.join('; ')}`);
    assertCleanSession(session);
  });

  test('with more teams today than needed, the Today bar is the longer one', async () => {
    const session = await open('?area=Leeds&births=8617&current_teams=10');
    const results = await api.results(session.page);
    const { file, png } = await downloadCard(session, 'card-enough.png');
    const [todayBar, neededBar] = barsOf(png);
    assert.ok(todayBar && neededBar, 'two bars');
    assert.ok(Math.abs(neededBar.length / todayBar.length - results.teams_needed / 10) < 0.01,
      `Needed ${neededBar.length} px against Today ${todayBar.length} px, not ${results.teams_needed} to 10`);
    assert.match(ocr(file).text, /against 10 teams today: enough for the need/);
    assertCleanSession(session);
  });

  test("with a scenario pinned as A, the card gives A's answer beside this one", async () => {
    const pin = encodeURIComponent('preset=wales&prevalence=10');
    const session = await open(`?preset=wales&pin=${pin}`);
    const pinned = await session.page.evaluate(() => window.teamsCalculator.getPinned());
    assert.ok(pinned, 'the link pinned no scenario A');
    const { file, png } = await downloadCard(session, 'card-pinned.png');
    const { text, words } = ocr(file);
    const name = pinned.scenario.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(text, new RegExp(`Compared with A, ${name}: ${pinned.results.teams_needed_whole} teams`), text);
    assert.match(text, /teams today not known/, text);
    assert.deepEqual(lowContrastWords(png, words), []);
    assertCleanSession(session);
  });

  for (const [kind, area] of [
    ['one 200-character word', 'Llanfairpwllgwyngyll'.repeat(10)],
    ['200 characters of words', Array.from({ length: 20 }, (_, i) => `Area${String(i).padStart(4, '0')}`).join(' ').padEnd(200, 'x')],
  ]) {
    test(`an area name of ${kind} stays inside the card, and the answer still shows`, async () => {
      assert.equal(area.length, 200);
      const session = await open(`?area=${encodeURIComponent(area)}&births=8617&current_teams=1`);
      const { file, png } = await downloadCard(session, `card-long-${kind.replace(/\W+/g, '-')}.png`);
      const margins = marginIntruders(png, 40);
      assert.equal(margins.count, 0, `${margins.count} pixels drawn in the card's 40 px margin, the first at ${margins.first}`);
      const { text, words } = ocr(file);
      assert.match(text, /\b6 teams\b/, text);
      assert.match(text, /against 1 team today/, text);
      assert.ok(text.includes(cardDate()), `no date in: ${text}`);
      // The question's words sit above the answer: none of them runs into the answer's lines.
      const answer = words.find((w) => w.text === 'teams' && w.height > 40);
      assert.ok(answer, 'the answer is not drawn large');
      const overlapping = words.filter((w) => w !== answer && w.y < answer.y + answer.height && w.y + w.height > answer.y &&
        w.x < answer.x + answer.width && w.x + w.width > answer.x);
      assert.deepEqual(overlapping.map((w) => w.text), [], 'text drawn over the answer');
      assertCleanSession(session);
    });
  }

  test("the site's og-card.png is the card of the briefing's answer", async () => {
    const file = path.join(siteDir(), 'og-card.png');
    assert.ok(fs.existsSync(file), `${file} is missing`);
    const png = decodePng(fs.readFileSync(file));
    assert.equal(png.width, 1200);
    assert.equal(png.height, 630);
    const { text, words } = ocr(file);
    assert.match(text, /How many parent-infant relationship teams does England need\?/, text);
    assert.match(text, /\b398 teams\b/, text);
    assert.match(text, /against 45 teams today/, text);
    assert.ok(text.includes(cardDate(fs.statSync(file).mtime)), `no date of the build in: ${text}`);
    const poor = lowContrastWords(png, words);
    assert.deepEqual(poor, [], `text under 4.5:1: ${poor.join('; ')}`);
    assert.equal(marginIntruders(png, 40).count, 0, 'something drawn in the margin');
    // For link previews only: not in the offline cache's list.
    assert.doesNotMatch(fs.readFileSync(path.join(siteDir(), 'sw.js'), 'utf8'), /og-card\.png/);
  });
  test('make_og_card.mjs --site prints that address on the card as its link', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-og-'));
    try {
      fs.cpSync(siteDir(), copy, { recursive: true });
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools/make_og_card.mjs'), copy, '--site=https://teams.example.org/calc/'],
        { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
      const { text } = ocr(path.join(copy, 'og-card.png'));
      assert.match(text, /teams\.example\.org\/calc\//, text);
      assert.doesNotMatch(text, /https:/, 'the link keeps its scheme');
      assert.throws(() => execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools/make_og_card.mjs'), copy, '--site=javascript:alert(1)'],
        { stdio: ['ignore', 'pipe', 'pipe'] }), /--site must be an http\(s\) address/);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
