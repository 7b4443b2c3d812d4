// One small page interface over three drivers, so each cross-engine test is written once:
//   chromium  Debian's Chromium through playwright-core (as every other browser test here),
//   firefox   Debian's Firefox ESR through puppeteer-core (WebDriver BiDi), on a private Xvfb display,
//   webkit    Debian's WebKitGTK MiniBrowser through WebKitWebDriver and selenium-webdriver, on Xvfb.
// The engine comes from TEAMS_ENGINE (set by ctest). A missing browser, driver, Xvfb or npm package
// fails with a message saying what to install; nothing is skipped.
//
//   const engine = await launchEngine('firefox');
//   const page = await engine.newPage({ width: 1280, height: 800, deviceScaleFactor: 1 });
//   await page.goto(url); await page.evaluate((k) => ..., arg); await page.mouse.move(x, y); ...
//   await engine.close();   // closes every page, the browser and its display
//
// Page: viewportSize(), waitForTimeout(ms), goto(url), reload(), url(), evaluate(fn, arg), frameEvaluate(iframeSelector, fn, arg),
// mouse.move(x, y) / down() / up(), type(text), press(key: 'Enter', 'Escape', 'Tab', 'ArrowRight' ...
// as Playwright names them), screenshot()
// (a PNG of the viewport), driverErrors() (console errors and uncaught errors, where the driver
// reports them: not in WebKitGTK, whose driver has no log), close().
//
// Why an adapter and not WebdriverIO for all three: WebdriverIO drives Firefox only through
// geckodriver, which Debian 12 does not package and which WebdriverIO downloads when it starts (not
// possible where only Debian's and npm's registries are reachable). In Chromium and WebKit the two
// took the same time for the same check (launch, load, answer, a slider drag: about 10-11 s each
// on two loaded cores), and the 15 Chromium-only test files keep their playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, checkChromium, loadPlaywright } from './chromium.mjs';
import { startXvfb } from './xvfb.mjs';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const LAUNCH_TIMEOUT_MS = 90_000; // two shared cores: Firefox alone takes 5-15 s to start here

export function engineFromEnv() {
  const name = process.env.TEAMS_ENGINE || 'chromium';
  if (!ENGINE_NAMES.includes(name)) throw new Error(`TEAMS_ENGINE=${name}: expected one of ${ENGINE_NAMES.join(', ')}`);
  return name;
}

function checkExecutable(file, install) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new Error(`${file} not found; install it with: ${install} (or run tools/install_deps.sh)`);
  }
}

async function importPackage(name) {
  try {
    return await import(name);
  } catch (err) {
    throw new Error(`${name} is not installed in tests/browser/node_modules (${err.code ?? err.message}); run: npm ci --prefix tests/browser`);
  }
}

export async function launchEngine(name = engineFromEnv()) {
  if (name === 'chromium') return launchChromiumEngine();
  if (name === 'firefox') return launchFirefoxEngine();
  if (name === 'webkit') return launchWebKitEngine();
  throw new Error(`unknown engine ${name}`);
}

// Closes everything in order and never throws: a test's result is its assertions, not its clean-up.
function closer(pages, ...steps) {
  return async () => {
    for (const page of [...pages]) await page.close().catch(() => {});
    for (const step of steps) await Promise.resolve().then(step).catch(() => {});
  };
}

// [SECTION] Chromium: playwright-core
async function launchChromiumEngine() {
  checkChromium();
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS });
  const pages = new Set();
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage({ width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      const wrapped = {
        viewportSize: () => ({ width, height }),
        waitForTimeout: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        goto: (url) => page.goto(url, { waitUntil: 'load', timeout: LAUNCH_TIMEOUT_MS }).then(() => {}),
        reload: () => page.reload({ waitUntil: 'load', timeout: LAUNCH_TIMEOUT_MS }).then(() => {}),
        url: async () => page.url(),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async frameEvaluate(selector, fn, arg) {
          const frame = await (await page.$(selector))?.contentFrame();
          if (!frame) throw new Error(`no frame at ${selector}`);
          return frame.evaluate(fn, arg);
        },
        mouse: { move: (x, y) => page.mouse.move(x, y), down: () => page.mouse.down(), up: () => page.mouse.up() },
        type: (text) => page.keyboard.type(text),
        press: (key) => page.keyboard.press(key),
        screenshot: () => page.screenshot(),
        driverErrors: () => [...errors],
        close: async () => {
          pages.delete(wrapped);
          await context.close();
        },
      };
      pages.add(wrapped);
      return wrapped;
    },
    close: closer(pages, () => browser.close()),
  };
}

// [SECTION] Firefox: puppeteer-core over WebDriver BiDi, on a private display (no WebGL without one)
async function launchFirefoxEngine() {
  checkExecutable(FIREFOX_PATH, 'apt-get install firefox-esr');
  const puppeteer = (await importPackage('puppeteer-core')).default;
  const xvfb = await startXvfb();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      env: { ...process.env, DISPLAY: xvfb.display },
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: LAUNCH_TIMEOUT_MS,
    });
  } catch (err) {
    await xvfb.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const pages = new Set();
  return {
    name: 'firefox',
    version: await browser.version(),
    async newPage({ width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
      // A user context of its own: no cookies, storage, cache or service worker shared between pages.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height, deviceScaleFactor });
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      const wrapped = {
        viewportSize: () => ({ width, height }),
        waitForTimeout: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        goto: (url) => page.goto(url, { waitUntil: 'load', timeout: LAUNCH_TIMEOUT_MS }).then(() => {}),
        reload: () => page.reload({ waitUntil: 'load', timeout: LAUNCH_TIMEOUT_MS }).then(() => {}),
        url: async () => page.url(),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async frameEvaluate(selector, fn, arg) {
          const frame = await (await page.$(selector))?.contentFrame();
          if (!frame) throw new Error(`no frame at ${selector}`);
          return frame.evaluate(fn, arg);
        },
        mouse: { move: (x, y) => page.mouse.move(x, y), down: () => page.mouse.down(), up: () => page.mouse.up() },
        type: (text) => page.keyboard.type(text),
        press: (key) => page.keyboard.press(key),
        screenshot: async () => Buffer.from(await page.screenshot()),
        driverErrors: () => [...errors],
        close: async () => {
          pages.delete(wrapped);
          await context.close();
        },
      };
      pages.add(wrapped);
      return wrapped;
    },
    close: closer(pages, () => browser.close(), () => xvfb.close(), () => fs.rmSync(profile, { recursive: true, force: true })),
  };
}

// [SECTION] WebKit: selenium-webdriver and WebKitGTK's own driver, one MiniBrowser session a page
async function launchWebKitEngine() {
  checkExecutable(WEBKIT_DRIVER_PATH, 'apt-get install webkit2gtk-driver');
  checkExecutable(MINIBROWSER_PATH, 'apt-get install webkit2gtk-driver (MiniBrowser comes with libwebkit2gtk-4.1-0)');
  const { Builder, Capabilities, Key, Origin, Button } = await importPackage('selenium-webdriver');
  const remote = (await importPackage('selenium-webdriver/remote/index.js')).default;
  // Large enough for a window at pixel ratio 3.
  const xvfb = await startXvfb({ width: 4096, height: 3072 });
  // GDK_SCALE sets MiniBrowser's pixel ratio, for the whole process: one driver for each ratio used.
  const services = new Map(); // deviceScaleFactor -> { service, url }
  const serverFor = async (scale) => {
    if (!services.has(scale)) {
      const environment = { ...process.env, DISPLAY: xvfb.display };
      if (scale !== 1) environment.GDK_SCALE = String(scale);
      const service = new remote.DriverService.Builder(WEBKIT_DRIVER_PATH).setLoopback(true).setEnvironment(environment).build();
      services.set(scale, { service, url: service.start(LAUNCH_TIMEOUT_MS) });
    }
    return services.get(scale).url;
  };
  try {
    await serverFor(1);
  } catch (err) {
    await xvfb.close();
    throw err;
  }
  const capabilities = () =>
    new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
    });
  const keys = {
    Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB, Space: Key.SPACE, Home: Key.HOME, End: Key.END,
    PageUp: Key.PAGE_UP, PageDown: Key.PAGE_DOWN, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT,
    ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
  };
  const pages = new Set();
  let version = '';
  return {
    name: 'webkit',
    get version() {
      return version;
    },
    async newPage({ width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
      if (!Number.isInteger(deviceScaleFactor)) throw new Error(`WebKitGTK's pixel ratio (GDK_SCALE) is a whole number, not ${deviceScaleFactor}`);
      const serverUrl = await serverFor(deviceScaleFactor);
      const driver = await new Builder().usingServer(serverUrl).withCapabilities(capabilities()).build();
      version ||= (await driver.getCapabilities()).get('browserVersion');
      await driver.manage().setTimeouts({ script: LAUNCH_TIMEOUT_MS, pageLoad: LAUNCH_TIMEOUT_MS });
      // The window is sized with its chrome, and on a loaded machine a resize can land late or not
      // at all: correct it by what the page measures until the page is the size asked for.
      const window = driver.manage().window();
      await window.setRect({ x: 0, y: 0, width, height });
      const innerSize = () => driver.executeScript('return [window.innerWidth, window.innerHeight]');
      let sized = await innerSize();
      for (let attempt = 0; attempt < 20 && (sized[0] !== width || sized[1] !== height); attempt++) {
        const outer = await window.getRect();
        await window.setRect({ width: outer.width + width - sized[0], height: outer.height + height - sized[1] });
        await new Promise((resolve) => setTimeout(resolve, 250));
        sized = await innerSize();
      }
      if (sized[0] !== width || sized[1] !== height) {
        await driver.quit();
        throw new Error(`MiniBrowser's page is ${sized[0]}x${sized[1]}, not ${width}x${height} (it is never narrower than 447 CSS px)`);
      }
      const run = (fn, arg) =>
        arg === undefined
          ? driver.executeScript(`return (${fn}).apply(null, arguments)`)
          : driver.executeScript(`return (${fn}).apply(null, arguments)`, arg);
      const actions = () => driver.actions({ async: true });
      const wrapped = {
        viewportSize: () => ({ width, height }),
        waitForTimeout: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        goto: (url) => driver.get(url),
        reload: () => driver.navigate().refresh(),
        url: () => driver.getCurrentUrl(),
        evaluate: run,
        async frameEvaluate(selector, fn, arg) {
          const element = await driver.findElement({ css: selector });
          await driver.switchTo().frame(element);
          try {
            return await run(fn, arg);
          } finally {
            await driver.switchTo().defaultContent();
          }
        },
        mouse: {
          move: (x, y) => actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).perform(),
          down: () => actions().press(Button.LEFT).perform(),
          up: () => actions().release(Button.LEFT).perform(),
        },
        type: (text) => actions().sendKeys(text).perform(),
        press: (key) => {
          if (!keys[key]) throw new Error(`press('${key}'): not a key this adapter knows (${Object.keys(keys).join(', ')})`);
          return actions().sendKeys(keys[key]).perform();
        },
        screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
        driverErrors: () => [], // WebKitWebDriver exposes no console log: the page probe records errors
        close: async () => {
          pages.delete(wrapped);
          await driver.quit();
        },
      };
      pages.add(wrapped);
      return wrapped;
    },
    close: closer(
      pages,
      async () => {
        for (const { service } of services.values()) await service.kill().catch(() => {});
      },
      () => xvfb.close(),
    ),
  };
}
