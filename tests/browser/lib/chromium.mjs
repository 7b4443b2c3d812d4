// Starts Debian's Chromium through playwright-core for the browser tests and the benchmark.
// Fails with a message saying what to install when Chromium or node_modules is missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BROWSER_TESTS_DIR = path.resolve(HERE, '..');
export const REPO_ROOT = path.resolve(BROWSER_TESTS_DIR, '../..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The flags the project runs Chromium with (see the team brief): headless, no sandbox (root),
// software WebGL, and no traffic of Chromium's own that could be mistaken for the page's.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (err) {
    throw new Error(
      `playwright-core is not installed in ${path.join(BROWSER_TESTS_DIR, 'node_modules')} ` +
        `(${err.code ?? err.message}); run: npm ci --prefix tests/browser`,
    );
  }
}

export function checkChromium() {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install chromium ` +
        `(or set CHROMIUM_PATH)`,
    );
  }
}

// Launches a fresh browser. playwright gives every launch a new, empty --user-data-dir of its own
// (a temporary folder it deletes on close), so no profile, cache or service worker carries over.
export async function launchChromium() {
  checkChromium();
  const { chromium } = await loadPlaywright();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

// Desktop and phone set-ups named in issue 3.
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};
