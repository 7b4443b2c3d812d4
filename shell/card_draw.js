// The summary card drawn on a 2D canvas: part of the brief's module (brief.js, linked with
// --post-js, see web/CMakeLists.txt), so none of it is in the first load. The card's words and
// colours come from teams_card_json (src/card.cpp, CardJson); shell/calculator.js calls
// module.loadCardFonts() and then module.drawCard(card, options).

// [SECTION] The summary card's text: lines that fit a width, shortened with an ellipsis.
// A word wider than the width is broken between characters.
function wrapLines(g, text, width) {
  var words = String(text).split(' ');
  var lines = [];
  var line = '';
  for (var i = 0; i < words.length; ++i) {
    var word = words[i];
    var next = line ? line + ' ' + word : word;
    if (g.measureText(next).width <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    while (g.measureText(word).width > width) {
      var cut = word.length - 1;
      while (cut > 1 && g.measureText(word.slice(0, cut)).width > width) --cut;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
  }
  if (line) lines.push(line);
  return lines;
}
function ellipsize(g, text, width) {
  text = String(text);
  if (g.measureText(text).width <= width) return text;
  var keep = text.length;
  while (keep > 0 && g.measureText(text.slice(0, keep).replace(/\s+$/, '') + '\u2026').width > width) --keep;
  return text.slice(0, keep).replace(/\s+$/, '') + '\u2026';
}
// At most maxLines lines; the last one ends in an ellipsis when the text goes on.
function fitLines(g, text, width, maxLines) {
  var lines = wrapLines(g, text, width);
  if (lines.length <= maxLines) return lines;
  var kept = lines.slice(0, maxLines - 1);
  kept.push(ellipsize(g, lines.slice(maxLines - 1).join(' '), width));
  return kept;
}
// The question in at most maxLines lines, the area name shortened first so that "need?" stays.
function questionLines(g, parts, width, maxLines) {
  var whole = wrapLines(g, parts.join(''), width);
  if (whole.length <= maxLines) return whole;
  var low = 0, high = parts[1].length;
  while (low < high) { // the longest start of the area name that fits
    var mid = Math.ceil((low + high) / 2);
    var shortened = parts[0] + parts[1].slice(0, mid).replace(/\s+$/, '') + '\u2026' + parts[2];
    if (wrapLines(g, shortened, width).length <= maxLines) low = mid;
    else high = mid - 1;
  }
  return fitLines(g, parts[0] + parts[1].slice(0, low).replace(/\s+$/, '') + '\u2026' + parts[2], width, maxLines);
}
// The link as people read it: no scheme.
function shortLink(link) {
  return String(link || '').replace(/^https?:\/\//, '');
}

// The calculator's own typeface (the Inter subsets the module draws with) for the summary card,
// loaded the first time a card is made. Where it cannot load (offline, file://, a sandboxed frame)
// the card uses the system's fonts.
var CARD_FONT = 'Teams Inter';
var cardFonts = null;
function loadCardFonts() {
  if (!cardFonts) {
    cardFonts = Promise.resolve().then(function () {
      if (typeof FontFace !== 'function' || !document.fonts) return false;
      var faces = [new FontFace(CARD_FONT, 'url(inter-regular.ttf)', { weight: '400' }),
                   new FontFace(CARD_FONT, 'url(inter-semibold.ttf)', { weight: '600' })];
      return Promise.all(faces.map(function (face) { return face.load(); })).then(function (loaded) {
        loaded.forEach(function (face) { document.fonts.add(face); });
        return true;
      });
    }).catch(function () { return false; });
  }
  return cardFonts;
}

// A 1200 x 630 summary card (the size social media previews use), from CardJson (src/card.cpp, via brief.js;
// words and colours from src/card.cpp): the question, the answer against today, the gap bar, at
// most three key assumptions, the sources, the date and the link. Every text stays inside the 60 px
// margin, none is drawn over a bar, and every text colour is at 4.5:1 on the background.
// options: { date, link } (the link may be '' where the site's address is not known).
function drawCard(card, options) {
  var c = document.createElement('canvas');
  c.width = 1200;
  c.height = 630;
  var g = c.getContext('2d');
  var colours = card.colours;
  var font = '"' + CARD_FONT + '", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var left = 60, width = 1080;
  var text = function (line, x, y) { g.fillText(line, x, y); };
  g.fillStyle = colours.background;
  g.fillRect(0, 0, 1200, 630);
  g.textBaseline = 'alphabetic';

  // The question, then the answer, large, and how it stands against today.
  g.fillStyle = colours.text;
  g.font = '600 32px ' + font;
  var question = questionLines(g, card.question, width, 2);
  for (var i = 0; i < question.length; ++i) text(question[i], left, 92 + i * 40);
  var y = 92 + (question.length - 1) * 40 + 112;
  g.fillStyle = colours.answer;
  var size = 104;
  g.font = '600 ' + size + 'px ' + font;
  while (size > 40 && g.measureText(card.answer).width > width) g.font = '600 ' + (size -= 4) + 'px ' + font;
  text(ellipsize(g, card.answer, width), left - 3, y);
  g.fillStyle = colours.gap;
  g.font = '600 28px ' + font;
  text(ellipsize(g, card.against, width), left, y + 46);
  if (card.compared) { // the side-by-side pair: A's answer beside this one
    g.fillStyle = colours.text;
    g.font = '20px ' + font;
    text(ellipsize(g, card.compared, width), left, y + 76);
  }

  // Today against the need, on one scale, each bar under its label.
  var barWidth = 540;
  var today = card.today === null ? 0 : card.today; // null: not known, no bar
  var scale = barWidth / Math.max(card.needed, today + card.developing, 1);
  var bar = function (label, top, fill) {
    g.fillStyle = colours.text;
    g.font = '600 20px ' + font;
    text(ellipsize(g, label, barWidth), left, top);
    g.fillStyle = colours.track;
    g.fillRect(left, top + 10, barWidth, 26);
    fill(top + 10);
  };
  bar(card.today_label, 352, function (top) {
    if (card.today === null) return;
    g.fillStyle = colours.today_bar;
    g.fillRect(left, top, Math.max(3, today * scale), 26);
    g.fillStyle = colours.developing_bar;
    g.fillRect(left + today * scale, top, card.developing * scale, 26);
  });
  bar(card.needed_label, 422, function (top) {
    g.fillStyle = colours.needed_bar;
    g.fillRect(left, top, Math.max(3, card.needed * scale), 26);
  });

  // At most three key assumptions, beside the bars.
  var column = 650, columnWidth = 1140 - column;
  g.fillStyle = colours.text;
  g.font = '600 20px ' + font;
  text('Key assumptions', column, 352);
  g.font = '20px ' + font;
  var ay = 384;
  for (var k = 0; k < card.assumptions.length && k < 3; ++k) {
    var lines = fitLines(g, card.assumptions[k][0] + ': ' + card.assumptions[k][1], columnWidth, ay + 24 <= 520 ? 2 : 1);
    for (var l = 0; l < lines.length; ++l) text(lines[l], column, ay + l * 24);
    ay += lines.length * 24 + 8;
  }

  // The sources, then the link and the date.
  g.fillStyle = colours.muted;
  g.font = '16px ' + font;
  var source = fitLines(g, card.source, width, 2);
  for (var s = 0; s < source.length; ++s) text(source[s], left, 546 + s * 20);
  var date = String(options.date || '');
  var dateWidth = g.measureText(date).width;
  text(date, left + width - dateWidth, 586);
  var link = shortLink(options.link);
  if (link) text(ellipsize(g, link, width - dateWidth - 32), left, 586);
  return c;
}

Module['drawCard'] = drawCard;
Module['loadCardFonts'] = loadCardFonts;
