// Typing an exact value (web/value_field.h): a tap or click on an assumption's value opens a real
// <input inputmode="decimal"> over it, since a canvas cannot raise a phone's keyboard. Enter or
// leaving the field applies the value through the calculator's own validation (junk refused,
// out-of-range clamped, both named in the notice and under the field); Escape cancels.
// The field opens inside the tap's own event handler so phones raise the keyboard. Text only, no markup.
(function () {
  'use strict';

  var TAP_SLOP = 8;   // CSS px a finger may move and still tap (as web/platform_web.cpp)
  var NOTE_MS = 6000; // how long the message under the field stays

  var module = null;
  var canvas = document.getElementById('calculator-canvas');
  var container = document.getElementById('calculator');
  var field = null;   // the open field: { input, key, shown, label, rect }
  var note = null;    // the message under the field after a refused or clamped value
  var status = null;  // a polite live region for accepted values

  function call(name, returns, types, args) {
    try { return module.ccall(name, returns, types, args); } catch (e) { return null; }
  }

  function json(text) {
    try { return JSON.parse(text || 'null'); } catch (e) { return null; }
  }

  function requestFrame() {
    if (module && module._teams_request_frame) module._teams_request_frame();
  }

  function focusCanvas() {
    try { canvas.focus({ preventScroll: true }); } catch (e) { canvas.focus(); }
  }

  function announce(text) {
    if (!status) {
      status = document.createElement('p');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  // { x, y, width, height } in CSS px from the content's top-left (the #calculator box).
  function contentRect(name) {
    var r = json(call('teams_widget_rect', 'string', ['string'], [name]));
    return r ? { x: r[0], y: r[1], width: r[2], height: r[3] } : null;
  }

  function showNote(r, text) {
    if (note) note.remove();
    note = document.createElement('p');
    note.className = 'value-note';
    note.setAttribute('role', 'alert');
    note.textContent = text;
    note.style.top = (r.y + r.height + 4) + 'px'; // the rest is .value-note in style.css
    container.appendChild(note);
    var shown = note;
    setTimeout(function () {
      if (note === shown) {
        note.remove();
        note = null;
      }
    }, NOTE_MS);
  }

  function close(apply) {
    if (!field) return;
    var f = field;
    field = null;
    var text = f.input.value;
    f.input.remove();
    // An untouched field changes nothing (its text may be rounded: 33.333333 for a third).
    if (apply && text.trim() !== f.shown) {
      var answer = json(call('teams_apply_typed_value', 'string', ['string', 'string'], [f.key, text]));
      if (answer && answer.problems && answer.problems.length) {
        showNote(f.rect, answer.problems.join(' '));
        // The page's notice (filled by the calculator) speaks of the link until now.
        var heading = document.querySelector('#notice p');
        if (heading) heading.textContent = 'A value could not be used as typed:';
      }
      else if (answer && answer.ok) announce(f.label + ': ' + answer.text);
    }
    requestFrame();
  }

  // Up to 6 decimals and no binary tails: 15, 33.333333, 595948.
  function plainNumber(value) {
    return String(Math.round(value * 1e6) / 1e6);
  }

  function open(key) {
    close(true);
    var info = json(call('teams_value_field', 'string', ['string'], [key]));
    var r = contentRect('value_' + key);
    if (!info || !r) return;
    var input = document.createElement('input');
    input.type = 'text';
    input.className = 'value-field';
    input.setAttribute('inputmode', 'decimal');
    input.setAttribute('enterkeyhint', 'done');
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('spellcheck', 'false');
    input.setAttribute('aria-label', info.label + ' (' + info.range + ')');
    input.setAttribute('data-key', key);
    // A count that is not known opens empty; leaving it empty keeps it not known.
    var shown = info.value === null ? '' : plainNumber(info.value);
    input.value = shown;
    if (info.value === null) input.setAttribute('placeholder', 'not known');
    var width = Math.max(150, Math.min(r.width, 220));
    var height = Math.max(44, r.height);
    var s = input.style; // where it goes; how it looks is .value-field in style.css
    s.left = Math.max(0, r.x + r.width - width) + 'px';
    s.top = (r.y + (r.height - height) / 2) + 'px';
    s.width = width + 'px';
    s.height = height + 'px';
    field = { input: input, key: key, shown: shown, label: info.label, rect: r };
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === 'Escape') {
        e.preventDefault();
        close(e.key === 'Enter');
        // The keyboard goes back to the slider's stand-in (shell/controls_layer.js), else the canvas.
        if (!(window.teamsControls && window.teamsControls.focus(key))) focusCanvas();
      }
    });
    input.addEventListener('blur', function () {
      if (field && field.input === input) close(true);
    });
    container.appendChild(input);
    try { input.focus({ preventScroll: true }); } catch (e) { input.focus(); }
    input.select();
  }

  // The assumption whose value is under a point of the viewport, or ''.
  function valueAt(clientX, clientY) {
    if (!module) return '';
    var origin = container.getBoundingClientRect();
    return call('teams_value_target_at', 'string', ['number', 'number'], [clientX - origin.left, clientY - origin.top]) || '';
  }

  var touchStart = null;
  function onTouchStart(e) {
    touchStart = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
  }
  function onTouchEnd(e) {
    var start = touchStart;
    touchStart = null;
    if (!start || e.changedTouches.length !== 1) return;
    var t = e.changedTouches[0];
    if (Math.abs(t.clientX - start.x) > TAP_SLOP || Math.abs(t.clientY - start.y) > TAP_SLOP) return;
    var key = valueAt(t.clientX, t.clientY);
    if (key) open(key);
  }
  // Mouse clicks (a tap's own click is cancelled by the calculator's touch handling).
  function onClick(e) {
    var key = valueAt(e.clientX, e.clientY);
    if (key) open(key);
  }

  function attach(mod) {
    if (module || !canvas || !container) return;
    module = mod;
    canvas.addEventListener('touchstart', onTouchStart, { passive: true });
    canvas.addEventListener('touchend', onTouchEnd);
    canvas.addEventListener('click', onClick);
  }

  window.teamsValueField = { attach: attach, open: function (key) { if (module) open(String(key)); } };
})();
