// The test server itself: right MIME types, index.html for folders, nothing outside its folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startStaticServer } from './lib/static_server.mjs';

test('static server serves its folder with the right types and nothing outside it', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-server-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  const files = {
    'index.html': ['<!doctype html>', 'text/html; charset=utf-8'],
    'app.js': ['1', 'text/javascript; charset=utf-8'],
    'app.wasm': ['\0asm', 'application/wasm'],
    'presets.json': ['{}', 'application/json; charset=utf-8'],
    'site.webmanifest': ['{}', 'application/manifest+json; charset=utf-8'],
    'sub/index.html': ['sub', 'text/html; charset=utf-8'],
  };
  for (const [name, [body]] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), body);
  }
  const server = await startStaticServer(root);
  try {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    for (const [name, [body, type]] of Object.entries(files)) {
      const res = await fetch(`${server.origin}/${name}?x=1`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('content-type'), type, name);
      assert.equal(await res.text(), body, name);
    }
    const home = await fetch(`${server.origin}/?prevalence=10`);
    assert.equal(await home.text(), '<!doctype html>');
    assert.equal(await (await fetch(`${server.origin}/sub/`)).text(), 'sub');
    assert.equal((await fetch(`${server.origin}/missing.js`)).status, 404);
    const escape = `/..%2f${path.basename(outside)}%2fsecret.txt`;
    const res = await fetch(server.origin + escape);
    assert.notEqual(res.status, 200, 'a request escaped the served folder');
    assert.notEqual(await res.text(), 'secret');
    assert.equal((await fetch(`${server.origin}/%E0%A4%A`)).status, 403);
    const first = await fetch(`${server.origin}/app.wasm`);
    const etag = first.headers.get('etag');
    assert.ok(etag, 'no ETag');
    const again = await fetch(`${server.origin}/app.wasm`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    assert.ok(server.log.length >= 10, 'requests are logged');
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('static server with redirectIndex sends every …/index.html on to its folder with a 308, query kept', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-server-'));
  fs.mkdirSync(path.join(root, 'calc'));
  fs.writeFileSync(path.join(root, 'calc/index.html'), 'calc');
  const server = await startStaticServer(root, { redirectIndex: true });
  try {
    const res = await fetch(`${server.origin}/calc/index.html?prevalence=10`, { redirect: 'manual' });
    assert.equal(res.status, 308);
    assert.equal(res.headers.get('location'), '/calc/?prevalence=10');
    const followed = await fetch(`${server.origin}/calc/index.html`);
    assert.ok(followed.redirected);
    assert.equal(followed.url, `${server.origin}/calc/`);
    assert.equal(await followed.text(), 'calc');
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
