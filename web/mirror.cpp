// The screen in words for the page (see mirror.h): JSON from the scenario and results.
#include "mirror.h"

#include "card.h"
#include "presets.h"
#include "widgets.h"
#include "working.h"

#include <nlohmann/json.hpp>

#include <cmath>

using teams::AssumptionSpec;
using teams::Key;

std::string MirrorJson(const AppState& state) {
    nlohmann::ordered_json mirror;
    const std::string summary = teams::SummarySentence(state.scenario, state.results);
    mirror["summary"] = summary;
    mirror["canvasLabel"] = "Parent-infant relationship teams calculator. " + summary;
    // The page's title names the scenario as the headline does: "Leeds needs 6 teams · ...".
    const std::string& area = state.scenario.area;
    mirror["title"] = (area.empty() ? std::string()
                                    : area + " needs " +
                                          teams::CountText(static_cast<double>(state.results.teams_needed_whole), "team", "teams") +
                                          " \xC2\xB7 ") +
                      "Parent-infant teams calculator";
    nlohmann::ordered_json assumptions = nlohmann::ordered_json::array();
    for (const AssumptionSpec& spec : teams::AssumptionTable()) {
        // A source with a known address is a link: {"text", "href"} (shell/calculator.js, fillRows).
        const std::string source = teams::SourceFor(state.scenario, spec.id);
        const std::string url = teams::SourceUrlFor(state.scenario, spec.id);
        nlohmann::ordered_json cell = source;
        if (!url.empty()) cell = {{"text", source}, {"href", url}};
        assumptions.push_back({spec.label, ValueText(spec, state.scenario.assumptions), cell});
    }
    mirror["assumptions"] = assumptions;
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const teams::WorkingStep& step : teams::ShowWorking(state.scenario, state.results))
        results.push_back({step.label, step.value, step.formula});
    // The honest estimate in the words the canvas shows.
    if (const std::string range = teams::RangeWords(state.scenario, state.results); !range.empty())
        results.push_back({"Range of teams needed", range, "every ranged assumption at its ends at once"});
    for (const AssumptionSpec& spec : teams::AssumptionTable())
        if (const std::string words = teams::BreakEvenWords(state.scenario, state.results, spec.id); !words.empty())
            results.push_back({std::string("Break-even: ") + spec.label, words, "the others held where they are"});
    results.push_back({"Cost and value", teams::MoneyWords(state.scenario, state.results), "no ratio: different studies"});
    if (state.pinned)
        results.push_back({"Scenario A", state.pinned->name + ": " +
                                             Whole(static_cast<double>(state.pinned_results.teams_needed_whole)) + " teams",
                           "pinned to compare"});
    mirror["results"] = results;
    return mirror.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string NoticeJson(const AppState& state) {
    nlohmann::ordered_json notice = nlohmann::ordered_json::array();
    for (const teams::Problem& problem : state.notices)
        notice.push_back(problem.message);
    return notice.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string ShareJson(const AppState& state) {
    const teams::ShareWords words = teams::MakeShareWords(state.scenario, state.results, state.pinned ? &*state.pinned : nullptr,
                                                          state.pinned ? &state.pinned_results : nullptr);
    nlohmann::ordered_json share;
    share["headline"] = words.headline;
    share["number"] = words.number;
    share["detail"] = words.detail;
    share["query"] = CurrentQuery(state);
    return share.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
