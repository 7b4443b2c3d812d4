// Runs in <head> before the first paint (the one script that is not deferred; it is small and reads
// nothing but the link): marks <html> with what the page must show before the calculator starts.
//   class "js"          scripts run: the answer in words shows over the canvas while it loads
//   class "embed"       ?embed=1: compact, no page chrome (style.css)
//   data-theme          ?theme=light|dark
//   class "own-values"  the link sets scenario values (any key in data-scenario-keys, which the site
//                       build writes from the calculator's own table, or its _low or _high end): the
//                       page shows the method and a loading line, never the default scenario's
//                       answer or range as this link's.
// It also starts the download of the module named by data-module (teams.wasm) at once, beside
// page.js's, rather than once page.js has run: the module's own fetch (the same address, mode and
// credentials) then takes the preloaded response. Not in a frame sandboxed without
// allow-same-origin, where sandbox_loader.js loads the module as a script, and not in the single
// file, which carries the module inside it (make_single_file.py drops data-module).
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var module = root.getAttribute('data-module');
  if (module && window.origin !== 'null' && /^https?:$/.test(window.location.protocol)) {
    try {
      var preload = document.createElement('link');
      preload.rel = 'preload';
      preload.as = 'fetch';
      preload.crossOrigin = 'anonymous';
      preload.href = module;
      document.head.appendChild(preload);
    } catch (e) {
      // No preload: the module is fetched when page.js runs, as without this.
    }
  }
  var params;
  try {
    params = new URLSearchParams(window.location.search);
  } catch (e) {
    return;
  }
  var embed = params.get('embed');
  if (embed === '1' || embed === 'true') root.classList.add('embed');
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  var keys = (root.getAttribute('data-scenario-keys') || '').split(' ');
  // Without the list (a page not built by the site build), any link parameter may be a value.
  if (keys.length < 2 && window.location.search.length > 1) root.classList.add('own-values');
  // An assumption's range ends (prevalence_low, prevalence_high) are values too.
  var found = false;
  params.forEach(function (value, name) {
    var key = name.replace(/_(low|high)$/, '');
    if (keys.indexOf(name) >= 0 || keys.indexOf(key) >= 0) found = true;
  });
  if (found) root.classList.add('own-values');
})();
