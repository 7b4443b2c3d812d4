// A tiny static file server for the browser tests and the benchmark: serves one folder on 127.0.0.1
// (a free port by default), with the MIME types the page needs. Node's standard library only.
//
//   import { startStaticServer } from './static_server.mjs';
//   const server = await startStaticServer('build/wasm/site');   // server.origin, server.log
//   await server.close();
//
//   startStaticServer(dir, { headers: {...} })        // extra response headers on every file
//   startStaticServer(dir, { redirectIndex: true })   // '…/index.html?q' answers 308 to '…/?q',
//                                                     // as Cloudflare Pages and many static hosts do
//
//   node tests/browser/lib/static_server.mjs DIR [PORT]            // serve by hand
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

// Maps a request path to a file inside root, or null when it would leave root.
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export async function startStaticServer(rootDir, { port = 0, host = '127.0.0.1', headers = {}, redirectIndex = false } = {}) {
  const root = path.resolve(rootDir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new Error(`static server: ${root} is not a directory`);
  }
  const log = []; // every request: { method, path, status, bytes, time (Date.now()) }

  const server = http.createServer((req, res) => {
    const requestUrl = new URL(req.url, 'http://localhost');
    const urlPath = requestUrl.pathname;
    const entry = { method: req.method, path: urlPath, status: 0, bytes: 0, time: Date.now() };
    log.push(entry);
    if (redirectIndex && urlPath.endsWith('/index.html')) {
      entry.status = 308;
      res.writeHead(308, { Location: urlPath.slice(0, -'index.html'.length) + requestUrl.search, 'Cache-Control': 'no-store', ...headers });
      return res.end();
    }
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');

    let file = resolveInside(root, urlPath);
    if (file === null) return send(403, 'forbidden\n');
    fs.stat(file, (err, stat) => {
      if (!err && stat.isDirectory()) {
        file = path.join(file, 'index.html');
        try {
          stat = fs.statSync(file);
        } catch (e) {
          err = e;
        }
      }
      if (err || !stat.isFile()) return send(404, 'not found\n');
      // Validators as a static host sends them, so a revalidating request gets a bodiless 304.
      const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
      const common = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-store', ...headers };
      if (req.headers['if-none-match'] === etag) {
        entry.status = 304;
        res.writeHead(304, common);
        return res.end();
      }
      entry.status = 200;
      entry.bytes = stat.size;
      res.writeHead(200, { 'Content-Type': mimeTypeFor(file), 'Content-Length': stat.size, ...common });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const origin = `http://${host}:${address.port}`;
  return {
    origin,
    port: address.port,
    root,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// Command line: node static_server.mjs DIR [PORT]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, portArg] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node static_server.mjs DIR [PORT]');
    process.exit(2);
  }
  const server = await startStaticServer(dir, { port: portArg ? Number(portArg) : 0 });
  console.log(`Serving ${server.root} at ${server.origin}/`);
}
