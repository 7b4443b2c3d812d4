// The page around the calculator: starts the WebAssembly module (teams.js), gives it the page hooks
// it calls (Module.page: layout, address bar, accessible mirror, notice) and publishes the page's API,
// window.teamsCalculator. No eval, no inline scripts, no network requests but the site's own files.
(function () {
  'use strict';

  var MAX_JSON_CHARS = 65536; // larger scenario documents are refused before they reach the module
  var MAX_KEY_CHARS = 200;

  var canvas = document.getElementById('calculator-canvas');
  var container = document.getElementById('calculator');
  var instance = null;       // the Emscripten module once it has started
  var contentHeight = 0;
  var pastedText = '';
  var resolveReady;
  var ready = new Promise(function (resolve) { resolveReady = resolve; });
  var readyDone = false;
  var frameDrawn = false;
  var textScale = 1;
  function readTextScale() {
    var px = parseFloat(getComputedStyle(document.documentElement).fontSize);
    textScale = px > 0 ? px / 16 : 1;
  }
  readTextScale();

  // Ready once the first frame is drawn, the module's functions can be called and brief.js (which
  // reads setScenario's documents) has arrived, or could not be loaded; it is started at the first
  // frame, so it is never part of the first load.
  var briefSettled = false;
  function maybeResolveReady() {
    if (readyDone || !frameDrawn || !instance || !briefSettled) return;
    readyDone = true;
    resolveReady(true);
  }

  // The embed and theme options are on <html> already (first_paint.js); the module reads them too.

  // The answer in words (#fallback) shows over the canvas until its first frame. It is hidden from
  // screen readers meanwhile (aria-hidden in index.html): they hear the answer once, from the live
  // region the first frame fills, not from the words and then again from the region.
  var fallback = document.getElementById('fallback');
  function endLoading() {
    if (fallback.classList.contains('loading')) fallback.hidden = true;
  }

  // The embed's "Open the full calculator" link: the same scenario without the embed options.
  function updateFullLink(query) {
    try {
      var params = new URLSearchParams(query);
      params.delete('embed');
      params.delete('embed_id');
      params.delete('sliders');
      params.delete('show');
      var rest = params.toString();
      document.getElementById('open-full').setAttribute('href', 'index.html' + (rest ? '?' + rest : ''));
    } catch (e) {
      // The plain link stays.
    }
  }
  updateFullLink(window.location.search);

  // The embed footer's "Download CSV": the same download as the canvas's button.
  document.getElementById('embed-download').addEventListener('click', function () {
    try {
      if (instance) instance.ccall('teams_request_action', null, ['string'], ['download_csv']);
    } catch (e) {
      note('That did not work in this browser.');
    }
  });

  function requestFrame() {
    if (instance && instance._teams_request_frame) instance._teams_request_frame();
  }

  function call(name, args) {
    var types = [];
    for (var i = 0; i < args.length; ++i) types.push('string');
    return instance.ccall(name, 'string', types, args);
  }

  // [SECTION] The canvas's size and place
  // On a page, the canvas is as tall as the viewport and sticks to its top while the page scrolls the
  // content under it. In a frame whose host sends the visible band (embed.js), the frame is as tall
  // as the content, so instead the canvas covers that band with overscan above and below and moves
  // when the band leaves it: a screen-sized buffer at the full pixel ratio, not one as tall as the
  // content. The move waits for the module's next frame (beginFrame), so the canvas never shows old
  // pixels in a new place.
  var BAND_OVERSCAN = 0.5; // of the host viewport's height, above and below the band
  var band = null;         // {top, height, viewportHeight}: frame CSS px, from embed_child.js
  var placed = null;       // {top, height} applied to the canvas in band mode
  var pendingPlace = null;

  function fitCanvas() {
    if (!contentHeight) return;
    container.style.height = contentHeight + 'px';
    container.style.minHeight = '0'; // the stylesheet's 50vh holds room until then; a compact embed may be shorter
    if (!band) {
      canvas.style.height = Math.min(window.innerHeight, contentHeight) + 'px';
      return;
    }
    var origin = container.getBoundingClientRect().top + window.scrollY; // in the frame's document
    var overscan = Math.round(band.viewportHeight * BAND_OVERSCAN);
    var height = Math.min(contentHeight, Math.ceil(band.viewportHeight) + 2 * overscan);
    var visibleTop = band.top - origin;
    var visibleBottom = visibleTop + band.height;
    var top = placed ? placed.top : 0;
    if (!placed || placed.height !== height || visibleTop < top || visibleBottom > top + height) top = visibleTop - overscan;
    top = Math.max(0, Math.min(contentHeight - height, Math.round(top)));
    if (placed && placed.top === top && placed.height === height) return;
    pendingPlace = { top: top, height: height };
    if (instance && frameDrawn) requestFrame();
    else placeCanvas();
  }

  function placeCanvas() {
    if (!pendingPlace) return;
    placed = pendingPlace;
    pendingPlace = null;
    canvas.style.position = 'absolute';
    canvas.style.top = placed.top + 'px';
    canvas.style.height = placed.height + 'px';
  }

  window.addEventListener('teams-calculator:visible-band', function (e) {
    band = e.detail;
    fitCanvas();
  });

  function showFallback(reason) {
    canvas.hidden = true;
    container.style.height = '';
    container.style.minHeight = '';
    document.getElementById('fallback-reason').textContent = reason;
    fallback.classList.remove('loading');
    fallback.removeAttribute('aria-hidden');
    fallback.hidden = false;
    if (!readyDone) {
      readyDone = true;
      resolveReady(false);
    }
  }

  function fillRows(body, rows) {
    var fragment = document.createDocumentFragment();
    for (var i = 0; i < rows.length; ++i) {
      var tr = document.createElement('tr');
      for (var j = 0; j < rows[i].length; ++j) {
        var cell = document.createElement(j === 0 ? 'th' : 'td');
        if (j === 0) cell.setAttribute('scope', 'row');
        var value = rows[i][j];
        if (value && typeof value === 'object' && /^https:\/\//.test(String(value.href))) {
          // A source with its address: a link that opens in a new tab.
          var a = document.createElement('a');
          a.href = String(value.href);
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          a.textContent = String(value.text);
          cell.appendChild(a);
        } else {
          cell.textContent = String(value && typeof value === 'object' ? value.text : value); // text, never markup
        }
        tr.appendChild(cell);
      }
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
  }

  // [SECTION] Sharing and keeping: copy link, share, CSV, picture, embed code
  function note(text) {
    // Said to screen readers too: the canvas note alone is silent.
    var status = document.getElementById('action-status');
    if (status) status.textContent = text;
    try {
      if (instance) instance.ccall('teams_set_note', null, ['string'], [text]);
    } catch (e) {
      // The note is a courtesy; the action itself has happened or failed already.
    }
  }

  // The page's address for a query, without the embed options of this page.
  function fullLink(query) {
    var base = window.location.href.replace(/[?#].*$/, '');
    var params = new URLSearchParams(query || '');
    // A link copied in an embed opens the full calculator, not another compact embed.
    ['embed', 'embed_id', 'show', 'sliders'].forEach(function (name) { params.delete(name); });
    var rest = params.toString();
    return base + (rest ? '?' + rest : '');
  }

  // Clipboard API first; the old textarea route where it is missing (file://, older browsers).
  function copyText(text, done) {
    function fallback() {
      try {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        var ok = document.execCommand('copy');
        area.remove();
        canvas.focus({ preventScroll: true });
        note(ok ? done : 'Copying is blocked here: select and copy it below.');
        if (!ok && window.teamsCopyPanel) window.teamsCopyPanel(text); // shell/copy_panel.js
      } catch (e) {
        note('Copying is blocked here: select and copy it below.');
        if (window.teamsCopyPanel) window.teamsCopyPanel(text);
      }
    }
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { note(done); }, fallback);
        return;
      }
    } catch (e) {
      // Fall through to the textarea.
    }
    fallback();
  }

  function download(name, blob, done) {
    try {
      var url = URL.createObjectURL(blob);
      var link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      note(done);
    } catch (e) {
      note('Downloads are blocked here.');
    }
  }

  // [SECTION] The printed brief: #brief holds it (shown only in print, see style.css), filled from
  // the brief's module whenever the scenario changes and again just before printing, with today's date.
  // The brief, the SVG pictures, the CSV, the card and the QR code are a module of their own, brief.js
  // (web/brief_module.cpp), which also reads setScenario's documents. It is kept out of the first
  // load: it is added once the first frame is drawn and the page has loaded, so it is ready long
  // before anyone presses Ctrl+P, or at once when asked for. It makes them from the scenario's query,
  // the text of the link the brief prints.
  var briefPending = false;
  // Today in the reader's calendar as 2026-12-01, for download names and the CSV's date row.
  function isoDate() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }
  function downloadName(extension) {
    return call('teams_download_name', [extension, isoDate()]) || 'teams.' + extension;
  }
  var briefModule = null;   // the started module
  var briefStarting = null; // the promise of it
  var briefFailed = false;  // it could not be loaded (the next ask tries again)
  function printedDate() {
    try {
      return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    } catch (e) {
      return new Date().toDateString();
    }
  }
  function startBrief() {
    if (briefStarting) return briefStarting;
    var script = typeof window.createTeamsBrief === 'function' ? Promise.resolve() // the single file has it inline
      : typeof window.teamsLoadScript === 'function' ? window.teamsLoadScript('brief.js')
        : Promise.reject(new Error('script_loader.js is missing'));
    briefStarting = script.then(function () {
      var base64 = window.teamsBriefWasmBase64;
      if (typeof window.createTeamsBrief !== 'function' || typeof base64 !== 'string') throw new Error('brief.js did not define the module');
      var text = window.atob(base64);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
      return window.createTeamsBrief({
        wasmBinary: bytes,
        print: function () {},
        printErr: function (line) { if (window.console) console.warn(line); }
      });
    }).then(function (module) {
      briefModule = module;
      refreshBrief();
      return module;
    });
    briefStarting.catch(function () { briefStarting = null; briefFailed = true; }); // offline before it was kept: a later ask tries again
    return briefStarting;
  }
  // Runs use(module) at once when the brief's module is there (keeping the click's user activation),
  // else once it has started; says so when it cannot.
  function withBrief(use) {
    if (briefModule) return use(briefModule);
    startBrief().then(function (module) {
      try {
        use(module);
      } catch (e) {
        note('That did not work in this browser.');
      }
    }, function () { note('That needs brief.js, which could not be loaded here.'); });
  }
  // The brief's module as a promise, for work that is asynchronous anyway (the card waits for its fonts).
  function briefReady() {
    return briefModule ? Promise.resolve(briefModule) : startBrief();
  }
  function briefCall(name, args) {
    var types = [];
    for (var i = 0; i < args.length; ++i) types.push('string');
    return briefModule.ccall(name, 'string', types, args);
  }
  // Under a Content-Security-Policy that requires Trusted Types (README, "Hosting and security
  // headers"), innerHTML takes only TrustedHTML. This policy, private to this closure, is used for one
  // markup alone: the brief written by the module, where every text is escaped (src/markup.cpp).
  var briefPolicy; // undefined until first asked for; null without Trusted Types or when refused
  function briefMarkup(html) {
    if (briefPolicy === undefined) {
      briefPolicy = null;
      try {
        if (window.trustedTypes && typeof window.trustedTypes.createPolicy === 'function')
          briefPolicy = window.trustedTypes.createPolicy('teams-calculator-brief', { createHTML: function (text) { return text; } });
      } catch (e) {
        // The name is not allowed here: the markup stays text, for the browser to allow or refuse.
      }
    }
    return briefPolicy ? briefPolicy.createHTML(html) : html;
  }
  function refreshBrief() {
    briefPending = false;
    var brief = document.getElementById('brief');
    if (!brief || !instance || !briefModule) return;
    try {
      var query = call('teams_current_query', []);
      var link = fullLink(query);
      // Markup written by the module: every text in it is escaped there (src/markup.cpp).
      brief.innerHTML = briefMarkup(briefCall('teams_brief_html', [query, link, printedDate()]));
      brief.setAttribute('data-link', link);
    } catch (e) {
      // The screen is unaffected; printing then shows what the brief held before.
    }
  }
  function scheduleBrief() {
    if (briefPending || !briefModule) return;
    briefPending = true;
    setTimeout(refreshBrief, 0);
  }
  window.addEventListener('beforeprint', refreshBrief);

  function runAction(action, payload) {
    try {
      if (action === 'copy_link') {
        copyText(fullLink(payload), 'Link copied.');
      } else if (action === 'copy_embed') {
        var code = typeof window.teamsCalculatorEmbedCode === 'function' ? window.teamsCalculatorEmbedCode(payload) : '';
        if (code) copyText(code, 'Embed code copied.');
        else note('The embed code needs the calculator on a web address (http or https).');
      } else if (action === 'share') {
        var shared = JSON.parse(payload);
        navigator.share({
          title: document.title,
          text: shared.headline + ' ' + shared.number + ' ' + shared.detail + '.',
          url: fullLink(shared.query)
        }).then(function () { note(''); }, function (e) {
          note(e && e.name === 'AbortError' ? '' : 'Sharing did not work here: use Copy link.');
        });
      } else if (action === 'open_link') {
        // A source's address, clicked or tapped on the canvas: a new tab, never this one.
        if (/^https:\/\//.test(payload)) window.open(payload, '_blank', 'noopener,noreferrer');
      } else if (action === 'print') {
        withBrief(function () {
          refreshBrief();
          window.print();
          note('');
        });
      } else if (action === 'download_svg') {
        withBrief(function () {
          var svg = briefCall('teams_pictures_svg', [payload]);
          download(downloadName('svg'), new Blob([svg], { type: 'image/svg+xml' }), 'Pictures downloaded.');
        });
      } else if (action === 'download_csv') {
        var csvName = downloadName('csv');
        withBrief(function () {
          var csv = briefCall('teams_report_csv', [payload, fullLink(payload), isoDate()]);
          download(csvName, new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' }), 'CSV downloaded.');
        });
      } else if (action === 'download_png') {
        var pngName = downloadName('png');
        var card;
        briefReady().then(function () {
          card = JSON.parse(briefCall('teams_card_json', [payload]));
          return briefModule.loadCardFonts();
        }).then(function () {
          briefModule.drawCard(card, { date: printedDate(), link: fullLink(card.query) }).toBlob(function (blob) {
            if (blob) download(pngName, blob, 'Picture downloaded.');
            else note('The picture could not be made here.');
          }, 'image/png');
        }).catch(function () { note('The picture could not be made here.'); });
      }
    } catch (e) {
      note('That did not work in this browser.');
    }
  }

  // [SECTION] Hooks the module calls (see web/platform_web.cpp)
  var page = {
    // Called first in every frame, before the canvas is measured.
    beginFrame: placeCanvas,
    canvasRect: function () { return canvas.getBoundingClientRect(); },
    scrollOffset: function () {
      return Math.max(0, canvas.getBoundingClientRect().top - container.getBoundingClientRect().top);
    },
    // 0: as designed, 1: prefers-contrast: more, 2: forced-colors: active (the system's colours).
    contrastMode: function () {
      if (!window.matchMedia) return 0;
      if (window.matchMedia('(forced-colors: active)').matches) return 2;
      return window.matchMedia('(prefers-contrast: more)').matches ? 1 : 0;
    },
    // A CSS system colour as 0xRRGGBB (0 Canvas, 1 CanvasText, 2 Highlight, 3 HighlightText,
    // 4 ButtonFace, 5 ButtonText, 6 GrayText), as this browser resolves it.
    systemColour: function (which) {
      var names = ['Canvas', 'CanvasText', 'Highlight', 'HighlightText', 'ButtonFace', 'ButtonText', 'GrayText'];
      var probe = document.createElement('span');
      probe.style.color = names[which] || 'CanvasText';
      probe.style.display = 'none';
      document.body.appendChild(probe);
      var m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color) || [0, 0, 0, 0];
      probe.remove();
      return (Number(m[1]) << 16) | (Number(m[2]) << 8) | Number(m[3]);
    },
    // The root font size against 16 px: the browser's text size setting (read at start and on resize).
    textScale: function () { return textScale; },
    prefersDark: function () {
      var forced = document.documentElement.getAttribute('data-theme');
      if (forced) return forced === 'dark';
      return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
    },
    setContentHeight: function (height) {
      contentHeight = Math.max(1, Math.ceil(height));
      fitCanvas();
      // For embed_child.js: the real height is known from the first frame's layout, before any
      // frame is shown (a frame out of view may not show one until it is scrolled to).
      try {
        window.dispatchEvent(new Event('teams-calculator:layout'));
      } catch (e) {
        // Very old browsers: the height goes out at ready instead.
      }
    },
    setSummary: function (text) { document.getElementById('summary').textContent = text; },
    setMirror: function (json) {
      var mirror;
      try { mirror = JSON.parse(json); } catch (e) { return; }
      // Published with the first frame: the canvas shows the answer now.
      endLoading();
      document.getElementById('summary').textContent = mirror.summary;
      if (mirror.title && document.title !== mirror.title) document.title = mirror.title;
      fillRows(document.getElementById('mirror-assumptions'), mirror.assumptions);
      fillRows(document.getElementById('mirror-results'), mirror.results);
      scheduleBrief();
    },
    setNotice: function (json) {
      var messages;
      try { messages = JSON.parse(json); } catch (e) { messages = []; }
      var list = document.getElementById('notice-list');
      var items = document.createDocumentFragment();
      for (var i = 0; i < messages.length; ++i) {
        var li = document.createElement('li');
        li.textContent = messages[i];
        items.appendChild(li);
      }
      list.replaceChildren(items);
      document.getElementById('notice').hidden = messages.length === 0;
    },
    setCanvasLabel: function () {}, // the canvas is a picture (aria-hidden): its controls are in the layer
    // What changed in the list of controls drawn: shell/controls_layer.js applies it to its stand-ins.
    setControls: function (json) { if (window.teamsControls) window.teamsControls.update(json); },
    query: function () {
      try { return window.location.search.replace(/^\?/, ''); } catch (e) { return ''; }
    },
    replaceQuery: function (query) {
      try {
        var url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
        window.history.replaceState(window.history.state, '', url);
      } catch (e) {
        // Sandboxed or file:// pages may refuse; the calculator works without it.
      }
      updateFullLink(query);
    },
    scrollContentTo: function (y) {
      var top = container.getBoundingClientRect().top + window.scrollY + y;
      window.scrollTo(0, Math.max(0, top));
    },
    writeClipboard: function (text) {
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
      } catch (e) {
        // No clipboard access here.
      }
    },
    pastedText: function () { return pastedText; },
    focusCanvas: function () {
      try { canvas.focus({ preventScroll: true }); } catch (e) { canvas.focus(); }
    },
    canShare: function () { return typeof navigator.share === 'function'; },
    // An embed code needs the site on a web address: none on file:// (embed_child.js answers '').
    canEmbed: function () {
      try { return typeof window.teamsCalculatorEmbedCode === 'function' && window.teamsCalculatorEmbedCode('') !== ''; } catch (e) { return false; }
    },
    runAction: runAction,
    showFallback: showFallback,
    firstFrame: function () {
      endLoading();
      frameDrawn = true;
      // brief.js once the page has loaded too, so that it never holds back the load event.
      var begin = function () {
        setTimeout(function () {
          startBrief().catch(function () {}).then(function () {
            briefSettled = true;
            maybeResolveReady();
          });
        }, 0);
      };
      if (document.readyState === 'complete') begin();
      else window.addEventListener('load', begin, { once: true });
    }
  };

  // [SECTION] window.teamsCalculator: the page's API for hosts, tests and tours
  // setScenario(obj) never throws and answers { ok, changed, problems }: ok when all of obj was
  // applied as given; changed when the calculator now shows a different scenario (the valid parts of
  // a partly bad object are applied; out-of-range numbers are clamped into range and applied);
  // problems [{ field, message }] names each value that was clamped, ignored or refused, with its
  // valid range. Anything that is not a scenario object changes nothing: { ok: false, changed: false }.
  function problem(message) {
    return { ok: false, changed: false, problems: [{ field: '', message: message }] };
  }

  window.teamsCalculator = {
    ready: ready,
    getScenario: function () {
      if (!instance) return null;
      try { return JSON.parse(call('teams_get_scenario', [])); } catch (e) { return null; }
    },
    getResults: function () {
      if (!instance) return null;
      try { return JSON.parse(call('teams_get_results', [])); } catch (e) { return null; }
    },
    // For `make bench`: ms per change of the whole estimate (range, break-even and sensitivity
    // included), [with the scenario's ranges, with every assumption ranged], over `iterations` changes.
    timeEstimate: function (iterations) {
      if (!instance) return null;
      var n = Math.max(1, Math.min(1000000, Math.floor(Number(iterations) || 1)));
      try { return JSON.parse(instance.ccall('teams_time_estimate', 'string', ['number'], [n])); } catch (e) { return null; }
    },
    // Scenario A of the side-by-side view ({ scenario, results }), or null when none is pinned.
    getPinned: function () {
      if (!instance) return null;
      try { return JSON.parse(call('teams_get_pinned', [])); } catch (e) { return null; }
    },
    setScenario: function (scenario) {
      if (!instance) return problem('The calculator is not ready yet: wait for teamsCalculator.ready.');
      var text;
      try { text = JSON.stringify(scenario); } catch (e) { text = undefined; }
      if (typeof text !== 'string') return problem('The scenario must be a JSON object.');
      if (text.length > MAX_JSON_CHARS) return problem('The scenario is larger than ' + MAX_JSON_CHARS + ' characters.');
      // brief.js reads the document over the current scenario; teams.wasm applies what it made.
      if (!briefModule) {
        var failed = briefFailed;
        if (frameDrawn) startBrief().catch(function () {}); // a later call may find it
        return problem(failed ? 'The part of the calculator that reads scenarios (brief.js) could not be loaded here.'
          : 'The calculator is not ready yet: wait for teamsCalculator.ready.');
      }
      try {
        var read = JSON.parse(briefCall('teams_scenario_from_json', [text, call('teams_current_query', [])]));
        if (!read.ok) return { ok: false, changed: false, problems: read.problems };
        var applied = JSON.parse(call('teams_set_scenario_query', [read.query]));
        return { ok: applied.ok && read.problems.length === 0, changed: applied.changed, problems: read.problems.concat(applied.problems) };
      } catch (e) { return problem('The scenario could not be read.'); }
    },
    widgetRect: function (key) {
      if (!instance || typeof key !== 'string' || key.length > MAX_KEY_CHARS) return null;
      var r;
      try { r = JSON.parse(call('teams_widget_rect', [key])); } catch (e) { return null; }
      if (!r) return null;
      var origin = container.getBoundingClientRect();
      return { x: origin.left + r[0], y: origin.top + r[1], width: r[2], height: r[3] };
    },
    // Every control drawn in the last frame (web/controls.h): [{key, role, name, text, value, min,
    // max, step, options, expanded, level, rect: [x, y, width, height] in content px, focused}].
    controls: function () {
      if (!instance) return [];
      try { return JSON.parse(call('teams_controls', [])); } catch (e) { return []; }
    },
    // The summary card of the current scenario as a PNG data: URL (a Promise), as "Download the card"
    // draws it. options.date and options.link replace today's date and this page's link (''
    // leaves the link out): tools/make_og_card.mjs draws the site's og-card.png with them.
    cardImage: function (options) {
      var o = options || {};
      return Promise.resolve().then(function () {
        if (!instance) throw new Error('The calculator is not ready yet: wait for teamsCalculator.ready.');
        var query = call('teams_current_query', []);
        var card;
        return briefReady().then(function () {
          card = JSON.parse(briefCall('teams_card_json', [query]));
          return briefModule.loadCardFonts();
        }).then(function () {
          return briefModule.drawCard(card, {
            date: typeof o.date === 'string' ? o.date : printedDate(),
            link: typeof o.link === 'string' ? o.link : fullLink(card.query)
          }).toDataURL('image/png');
        });
      });
    },
    // The height the calculator's content needs, in CSS px (for embed_child.js's auto-height).
    contentHeight: function () {
      return contentHeight;
    },
    // heapBytes: the WebAssembly memory's size; heapUsedBytes: the part the allocator has handed out;
    // fontGlyphs: glyphs rasterised, more once a name needs accented letters.
    stats: function () {
      if (!instance) return { framesDrawn: 0, lastFrameMs: 0, heapBytes: 0, heapUsedBytes: 0, fontGlyphs: 0 };
      return {
        framesDrawn: instance._teams_frames_drawn(),
        lastFrameMs: instance._teams_last_frame_ms(),
        heapBytes: instance.HEAPU8 ? instance.HEAPU8.length : 0,
        heapUsedBytes: instance._teams_heap_used_bytes(),
        fontGlyphs: instance._teams_font_glyphs()
      };
    }
  };

  // [SECTION] Page events the module does not see itself
  window.addEventListener('resize', function () {
    readTextScale();
    fitCanvas();
  });
  document.addEventListener('paste', function (e) {
    if (e.clipboardData) pastedText = e.clipboardData.getData('text/plain') || '';
  });
  document.getElementById('notice-close').addEventListener('click', function () {
    document.getElementById('notice').hidden = true;
  });
  if (window.matchMedia) {
    var scheme = window.matchMedia('(prefers-color-scheme: dark)');
    if (scheme.addEventListener) scheme.addEventListener('change', requestFrame);
    ['(forced-colors: active)', '(prefers-contrast: more)'].forEach(function (query) {
      var list = window.matchMedia(query);
      if (list.addEventListener) list.addEventListener('change', requestFrame);
    });
  }

  // [SECTION] Start
  if (typeof WebAssembly !== 'object' || typeof window.createTeamsCalculator !== 'function') {
    showFallback('This browser cannot run the live calculator (it needs WebAssembly and WebGL 2).');
    return;
  }
  window.createTeamsCalculator({
    canvas: canvas,
    page: page,
    print: function () {},
    printErr: function (text) { if (window.console) console.warn(text); },
    onAbort: function () { showFallback('The live calculator stopped unexpectedly.'); }
  }).then(function (module) {
    instance = module;
    if (window.teamsControls) window.teamsControls.attach(module);
    maybeResolveReady();
    scheduleBrief();
  }, function () {
    showFallback('This browser could not start the live calculator (it needs WebAssembly and WebGL 2).');
  });
})();
