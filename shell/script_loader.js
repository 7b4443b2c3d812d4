// Adds the site's own scripts that the page loads after it has started: brief.js (the printed brief's
// module, shell/calculator.js) and teams.wasm.js (the module's bytes for sandboxed frames,
// shell/sandbox_loader.js). window.teamsLoadScript(name) answers a promise, one per script.
// Under a Content-Security-Policy that requires Trusted Types, a script's src takes only a
// TrustedScriptURL: the policy teams-calculator-loader admits exactly these two names and nothing
// else. It is made once, on first use, as a policy's name may be created only once per page.
(function () {
  'use strict';

  var SCRIPTS = ['brief.js', 'teams.wasm.js'];
  var policy; // undefined until first asked for; null without Trusted Types or when refused
  var loads = {};

  function scriptUrl(name) {
    if (policy === undefined) {
      policy = null;
      try {
        if (window.trustedTypes && typeof window.trustedTypes.createPolicy === 'function') {
          policy = window.trustedTypes.createPolicy('teams-calculator-loader', {
            createScriptURL: function (url) {
              if (SCRIPTS.indexOf(url) >= 0) return url;
              throw new TypeError('teams-calculator-loader admits only ' + SCRIPTS.join(' and '));
            }
          });
        }
      } catch (e) {
        // The name is not allowed here: the plain address, for the browser to allow or refuse.
      }
    }
    return policy ? policy.createScriptURL(name) : name;
  }

  window.teamsLoadScript = function (name) {
    if (SCRIPTS.indexOf(name) < 0) return Promise.reject(new Error(name + ' is not one of the scripts the page loads'));
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = scriptUrl(name);
        script.onload = function () { resolve(); };
        script.onerror = function () {
          delete loads[name]; // offline or refused: a later call tries again
          script.remove();
          reject(new Error(name + ' could not be loaded'));
        };
        document.head.appendChild(script);
      });
    }
    return loads[name];
  };
})();
