// Starts the WebAssembly module inside a frame sandboxed without allow-same-origin. Such a page has an
// opaque origin ("null"), so its fetch of teams.wasm is cross-origin and fails unless the server sends
// Access-Control-Allow-Origin; scripts load from anywhere, so there the module comes from
// teams.wasm.js, the same bytes as base64 (written by tools/make_wasm_script.py). Everywhere else
// this file does nothing. Load it after teams.js and script_loader.js, and before calculator.js.
(function () {
  'use strict';

  var FACTORY = 'createTeamsCalculator';
  var WASM_FILE = 'teams.wasm';
  var WASM_SCRIPT = 'teams.wasm.js';

  var opaque;
  try {
    opaque = window.origin === 'null' && /^https?:$/.test(window.location.protocol);
  } catch (e) {
    opaque = false;
  }
  var factory = window[FACTORY];
  if (!opaque || typeof factory !== 'function') return;

  // Added by script_loader.js, under its Trusted Types policy (teams-calculator-loader).
  function loadWasmScript() {
    if (typeof window.teamsLoadScript !== 'function') return Promise.reject(new Error('script_loader.js is missing'));
    return window.teamsLoadScript(WASM_SCRIPT).then(function () {
      var base64 = window.teamsCalculatorWasmBase64;
      if (typeof base64 === 'string' && base64.length > 0) return base64;
      throw new Error(WASM_SCRIPT + ' did not define the module');
    });
  }

  function decode(base64) {
    var text = window.atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // Answers the module's fetch of its own data: URL from memory, so a Content-Security-Policy without
  // connect-src data: (the site's own policy) does not block it. Every other fetch goes through.
  function answerFetch(dataUrl, bytes) {
    var realFetch = window.fetch;
    var shim = function (input) {
      if (input === dataUrl) {
        return Promise.resolve(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
      }
      return realFetch.apply(this, arguments);
    };
    window.fetch = shim;
    return function restore() {
      if (window.fetch === shim) window.fetch = realFetch;
    };
  }

  window[FACTORY] = function (options) {
    options = options || {};
    return loadWasmScript().then(function (base64) {
      // wasmBinary is used when the module accepts it (INCOMING_MODULE_JS_API), with no fetch at all;
      // otherwise locateFile names the bytes as a data: URL, which Emscripten fetches (see answerFetch).
      var bytes = decode(base64);
      options.wasmBinary = bytes;
      var dataUrl = 'data:application/octet-stream;base64,' + base64;
      var locate = options.locateFile;
      options.locateFile = function (path, prefix) {
        if (path === WASM_FILE) return dataUrl;
        return locate ? locate(path, prefix) : prefix + path;
      };
      var restore = answerFetch(dataUrl, bytes);
      var started = factory(options);
      started.then(restore, restore);
      return started;
    });
  };
})();
