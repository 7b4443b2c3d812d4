// C functions behind window.teamsCalculator (shell/calculator.js calls them with ccall). Browser
// glue: none of them throws or aborts; every answer is a JSON string or a number.
#include "page_api.h"

#ifdef __EMSCRIPTEN__

#include "app.h"
#include "json_writer.h"
#include "mirror.h"
#include "platform_web.h"
#include "url_codec.h"
#include "working.h"

#include <emscripten.h>
#include <emscripten/emmalloc.h> // -sMALLOC=emmalloc: heap figures for stats()

#include <string>

namespace {

AppState* g_app = nullptr;

std::string ProblemsJson(bool ok, bool changed, const std::vector<teams::Problem>& problems) {
    teams::JsonWriter answer;
    answer.Object().Field("ok", ok).Field("changed", changed).Key("problems").Array();
    for (const teams::Problem& problem : problems)
        answer.Object().Field("field", problem.field).Field("message", problem.message).End();
    return answer.End().End().Text();
}

bool SameScenario(const teams::Scenario& a, const teams::Scenario& b) {
    return a.assumptions == b.assumptions && a.ranges == b.ranges && a.name == b.name && a.area == b.area &&
           a.preset == b.preset;
}

} // namespace

void PageApiAttach(AppState* state) {
    g_app = state;
}

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* teams_get_scenario() {
    return PageAnswer(g_app ? teams::ScenarioToJson(g_app->scenario, -1) : "null");
}

EMSCRIPTEN_KEEPALIVE const char* teams_get_results() {
    return PageAnswer(g_app ? teams::ResultsToJson(g_app->results, -1) : "null");
}

// Scenario A of the side-by-side view, {"scenario", "results"}, or null when none is pinned.
EMSCRIPTEN_KEEPALIVE const char* teams_get_pinned() {
    if (!g_app || !g_app->pinned) return PageAnswer("null");
    return PageAnswer(teams::ReportJson(*g_app->pinned, g_app->pinned_results, -1));
}

// For `make bench`: milliseconds per change for the whole estimate (the chain, the range, every
// break-even and the sensitivity), over `iterations` changes of the current scenario, each moving the
// prevalence as a dragged slider does. Answers [with the scenario's ranges, with every assumption
// ranged (128 corners, the most there can be)].
EMSCRIPTEN_KEEPALIVE const char* teams_time_estimate(int iterations) {
    if (!g_app || iterations < 1) return PageAnswer("null");
    teams::Assumptions a = g_app->scenario.assumptions;
    const teams::Ranges ranges = g_app->scenario.ranges;
    double sink = 0;
    auto time = [&](const teams::Ranges& used) {
        const double start = emscripten_get_now();
        for (int i = 0; i < iterations; ++i) {
            a[teams::Key::prevalence] = 5 + (i % 400) * 0.1;
            const teams::Results r = teams::Estimate(a, used);
            sink += r.range.high + (r.break_even[0] ? r.break_even[0]->value : 0);
        }
        return (emscripten_get_now() - start) / iterations;
    };
    const double with_ranges = time(ranges);
    teams::Ranges every;
    for (const teams::AssumptionSpec& spec : teams::AssumptionTable())
        every[spec.id] = teams::ValueRange{spec.min, spec.max};
    const double with_every_range = time(every);
    teams::JsonWriter answer;
    return PageAnswer(answer.Array().Number(with_ranges).Number(with_every_range).Bool(sink > 0).End().Text());
}

// setScenario's second half: the scenario a JSON document made, as its link's query. brief.js reads
// the document (teams_scenario_from_json, web/brief_module.cpp), so the JSON parser is not in the
// first load; the query's values are already checked and read back exactly. Answers {"ok",
// "changed", "problems"}: changed when the calculator's scenario is now different; problems only if
// the query itself had any (then nothing is applied).
EMSCRIPTEN_KEEPALIVE const char* teams_set_scenario_query(const char* query) {
    if (!g_app || !query) return PageAnswer(ProblemsJson(false, false, {{"", "The calculator is not ready."}}));
    const teams::QueryResult read = teams::ScenarioFromQuery(query, teams::Scenario{});
    if (!read.problems.empty()) return PageAnswer(ProblemsJson(false, false, read.problems));
    const bool changed = !SameScenario(read.scenario, g_app->scenario);
    if (changed) {
        g_app->scenario = read.scenario;
        OpenMoreIfChanged(*g_app); // a value it sets under "More assumptions" is shown
        Recalculate(*g_app);
        g_app->scenario_changed = true;
        g_app->publish_now = true;
    }
    teams_request_frame();
    return PageAnswer(ProblemsJson(true, changed, {}));
}

// [x, y, width, height] in CSS pixels from the content's top-left, from the list of controls drawn
// in the last frame (controls.h), or null for a key that is not on screen.
EMSCRIPTEN_KEEPALIVE const char* teams_widget_rect(const char* key) {
    if (!g_app || !key) return PageAnswer("null");
    const Control* control = g_app->controls.Find(key);
    if (!control) return PageAnswer("null");
    const ContentRect& r = control->rect;
    teams::JsonWriter answer;
    answer.Array();
    for (const float v : {r.x, r.y, r.width, r.height}) answer.Number(v);
    return PageAnswer(answer.End().Text());
}

// The page reports how a sharing action went ("Link copied."); shown beside the buttons.
EMSCRIPTEN_KEEPALIVE void teams_set_note(const char* note) {
    if (!g_app || !note) return;
    g_app->action_note = teams::CleanLabel(note);
    teams_request_frame();
}

// A sharing action asked for from outside the canvas (a compact embed's footer: "download_csv"),
// carried out as the canvas's own button would be, at the next frame. Other names do nothing.
EMSCRIPTEN_KEEPALIVE void teams_request_action(const char* name) {
    if (!g_app || !name) return;
    const std::string action = name;
    if (action == "download_csv") g_app->action = PageAction::DownloadCsv;
    else return;
    g_app->action_note.clear();
    teams_request_frame();
}

// The current scenario's query, as the address bar shows it once the throttle has passed: the
// printed brief's module (web/brief_module.cpp) makes the brief from it.
EMSCRIPTEN_KEEPALIVE const char* teams_current_query() {
    return PageAnswer(g_app ? CurrentQuery(*g_app) : "");
}

// A download's file name from the scenario's area and the page's date: "teams-leeds-2026-12-01.csv".
EMSCRIPTEN_KEEPALIVE const char* teams_download_name(const char* extension, const char* date) {
    if (!g_app || !extension || !date) return PageAnswer("teams.csv");
    return PageAnswer(teams::DownloadFileName(g_app->scenario.area, teams::CleanLabel(date, 20), teams::CleanLabel(extension, 8)));
}

EMSCRIPTEN_KEEPALIVE double teams_frames_drawn() {
    return g_app ? static_cast<double>(g_app->frames_drawn) : 0.0;
}

EMSCRIPTEN_KEEPALIVE double teams_last_frame_ms() {
    return g_app ? g_app->last_frame_ms : 0.0;
}

// Bytes of the allocator's heap in use (allocated blocks), for the memory check of stats().
EMSCRIPTEN_KEEPALIVE double teams_heap_used_bytes() {
    return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory());
}

// Glyphs in the font atlas, all fonts: grows once a name needs letters beyond the calculator's own.
EMSCRIPTEN_KEEPALIVE int teams_font_glyphs() {
    return g_app ? g_app->fonts.glyphs : 0;
}

} // extern "C"

const char* PageAnswer(std::string text) {
    static std::string answer; // the last string handed to JavaScript
    answer = std::move(text);
    return answer.c_str();
}

#endif // __EMSCRIPTEN__
