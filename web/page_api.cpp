// C functions behind window.teamsCalculator (shell/calculator.js calls them with ccall). Browser
// glue: none of them throws or aborts; every answer is a JSON string or a number.
#include "page_api.h"

#ifdef __EMSCRIPTEN__

#include "app.h"
#include "platform_web.h"

#include <nlohmann/json.hpp>

#include <emscripten.h>

#include <string>

namespace {

AppState* g_app = nullptr;
std::string g_answer; // the last string handed to JavaScript (copied out by ccall at once)

const char* Answer(std::string text) {
    g_answer = std::move(text);
    return g_answer.c_str();
}

std::string ProblemsJson(bool ok, const std::vector<teams::Problem>& problems) {
    nlohmann::ordered_json answer;
    answer["ok"] = ok;
    answer["problems"] = nlohmann::ordered_json::array();
    for (const teams::Problem& problem : problems)
        answer["problems"].push_back({{"field", problem.field}, {"message", problem.message}});
    return answer.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool SameScenario(const teams::Scenario& a, const teams::Scenario& b) {
    return a.assumptions == b.assumptions && a.name == b.name && a.area == b.area && a.preset == b.preset;
}

} // namespace

void PageApiAttach(AppState* state) {
    g_app = state;
}

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* teams_get_scenario() {
    return Answer(g_app ? teams::ScenarioToJson(g_app->scenario, -1) : "null");
}

EMSCRIPTEN_KEEPALIVE const char* teams_get_results() {
    return Answer(g_app ? teams::ResultsToJson(g_app->results, -1) : "null");
}

// Applies every valid part of a scenario JSON document; {"ok": bool, "problems": [{field, message}]}.
EMSCRIPTEN_KEEPALIVE const char* teams_set_scenario(const char* json) {
    if (!g_app || !json) return Answer(ProblemsJson(false, {{"", "The calculator is not ready."}}));
    const teams::LoadResult loaded = teams::ScenarioFromJson(json, g_app->scenario);
    if (loaded.ok && !SameScenario(loaded.scenario, g_app->scenario)) {
        g_app->scenario = loaded.scenario;
        Recalculate(*g_app);
        g_app->scenario_changed = true;
        g_app->publish_now = true;
    }
    teams_request_frame();
    return Answer(ProblemsJson(loaded.ok && loaded.problems.empty(), loaded.problems));
}

// [x, y, width, height] in CSS pixels from the content's top-left, or null for an unknown key.
EMSCRIPTEN_KEEPALIVE const char* teams_widget_rect(const char* key) {
    if (!g_app || !key) return Answer("null");
    const auto found = g_app->widget_rects.find(key);
    if (found == g_app->widget_rects.end()) return Answer("null");
    const ContentRect& r = found->second;
    return Answer(nlohmann::ordered_json::array({r.x, r.y, r.width, r.height}).dump());
}

EMSCRIPTEN_KEEPALIVE double teams_frames_drawn() {
    return g_app ? static_cast<double>(g_app->frames_drawn) : 0.0;
}

EMSCRIPTEN_KEEPALIVE double teams_last_frame_ms() {
    return g_app ? g_app->last_frame_ms : 0.0;
}

} // extern "C"

#endif // __EMSCRIPTEN__
