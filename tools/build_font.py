#!/usr/bin/python3
"""Builds the calculator's fonts: small TrueType subsets of Debian's fonts-inter, and a C++ file that
holds them as byte arrays so the WebAssembly binary needs no font download.

Needs Debian's python3-fonttools and fonts-inter (run with /usr/bin/python3: a pyenv Python does not
see Debian's fontTools). Usage: build_font.py OUT_DIR
Writes OUT_DIR/inter-regular.ttf, OUT_DIR/inter-semibold.ttf and OUT_DIR/font_data.cpp.
"""
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

INTER_DIR = os.environ.get("INTER_DIR", "/usr/share/fonts/opentype/inter")

# Text: ASCII, Latin-1 (accents for place names), Welsh w/y circumflexes, and the typography the app
# and the briefing use: – — ‘ ’ “ ” • … × ÷ ≈ − ≤ ≥ ≠ → £ €; and □, drawn for any character the
# subset lacks (emoji, other scripts) instead of ImGui's '?', which would read as part of the text.
TEXT_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x152, 0x153), (0x174, 0x178), (0x2013, 0x2014),
               (0x2018, 0x201A), (0x201C, 0x201E), (0x2022, 0x2022), (0x2026, 0x2026),
               (0x20AC, 0x20AC), (0x2190, 0x2193), (0x2212, 0x2212), (0x2248, 0x2248),
               (0x2260, 0x2260), (0x2264, 0x2265), (0x25A1, 0x25A1)]
# Headings and the big number: ASCII and the few symbols headlines use.
HEADING_RANGES = [(0x20, 0x7E), (0xD7, 0xD7), (0x2013, 0x2014), (0x2019, 0x2019), (0x2248, 0x2248),
                  (0x2212, 0x2212), (0xA3, 0xA3)]


def codepoints(ranges):
    return [cp for lo, hi in ranges for cp in range(lo, hi + 1)]


def subset_font(path, ranges):
    options = subset.Options()
    options.layout_features = []  # ImGui uses no OpenType layout (no kerning, no ligatures)
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [1, 2]  # family and style; drops the long licence text (fonts-inter is OFL)
    options.notdef_outline = True
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "STAT", "DSIG", "BASE"]
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints(ranges))
    subsetter.subset(font)
    return font


def cff_to_truetype(font, max_err=1.0):
    """Replaces CFF outlines by quadratic TrueType ones (stb_truetype's best-trodden path)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["post"].formatType = 3.0  # no glyph names: smaller
    del font["CFF "]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0


def c_array(name, data):
    lines = [f"extern const unsigned char {name}[];",
             f"const unsigned char {name}[] = {{"]
    for i in range(0, len(data), 24):
        lines.append("    " + ",".join(str(b) for b in data[i:i + 24]) + ",")
    lines.append("};")
    lines.append(f"extern const unsigned int {name}Size;")
    lines.append(f"const unsigned int {name}Size = {len(data)};")
    return "\n".join(lines)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: build_font.py OUT_DIR")
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    # The largest error of the quadratic outlines, in font units (Inter: 2,816 to the em). The regular
    # face is drawn at 20 CSS px at most (60 device px at ratio 3), where 4 units are 0.09 px; the
    # semibold face also draws the 60 px answer (180 device px), so it keeps 1 unit (0.06 px there).
    fonts = [("inter-regular.ttf", "Inter-Regular.otf", TEXT_RANGES, "kFontRegular", 4.0),
             ("inter-semibold.ttf", "Inter-SemiBold.otf", HEADING_RANGES, "kFontSemiBold", 1.0)]
    parts = ["// Inter (SIL Open Font License 1.1, Debian's fonts-inter), subset by tools/build_font.py.",
             "// Built at build time; do not edit."]
    for out_name, source_name, ranges, symbol, max_err in fonts:
        font = subset_font(os.path.join(INTER_DIR, source_name), ranges)
        cff_to_truetype(font, max_err)
        path = os.path.join(out_dir, out_name)
        font.save(path)
        with open(path, "rb") as f:
            parts.append(c_array(symbol, f.read()))
    tmp = os.path.join(out_dir, "font_data.cpp.tmp")
    with open(tmp, "w") as f:
        f.write("\n".join(parts) + "\n")
    os.replace(tmp, os.path.join(out_dir, "font_data.cpp"))


if __name__ == "__main__":
    main()
