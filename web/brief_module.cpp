// The printed brief and the downloaded pictures as a WebAssembly module of their own (brief.js, see
// shell/calculator.js): the page loads it after the calculator's first frame, so the brief, the SVG
// writer, the markup escaping and the QR code are not in the first load. No ImGui, no WebGL and no
// page state: the scenario comes in as the link's query, the text the address bar holds, so the
// brief and the pictures describe exactly the scenario their link (and QR code) opens.
#include "brief.h"
#include "chart_model.h"
#include "chart_svg.h"
#include "estimator.h"
#include "url_codec.h"

#include <emscripten.h>

#include <string>

namespace {

// The last string handed to JavaScript: kept until the next call, as ccall copies it out at once.
const char* Answer(std::string text) {
    static std::string answer;
    answer = std::move(text);
    return answer.c_str();
}

teams::Scenario FromQuery(const char* query) {
    return teams::ScenarioFromQuery(query ? query : "", teams::Scenario{}).scenario;
}

} // namespace

extern "C" {

// The brief's markup for the page's #brief: the link and the date come from the page, which knows
// its address and the reader's calendar. Every text in it is escaped (src/markup.cpp).
EMSCRIPTEN_KEEPALIVE const char* teams_brief_html(const char* query, const char* link, const char* date) {
    if (!link || !date) return Answer("");
    const teams::Scenario scenario = FromQuery(query);
    const teams::Results results = teams::Estimate(scenario.assumptions, scenario.ranges);
    return Answer(teams::BriefHtml({scenario, results, link, teams::CleanLabel(date, 60)}));
}

// "Download pictures (SVG)": every picture in one file, from the same chart model as the canvas.
EMSCRIPTEN_KEEPALIVE const char* teams_pictures_svg(const char* query) {
    const teams::Scenario scenario = FromQuery(query);
    const teams::Results results = teams::Estimate(scenario.assumptions, scenario.ranges);
    return Answer(teams::ChartsSvg(teams::AllCharts(scenario, results, 400, teams::ApproximateLayout()), scenario.area));
}

} // extern "C"
