// The calculator's accessible layer: one real DOM control over each control the canvas draws (a
// range input over each slider, buttons, the preset picker as a <select>, the sections' headings,
// each picture with a text alternative, each source's address as a link), transparent and letting the pointer through to the canvas.
// The module sends what changed in its per-frame list of controls (web/controls.h); this file applies
// it to the nodes it keeps, never rebuilding them. What a visitor does to a stand-in (keys, a screen
// reader's increment, a click from the keyboard) goes back as a request that the next frame's drawing
// code answers as it would a click, so there is one way to change the calculator. Text only, no markup.
(function () {
  'use strict';

  var layer = null;
  var module = null;
  var nodes = {};        // key -> { el, role, data, described }
  var order = [];        // keys in the module's (visual) order
  var focusing = false;  // the layer itself is moving DOM focus (from ImGui's navigation)

  function request(key, action, amount) {
    if (!module) return;
    try {
      module.ccall('teams_control_request', null, ['string', 'string', 'number'], [key, action, amount || 0]);
    } catch (e) {
      // The module stopped: the fallback says so.
    }
  }

  function elementFor(role) {
    var el;
    if (role === 'slider') {
      el = document.createElement('input');
      el.type = 'range';
      el.setAttribute('role', 'slider'); // as Flutter's web engine does: Chromium then reads aria-valuetext
    } else if (role === 'select') {
      el = document.createElement('select');
    } else if (role === 'heading') {
      el = document.createElement('h2');
    } else if (role === 'img') {
      el = document.createElement('div');
      el.setAttribute('role', 'img');
    } else if (role === 'link') {
      // A source's address: a real link, opened in a new tab by the browser itself (Enter, a screen
      // reader, the context menu); a click on the canvas opens it through the module.
      el = document.createElement('a');
      el.target = '_blank';
      el.rel = 'noopener noreferrer';
    } else {
      el = document.createElement('button');
      el.type = 'button';
    }
    el.className = 'stand-in';
    return el;
  }

  // On the table's step grid (from min) the input takes the step; off it (33.3% with a step of 1,
  // 595,948 births in steps of 1,000) "any", so the browser never rounds the value it reports.
  function stepFor(c) {
    if (!(c.step > 0)) return 'any';
    var n = (c.value - c.min) / c.step;
    var m = c.min / c.step;
    return Math.abs(n - Math.round(n)) < 1e-6 && Math.abs(m - Math.round(m)) < 1e-6 ? String(c.step) : 'any';
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === '') {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  function hook(node) {
    var el = node.el;
    el.addEventListener('focus', function () {
      if (!focusing) request(node.key, 'focus', 0);
    });
    if (node.role === 'slider') {
      el.addEventListener('keydown', function (e) {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        var c = node.data;
        var handled = true;
        if (e.key === 'ArrowRight' || e.key === 'ArrowUp') request(node.key, 'step', 1);
        else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') request(node.key, 'step', -1);
        else if (e.key === 'PageUp') request(node.key, 'step', 10);
        else if (e.key === 'PageDown') request(node.key, 'step', -10);
        else if (e.key === 'Home') request(node.key, 'set', c.min);
        else if (e.key === 'End') request(node.key, 'set', c.max);
        else if (e.key === 'Enter') request(node.key, 'open', 0);
        else handled = false;
        if (handled) e.preventDefault(); // the calculator steps by its own table, not the browser
      });
      // A screen reader's increment (VoiceOver's swipe up), a switch, or a script setting the value.
      var changed = function () {
        var value = Number(el.value);
        if (isFinite(value) && value !== node.data.value) request(node.key, 'set', value);
      };
      el.addEventListener('input', changed);
      el.addEventListener('change', changed);
    } else if (node.role === 'select') {
      el.addEventListener('change', function () { request(node.key, 'select', el.selectedIndex); });
    } else if (node.role === 'button' || node.role === 'disclosure') {
      el.addEventListener('click', function () { request(node.key, 'press', 0); });
    }
  }

  function describe(node, text) {
    if (!text) {
      if (node.described) {
        node.described.remove();
        node.described = null;
        node.el.removeAttribute('aria-describedby');
      }
      return;
    }
    if (!node.described) {
      node.described = document.createElement('span');
      node.described.id = 'stand-in-description-' + node.key;
      node.described.className = 'visually-hidden';
      layer.appendChild(node.described);
      node.el.setAttribute('aria-describedby', node.described.id);
    }
    if (node.described.textContent !== text) node.described.textContent = text;
  }

  function apply(c) {
    var node = nodes[c.key];
    if (!node || node.role !== c.role) {
      var el = elementFor(c.role);
      el.setAttribute('data-key', c.key);
      if (node) node.el.replaceWith(el);
      else layer.appendChild(el);
      node = { key: c.key, el: el, role: c.role, data: {}, described: node ? node.described : null };
      nodes[c.key] = node;
      hook(node);
    }
    var el2 = node.el;
    var before = node.data;
    var r = c.rect;
    if (!before.rect || before.rect.join() !== r.join()) {
      el2.style.left = r[0] + 'px';
      el2.style.top = r[1] + 'px';
      el2.style.width = Math.max(1, r[2]) + 'px';
      el2.style.height = Math.max(1, r[3]) + 'px';
    }
    if (c.role === 'heading') {
      var tag = c.level === 3 ? 'H3' : 'H2';
      if (el2.tagName !== tag) {
        var h = document.createElement(tag);
        h.className = 'stand-in';
        h.setAttribute('data-key', c.key);
        h.style.cssText = el2.style.cssText;
        el2.replaceWith(h);
        node.el = el2 = h;
      }
      if (el2.textContent !== c.name) el2.textContent = c.name;
    } else if (c.role === 'img') {
      setAttr(el2, 'aria-label', c.name + (c.text ? ': ' + c.text : ''));
    } else if (c.role === 'link') {
      if (el2.textContent !== c.name) el2.textContent = c.name;
      setAttr(el2, 'href', /^https:\/\//.test(String(c.href)) ? c.href : null);
    } else {
      setAttr(el2, 'aria-label', c.name);
    }
    if (c.role === 'slider') {
      setAttr(el2, 'min', c.min);
      setAttr(el2, 'max', c.max);
      setAttr(el2, 'step', stepFor(c));
      if (el2.value !== String(c.value)) el2.value = String(c.value);
      setAttr(el2, 'aria-valuetext', c.text);
    } else if (c.role === 'select') {
      var options = c.options || [];
      if ((before.options || []).join('\n') !== options.join('\n')) {
        var fragment = document.createDocumentFragment();
        for (var i = 0; i < options.length; ++i) {
          var option = document.createElement('option');
          option.textContent = options[i];
          option.value = String(i);
          fragment.appendChild(option);
        }
        el2.replaceChildren(fragment);
      }
      if (el2.selectedIndex !== c.value) el2.selectedIndex = c.value;
    } else if (c.role === 'disclosure') {
      setAttr(el2, 'aria-expanded', c.expanded ? 'true' : 'false');
    } else if (c.role === 'button' && c.text) {
      setAttr(el2, 'aria-label', c.name + ', ' + c.text);
    }
    describe(node, c.description);
    node.data = c;
    // ImGui's own navigation (or a click on the canvas) moved the keyboard's focus: DOM focus follows,
    // so the next Tab goes on from there and a screen reader's focus is on the same control.
    if (c.focused && !before.focused && el2 !== document.activeElement && el2.tabIndex >= 0 &&
        c.role !== 'heading' && c.role !== 'img') {
      // Only while the canvas has DOM focus (it was clicked, or its own arrow-key navigation moved):
      // a stand-in that has DOM focus keeps it, as ImGui's focus follows it a frame later, and a page
      // that has just loaded takes no focus at all.
      var active = document.activeElement;
      if (active && active.id === 'calculator-canvas') {
        focusing = true;
        try { el2.focus({ preventScroll: true }); } catch (e) { el2.focus(); }
        focusing = false;
      }
    }
  }

  function reorder(keys) {
    var keep = {};
    for (var i = 0; i < keys.length; ++i) keep[keys[i]] = true;
    Object.keys(nodes).forEach(function (key) {
      if (keep[key]) return;
      var node = nodes[key];
      if (node.el === document.activeElement) {
        // The focused control went (Reset pressed): the keyboard stays in the calculator.
        var canvas = document.getElementById('calculator-canvas');
        if (canvas) canvas.focus({ preventScroll: true });
      }
      node.el.remove();
      if (node.described) node.described.remove();
      delete nodes[key];
    });
    order = keys.slice();
  }

  // DOM order is the visual order: Tab goes from control to control as the eye reads them.
  function placeInOrder() {
    var previous = null;
    for (var i = 0; i < order.length; ++i) {
      var node = nodes[order[i]];
      if (!node) continue;
      var wanted = previous ? previous.nextElementSibling : layer.firstElementChild;
      while (wanted && wanted.classList.contains('visually-hidden')) wanted = wanted.nextElementSibling;
      if (wanted !== node.el) {
        if (previous) previous.after(node.el);
        else layer.prepend(node.el);
      }
      previous = node.el;
    }
  }

  function update(text) {
    layer = layer || document.getElementById('calculator-controls');
    if (!layer) return;
    var message;
    try { message = JSON.parse(text); } catch (e) { return; }
    if (message.order) reorder(message.order);
    var set = message.set || [];
    for (var i = 0; i < set.length; ++i) apply(set[i]);
    if (message.order) placeInOrder();
  }

  window.teamsControls = {
    attach: function (instance) { module = instance; },
    update: update,
    // Moves DOM focus to a control's stand-in (the number field gives the keyboard back this way).
    focus: function (key) {
      var node = nodes[key];
      if (!node) return false;
      try { node.el.focus({ preventScroll: true }); } catch (e) { node.el.focus(); }
      return document.activeElement === node.el;
    },
    // For tests and tours: the stand-in of a control, or null.
    element: function (key) {
      var node = nodes[key];
      return node ? node.el : null;
    }
  };
})();
