// Registers the service worker (sw.js) that keeps the site's own files for offline use, so the
// calculator reloads with no network after one visit. Only on http(s) pages at the top level: never on
// file:// (the single-file copy), never inside a frame (embeds must not depend on storage, and a
// sandboxed frame throws on any access). Every failure is caught; the page works without it.
(function () {
  'use strict';

  var WORKER = 'sw.js';

  // Under a Content-Security-Policy that requires Trusted Types (README, "Hosting and security
  // headers"), register() takes only a TrustedScriptURL. This policy admits exactly the worker's
  // address. Without Trusted Types, or when a host's trusted-types list leaves this name out (then
  // registering with the plain address is the browser's to allow or refuse), the address is text.
  function workerScriptUrl() {
    try {
      if (window.trustedTypes && typeof window.trustedTypes.createPolicy === 'function') {
        return window.trustedTypes.createPolicy('teams-calculator-worker', {
          createScriptURL: function (url) {
            if (url === WORKER) return url;
            throw new TypeError('teams-calculator-worker admits only ' + WORKER);
          },
        }).createScriptURL(WORKER);
      }
    } catch (e) {
      // The name is not allowed here: fall through.
    }
    return WORKER;
  }

  function register() {
    try {
      var protocol = window.location.protocol;
      if (protocol !== 'https:' && protocol !== 'http:') return;
      if (window.top !== window) return;
      if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
      // updateViaCache 'none': the browser always asks the server for sw.js, so a new version of the
      // site is noticed on the next visit whatever the host's cache headers say.
      navigator.serviceWorker.register(workerScriptUrl(), { updateViaCache: 'none' }).catch(function () {});
    } catch (e) {
      // Storage blocked, opaque origin or an old browser: the page still works online.
    }
  }

  // After the calculator's first frame and a moment's quiet, so that the worker's downloads (every
  // file again, revalidated) never compete with the page's own for the network or the CPU.
  function registerWhenQuiet() {
    setTimeout(function () {
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(register, { timeout: 3000 });
      else register();
    }, 1000);
  }

  function start() {
    try {
      var api = window.teamsCalculator;
      if (api && api.ready && typeof api.ready.then === 'function') {
        api.ready.then(registerWhenQuiet, registerWhenQuiet);
        return;
      }
    } catch (e) {
      // No page API: register once the page has loaded.
    }
    registerWhenQuiet();
  }

  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
})();
