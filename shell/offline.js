// Registers the service worker (sw.js) that keeps the site's own files for offline use, so the
// calculator reloads with no network after one visit. Only on http(s) pages at the top level: never on
// file:// (the single-file copy), never inside a frame (embeds must not depend on storage, and a
// sandboxed frame throws on any access). Every failure is caught; the page works without it.
(function () {
  'use strict';

  function register() {
    try {
      var protocol = window.location.protocol;
      if (protocol !== 'https:' && protocol !== 'http:') return;
      if (window.top !== window) return;
      if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
      // updateViaCache 'none': the browser always asks the server for sw.js, so a new version of the
      // site is noticed on the next visit whatever the host's cache headers say.
      navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch(function () {});
    } catch (e) {
      // Storage blocked, opaque origin or an old browser: the page still works online.
    }
  }

  // After the page has loaded, so that the service worker's own downloads never delay the first frame.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
