// Link parameters: the assumption keys as a query string (?births=26832&prevalence=10).
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "scenario.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace teams {

struct QueryResult {
    Scenario scenario;             // base, then preset= if any, then each valid value
    std::vector<Problem> problems; // rejected or clamped values, each naming the field and its range
    std::vector<std::pair<std::string, std::string>> other; // decoded parameters that are not scenario keys
};

// The link value for a count that is not known: current_teams=unknown.
inline constexpr const char* kUnknownLinkValue = "unknown";

// Accepts "?a=1&b=2" or "a=1&b=2". Keys: preset, name, area, every assumption key, and <key>_low and
// <key>_high for its range ("none" removes a range). Numbers must be plain decimals (no hex, no
// thousands separators, no NaN or infinity), or "unknown" for the counts that can be not known. A
// later repeat of a key wins. A link that changes the area or the births without giving today's
// counts makes them not known (KeepAreaFiguresApart).
QueryResult ScenarioFromQuery(std::string_view query, const Scenario& base);

// "preset=briefing&prevalence=10": the preset, then every value that differs from the preset, then
// name and area when they differ from the preset's. Parsing it back gives the same scenario.
std::string ScenarioToQuery(const Scenario& scenario);

std::string PercentDecode(std::string_view text, bool* ok);
std::string PercentEncode(std::string_view text);

// Strict decimal number: optional sign, digits, optional fraction, optional exponent. Nothing else.
bool ParseNumber(std::string_view text, double* out);
// Shortest text that parses back to the same double ("10", "33.333333333333336").
std::string FormatRoundTrip(double value);

} // namespace teams
