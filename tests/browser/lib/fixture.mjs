// Shared set-up for the browser test files: one static server over the built site and one Chromium
// per file, both closed when the file's tests end. Failing set-up fails every test with its reason.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { startStaticServer } from './static_server.mjs';
import { siteDir, describeProblems } from './calculator_page.mjs';

export function useSiteInChromium() {
  const fixture = { server: null, browser: null, sessions: [] };
  before(async () => {
    fixture.server = await startStaticServer(siteDir());
    fixture.browser = await launchChromium();
  });
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
