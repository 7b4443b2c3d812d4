// A private X display for the browsers that need one (Firefox has no WebGL without a display, even
// headless; WebKitGTK's MiniBrowser is a windowed program). Starts Debian's Xvfb on a display number
// it picks itself (-displayfd), so tests on a shared machine never collide, and stops it on close or
// when the process exits. CI runs with no display and no standard input, so nothing here reads either.
import { spawn, execFileSync } from 'node:child_process';

export const XVFB_PATH = process.env.XVFB_PATH || '/usr/bin/Xvfb';

const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {}
  }
});

export function checkXvfb() {
  try {
    execFileSync(XVFB_PATH, ['-help'], { stdio: 'ignore', timeout: 10_000 });
  } catch (err) {
    if (err.code === 'ENOENT') {
      throw new Error(`Xvfb not found at ${XVFB_PATH}; install it with: apt-get install xvfb xauth (or run tools/install_deps.sh)`);
    }
  }
}

// Resolves to { display: ':N', close() } once the server accepts clients.
export async function startXvfb({ width = 1920, height = 1200, depth = 24, timeoutMs = 30_000 } = {}) {
  checkXvfb();
  const child = spawn(
    XVFB_PATH,
    ['-displayfd', '3', '-screen', '0', `${width}x${height}x${depth}`, '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display within ${timeoutMs / 1000} s: ${stderr}`)), timeoutMs);
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      const match = out.match(/^(\d+)\n/);
      if (match) {
        clearTimeout(timer);
        resolve(`:${match[1]}`);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code ?? signal}) before giving a display: ${stderr}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  child.stdio[3].destroy();
  return {
    display,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          running.delete(child);
          return resolve();
        }
        child.once('exit', () => {
          running.delete(child);
          resolve();
        });
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
