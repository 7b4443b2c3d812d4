// Host-page script for embedded calculators: include it once, anywhere on the page, and every
// calculator iframe sizes itself to its content (no inner scrollbar, no scroll trap). It touches
// nothing but the height of those iframes, needs no inline script and reads no cookies or storage.
//
//   <iframe src="https://example.org/calculator/index.html?embed=1&prevalence=10"
//           title="Parent-infant teams calculator" loading="lazy" allow="clipboard-write"
//           style="width:100%;border:0" data-teams-calculator></iframe>
//   <script src="https://example.org/calculator/embed.js" async></script>
//
// The message protocol, all plain objects sent with window.postMessage. Each message type carries its
// own version; a receiver ignores a type or a version it does not know, so hosts and calculators of
// different ages work together (a calculator that gets no visible-band message draws as before).
//
//   calculator -> host  {type: "teams-calculator:height", version: 1, height: <CSS px>, id: <string>}
//       sent by embed_child.js as soon as the calculator has laid itself out (its first frame's
//       layout, before the browser shows that frame: a frame below the fold, which the browser may
//       not draw until it is scrolled to, still gets its real height early and the page does not
//       jump), and again whenever the content height changes. `id` is the link's embed_id
//       parameter (or ""), for hosts' own listeners; this script finds the frame by event.source
//       and ignores `id`.
//   host -> calculator  {type: "teams-calculator:request-height", version: 1}
//       sent by this script when it starts and when a calculator frame loads, so a height posted
//       before this script arrived (it loads async) is sent again.
//   host -> calculator  {type: "teams-calculator:visible-band", version: 1, top: <CSS px>,
//                        height: <CSS px>, viewportHeight: <CSS px>}   (added in 2026)
//       which band of the frame is in the host's viewport: from `top` (frame px from the frame's top)
//       for `height` px (0 when the frame is out of view; then `top` is its nearer edge), and the
//       host viewport's height. Sent at start, on the host's scroll and resize (at most once per
//       animation frame) and after each resize of the frame. The calculator then draws a canvas the
//       size of the viewport with some overscan at the full pixel ratio, moved to that band, rather
//       than one as tall as the whole frame.
//
// A height message is accepted only when event.source is the window of an iframe on this page whose
// src has the origin this script was loaded from, and event.origin is that origin too, or "null" for
// a frame sandboxed without allow-same-origin (its messages always come from the opaque origin).
// Nothing from the message is used but its height, as a number clamped to [MIN_HEIGHT, MAX_HEIGHT].
// After resizing, the iframe receives a "teams-calculator:resize" DOM event ({detail: {height}}).
(function () {
  'use strict';

  var HEIGHT_MESSAGE = 'teams-calculator:height';
  var REQUEST_MESSAGE = 'teams-calculator:request-height';
  var BAND_MESSAGE = 'teams-calculator:visible-band';
  var PROTOCOL_VERSION = 1; // of the height messages
  var BAND_VERSION = 1;
  var MIN_HEIGHT = 80;     // CSS px: never collapse a frame to nothing
  var MAX_HEIGHT = 30000;  // CSS px: a runaway or hostile value cannot make the host page endless

  // Included twice by mistake: the first copy does the work.
  if (window.teamsCalculatorEmbed) return;

  // The origin this script came from: the calculator's. Without it (inlined, or an odd loader) the
  // page's own origin stands in, which is right when the host serves the calculator itself.
  var calculatorOrigin = originOf(document.currentScript && document.currentScript.src) || originOf(location.href);

  function originOf(url) {
    if (!url) return null;
    try {
      var origin = new URL(url, location.href).origin;
      return origin && origin !== 'null' ? origin : null;
    } catch (e) {
      return null;
    }
  }

  // A frame whose every message comes from the opaque origin "null": sandboxed without allow-same-origin.
  function isOpaqueSandbox(frame) {
    if (!frame.hasAttribute('sandbox')) return false;
    var tokens = (frame.getAttribute('sandbox') || '').toLowerCase().split(/\s+/);
    return tokens.indexOf('allow-same-origin') < 0;
  }

  function isCalculatorFrame(frame) {
    return originOf(frame.src) === calculatorOrigin;
  }

  function calculatorFrames() {
    var frames = document.getElementsByTagName('iframe');
    var found = [];
    for (var i = 0; i < frames.length; ++i) {
      if (isCalculatorFrame(frames[i])) found.push(frames[i]);
    }
    return found;
  }

  function frameForSource(source) {
    if (!source) return null;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; ++i) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function clampHeight(value) {
    if (typeof value !== 'number' || !isFinite(value)) return null;
    return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(value)));
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== HEIGHT_MESSAGE || data.version !== PROTOCOL_VERSION) return;
    var frame = frameForSource(event.source);
    if (!frame || !isCalculatorFrame(frame)) return;
    var fromCalculator = event.origin === calculatorOrigin || (event.origin === 'null' && isOpaqueSandbox(frame));
    if (!fromCalculator) return;
    var height = clampHeight(data.height);
    if (height === null) return;
    if (frame.style.height === height + 'px') return;
    frame.style.height = height + 'px';
    try {
      frame.dispatchEvent(new CustomEvent('teams-calculator:resize', { detail: { height: height } }));
    } catch (e) {
      // Very old browsers without CustomEvent: the resize itself has happened.
    }
    sendBand(frame, true);
  }

  // [SECTION] The visible band of each calculator frame
  var sentBands = typeof WeakMap === 'function' ? new WeakMap() : null;
  function sendBand(frame, force) {
    if (!sentBands || !frame.contentWindow) return;
    var rect = frame.getBoundingClientRect();
    var viewport = window.innerHeight || document.documentElement.clientHeight || 0;
    var frameTop = rect.top + (frame.clientTop || 0);
    var frameHeight = frame.clientHeight || rect.height;
    var top = Math.min(Math.max(0, -frameTop), frameHeight);
    var bottom = Math.min(Math.max(0, viewport - frameTop), frameHeight);
    var band = { type: BAND_MESSAGE, version: BAND_VERSION, top: Math.floor(top),
      height: Math.ceil(Math.max(0, bottom - top)), viewportHeight: Math.ceil(viewport) };
    var key = band.top + ' ' + band.height + ' ' + band.viewportHeight;
    if (!force && sentBands.get(frame) === key) return;
    sentBands.set(frame, key);
    try {
      // '*': as for the height request; a sandboxed frame's origin is opaque.
      frame.contentWindow.postMessage(band, '*');
    } catch (e) {
      // A frame that is going away.
    }
  }

  var bandPending = false;
  function scheduleBands() {
    if (bandPending) return;
    bandPending = true;
    var run = function () {
      bandPending = false;
      var frames = calculatorFrames();
      for (var i = 0; i < frames.length; ++i) sendBand(frames[i], false);
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 16);
  }

  function requestHeight(frame) {
    try {
      // '*': a sandboxed frame's origin is opaque, and the request carries nothing private.
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: REQUEST_MESSAGE, version: PROTOCOL_VERSION }, '*');
    } catch (e) {
      // A frame that is going away.
    }
  }

  // Frames that load later (loading="lazy", added by the host's scripts) ask for themselves by posting
  // their height once they start; the load listener covers a frame reloaded or navigated back.
  var watched = typeof WeakSet === 'function' ? new WeakSet() : null;
  function watchFrame(frame) {
    if (!watched || watched.has(frame)) return;
    watched.add(frame);
    frame.addEventListener('load', function () {
      requestHeight(frame);
      sendBand(frame, true);
    });
  }

  function start() {
    var frames = calculatorFrames();
    for (var i = 0; i < frames.length; ++i) {
      watchFrame(frames[i]);
      requestHeight(frames[i]);
      sendBand(frames[i], true);
    }
  }

  window.addEventListener('message', onMessage);
  // Capture: scrolling boxes of the host's own move frames too.
  document.addEventListener('scroll', scheduleBands, { passive: true, capture: true });
  window.addEventListener('resize', scheduleBands);
  window.teamsCalculatorEmbed = { version: PROTOCOL_VERSION, origin: calculatorOrigin, refresh: start };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
