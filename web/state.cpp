// The calculator's state and the functions that change it: the link in and out, Recalculate, SetValue.
// Plain C++ over the estimator; no drawing and no browser calls here.
#include "state.h"

#include "presets.h"
#include "url_codec.h"

#include <algorithm>

using teams::Key;

namespace {

// The sections show= can add to a compact embed, beyond its headline, gap picture, sliders and footer.
struct SectionKey {
    const char* key;
    bool ShownSections::*shown;
};
constexpr SectionKey kSectionKeys[] = {
    {"presets", &ShownSections::presets}, {"share", &ShownSections::share},
    {"compare", &ShownSections::compare}, {"money", &ShownSections::money},
    {"ranges", &ShownSections::ranges},   {"pictures", &ShownSections::pictures},
    {"working", &ShownSections::working},
};

const SectionKey* FindSectionKey(const std::string& key) {
    for (const SectionKey& section : kSectionKeys)
        if (key == section.key) return &section;
    return nullptr;
}

// "prevalence,access,pictures" -> the assumption keys it names (the sliders to show) and the sections;
// unknown names are left out and named in a notice (the first few, shortened), with the keys that exist.
std::vector<std::string> ShowKeys(const std::string& param, const std::string& list, std::vector<std::string>& sections,
                                  std::vector<teams::Problem>& notices) {
    std::vector<std::string> keys;
    std::string unknown;
    int unknown_count = 0;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string key = list.substr(start, comma - start);
        if (teams::FindSpec(key)) {
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
        } else if (FindSectionKey(key)) {
            sections.push_back(key);
        } else if (!key.empty() && ++unknown_count <= 5) {
            unknown += (unknown.empty() ? "\"" : ", \"") + teams::CleanLabel(key, 40) + "\"";
        }
        start = comma + 1;
    }
    if (unknown_count > 0) {
        std::string known;
        for (const teams::AssumptionSpec& spec : teams::AssumptionTable())
            known += (known.empty() ? "" : ", ") + std::string(spec.key);
        std::string section_names;
        for (const SectionKey& section : kSectionKeys)
            section_names += (section_names.empty() ? "" : ", ") + std::string(section.key);
        notices.push_back({param, param + ": " + unknown + (unknown_count > 5 ? " and others" : "") +
                                      (unknown_count == 1 ? " is not an assumption or a section"
                                                          : " are not assumptions or sections") +
                                      "; the keys are " + known + ", and the sections " + section_names + "."});
    }
    return keys;
}

} // namespace

void LoadScenarioFromLink(AppState& state, const std::string& query) {
    teams::QueryResult parsed = teams::ScenarioFromQuery(query, teams::Scenario{});
    state.scenario = parsed.scenario;
    state.notices = parsed.problems;
    state.other_params = parsed.other;
    std::vector<std::string> sections; // named by show=
    for (const auto& [key, value] : state.other_params) {
        if (key == "embed")
            state.embed = value == "1" || value == "true";
        else if (key == "theme")
            state.theme_override = value == "light" ? 1 : (value == "dark" ? 2 : 0);
        else if (key == "show" || key == "sliders") // show= as in the README; sliders= also works
            state.only_sliders = ShowKeys(key, value, sections, state.notices);
    }
    // A compact embed shows only the sections show= names; the full page shows them all.
    state.shown = ShownSections{};
    if (state.embed) {
        for (const SectionKey& section : kSectionKeys)
            state.shown.*section.shown = std::find(sections.begin(), sections.end(), section.key) != sections.end();
    }
    // pin=<query>: scenario A of a side-by-side view; CurrentQuery writes it from state.pinned.
    for (auto it = state.other_params.begin(); it != state.other_params.end();) {
        if (it->first != "pin") {
            ++it;
            continue;
        }
        teams::QueryResult pinned = teams::ScenarioFromQuery(it->second, teams::Scenario{});
        for (teams::Problem& problem : pinned.problems)
            state.notices.push_back({"pin", "Scenario A: " + problem.message});
        state.pinned = pinned.scenario;
        it = state.other_params.erase(it);
    }
    state.show_working = !state.embed || state.shown.working; // embeds start compact, unless they ask for it
    state.show_more = false;
    OpenMoreIfChanged(state);
    Recalculate(state);
}

bool MoreAssumptionsChanged(const teams::Scenario& scenario) {
    const teams::Assumptions defaults = teams::Assumptions::Defaults();
    for (const teams::AssumptionSpec& spec : teams::AssumptionTable()) {
        if (!spec.more) continue;
        if (scenario.assumptions[spec.id] != defaults[spec.id] || scenario.ranges[spec.id]) return true;
    }
    return false;
}

void OpenMoreIfChanged(AppState& state) {
    if (MoreAssumptionsChanged(state.scenario)) state.show_more = true;
}

std::string CurrentQuery(const AppState& state) {
    std::string query = teams::ScenarioToQuery(state.scenario);
    for (const auto& [key, value] : state.other_params)
        query += (query.empty() ? "" : "&") + teams::PercentEncode(key) + "=" + teams::PercentEncode(value);
    if (state.pinned)
        query += (query.empty() ? "pin=" : "&pin=") + teams::PercentEncode(teams::ScenarioToQuery(*state.pinned));
    return query;
}

void Recalculate(AppState& state) {
    state.results = teams::Estimate(state.scenario.assumptions, state.scenario.ranges);
    if (state.pinned) state.pinned_results = teams::Estimate(state.pinned->assumptions, state.pinned->ranges);
}

void SetRange(AppState& state, Key key, std::optional<teams::ValueRange> range) {
    const std::optional<teams::ValueRange> before = state.scenario.ranges[key];
    if (range) {
        state.scenario.ranges[key].reset();
        teams::ApplyRange(state.scenario.ranges, state.scenario.assumptions, key, range->low, range->high, nullptr);
    } else {
        state.scenario.ranges[key].reset();
    }
    if (state.scenario.ranges[key] != before) {
        state.scenario_changed = true;
        state.publish_now = true;
        Recalculate(state);
    }
}

void SetPinned(AppState& state, std::optional<teams::Scenario> pinned) {
    state.pinned = std::move(pinned);
    state.scenario_changed = true;
    state.publish_now = true;
    Recalculate(state);
}

teams::Assumptions PresetValues(const AppState& state) {
    const teams::Preset* preset = teams::FindPreset(state.scenario.preset);
    return preset ? preset->assumptions : teams::Assumptions::Defaults();
}

namespace {

void AfterControlChange(AppState& state, const teams::Scenario& before, Key key) {
    teams::GivenKeys given;
    given.current_teams = key == Key::current_teams;
    given.teams_in_development = key == Key::teams_in_development;
    teams::KeepAreaFiguresApart(state.scenario, before, given);
    if (state.scenario.assumptions != before.assumptions || state.scenario.name != before.name) {
        state.scenario_changed = true;
        Recalculate(state);
    }
}

} // namespace

void SetValue(AppState& state, Key key, double value, std::vector<teams::Problem>* problems) {
    const teams::Scenario before = state.scenario;
    teams::ApplyValue(state.scenario.assumptions, key, value, problems);
    AfterControlChange(state, before, key);
}

void SetNotKnown(AppState& state, Key key) {
    const teams::Scenario before = state.scenario;
    teams::SetUnknown(state.scenario.assumptions, key);
    AfterControlChange(state, before, key);
}
