// Shared set-up for the browser test files: one static server over the built site and one Chromium
// per file, both closed when the file's tests end. Set-up happens in the first test that needs it,
// so a missing site, Chromium or playwright-core fails each test with the reason (not "cancelled").
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { startStaticServer } from './static_server.mjs';
import { siteDir, describeProblems } from './calculator_page.mjs';

export function useSiteInChromium() {
  let setUp = null;
  const fixture = {
    server: null,
    browser: null,
    sessions: [],
    // Resolves once the server and browser run; every test awaits it first.
    ready() {
      setUp ??= (async () => {
        fixture.server = await startStaticServer(siteDir());
        fixture.browser = await launchChromium();
      })();
      return setUp;
    },
  };
  after(async () => {
    for (const session of fixture.sessions) await session.context.close().catch(() => {});
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}

// The checks every session ends with: nothing went wrong on the page and nothing left its origin.
export function assertCleanSession(session) {
  assert.deepEqual(session.pageErrors, [], `page errors: ${describeProblems(session)}`);
  assert.deepEqual(session.consoleErrors, [], `console errors: ${describeProblems(session)}`);
  assert.deepEqual(
    session.offOrigin,
    [],
    `requests that left ${session.origin}: ${JSON.stringify(session.offOrigin)}`,
  );
}
