// The calculator's side of embedding: the embed code a host pastes, and the frame protocol (see
// embed.js for the message shapes): when the page is inside a frame, it posts its content height to
// the parent whenever that height changes, so the host's embed.js can size the iframe with no inner
// scrollbar, and it hands the visible band the host sends to calculator.js, which then draws only
// that band. Works in a sandboxed frame: it uses no cookies, no storage and nothing of the parent but
// postMessage, and it never throws.
(function () {
  'use strict';

  var HEIGHT_MESSAGE = 'teams-calculator:height';
  var REQUEST_MESSAGE = 'teams-calculator:request-height';
  var BAND_MESSAGE = 'teams-calculator:visible-band';
  var PROTOCOL_VERSION = 1;
  var BAND_VERSION = 1;
  var MAX_PX = 1e6; // CSS px: larger or non-finite band figures are ignored

  // [SECTION] The embed code ("Copy embed code" in the calculator)
  // window.teamsCalculatorEmbedCode(query) -> the iframe + script snippet for this site and the given
  // link parameters ("prevalence=10&births=26832"), embed=1 first. Attribute values are escaped. The
  // iframe's starting height is a typical desktop layout's, for hosts that strip the script.
  var EMBED_TITLE = 'Parent-infant teams calculator';
  var EMBED_START_HEIGHT = 1200;

  function escapeAttribute(text) {
    return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  window.teamsCalculatorEmbedCode = function (query) {
    try {
      var site = new URL('.', window.location.href);
      if (site.protocol !== 'https:' && site.protocol !== 'http:') return '';
      // The calculator's own parameters as it wrote them, less any embed options of this page.
      var kept = (typeof query === 'string' ? query.replace(/^\?/, '') : '').split('&').filter(function (pair) {
        var key = pair.split('=')[0];
        return pair !== '' && key !== 'embed' && key !== 'embed_id';
      });
      var search = ['embed=1'].concat(kept).join('&');
      var frame = new URL('index.html?' + search, site).href;
      var script = new URL('embed.js', site).href;
      return '<iframe src="' + escapeAttribute(frame) + '" title="' + EMBED_TITLE + '" loading="lazy" ' +
        'allow="clipboard-write" style="width:100%;height:' + EMBED_START_HEIGHT + 'px;border:0" ' +
        'data-teams-calculator></iframe>\n<script src="' + escapeAttribute(script) + '" async></script>';
    } catch (e) {
      return '';
    }
  };

  // [SECTION] Height messages to the host, when framed
  var framed;
  try {
    framed = window.parent && window.parent !== window;
  } catch (e) {
    framed = false;
  }
  if (!framed) return;

  var frameId = linkFrameId();
  var lastSent = -1;
  var pending = false;
  // Until the calculator has laid itself out, the page's height follows the frame's (the canvas fills
  // the viewport): posting it would grow the frame step by step. So nothing is sent before the
  // module has measured its content (its first frame's layout, announced by calculator.js with a
  // "teams-calculator:layout" event), or the page's API says ready (or that it fell back to HTML),
  // or the page turns out to have no such API. The layout comes first, and matters: a frame out of
  // view (below the fold, and cross-origin or sandboxed) is shown no frame by the browser until it
  // is scrolled to, so waiting for ready would leave it at its starting height, then jump.
  var started = false;

  // The link's embed_id, for hosts that tell several calculators apart in their own scripts.
  function linkFrameId() {
    try {
      var id = new URLSearchParams(window.location.search).get('embed_id') || '';
      return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : '';
    } catch (e) {
      return '';
    }
  }

  function moduleHeight() {
    try {
      var api = window.teamsCalculator;
      var height = api && typeof api.contentHeight === 'function' ? Number(api.contentHeight()) : 0;
      return isFinite(height) ? height : 0;
    } catch (e) {
      return 0;
    }
  }

  // The height the whole page needs, in CSS px, without scrolling inside the frame. The page's API
  // gives it when it can (teamsCalculator.contentHeight()); otherwise the document is measured.
  function contentHeight() {
    try {
      var api = window.teamsCalculator;
      if (api && typeof api.contentHeight === 'function') {
        var fromApi = Number(api.contentHeight());
        if (isFinite(fromApi) && fromApi > 0) return Math.max(fromApi, documentHeight());
      }
    } catch (e) {
      // Fall back to measuring.
    }
    return documentHeight();
  }

  // The bottom edge of everything drawn in the body, measured the same way whatever the frame's
  // height: scrollHeight is not, as it never falls below the frame's height, and a measure that
  // depends on the frame's height can make the frame and its content chase each other. Fixed
  // elements are left out for the same reason.
  function documentHeight() {
    var body = document.body;
    if (!body) return document.documentElement.scrollHeight;
    var bottom = body.getBoundingClientRect().bottom;
    var children = body.children;
    for (var i = 0; i < children.length; ++i) {
      var margin = parseFloat(window.getComputedStyle(children[i]).marginBottom) || 0;
      bottom = Math.max(bottom, children[i].getBoundingClientRect().bottom + margin);
    }
    var all = body.getElementsByTagName('*');
    for (var j = 0; j < all.length; ++j) {
      var element = all[j];
      if (element.offsetParent === null && window.getComputedStyle(element).position === 'fixed') continue;
      // What is there for screen readers alone (the mirror table) is clipped to a pixel: its rows'
      // boxes would make a compact embed as tall as the table.
      if (element.closest && element.closest('.visually-hidden')) continue;
      var rect = element.getBoundingClientRect();
      if (rect.width > 0 || rect.height > 0) bottom = Math.max(bottom, rect.bottom);
    }
    var bodyStyle = window.getComputedStyle(body);
    bottom += (parseFloat(bodyStyle.marginBottom) || 0) + (parseFloat(bodyStyle.paddingBottom) || 0);
    return bottom + (window.scrollY || 0);
  }

  function post(force) {
    pending = false;
    if (!started) return;
    var height;
    try {
      height = Math.ceil(contentHeight());
    } catch (e) {
      return;
    }
    if (!isFinite(height) || height <= 0) return;
    if (!force && height === lastSent) return;
    lastSent = height;
    try {
      // '*': the height is not secret, and a sandboxed frame cannot name its parent's origin anyway.
      window.parent.postMessage({ type: HEIGHT_MESSAGE, version: PROTOCOL_VERSION, height: height, id: frameId }, '*');
    } catch (e) {
      // The parent went away.
    }
  }

  // Several changes in one task (layout, resize, the module's own height) post once. A timer rather
  // than requestAnimationFrame: browsers pause animation frames in frames scrolled out of view.
  function schedule() {
    if (pending) return;
    pending = true;
    setTimeout(function () { post(false); }, 0);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || typeof data !== 'object') return;
    if (data.type === REQUEST_MESSAGE && data.version === PROTOCOL_VERSION) post(true);
    if (data.type === BAND_MESSAGE && data.version === BAND_VERSION) passBand(data);
  });

  // The host's visible band goes to calculator.js (which sizes the canvas) as a DOM event, with the
  // three numbers checked and nothing else of the message.
  function passBand(data) {
    var ok = function (v) { return typeof v === 'number' && isFinite(v) && v >= 0 && v <= MAX_PX; };
    if (!ok(data.top) || !ok(data.height) || !ok(data.viewportHeight) || data.viewportHeight < 1) return;
    try {
      window.dispatchEvent(new CustomEvent('teams-calculator:visible-band', {
        detail: { top: data.top, height: data.height, viewportHeight: data.viewportHeight }
      }));
    } catch (e) {
      // No CustomEvent: the canvas stays as tall as the frame.
    }
  }
  // A resize of the frame itself (the host's styles, a clamped value) gets the true height again.
  window.addEventListener('resize', function () { post(true); });
  window.addEventListener('load', schedule);
  // The module's content height, from its first frame on: start with it, and follow its changes
  // (they may not resize the body in a frame the browser is not showing).
  window.addEventListener('teams-calculator:layout', function () {
    if (!started && moduleHeight() > 0) started = true;
    schedule();
  });

  function observe() {
    if (typeof ResizeObserver === 'function') {
      try {
        var observer = new ResizeObserver(schedule);
        observer.observe(document.documentElement);
        if (document.body) observer.observe(document.body);
      } catch (e) {
        // Measured on resize and load only.
      }
    }
    function start() {
      started = true;
      post(true);
    }
    try {
      var api = window.teamsCalculator;
      if (api && api.ready && typeof api.ready.then === 'function') {
        api.ready.then(start, start);
        return;
      }
    } catch (e) {
      // No page API: measure the document as it is.
    }
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start);
  }
  // Deferred scripts run before DOMContentLoaded, when the page's API may not exist yet.
  var observing = false;
  function observeOnce() {
    if (observing) return;
    observing = true;
    observe();
  }
  if (document.readyState === 'complete') observeOnce();
  else {
    document.addEventListener('DOMContentLoaded', observeOnce);
    window.addEventListener('load', observeOnce);
  }
})();
