// The fallback when the clipboard is refused (a browser or host page that blocks it): a read-only
// field under the share buttons holding the text, selected, to copy by hand (Ctrl+C or a long press).
// window.teamsCopyPanel(text) opens it; Close or Escape closes it. Text only, never markup.
(function () {
  'use strict';

  var container = document.getElementById('calculator');
  var panel = null;

  function close() {
    if (panel) panel.remove();
    panel = null;
  }

  window.teamsCopyPanel = function (text) {
    if (!container) return;
    close();
    text = String(text);
    // Under the share buttons, in the content's coordinates (the canvas scrolls the content under it).
    var top = 0;
    var left = 8;
    try {
      var anchor = window.teamsCalculator && window.teamsCalculator.widgetRect('copy_link');
      var origin = container.getBoundingClientRect();
      if (anchor) {
        top = anchor.y - origin.top + anchor.height + 8;
        left = Math.max(8, anchor.x - origin.left);
      }
    } catch (e) {
      top = 0;
    }
    panel = document.createElement('div');
    panel.className = 'copy-panel';
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', 'Copy by hand');
    panel.style.left = left + 'px'; // the rest is .copy-panel in style.css
    panel.style.top = Math.max(0, top) + 'px';
    var label = document.createElement('p');
    label.textContent = 'Copying was blocked here. Select the text and copy it:';
    label.style.margin = '0 0 6px';
    var area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.rows = text.length > 120 ? 5 : 2;
    area.setAttribute('aria-label', 'Text to copy');
    area.style.width = '100%';
    area.style.boxSizing = 'border-box';
    area.style.font = '14px/1.4 ui-monospace, monospace';
    area.addEventListener('focus', function () { area.select(); });
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Close';
    button.style.font = 'inherit';
    button.style.minHeight = '44px';
    button.style.marginTop = '6px';
    button.addEventListener('click', close);
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') close();
    });
    panel.appendChild(label);
    panel.appendChild(area);
    panel.appendChild(button);
    container.appendChild(panel);
    try { area.focus({ preventScroll: true }); } catch (e) { area.focus(); }
    area.select();
  };
})();
