// The printed one-page brief for MPs and commissioners: the answer, today's teams and the gap, the
// gap and scale-up pictures (SVG from the chart model), every assumption with its value and source,
// the working, the date, and the link as text and as a QR code. The page fills its print-only
// element with BriefHtml; `teams-needed --brief` writes BriefPage. Every text is escaped.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "estimator.h"
#include "scenario.h"

#include <string>

namespace teams {

struct BriefInput {
    const Scenario& scenario;
    const Results& results;
    std::string link;    // the full calculator's address for this scenario (text and QR code)
    std::string printed; // the date it is printed, as the reader writes dates: "1 December 2026"
};

// The brief's content: one <div class="brief-page"> (no script, no style attributes).
std::string BriefHtml(const BriefInput& input);

// A standalone page around BriefHtml, with the brief's styles (kBriefCss) inline, that prints to
// the same single page (A4 or US Letter).
std::string BriefPage(const BriefInput& input);

// The brief's stylesheet: the block between "brief:begin" and "brief:end" in shell/style.css,
// built in at configure time so the page and the CLI's file look alike.
extern const char* const kBriefCss;

} // namespace teams
