// The screen in words for the page (see mirror.h): JSON from the scenario and results.
#include "mirror.h"

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
    nlohmann::ordered_json assumptions = nlohmann::ordered_json::array();
    for (const AssumptionSpec& spec : teams::AssumptionTable())
        assumptions.push_back({spec.label, ValueText(spec, state.scenario.assumptions),
                               teams::SourceFor(state.scenario, spec.id)});
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

std::string CardJson(const AppState& state) {
    const teams::Results& r = state.results;
    const teams::Assumptions& a = state.scenario.assumptions;
    nlohmann::ordered_json card;
    card["headline"] = state.scenario.area + " needs";
    card["number"] = Whole(static_cast<double>(r.teams_needed_whole));
    card["detail"] = "specialised parent-infant relationship teams, to reach " + Whole(r.babies_to_reach) +
                     " babies a year (" + teams::FormatNumber(r.share_of_cohort, 1) +
                     "% of babies aged 0\xE2\x80\x93"
                     "2)";
    if (const std::string range = teams::RangeWords(state.scenario, r); !range.empty())
        card["detail"] = card["detail"].get<std::string>() + "; " + range;
    if (state.pinned) // the side-by-side pair: A's answer beside this one
        card["detail"] = card["detail"].get<std::string>() + ". A (" + state.pinned->name + "): " +
                         Whole(static_cast<double>(state.pinned_results.teams_needed_whole)) + " teams";
    std::string gap;
    if (!r.current_teams || !r.teams_gap || !r.teams_gap_whole) {
        gap = teams::kTeamsTodayNotKnown;
    } else if (*r.teams_gap > 0) {
        gap = "Against " + teams::TeamsTodayText(r) + ": " +
              teams::CountText(static_cast<double>(*r.teams_gap_whole), "more needed", "more needed");
        if (r.scale_factor)
            gap += " (" + teams::FormatNumber(*r.scale_factor, *r.scale_factor < 10 ? 1 : 0) + "\xC3\x97 today)";
    } else {
        gap = "Against " + teams::TeamsTodayText(r) + ": enough to meet the need";
    }
    card["gap"] = gap;
    std::string pace;
    if (r.teams_gap && *r.teams_gap > 0 && r.new_teams_per_year) {
        pace = teams::NewTeamsPerYearText(*r.new_teams_per_year);
        if (r.annual_growth_percent)
            pace += ", or " + teams::FormatNumber(*r.annual_growth_percent, 0) + "% growth a year";
        pace += ", over " + teams::CountText(a[Key::years_to_target], "year", "years");
    }
    pace += std::string(pace.empty() ? "" : ". ") + "About " + teams::RoundedPounds(r.annual_cost) + " a year";
    card["pace"] = pace;
    // null when not known: the card then draws no bar for today.
    card["today"] = r.current_teams ? nlohmann::ordered_json(*r.current_teams) : nlohmann::ordered_json(nullptr);
    card["developing"] = r.teams_in_development.value_or(0);
    card["today_text"] = r.current_teams ? "Today: " + teams::CountText(*r.current_teams, "team", "teams") +
                                               (r.teams_in_development && *r.teams_in_development > 0
                                                    ? " (+" + Whole(*r.teams_in_development) + " in development)"
                                                    : std::string())
                                         : std::string(teams::kTeamsTodayNotKnown);
    card["needed"] = r.teams_needed;
    nlohmann::ordered_json assumptions = nlohmann::ordered_json::array();
    for (const AssumptionSpec& spec : teams::AssumptionTable())
        assumptions.push_back({spec.label, ValueText(spec, a)});
    card["assumptions"] = assumptions;
    card["query"] = CurrentQuery(state);
    card["source"] = "Method: Parent-Infant Foundation briefing (2023). Figures: ONS, StatsWales, NRS, NISRA, "
                     "Parent-Infant Foundation and the studies cited in the calculator.";
    return card.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
