// The screen in words for the page (see mirror.h): JSON from the scenario and results.
#include "mirror.h"

#include "card.h"
#include "json_writer.h"
#include "presets.h"
#include "widgets.h"
#include "working.h"

#include <cmath>

using teams::AssumptionSpec;
using teams::Key;

std::string MirrorJson(const AppState& state) {
    teams::JsonWriter mirror;
    const std::string summary = teams::SummarySentence(state.scenario, state.results);
    mirror.Object().Field("summary", summary).Field("canvasLabel", "Parent-infant relationship teams calculator. " + summary);
    // The page's title names the scenario as the headline does: "Leeds needs 6 teams · ...".
    const std::string& area = state.scenario.area;
    mirror.Field("title", (area.empty() ? std::string()
                                        : area + " needs " +
                                              teams::CountText(static_cast<double>(state.results.teams_needed_whole), "team", "teams") +
                                              " \xC2\xB7 ") +
                              "Parent-infant teams calculator");
    mirror.Key("assumptions").Array();
    for (const AssumptionSpec& spec : teams::AssumptionTable()) {
        // A source with a known address is a link: {"text", "href"} (shell/calculator.js, fillRows).
        const std::string source = teams::SourceFor(state.scenario, spec.id);
        const std::string url = teams::SourceUrlFor(state.scenario, spec.id);
        mirror.Array().String(spec.label).String(ValueText(spec, state.scenario.assumptions));
        if (url.empty())
            mirror.String(source);
        else
            mirror.Object().Field("text", source).Field("href", url).End();
        mirror.End();
    }
    mirror.End();
    mirror.Key("results").Array();
    const auto row = [&](const std::string& label, const std::string& value, const std::string& formula) {
        mirror.Strings({label, value, formula});
    };
    for (const teams::WorkingStep& step : teams::ShowWorking(state.scenario, state.results))
        row(step.label, step.value, step.formula);
    // The honest estimate in the words the canvas shows.
    if (const std::string range = teams::RangeWords(state.scenario, state.results); !range.empty())
        row("Range of teams needed", range, "every ranged assumption at its ends at once");
    for (const AssumptionSpec& spec : teams::AssumptionTable())
        if (const std::string words = teams::BreakEvenWords(state.scenario, state.results, spec.id); !words.empty())
            row(std::string("Break-even: ") + spec.label, words, "the others held where they are");
    row("Cost and value", teams::MoneyWords(state.scenario, state.results), "no ratio: different studies");
    if (state.pinned)
        row("Scenario A",
            state.pinned->name + ": " + Whole(static_cast<double>(state.pinned_results.teams_needed_whole)) + " teams",
            "pinned to compare");
    return mirror.End().End().Text();
}

std::string NoticeJson(const AppState& state) {
    teams::JsonWriter notice;
    notice.Array();
    for (const teams::Problem& problem : state.notices)
        notice.String(problem.message);
    return notice.End().Text();
}

std::string ShareJson(const AppState& state) {
    const teams::ShareWords words = teams::MakeShareWords(state.scenario, state.results, state.pinned ? &*state.pinned : nullptr,
                                                          state.pinned ? &state.pinned_results : nullptr);
    teams::JsonWriter share;
    share.Object()
        .Field("headline", words.headline)
        .Field("number", words.number)
        .Field("detail", words.detail)
        .Field("query", CurrentQuery(state));
    return share.End().Text();
}
