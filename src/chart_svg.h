// The SVG renderer for the chart model (chart_model.h): the downloads, the printed brief and the CLI.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "chart_model.h"

#include <string>

namespace teams {

struct SvgOptions {
    bool standalone = true; // an .svg file (XML declaration, xmlns) rather than an <svg> inside HTML
    std::string subject;    // the area or scenario, put in the picture's title: "Testshire: Scaling up"
    float scale = 1;        // output size over the chart's own size (the viewBox stays the chart's)
};

// The chart as SVG in the light theme's colours. Every text is escaped (EscapeXml).
std::string ChartSvg(const Chart& chart, const SvgOptions& options = {});

// Several charts in one SVG file, one under another, each under its title: "Download pictures".
std::string ChartsSvg(const std::vector<Chart>& charts, const std::string& subject);

} // namespace teams
