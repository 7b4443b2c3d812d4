// The service worker: keeps the site's own files so the calculator reloads offline after one visit.
// It answers for nothing but the files listed below and for its own folder's address; every other
// request (the host's other pages and subfolders, 404s, other origins) goes to the network untouched.
//
// - Install: downloads every listed file (revalidating with the server, never from a stale HTTP
//   cache), checks each against the SHA-256 the build recorded, and stores them together in a cache
//   named after the build. A file that does not match (a deploy in progress) fails the install; the
//   browser tries again on the next visit. A download the host redirected (many send
//   '…/index.html' on to '…/') is stored as a fresh response from its body, status and headers: a
//   response marked "redirected" must never answer a page's navigation, or the page fails to load.
// - Fetch: for a listed file (with any query) or the folder itself ('…/calculator/', which is
//   index.html, with any query): cache first, so offline and slow networks load at once; the network
//   when the file is not kept. Link parameters never pick a different file.
// - Update: a new build changes this file (its version and hashes). The browser checks sw.js on every
//   visit, installs the new set in a new cache, and it takes over; the old cache is deleted. Files are
//   never refreshed one at a time, which could pair a new teams.js with an old teams.wasm.
//
// The two constants are written by tools/stamp_service_worker.py when the site is built; unstamped,
// the worker still caches the site's known files, without the hash check.
'use strict';

const CACHE_VERSION = "unstamped";
const SITE_FILES = {"index.html": "", "style.css": "", "calculator.js": "", "teams.js": "", "teams.wasm": "", "embed_child.js": "", "offline.js": "", "sandbox_loader.js": "", "manifest.webmanifest": "", "icon-192.png": "", "icon-512.png": ""};

const SCOPE = self.registration.scope; // the site's folder, ending in '/'
const CACHE_PREFIX = 'teams-calculator ' + SCOPE + ' ';
const CACHE_NAME = CACHE_PREFIX + CACHE_VERSION;

// The addresses (without query) the worker answers for, each with the address it is kept under.
const ANSWERED = new Map(Object.keys(SITE_FILES).map((name) => [new URL(name, SCOPE).href, new URL(name, SCOPE).href]));
ANSWERED.set(SCOPE, new URL('index.html', SCOPE).href);

function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

// The same body, status and headers without the redirect's mark (and without its final URL).
async function unredirected(response) {
  if (!response.redirected) return response;
  const body = await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function download(name, expectedHash) {
  const url = new URL(name, SCOPE).href;
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  const kept = await unredirected(response);
  if (expectedHash) {
    const actual = toHex(await crypto.subtle.digest('SHA-256', await kept.clone().arrayBuffer()));
    if (actual !== expectedHash) throw new Error(`${name}: content does not match this build`);
  }
  return [url, kept];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const entries = await Promise.all(Object.keys(SITE_FILES).map((name) => download(name, SITE_FILES[name])));
      const cache = await caches.open(CACHE_NAME);
      await Promise.all(entries.map(([url, response]) => cache.put(url, response)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

async function respond(request, key) {
  const cached = await (await caches.open(CACHE_NAME)).match(key);
  return cached ? unredirected(cached) : fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const key = ANSWERED.get(url.origin + url.pathname);
  if (key) event.respondWith(respond(request, key));
});
