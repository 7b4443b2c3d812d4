// What must hold for any input to the scenario loader and the link parser. Shared by the libFuzzer
// targets and by the unit test that replays tests/data/fuzz/. A broken rule aborts with a message.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <algorithm>

#include "estimator.h"
#include "scenario.h"
#include "text_wrap.h"
#include "url_codec.h"
#include "working.h"

namespace teams::fuzz {

inline void Require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz check failed: %s\n", what);
        std::abort();
    }
}

// Code points, as a width: one unit each.
inline float CodePoints(std::string_view text) {
    return static_cast<float>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

inline std::string WithoutBreaks(std::string_view text) {
    std::string kept;
    for (const char c : text)
        if (c != ' ' && c != '\n') kept += c;
    return kept;
}

// A label as the page wraps it (WrapAtSpaces): it ends, keeps every character in order, and no line
// is wider than the width.
inline void CheckWrapped(const std::string& text) {
    for (const float width : {0.0f, 1.0f, 7.0f, 40.0f}) {
        const std::string wrapped = WrapAtSpaces(text, width, CodePoints);
        Require(WithoutBreaks(wrapped) == WithoutBreaks(text), "wrapping keeps every character in order");
        if (width < 7.0f) continue; // narrower than one malformed UTF-8 sequence can be
        std::size_t start = 0;
        while (start <= wrapped.size()) {
            const std::size_t end = std::min(wrapped.find('\n', start), wrapped.size());
            Require(CodePoints(std::string_view(wrapped).substr(start, end - start)) <= width, "each line fits");
            start = end + 1;
        }
    }
}

inline void CheckScenarioAndResults(const Scenario& scenario) {
    CheckWrapped(scenario.area);
    CheckWrapped(scenario.name);
    Require(IsValid(scenario.assumptions), "every value within its range");
    const Results results = Estimate(scenario.assumptions);
    Require(std::isfinite(results.teams_needed) && results.teams_needed > 0, "teams needed finite and positive");
    Require(!results.new_teams_per_year || std::isfinite(*results.new_teams_per_year), "new teams a year finite");
    Require(results.teams_gap.has_value() == scenario.assumptions.Known(Key::current_teams),
            "a gap exactly when today's teams are known");
    Scenario unlabelled = scenario; // the area is the user's text; check only the numbers around it
    unlabelled.area = "X";
    const std::string sentence = SummarySentence(unlabelled, results);
    Require(sentence.find("nan") == std::string::npos && sentence.find("inf") == std::string::npos,
            "no NaN or infinity in the summary");

    // What was accepted survives a save and a load, and a link and a parse, unchanged.
    const LoadResult again = ScenarioFromJson(ScenarioToJson(scenario), Scenario{});
    Require(again.ok && again.problems.empty(), "saved scenario loads without problems");
    Require(again.scenario.assumptions == scenario.assumptions, "JSON round trip keeps the values");
    Require(again.scenario.area == scenario.area && again.scenario.name == scenario.name, "JSON round trip keeps labels");
    const QueryResult linked = ScenarioFromQuery(ScenarioToQuery(scenario), Scenario{});
    Require(linked.problems.empty(), "formatted link parses without problems");
    Require(linked.scenario.assumptions == scenario.assumptions, "link round trip keeps the values");
    Require(linked.scenario.area == scenario.area && linked.scenario.name == scenario.name, "link round trip keeps labels");
}

inline void CheckScenarioInput(std::string_view text) {
    const LoadResult loaded = ScenarioFromJson(text, Scenario{});
    for (const Problem& problem : loaded.problems)
        Require(!problem.field.empty() && !problem.message.empty() && problem.message.size() < 1000,
                "each problem names a field in a short message");
    CheckScenarioAndResults(loaded.scenario);
}

inline void CheckQueryInput(std::string_view text) {
    const QueryResult parsed = ScenarioFromQuery(text, Scenario{});
    Require(parsed.problems.size() <= 21, "a bounded number of problems");
    for (const Problem& problem : parsed.problems)
        Require(!problem.field.empty() && !problem.message.empty() && problem.message.size() < 1000,
                "each problem names a field in a short message");
    CheckScenarioAndResults(parsed.scenario);
}

} // namespace teams::fuzz
