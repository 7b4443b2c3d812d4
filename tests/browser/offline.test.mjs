// Issue 4, offline: after one visit the calculator reloads with no network at all (the service worker
// serves the site's own files), link parameters included; the build stamps the worker with this
// build's files; and the worker never registers inside a frame.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { launchChromium, DESKTOP, REPO_ROOT } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static_server.mjs';
import { siteDir, outputDir, pollUntil } from './lib/calculator_page.mjs';
import { decodePng, countColours } from './lib/png.mjs';

const READY_TIMEOUT_MS = 45_000;
const fixture = { browser: null, contexts: [], servers: [], dirs: [] };

// Set-up happens in the first test that needs it, so a missing site, build step or Chromium fails
// each test with its reason (not "cancelled"), as in lib/fixture.mjs.
let setUp = null;
function ready() {
  setUp ??= (async () => {
    siteDir(); // fails at once with its reason when the site is not built
    fixture.browser = await launchChromium();
  })();
  return setUp;
}

after(async () => {
  for (const context of fixture.contexts) await context.close().catch(() => {});
  await fixture.browser?.close();
  for (const server of fixture.servers) await server.close().catch(() => {});
  for (const dir of fixture.dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(dir = siteDir()) {
  const server = await startStaticServer(dir);
  fixture.servers.push(server);
  return server;
}

async function newSession() {
  const context = await fixture.browser.newContext({ ...DESKTOP });
  fixture.contexts.push(context);
  const page = await context.newPage();
  const session = { context, page, pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (e) => session.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(m.text());
  });
  return session;
}

async function waitReady(page) {
  await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: READY_TIMEOUT_MS });
  const ready = await page.evaluate(() => window.teamsCalculator.ready);
  assert.equal(ready, true, 'the calculator showed its fallback instead of drawing');
}

// The site's sw.js as the build left it: its cache version and its files with their SHA-256.
function stampedWorker() {
  const text = fs.readFileSync(path.join(siteDir(), 'sw.js'), 'utf8');
  const line = (name) => {
    const match = text.match(new RegExp(`^const ${name} = (.*);$`, 'm'));
    assert.ok(match, `sw.js has no 'const ${name} = ...;' line`);
    return JSON.parse(match[1]);
  };
  const version = line('CACHE_VERSION');
  const files = line('SITE_FILES');
  return { version, files };
}

describe('offline', () => {
  test('the build stamps the service worker with every file of the page and its hash', () => {
    const { version, files } = stampedWorker();
    assert.match(version, /^[0-9a-f]{16}$/, `sw.js is not stamped by the build: CACHE_VERSION = ${version}`);
    const index = fs.readFileSync(path.join(siteDir(), 'index.html'), 'utf8');
    // Everything index.html loads by itself is kept.
    const loaded = [...index.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const name of ['index.html', 'teams.wasm', ...loaded.filter((u) => !/^[a-z]+:|^\/\//i.test(u))]) {
      assert.ok(name in files, `sw.js does not keep ${name}`);
    }
    for (const [name, hash] of Object.entries(files)) {
      const actual = crypto.createHash('sha256').update(fs.readFileSync(path.join(siteDir(), name))).digest('hex');
      assert.equal(hash, actual, `sw.js has a stale hash for ${name}`);
    }
    assert.ok(!('teams-calculator.html' in files) && !('sw.js' in files), 'sw.js keeps files it should not');
  });

  test('after one visit the page reloads and draws with the network gone, link parameters included', async () => {
    await ready();
    const server = await serve();
    const { context, page, pageErrors, consoleErrors } = await newSession();
    await page.goto(`${server.origin}/index.html?prevalence=10`, { waitUntil: 'load' });
    await waitReady(page);

    // The first visit installs the worker; it takes control of the page once its cache is complete.
    const registration = await page.evaluate(async () => {
      const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 15_000));
      const reg = await Promise.race([navigator.serviceWorker.ready, timeout]);
      return reg && { scope: reg.scope, state: reg.active && reg.active.state };
    });
    assert.ok(registration, 'no service worker was active 15 s after the first visit (does index.html load offline.js?)');
    assert.equal(registration.scope, `${server.origin}/`);
    const controlled = await pollUntil(
      () => page.evaluate(() => !!navigator.serviceWorker.controller),
      (c) => c === true,
      { timeoutMs: 15_000 },
    );
    assert.ok(controlled, 'the service worker never took control of the page');
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const entries = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) entries.push(request.url);
      return { names, entries };
    });
    assert.equal(cached.names.length, 1, `caches: ${JSON.stringify(cached.names)}`);
    assert.ok(cached.names[0].endsWith(stampedWorker().version), `cache ${cached.names[0]} is not this build's`);
    for (const name of Object.keys(stampedWorker().files)) {
      assert.ok(cached.entries.includes(`${server.origin}/${name}`), `${name} is not in the cache`);
    }

    // No network: the browser is offline and the server is gone.
    await context.setOffline(true);
    await server.close();
    const requestsBefore = server.log.length;
    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    const results = await page.evaluate(() => window.teamsCalculator.getResults());
    assert.ok(Math.abs(results.teams_needed - 264.9) < 0.05, `offline: teams_needed = ${results.teams_needed}`);
    assert.equal(server.log.length, requestsBefore, 'the server was asked for files while offline');
    await page.waitForTimeout(300);
    const shot = await page.locator('canvas').first().screenshot();
    fs.writeFileSync(path.join(outputDir(), 'offline-reload.png'), shot);
    const colours = countColours(decodePng(shot));
    assert.ok(colours >= 16, `offline, the canvas shows only ${colours} colour(s)`);

    // Opening the site's folder itself offline works too (it is index.html).
    await page.goto(`${server.origin}/?prevalence=12`, { waitUntil: 'load' });
    await waitReady(page);
    const scenario = await page.evaluate(() => window.teamsCalculator.getScenario());
    assert.equal(scenario.assumptions.prevalence, 12);

    assert.deepEqual(pageErrors, [], 'page errors');
    assert.deepEqual(consoleErrors, [], 'console errors');
  });

  test('a new build replaces the kept one as a whole, and the old cache is deleted', async () => {
    await ready();
    // A copy of the site that can be rebuilt: one file changes and the worker is stamped again.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-offline-update-'));
    fixture.dirs.push(dir);
    fs.cpSync(siteDir(), dir, { recursive: true });
    const server = await serve(dir);
    const { context, page, pageErrors } = await newSession();
    await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
    await waitReady(page);
    await pollUntil(() => page.evaluate(() => !!navigator.serviceWorker.controller), (c) => c, { timeoutMs: 15_000 });
    const cacheNames = () => page.evaluate(() => caches.keys());
    const [first] = await cacheNames();

    fs.appendFileSync(path.join(dir, 'style.css'), '\n:root { --build-marker: 2; }\n');
    execFileSync('python3', [path.join(REPO_ROOT, 'tools/stamp_service_worker.py'), dir]);
    const second = JSON.parse(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/^const CACHE_VERSION = (.*);$/m)[1]);
    assert.ok(!first.endsWith(second), 'restamping did not change the cache version');

    // The next visit finds the new sw.js; it installs the new set and takes over.
    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    const names = await pollUntil(cacheNames, (n) => n.length === 1 && n[0].endsWith(second), { timeoutMs: 15_000 });
    assert.deepEqual(names.map((n) => n.slice(-16)), [second], `caches after the update: ${JSON.stringify(names)}`);

    // Offline, the page is the new build.
    await context.setOffline(true);
    await server.close();
    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    const marker = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--build-marker').trim());
    assert.equal(marker, '2', 'offline, the page still has the old style.css');
    assert.deepEqual(pageErrors, [], 'page errors');
  });

  test("the manifest parses cleanly and the page is installable (but for the test browser's private profile)", async () => {
    await ready();
    const server = await serve();
    const { context, page } = await newSession();
    await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
    await waitReady(page);
    await pollUntil(() => page.evaluate(() => !!navigator.serviceWorker.controller), (c) => c, { timeoutMs: 15_000 });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${server.origin}/manifest.webmanifest`);
    assert.deepEqual(manifest.errors, [], 'manifest errors');
    const parsed = JSON.parse(manifest.data);
    const sizes = parsed.icons.map((icon) => icon.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icon sizes: ${sizes}`);
    // Playwright's contexts are incognito-like; Chromium names that and nothing else when all is well.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const blocking = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
    assert.deepEqual(blocking, [], `installability errors: ${JSON.stringify(installabilityErrors)}`);
  });

  test('no service worker inside a frame, sandboxed or not', async () => {
    await ready();
    const server = await serve();
    const { page, pageErrors } = await newSession();
    await page.goto(`${server.origin}/embed-example.html`, { waitUntil: 'load' });
    for (const id of ['plain-calculator', 'sandboxed-calculator']) {
      await page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
      const frame = await (await page.$(`#${id}`)).contentFrame();
      await frame.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: READY_TIMEOUT_MS });
      assert.equal(await frame.evaluate(() => window.teamsCalculator.ready), true, `#${id} did not draw`);
    }
    await page.waitForTimeout(5000); // offline.js registers 1 s or more after ready: give it the chance to do wrong
    const registrations = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    assert.equal(registrations, 0, 'a calculator inside a frame registered a service worker');
    assert.ok(!server.log.some((entry) => entry.path === '/sw.js'), 'sw.js was requested from inside a frame');
    assert.deepEqual(pageErrors, [], 'page errors');
  });
});
