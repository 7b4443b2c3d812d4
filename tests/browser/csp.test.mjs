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

const ISSUE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

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

async function assertWorksWithoutViolations(session, t) {
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
  await page.waitForTimeout(3500);

  const shot = decodePng(await page.locator('canvas').first().screenshot());
  assert.ok(countColours(shot) >= 16, 'the canvas shows almost nothing');
  const stats = await api.stats(page);
  assert.ok(stats.framesDrawn >= 2, JSON.stringify(stats));

  const violations = await page.evaluate(() => window.__cspViolations);
  const cspConsole = [...session.consoleAll, ...session.consoleErrors].filter((m) => /Content Security Policy|Refused to/i.test(m));
  t.diagnostic(`CSP violations: ${violations.length} events, ${cspConsole.length} console messages`);
  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(cspConsole, [], 'console messages about the policy');
  assert.deepEqual(await healthProblems(page, documentedRanges()), []);
  assertCleanSession(session);
}

describe('strict Content-Security-Policy', () => {
  test("the issue's policy: the page draws and answers 398 with zero violations", async (t) => {
    const session = await openUnder({ 'Content-Security-Policy': ISSUE_CSP });
    try {
      const response = await session.page.request.get(`${session.origin}/`);
      assert.equal(response.headers()['content-security-policy'], ISSUE_CSP, 'the test server did not send the policy');
      await assertWorksWithoutViolations(session, t);
      // The collector does see a violation when there is one.
      await session.page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'https://example.invalid/x.png';
        document.body.appendChild(img);
        img.remove();
      });
      const seen = await pollUntil(() => session.page.evaluate(() => window.__cspViolations.length), (n) => n > 0);
      assert.ok(seen > 0, 'an image from another origin raised no securitypolicyviolation event');
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
      const policy = response.headers()['content-security-policy'];
      for (const part of ISSUE_CSP.split('; ')) assert.ok(policy.includes(part), `the shipped policy lacks "${part}": ${policy}`);
      const { page } = session;
      await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: 45_000 });
      await api.setScenario(page, { assumptions: { births: 595948 }, area: 'England' });
      await assertWorksWithoutViolations(session, t);
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
