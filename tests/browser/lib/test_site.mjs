// A test-only copy of the built site whose pages load a probe first, before any page script: it
// records uncaught errors, rejected promises, console.error, resources that failed to load and
// Content-Security-Policy violations in window.__teamsProbe, the same way in every engine (WebKitGTK's
// driver has no console log and no way to run a script before the page's own). The copy's service
// worker is stamped again, so the probe is one of the files kept for offline use.
//
//   const site = makeTestSite();                  // { dir, close() }
//   const bare = makeTestSite({ webgl: false });  // the same, where canvas.getContext('webgl*') is null
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './chromium.mjs';
import { siteDir } from './calculator_page.mjs';

export const PROBE_FILE = 'test_probe.js';

// Runs in the page before anything else. Kept to ES5 and to what every engine has.
function probe(withWebGl) {
  var record = (window.__teamsProbe = { errors: [], cspViolations: [] });
  window.addEventListener(
    'error',
    function (e) {
      var target = e.target;
      if (target && target !== window && (target.src || target.href)) {
        record.errors.push('failed to load ' + (target.src || target.href));
      } else {
        record.errors.push('uncaught: ' + (e.message || e.error) + ' at ' + e.filename + ':' + e.lineno);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', function (e) {
    record.errors.push('unhandled rejection: ' + (e.reason && e.reason.stack ? e.reason.stack : e.reason));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    record.cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
  var consoleError = console.error;
  console.error = function () {
    record.errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };
  if (!withWebGl) {
    var getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type) {
      if (/webgl/i.test(String(type))) return null;
      return getContext.apply(this, arguments);
    };
  }
}

export const probeSource = ({ webgl = true } = {}) => `(${probe})(${webgl});\n`;

function insertFirst(html, tag, file) {
  const head = html.match(/<head[^>]*>/i);
  if (!head) throw new Error(`${file} has no <head>: the probe cannot go first`);
  const at = head.index + head[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}

export function makeTestSite({ webgl = true } = {}) {
  const source = siteDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-test-site-'));
  fs.cpSync(source, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, PROBE_FILE), probeSource({ webgl }));
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.html'))) {
    const file = path.join(dir, name);
    const html = fs.readFileSync(file, 'utf8');
    // The single file must stay one file: its probe goes inline (it is opened from disk, with no CSP).
    const tag = name === 'teams-calculator.html' ? `<script>${probeSource({ webgl })}</script>` : `<script src="${PROBE_FILE}"></script>`;
    fs.writeFileSync(file, insertFirst(html, tag, name));
  }
  execFileSync('python3', [path.join(REPO_ROOT, 'tools/stamp_service_worker.py'), dir], { stdio: 'pipe' });
  return { dir, close: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
