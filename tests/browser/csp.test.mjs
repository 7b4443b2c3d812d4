// Issue 5, the page in a hostile host: under a strict Content-Security-Policy the page draws and
// answers 398 with zero violations; the site's JavaScript holds no eval or new Function and its
// index.html no inline script; the _headers file shipped for static hosts says what README says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { DESKTOP, REPO_ROOT, launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static_server.mjs';
import { assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, liveRegionText, pollUntil, waitUntilIdle, siteDir } from './lib/calculator_page.mjs';
import { decodePng, countColours } from './lib/png.mjs';
import { documentedRanges, healthProblems } from './hardening_checks.mjs';
import { parseHeadersFile } from './lib/headers_file.mjs';

// The policy the site ships (shell/_headers), and the same with Trusted Types required: the option
// README offers, whose two policies admit exactly sw.js and the sandboxed frame's teams.wasm.js.
const SHIPPED_CSP = () => parseHeadersFile(fs.readFileSync(path.join(siteDir(), '_headers'), 'utf8'))['/*']['Content-Security-Policy'];
const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types teams-calculator-worker teams-calculator-loader teams-calculator-brief";
const WITH_TRUSTED_TYPES = () => `${SHIPPED_CSP()}; ${TRUSTED_TYPES}`;

// Collects CSP violations from the first moment of every document, before any page script runs.
function violationCollector() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

const servers = [];
let browser = null;
after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

async function openUnder(headers, query = '') {
  const server = await startStaticServer(siteDir(), { headers });
  servers.push(server);
  browser ??= await launchChromium();
  // openCalculator navigates at once, so the collector goes on every new page of the context.
  const originalNewContext = browser.newContext.bind(browser);
  const patched = Object.create(browser);
  patched.newContext = async (options) => {
    const context = await originalNewContext(options);
    await context.addInitScript(violationCollector);
    return context;
  };
  const consoleAll = [];
  const session = await openCalculator(patched, server.origin, { device: DESKTOP, query, waitReady: false });
  session.page.on('console', (m) => consoleAll.push(`${m.type()}: ${m.text()}`));
  session.consoleAll = consoleAll;
  return session;
}

const policyMessage = /Content Security Policy|Refused to|Trusted ?Type/i;

// Violations seen by every frame of the page (the collector runs in each, sandboxed ones included).
async function allViolations(page) {
  const seen = [];
  for (const frame of page.frames()) {
    const list = await frame.evaluate(() => window.__cspViolations ?? ['(no collector in this frame)']).catch(() => []);
    seen.push(...list.map((v) => `${frame.url()}: ${v}`));
  }
  return seen;
}

async function assertNoViolations(session, t) {
  const violations = await allViolations(session.page);
  const cspConsole = [...session.consoleAll, ...session.consoleErrors].filter((m) => policyMessage.test(m));
  t.diagnostic(`CSP violations: ${violations.length} events, ${cspConsole.length} console messages`);
  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(cspConsole, [], 'console messages about the policy');
}

// The service worker registered under the policy and took control: offline use still works.
async function assertWorkerControls(page) {
  const state = await pollUntil(
    () => page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { active: !!(reg && reg.active), controlled: !!navigator.serviceWorker.controller };
    }),
    (s) => s.active && s.controlled,
    { timeoutMs: 20_000, intervalMs: 250 },
  );
  assert.deepEqual(state, { active: true, controlled: true }, 'the service worker did not register under the policy');
}

async function assertWorksWithoutViolations(session, t, { worker = true } = {}) {
  const { page } = session;
  await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
  const readyValue = await page.evaluate(() => window.teamsCalculator.ready);
  assert.equal(readyValue, true, 'the calculator fell back instead of starting');
  const text = await pollUntil(() => liveRegionText(page), (s) => /\b398 teams\b/.test(s));
  assert.match(text, /\b398 teams\b/, `live region: "${text}"`);
  const results = await api.results(page);
  assert.ok(Math.abs(results.teams_needed - 397.3) < 0.05, `teams_needed = ${results.teams_needed}`);

  // Use it a little, and wait past the service worker's registration (after a quiet moment).
  await api.setScenario(page, { assumptions: { prevalence: 10 } });
  await pollUntil(() => api.results(page), (r) => Math.abs(r.teams_needed - 264.9) < 0.05);
  await waitUntilIdle(page, { quietMs: 500, timeoutMs: 8000 });
  if (worker) await assertWorkerControls(page);
  else await page.waitForTimeout(3500);

  const shot = decodePng(await page.locator('canvas').first().screenshot());
  assert.ok(countColours(shot) >= 16, 'the canvas shows almost nothing');
  const stats = await api.stats(page);
  assert.ok(stats.framesDrawn >= 2, JSON.stringify(stats));

  await assertNoViolations(session, t);
  assert.deepEqual(await healthProblems(page, documentedRanges()), []);
  assertCleanSession(session);
}

// A button of the calculator pressed with a real click, scrolled into view first.
async function clickControl(page, name) {
  let rect = await api.widgetRect(page, name);
  assert.ok(rect, `widgetRect('${name}') is null`);
  const viewport = page.viewportSize();
  if (rect.y < 0 || rect.y + rect.height > viewport.height) {
    await page.evaluate((dy) => window.scrollBy(0, dy), rect.y - viewport.height / 3);
    await page.waitForTimeout(300);
    rect = await api.widgetRect(page, name);
  }
  await page.mouse.click(rect.x + rect.width - 20, rect.y + rect.height / 2);
}

describe('strict Content-Security-Policy', () => {
  test("the shipped policy: default-src 'none', every fetch directive named, no 'unsafe-inline', data: or blob:", () => {
    const policy = SHIPPED_CSP();
    const directives = Object.fromEntries(policy.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    assert.equal(directives['default-src'], "'none'", policy);
    assert.equal(directives['script-src'], "'self' 'wasm-unsafe-eval'", policy);
    for (const name of ['style-src', 'img-src', 'font-src', 'connect-src', 'manifest-src', 'worker-src']) {
      assert.equal(directives[name], "'self'", `${name} in ${policy}`);
    }
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|data:|blob:|\*\.|https?:/, policy);
    assert.equal(directives['frame-ancestors'], '*', policy);
  });

  test('the shipped policy with Trusted Types: 398, zero violations, and the service worker still registers', async (t) => {
    const policy = WITH_TRUSTED_TYPES();
    const session = await openUnder({ 'Content-Security-Policy': policy });
    try {
      const response = await session.page.request.get(`${session.origin}/`);
      assert.equal(response.headers()['content-security-policy'], policy, 'the test server did not send the policy');
      await assertWorksWithoutViolations(session, t);
      // The collector does see a violation when there is one: an image from elsewhere, and a script
      // address that no policy admitted.
      await session.page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'https://example.invalid/x.png';
        document.body.appendChild(img);
        img.remove();
        try {
          document.createElement('script').src = 'teams.wasm.js';
        } catch (e) {
          window.__trustedTypesRefused = String(e);
        }
      });
      const seen = await pollUntil(() => session.page.evaluate(() => window.__cspViolations), (v) => v.length >= 2);
      assert.ok(seen.some((v) => v.startsWith('img-src')), `an image from another origin raised no violation: ${seen}`);
      assert.ok(seen.some((v) => v.startsWith('require-trusted-types-for')), `a plain script address raised no violation: ${seen}`);
      assert.match(await session.page.evaluate(() => window.__trustedTypesRefused), /TrustedScriptURL/);
    } finally {
      await session.context.close();
    }
  });

  test('the headers shipped in _headers: the page works under all of them with zero violations', async (t) => {
    const rules = parseHeadersFile(fs.readFileSync(path.join(siteDir(), '_headers'), 'utf8'));
    const session = await openUnder(rules['/*'], '?births=26832&area=Wales');
    try {
      const response = await session.page.request.get(`${session.origin}/index.html`);
      assert.equal(response.headers()['x-content-type-options'], 'nosniff');
      assert.equal(response.headers()['content-security-policy'], SHIPPED_CSP());
      const { page } = session;
      await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
      await api.setScenario(page, { assumptions: { births: 595948 }, area: 'England' });
      await assertWorksWithoutViolations(session, t);
    } finally {
      await session.context.close();
    }
  });

  test('with Trusted Types: the downloads, the copy panel and the number field raise no violation', async (t) => {
    const session = await openUnder({ 'Content-Security-Policy': WITH_TRUSTED_TYPES() });
    try {
      const { page, context } = session;
      await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
      await waitUntilIdle(page, { quietMs: 500 });
      // The picture (drawn in the calculator's font, then a blob download) and the CSV.
      for (const [name, suffix] of [['download_png', '.png'], ['download_csv', '.csv']]) {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), clickControl(page, name)]);
        assert.ok(download.suggestedFilename().endsWith(suffix), download.suggestedFilename());
        const bytes = fs.readFileSync(await download.path());
        assert.ok(bytes.length > 200, `${name}: ${bytes.length} bytes`);
      }
      // The copy panel: the clipboard refused, the link offered in a field.
      await page.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', { configurable: true,
          value: { writeText: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')) } });
        document.execCommand = () => false;
      });
      await clickControl(page, 'copy_link');
      await page.waitForSelector('.copy-panel textarea', { timeout: 5000 });
      await page.click('.copy-panel button');
      // The number field over a value.
      await clickControl(page, 'value_prevalence');
      const field = 'input.value-field[data-key="prevalence"]';
      await page.waitForSelector(field, { timeout: 5000 });
      await page.evaluate((s) => document.querySelector(s).select(), field);
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      await pollUntil(() => api.results(page), (r) => Math.abs(r.teams_needed - 317.8) < 0.05);
      await waitUntilIdle(page, { quietMs: 500 });
      await assertNoViolations(session, t);
      assert.equal(await context.pages().length, 1);
    } finally {
      await session.context.close();
    }
  });

  test('with Trusted Types: the embed example, its plain and sandboxed calculators, raise no violation', async (t) => {
    const session = await openUnder({ 'Content-Security-Policy': WITH_TRUSTED_TYPES() }, 'embed-example.html');
    try {
      const { page } = session;
      for (const id of ['plain-calculator', 'sandboxed-calculator']) {
        let ready = 'not loaded';
        const deadline = Date.now() + 45_000;
        while (ready !== true && Date.now() < deadline) {
          await page.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'start' }), id);
          const frame = await (await page.$(`#${id}`)).contentFrame();
          ready = await frame
            ?.evaluate(() => (window.teamsCalculator ? Promise.race([window.teamsCalculator.ready, new Promise((r) => setTimeout(() => r('pending'), 1000))]) : 'no api'))
            .catch((e) => e.message);
          if (ready === false) break;
          if (ready !== true) await page.waitForTimeout(250);
        }
        assert.equal(ready, true, `#${id} did not start under the policy`);
        const height = await page.evaluate((i) => document.getElementById(i).getBoundingClientRect().height, id);
        // 1200 px: the starting height in embed-example.css, until embed.js sets the content's.
        assert.ok(height !== 1200 && height > 300, `#${id} was not sized by embed.js: ${height} px`);
      }
      await page.waitForTimeout(1000);
      await assertNoViolations(session, t);
      assertCleanSession(session);
    } finally {
      await session.context.close();
    }
  });

  test('_headers: a policy for every file, wasm served as application/wasm, embedding allowed', () => {
    const text = fs.readFileSync(path.join(siteDir(), '_headers'), 'utf8');
    assert.equal(text, fs.readFileSync(path.join(REPO_ROOT, 'shell/_headers'), 'utf8'), 'the site holds shell/_headers unchanged');
    const rules = parseHeadersFile(text);
    const all = rules['/*'];
    assert.ok(all, `no "/*" rule: ${JSON.stringify(rules)}`);
    for (const name of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy']) {
      assert.ok(all[name], `"/*" does not set ${name}`);
    }
    assert.equal(rules['/*.wasm']?.['Content-Type'], 'application/wasm');
    // Other sites embed the calculator: nothing may forbid framing.
    assert.equal(all['X-Frame-Options'], undefined, 'X-Frame-Options would stop other sites embedding the calculator');
    const ancestors = all['Content-Security-Policy'].match(/frame-ancestors ([^;]*)/);
    assert.ok(!ancestors || ancestors[1].trim() === '*', `frame-ancestors restricts embedding: ${ancestors?.[1]}`);
    // README documents the same headers.
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Hosting and security headers'));
    assert.ok(section, 'README has no "Hosting and security headers" section');
    for (const name of Object.keys(all)) assert.ok(section.includes(name), `README's section does not mention ${name}`);
    assert.ok(section.includes(all['Content-Security-Policy']), "README's section does not give the shipped policy");
  });

  test('no eval or new Function in any script of the site, no inline script or handler in index.html', () => {
    const dir = siteDir();
    const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    let module = 0; // scripts holding Emscripten's generated JavaScript (teams.js, alone or in page.js)
    for (const file of scripts) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      if (text.includes('var createTeamsCalculator')) module++;
      assert.doesNotMatch(text, /\beval\s*\(/, `${file} calls eval(`);
      assert.doesNotMatch(text, /\bnew\s+Function\s*\(/, `${file} uses new Function`);
      assert.doesNotMatch(text, /\bFunction\s*\(\s*["'`]/, `${file} builds a Function from text`);
      assert.doesNotMatch(text, /set(Timeout|Interval)\s*\(\s*["'`]/, `${file} passes text to a timer`);
    }
    assert.equal(module, 1, `Emscripten's JavaScript in ${module} of ${scripts}`);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const scriptTags = html.match(/<script\b[^>]*>/gi) ?? [];
    assert.ok(scriptTags.length >= 1);
    for (const tag of scriptTags) assert.match(tag, /\bsrc=/, `inline script: ${tag}`);
    assert.doesNotMatch(html, /<[^>]+\son[a-z]+\s*=/i, 'an inline event handler attribute');
    assert.doesNotMatch(html, /javascript:/i, 'a javascript: URL');
  });
});
