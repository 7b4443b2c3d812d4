// The service worker on hosts as charities have them: one that redirects '…/index.html' to its
// folder (Cloudflare Pages and many static hosts), a calculator in a subfolder beside the host's own
// pages, and one at the origin's root beside /news/. Returning visitors must load the calculator,
// online and offline, and every page that is not the calculator's must come from the server untouched.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { launchChromium, DESKTOP } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static_server.mjs';
import { siteDir, pollUntil } from './lib/calculator_page.mjs';

const READY_TIMEOUT_MS = 45_000;
const fixture = { browser: null, contexts: [], servers: [], dirs: [] };

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

// A host's folder: the built site at `calculatorPath` ('' for the root, 'calc' for /calc/) and the
// host's own pages ({'news/index.html': html}).
function hostFolder(calculatorPath, pages = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-host-'));
  fixture.dirs.push(dir);
  fs.cpSync(siteDir(), path.join(dir, calculatorPath), { recursive: true });
  for (const [name, html] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), html);
  }
  return dir;
}

const hostPage = (id, words) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${words}</title></head><body><p id="${id}">${words}</p></body></html>`;

async function serve(dir, options) {
  const server = await startStaticServer(dir, options);
  fixture.servers.push(server);
  return server;
}

async function newSession() {
  const context = await fixture.browser.newContext({ ...DESKTOP });
  fixture.contexts.push(context);
  const session = { context, pageErrors: [], consoleErrors: [] };
  session.newPage = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => session.pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') session.consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    return page;
  };
  session.page = await session.newPage();
  return session;
}

// Opens url and requires the calculator to draw the expected teams_needed. Returns the navigation's
// response (null when the page came from the cache without one).
async function visitCalculator(page, url, teamsNeeded) {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load' });
  } catch (e) {
    assert.fail(`${url} did not load: ${e.message.split('\n')[0]}`);
  }
  await page.waitForFunction(() => window.teamsCalculator && window.teamsCalculator.ready, null, { timeout: READY_TIMEOUT_MS });
  assert.equal(await page.evaluate(() => window.teamsCalculator.ready), true, `${url}: the calculator showed its fallback`);
  const results = await page.evaluate(() => window.teamsCalculator.getResults());
  assert.ok(Math.abs(results.teams_needed - teamsNeeded) < 0.05, `${url}: teams_needed = ${results.teams_needed}, not ${teamsNeeded}`);
  return response;
}

// Waits until the worker controls the page, with every file kept.
async function waitControlled(page) {
  const controlled = await pollUntil(() => page.evaluate(() => !!navigator.serviceWorker.controller), (c) => c, { timeoutMs: 20_000 });
  assert.ok(controlled, 'the service worker never took control of the page');
}

// Opens a host page that is not the calculator's: it must come from the server, not the worker.
async function visitHostPage(page, server, url, { status, id }) {
  const before = server.log.filter((e) => e.path === new URL(url).pathname).length;
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `${url}: no response`);
  assert.equal(response.fromServiceWorker(), false, `${url} was answered by the calculator's service worker`);
  assert.equal(response.status(), status, `${url}: HTTP ${response.status()}`);
  const after = server.log.filter((e) => e.path === new URL(url).pathname).length;
  assert.equal(after, before + 1, `${url} was not asked of the server`);
  if (id) assert.ok(await page.$(`#${id}`), `${url} is not the host's own page: ${(await page.content()).slice(0, 200)}`);
  assert.equal(await page.$('#calculator-canvas'), null, `${url} shows the calculator`);
}

describe('the service worker on real hosts', () => {
  test('a host that redirects index.html to its folder: second and third visits work, online and offline', async () => {
    await ready();
    const server = await serve(hostFolder('calc'), { redirectIndex: true });
    const base = `${server.origin}/calc`;
    const session = await newSession();
    // The first visit, through a shared link to index.html that the host redirects to /calc/?...
    await visitCalculator(session.page, `${base}/index.html?prevalence=10`, 264.9);
    assert.equal(new URL(session.page.url()).pathname, '/calc/', 'the test host did not redirect index.html');
    await waitControlled(session.page);

    const visits = [
      [`${base}/index.html?prevalence=10`, 264.9],
      [`${base}/`, 397.3],
      [`${base}/?prevalence=12`, 317.8],
    ];
    // The second visit reloads in the same tab; the third opens a new tab, as a returning visitor does.
    for (const [url, teams] of visits) {
      const response = await visitCalculator(session.page, url, teams);
      assert.ok(response?.fromServiceWorker(), `${url}: not answered by the service worker`);
    }
    const third = await session.newPage();
    for (const [url, teams] of visits) await visitCalculator(third, url, teams);

    // Offline: the server is gone and the browser has no network.
    await session.context.setOffline(true);
    await server.close();
    for (const [url, teams] of visits) await visitCalculator(third, url, teams);
    assert.deepEqual(session.pageErrors, [], 'page errors');
    assert.deepEqual(session.consoleErrors, [], 'console errors');
  });

  test("a calculator in /calc/ leaves the host's /calc/docs/ page and missing folders to the server", async () => {
    await ready();
    const dir = hostFolder('calc', { 'calc/docs/index.html': hostPage('docs', 'How to use the calculator') });
    const server = await serve(dir);
    const base = `${server.origin}/calc`;
    const session = await newSession();
    const { page } = session;
    await visitCalculator(page, `${base}/index.html`, 397.3);
    await waitControlled(page);
    // What the worker does answer for: the folder and index.html, with any query.
    for (const url of [`${base}/`, `${base}/?prevalence=10`, `${base}/index.html?prevalence=10`]) {
      const response = await visitCalculator(page, url, /prevalence=10/.test(url) ? 264.9 : 397.3);
      assert.ok(response?.fromServiceWorker(), `${url}: not answered by the service worker`);
    }
    // A subresource the worker does not keep goes to the server.
    const [embedScript] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/calc/embed.js')),
      page.evaluate(() => fetch('embed.js').then((r) => r.status)),
    ]);
    assert.equal(embedScript.fromServiceWorker(), false, 'embed.js (not kept) was answered by the worker');

    await visitHostPage(page, server, `${base}/docs/`, { status: 200, id: 'docs' });
    await visitHostPage(page, server, `${base}/docs/?page=2`, { status: 200, id: 'docs' });
    await visitHostPage(page, server, `${base}/nonexistent/`, { status: 404 });
    await visitHostPage(page, server, `${base}/nonexistent.html`, { status: 404 });
    await visitHostPage(page, server, `${base}/docs/index.html`, { status: 200, id: 'docs' });
    // Back to the calculator: still the worker's.
    const response = await visitCalculator(page, `${base}/`, 397.3);
    assert.ok(response?.fromServiceWorker(), 'the calculator is no longer answered by the worker');
    assert.deepEqual(session.pageErrors, [], 'page errors');
  });

  test("a calculator at the origin's root leaves the host's /news/ to the server", async () => {
    await ready();
    const dir = hostFolder('', { 'news/index.html': hostPage('news', 'News from the charity') });
    const server = await serve(dir);
    const session = await newSession();
    const { page } = session;
    await visitCalculator(page, `${server.origin}/?prevalence=10`, 264.9);
    await waitControlled(page);
    const home = await visitCalculator(page, `${server.origin}/`, 397.3);
    assert.ok(home?.fromServiceWorker(), 'the calculator at the root is not answered by the worker');
    await visitHostPage(page, server, `${server.origin}/news/`, { status: 200, id: 'news' });
    await visitHostPage(page, server, `${server.origin}/news/?id=3`, { status: 200, id: 'news' });
    await visitHostPage(page, server, `${server.origin}/about/`, { status: 404 });
    assert.deepEqual(session.pageErrors, [], 'page errors');
  });
});
