// The calculator's pictures as plain geometry: the gap to today, the scale-up path and 100 babies.
// Computed once here; the canvas (web/chart_draw.cpp, ImGui's draw list) and the SVG writer
// (chart_svg.h) only draw what this returns, so every picture says the same numbers everywhere.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "estimator.h"
#include "scenario.h"
#include "text_wrap.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace teams {

// What a mark is for; each renderer maps a role to its theme's colour.
enum class ChartRole { Text, TextDim, Accent, AccentSoft, Gap, Risk, Grid, Panel };

enum class MarkKind { Rect, Line, Circle, Label };
// Where a label is pinned: its start, middle or end at `ax` (for renderers that align text themselves).
enum class TextAnchor { Start, Middle, End };

// One thing to draw, in the chart's own units (CSS pixels), from ChartLayout's origin.
struct ChartMark {
    MarkKind kind = MarkKind::Rect;
    ChartRole role = ChartRole::Text;
    float alpha = 1;      // times the role's own opacity
    float x0 = 0, y0 = 0; // Rect: top-left. Line: start. Circle: centre. Label: top-left of its first line.
    float x1 = 0, y1 = 0; // Rect: bottom-right. Line: end.
    float radius = 0;     // Circle; Rect: corner rounding
    float thickness = 0;  // Line; Circle: outline width (0: filled)
    std::string text;     // Label: UTF-8, never markup; lines split by '\n', line_height apart
    TextAnchor anchor = TextAnchor::Start; // Label: x0 is where it starts as measured; ax is its anchor
    float ax = 0;
};

// A point a pointer can ask about (hover, tap): its place, the band around it that picks it, and what
// a readout says there. The canvas draws the readout; the SVG writer gives each band a <title>.
struct ChartPoint {
    float x = 0, y = 0;   // the point (the straight line's, where two paths share a year)
    float x0 = 0, x1 = 0; // the band that picks it: from halfway to the previous point to halfway to the next
    float y0 = 0, y1 = 0; // the plot's top and bottom
    std::string text;     // "Year 3: 257 teams (straight line), 167 (steady growth)"
};

struct Chart {
    std::string id;          // "gap", "scale_up", "babies": file names and element ids
    std::string title;       // the heading above it: "Today against the need"
    std::string description; // the picture in one sentence, for screen readers and alt text
    float width = 0;
    float height = 0;
    float text_size = 13.5f;          // the labels' font size (the line height they were laid out with)
    float origin_x = 0, origin_y = 0; // the layout's origin: subtract it for the chart's own frame
    std::vector<ChartMark> marks;     // in drawing order
    std::vector<ChartPoint> points;   // the scale-up chart's years, for a readout on hover or tap
};

// Breaks a sentence into lines ('\n') to fit a width, as the renderer will show it.
using WrapText = std::function<std::string(std::string_view text, float width)>;

// How the renderer that will draw the chart lays text out, and where. Labels use the small font.
struct ChartLayout {
    float line_height = 13.5f;   // the small font's line height (its size in ImGui)
    MeasureText measure;         // width of a piece of text in the small font
    WrapText wrap;               // optional: how sentences break (default: WrapAtSpaces with measure)
    float body_line_height = 16; // the body font's line height (the babies chart's key rows)
    float item_spacing = 8;      // vertical gap between stacked blocks (ImGui's ItemSpacing.y)
    // The chart's top-left corner in the renderer's coordinates. Marks are computed there, in the
    // same order of operations as the canvas always drew them, so its pixels do not move.
    float origin_x = 0;
    float origin_y = 0;
};

// A rough measure for renderers without a font at hand (the SVG writer): Inter at 13.5 px
// averages a little over half its size per character.
ChartLayout ApproximateLayout();

// Today's teams (and those in development) against the teams needed, on one scale.
Chart GapChart(const Scenario& scenario, const Results& results, float width, const ChartLayout& layout);
// Teams year by year from today to the target: straight line and steady growth. Its axes are titled
// (kScaleUpXTitle, kScaleUpYTitle) and its dashed target line is labelled ("398 needed",
// ScaleUpTargetText); each year is a point with a readout.
inline constexpr const char* kScaleUpXTitle = "Years from now";
inline constexpr const char* kScaleUpYTitle = "Teams";
inline constexpr float kScaleUpHeight = 250; // CSS px at the default text size: legend, titles and plot
std::string ScaleUpTargetText(const Results& results);
Chart ScaleUpChart(const Scenario& scenario, const Results& results, float width, float height,
                   const ChartLayout& layout);
// 100 babies aged 0-2: how many are at risk and how many the teams would reach. A 10 x 10 grid as
// wide as the chart, up to kBabiesCellMax px a baby.
inline constexpr float kBabiesCellMax = 48;
Chart BabiesChart(const Scenario& scenario, const Results& results, float width, const ChartLayout& layout);

// Which assumption matters most: for each ranged assumption (largest swing first), a bar from the
// teams needed at its low to those at its high, the others held, around today's answer
// (src/tornado_chart.cpp). An empty chart (height 0) when nothing is ranged.
Chart TornadoChart(const Scenario& scenario, const Results& results, float width, const ChartLayout& layout);

// The three, as the page shows them, for the downloads and the brief.
std::vector<Chart> AllCharts(const Scenario& scenario, const Results& results, float width, const ChartLayout& layout);

// 1, 2 or 5 times a power of ten, at least `rough` (1 when rough is not positive).
double NiceStep(double rough);

} // namespace teams
