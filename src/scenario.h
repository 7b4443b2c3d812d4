// A scenario (name, area, preset and assumptions), its JSON form and the results' JSON form.
// Plain C++ only: no ImGui, GLFW or Emscripten here. No exception escapes these functions.
#pragma once

#include "assumptions.h"
#include "estimator.h"

#include <string>
#include <string_view>
#include <vector>

namespace teams {

inline constexpr int kSchemaVersion = 2; // 2 added "ranges"; version 1 files still load
inline constexpr std::size_t kMaxTextLength = 200;         // name and area labels
inline constexpr std::size_t kMaxScenarioBytes = 64 * 1024; // larger JSON documents are refused

struct Scenario {
    int schema_version = kSchemaVersion;
    std::string name = "The briefing: England, 15% (2023)";
    std::string area = "England";
    std::string preset = "briefing"; // id of the preset the values started from ("" for none)
    Assumptions assumptions = Assumptions::Defaults();
    Ranges ranges = Ranges::Defaults(); // each assumption's low and high (published ones by default)
};

struct LoadResult {
    Scenario scenario;             // base with every valid value applied
    std::vector<Problem> problems; // each names the field and its valid range
    bool ok = false;               // false when nothing could be applied (malformed document, wrong schema)
};

// Reads scenario JSON onto `base`: keys that are missing keep base's values, so a partial object
// ({"assumptions": {"prevalence": 10}}) is fine. Out-of-range numbers are clamped and reported.
// "ranges": {"caseload": {"low": 100, "high": 300}} sets ranges (null removes one); a low above its
// high is swapped and reported.
LoadResult ScenarioFromJson(std::string_view text, const Scenario& base);
std::string ScenarioToJson(const Scenario& scenario, int indent = 2);

// {"scenario": {...}, "results": {...}} with null where a result does not exist.
std::string ReportJson(const Scenario& scenario, const Results& results, int indent = 2);
std::string ResultsToJson(const Results& results, int indent = -1);

// The words a notice uses for the text fields: "Area", "Scenario name".
std::string TextFieldLabel(std::string_view key);

// Trims and limits a free-text label: every piece of visitor-supplied text (names, areas, quoted link
// values, notes) passes through here, so the CLI, files and the page agree. Control characters (C0,
// DEL, C1 U+0080-U+009F, line and paragraph separators) become one space; bidirectional controls
// (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) and invalid UTF-8 are dropped. Other
// valid UTF-8 is kept intact; max_length counts characters.
std::string CleanLabel(std::string_view text, std::size_t max_length = kMaxTextLength);

} // namespace teams
