// The one table of assumptions: key, label, unit, default, valid range, step and source of each.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace teams {

// The order here is the order of sliders, CLI flags, JSON keys and the README's table.
enum class Key : int {
    births,
    cohort_years,
    prevalence,
    local_risk,
    access,
    wider_prevalence,
    wider_access,
    caseload,
    current_teams,
    teams_in_development,
    years_to_target,
    Count
};
inline constexpr int kAssumptionCount = static_cast<int>(Key::Count);

struct AssumptionSpec {
    Key id;
    const char* key;           // "births": JSON key, link parameter, CLI flag (with '_' as '-')
    const char* label;         // plain words for a slider: "Live births a year"
    const char* unit;          // "babies/year", "%", "years" ...
    const char* help;          // one sentence on what it means
    double default_value;      // the briefing's value (percentages in percent)
    double min;                // valid range, inclusive
    double max;
    double step;               // a sensible increment for - / + buttons
    int decimals;              // decimals worth showing
    bool whole_number;         // values are rounded to whole numbers
    bool is_percent;           // the value is a percentage (0-100)
    const char* source;        // short citation with year: "van IJzendoorn et al. 1999"
    const char* source_detail; // full citation or derivation
};

const std::array<AssumptionSpec, kAssumptionCount>& AssumptionTable();
const AssumptionSpec& Spec(Key key);
const AssumptionSpec* FindSpec(std::string_view key); // nullptr when unknown

// A problem with an input: which field, and a sentence naming the field and its valid range.
struct Problem {
    std::string field;
    std::string message;
};

// Every assumption's value, indexed by Key.
struct Assumptions {
    std::array<double, kAssumptionCount> values{};

    double& operator[](Key key) { return values[static_cast<int>(key)]; }
    double operator[](Key key) const { return values[static_cast<int>(key)]; }
    static Assumptions Defaults();
    bool operator==(const Assumptions& other) const { return values == other.values; }
    bool operator!=(const Assumptions& other) const { return !(*this == other); }
};

// "1 – 50 %" / "100 – 2,000,000 babies/year": the valid range in words.
std::string RangeText(const AssumptionSpec& spec);

// A value as people read it: the spec's decimals, no trailing zeros, thousands separated, "%" for
// percentages ("33.3%", "595,948", "1.5").
std::string DisplayValue(const AssumptionSpec& spec, double value);

// Applies one value to one assumption. Non-finite values are refused (the old value stays);
// out-of-range values are clamped into range; whole-number fields are rounded. Any change from what
// was asked is reported as a Problem naming the field and its range. Returns true when the value was
// applied (possibly clamped).
bool ApplyValue(Assumptions& assumptions, Key key, double value, std::vector<Problem>* problems);

// Checks a value without changing anything; returns an empty message when it is valid as it is.
std::string CheckValue(const AssumptionSpec& spec, double value);

// True when every value is finite and within its range.
bool IsValid(const Assumptions& assumptions);

} // namespace teams
