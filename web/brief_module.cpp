// The printed brief, the downloaded pictures, the CSV, the summary card's words and the reading of
// setScenario's JSON documents as a WebAssembly module of their own (brief.js, see
// shell/calculator.js): the page loads it right after the calculator's first frame, so the brief, the
// SVG writer, the markup escaping, the QR code, the CSV writer, the card and the JSON parser are not
// in the first load. No ImGui, no WebGL and no
// page state: the scenario comes in as the link's query, the text the address bar holds, so the
// brief and the pictures describe exactly the scenario their link (and QR code) opens.
#include "brief.h"
#include "card.h"
#include "chart_model.h"
#include "chart_svg.h"
#include "estimator.h"
#include "json_writer.h"
#include "scenario.h"
#include "url_codec.h"
#include "working.h"

#include <emscripten.h>

#include <optional>
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

// The scenario of a link and, when it has pin=<query>, scenario A beside it, each with its results.
struct Pair {
    teams::Scenario scenario;
    teams::Results results;
    std::optional<teams::Scenario> pinned;
    teams::Results pinned_results;
    const teams::Scenario* A() const { return pinned ? &*pinned : nullptr; }
    const teams::Results* AResults() const { return pinned ? &pinned_results : nullptr; }
};

Pair PairFromQuery(const char* query) {
    Pair pair;
    teams::QueryResult read = teams::ScenarioFromQuery(query ? query : "", teams::Scenario{});
    pair.scenario = std::move(read.scenario);
    pair.results = teams::Estimate(pair.scenario.assumptions, pair.scenario.ranges);
    for (const auto& [key, value] : read.other)
        if (key == "pin") pair.pinned = teams::ScenarioFromQuery(value, teams::Scenario{}).scenario; // a later one wins
    if (pair.pinned) pair.pinned_results = teams::Estimate(pair.pinned->assumptions, pair.pinned->ranges);
    return pair;
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

// setScenario's first half (shell/calculator.js): every valid part of a scenario JSON document over
// the calculator's current scenario (its query). Answers {"ok", "problems": [{field, message}],
// "query"}: ok when the document could be read at all (then query is the scenario it makes, for
// teams_set_scenario_query in teams.wasm); problems for everything not applied as given.
EMSCRIPTEN_KEEPALIVE const char* teams_scenario_from_json(const char* json, const char* current_query) {
    const teams::Scenario base = FromQuery(current_query);
    const teams::LoadResult loaded = teams::ScenarioFromJson(json ? json : "", base);
    teams::JsonWriter out;
    out.Object().Field("ok", loaded.ok).Key("problems").Array();
    for (const teams::Problem& problem : loaded.problems)
        out.Object().Field("field", problem.field).Field("message", problem.message).End();
    out.End().Field("query", loaded.ok ? teams::ScenarioToQuery(loaded.scenario) : std::string());
    return Answer(out.End().Text());
}

// The CSV download (src/working.h) of the link's scenarios: the page gives the full link and today's
// date ("2026-12-01").
EMSCRIPTEN_KEEPALIVE const char* teams_report_csv(const char* query, const char* link, const char* date) {
    if (!link || !date) return Answer("");
    const Pair pair = PairFromQuery(query);
    return Answer(teams::ReportCsv(pair.scenario, pair.results, {link, teams::CleanLabel(date, 60)}, pair.A(),
                                   pair.AResults()));
}

// The summary card's words and colours (src/card.h, CardJson) for "Download the card" and cardImage().
EMSCRIPTEN_KEEPALIVE const char* teams_card_json(const char* query) {
    const Pair pair = PairFromQuery(query);
    return Answer(teams::CardJson(pair.scenario, pair.results, pair.A(), pair.AResults(), query ? query : ""));
}

} // extern "C"
