#!/usr/bin/env node
// Joins the page's deferred scripts into one minified file, page.js, and points the site's index.html
// at it; leaves index.html's comments out and minifies the stylesheets. esbuild (tools/package.json)
// minifies both.
//
//   node tools/bundle_scripts.mjs SITE_DIR
//
// Every separate script is one more request before the WebAssembly module can start: on a connection
// that fetches a few files at a time, seven small scripts put teams.wasm's download tens of
// milliseconds behind a page with one script. The scripts run in the same order as before; each page
// script is its own function, and teams.js's one top-level name (the module's factory) stays global,
// as esbuild renames no top-level name of a plain script. Each part keeps a "//! ---- name" line.
// The separate files then leave the site: no page loads them, and the service worker would otherwise
// download them for nothing. Run after make_single_file.py, which reads the separate tags and files,
// and before stamp_service_worker.py, which lists page.js for the offline copy.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const BUNDLE = 'page.js';
const TAG = /[ \t]*<script src="([A-Za-z0-9_.-]+\.js)" defer><\/script>\n/g;
// Every browser the site supports runs ES2020 (Safari 15, Chrome 87, Firefox 78).
const TARGET = 'es2020';
const CSS_TARGET = ['chrome87', 'firefox78', 'safari15'];

function fail(message) {
  console.error(`bundle_scripts: ${message}`);
  process.exit(1);
}

let esbuild;
try {
  esbuild = createRequire(import.meta.url)('esbuild');
} catch {
  fail('esbuild is missing: run `npm ci --prefix tools` (make deps does)');
}

const site = process.argv[2];
if (!site || process.argv.length !== 3) fail('usage: bundle_scripts.mjs SITE_DIR');
const index = path.join(site, 'index.html');
let html = fs.readFileSync(index, 'utf8');
const names = [...html.matchAll(TAG)].map((m) => m[1]);
if (!names.length) fail(`no deferred scripts in ${index}`);

const joined = names.map((name) => `//! ---- ${name}\n${fs.readFileSync(path.join(site, name), 'utf8').trimEnd()}\n;\n`).join('');
let code;
try {
  ({ code } = esbuild.transformSync(joined, { minify: true, target: TARGET, charset: 'ascii', legalComments: 'inline' }));
} catch (e) {
  fail(`esbuild could not minify the scripts: ${e.message}`);
}
if (/\beval\s*\(|new\s+Function\b/.test(code)) fail(`${BUNDLE} would contain eval or new Function (strict CSP)`);
fs.writeFileSync(path.join(site, BUNDLE), code);

const first = html.search(TAG);
html = html.slice(0, first) + `<script src="${BUNDLE}" defer></script>\n` + html.slice(first).replace(TAG, '');
// The page's comments are for its readers in shell/index.html, not for every visitor's download.
html = html.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?/g, '');
fs.writeFileSync(index, html);

// The stylesheets minified by esbuild too (style.css is in the first load), for the same browsers.
let cssBytes = 0;
for (const name of ['style.css', 'embed-example.css']) {
  const file = path.join(site, name);
  if (!fs.existsSync(file)) continue;
  try {
    const css = esbuild.transformSync(fs.readFileSync(file, 'utf8'), { loader: 'css', minify: true, target: CSS_TARGET, charset: 'ascii', legalComments: 'none' }).code;
    fs.writeFileSync(file, css);
    cssBytes += css.length;
  } catch (e) {
    fail(`esbuild could not minify ${name}: ${e.message}`);
  }
}
for (const name of names) fs.unlinkSync(path.join(site, name));
const kb = (n) => (n / 1024).toFixed(1);
console.log(`bundle_scripts: ${names.length} scripts in ${BUNDLE} (${kb(Buffer.byteLength(joined))} KiB joined, ` +
  `${kb(code.length)} KiB minified by esbuild ${esbuild.version}): ${names.join(', ')}; stylesheets ${kb(cssBytes)} KiB`);
