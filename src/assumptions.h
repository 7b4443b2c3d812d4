// The one table of assumptions: key, label, unit, default, valid range, step and source of each.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include <array>
#include <optional>
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
    cost_per_baby,
    value_per_child,
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
    // A published low and high for the value, each with its source; none unless a published
    // figure supports one (no range is invented: low = high = the value).
    bool has_published_range = false;
    double published_low = 0;
    double published_high = 0;
    const char* low_source = "";
    const char* high_source = "";
    const char* range_words = ""; // the range in a headline: "on the published prevalences"
    bool can_be_unknown = false; // the value may be "not known" (a count of teams nobody has published)
    bool more = false;           // drawn under "More assumptions": optional refinements the briefing leaves at rest
    const char* source_url = ""; // the source's address where one is known (README, "Sources"), or ""
};

// Sources' addresses: van IJzendoorn et al. 1999 (the briefing's footnote 3 gives its Cambridge page;
// this is its DOI), Madigan et al. 2023 (DOI) and the Parent-Infant Foundation's map of teams (the
// briefing's footnote 1, its source for "45 teams now across the UK, and 14 more in development").
inline constexpr const char* kVanIJzendoorn1999Url = "https://doi.org/10.1017/S0954579499002035";
inline constexpr const char* kMadigan2023Url = "https://doi.org/10.1037/bul0000388";
inline constexpr const char* kTeamsNetworkUrl = "https://parentinfantfoundation.org.uk/network/locations";

const std::array<AssumptionSpec, kAssumptionCount>& AssumptionTable();
const AssumptionSpec& Spec(Key key);
const AssumptionSpec* FindSpec(std::string_view key); // nullptr when unknown

// A low and a high for one assumption (low <= high, both inside the valid range).
struct ValueRange {
    double low = 0;
    double high = 0;
    bool operator==(const ValueRange& other) const { return low == other.low && high == other.high; }
    bool operator!=(const ValueRange& other) const { return !(*this == other); }
};

// A problem with an input: which field, and a sentence naming the field and its valid range.
struct Problem {
    std::string field;
    std::string message;
};

// Every assumption's value, indexed by Key. A value whose spec allows it may be "not known"
// (unknown[key]); its number is then 0 and means nothing: read it through Known() or Get().
struct Assumptions {
    std::array<double, kAssumptionCount> values{};
    std::array<bool, kAssumptionCount> unknown{}; // only for specs with can_be_unknown

    double& operator[](Key key) { return values[static_cast<int>(key)]; }
    double operator[](Key key) const { return values[static_cast<int>(key)]; }
    bool Known(Key key) const { return !unknown[static_cast<int>(key)]; }
    std::optional<double> Get(Key key) const;
    static Assumptions Defaults();
    bool operator==(const Assumptions& other) const { return values == other.values && unknown == other.unknown; }
    bool operator!=(const Assumptions& other) const { return !(*this == other); }
};

// The low and high of each assumption that has one; an assumption without one is held at its value.
struct Ranges {
    std::array<std::optional<ValueRange>, kAssumptionCount> ranges{};

    std::optional<ValueRange>& operator[](Key key) { return ranges[static_cast<int>(key)]; }
    const std::optional<ValueRange>& operator[](Key key) const { return ranges[static_cast<int>(key)]; }
    // The published ranges of the table (prevalence 10 to 23.5%).
    static Ranges Defaults();
    // True when the key has a range with low below high.
    bool IsRanged(Key key) const { return ranges[static_cast<int>(key)] && ranges[static_cast<int>(key)]->low < ranges[static_cast<int>(key)]->high; }
    bool operator==(const Ranges& other) const { return ranges == other.ranges; }
    bool operator!=(const Ranges& other) const { return !(*this == other); }
};
// Marks a value "not known" (its number becomes 0). Returns false, changing nothing, for a key that
// cannot be unknown. ApplyValue makes a value known again.
bool SetUnknown(Assumptions& assumptions, Key key);

// The words for a value that is not known: "not known".
inline constexpr const char* kNotKnown = "not known";

// "1 – 50 %" / "100 – 2,000,000 babies/year": the valid range in words.
std::string RangeText(const AssumptionSpec& spec);

// A value as people read it: the spec's decimals, no trailing zeros, thousands separated, "%" for
// percentages ("33.3%", "595,948", "1.5").
std::string DisplayValue(const AssumptionSpec& spec, double value);

// Applies one value to one assumption (and makes it known). Non-finite values are refused (the old value stays);
// out-of-range values are clamped into range; whole-number fields are rounded. Any change from what
// was asked is reported as a Problem naming the field and its range. Returns true when the value was
// applied (possibly clamped).
bool ApplyValue(Assumptions& assumptions, Key key, double value, std::vector<Problem>* problems);

// Checks a value without changing anything; returns an empty message when it is valid as it is.
std::string CheckValue(const AssumptionSpec& spec, double value);

// True when every value is finite and within its range.
bool IsValid(const Assumptions& assumptions);

// Which end of a range: "<key>_low" / "<key>_high" in links and a problem's field; its label in
// the problem's message.
enum class RangeEnd { low, high };
std::string RangeKey(const AssumptionSpec& spec, RangeEnd end);   // "caseload_low"
std::string RangeLabel(const AssumptionSpec& spec, RangeEnd end); // "Families one team supports a year, low end of the range"

// Sets a key's range from a link or a file: either end or both (std::nullopt keeps that end; a key
// without a range starts from low = high = its value). A non-finite end is refused (that end stays);
// an end outside the valid range is clamped, whole-number fields rounded, and a low above its high
// swapped. Every change from what was asked is reported as a Problem whose field is "<key>_low" or
// "<key>_high" and whose message names the end by its label and gives the valid range. Returns true when anything was applied.
bool ApplyRange(Ranges& ranges, const Assumptions& assumptions, Key key, std::optional<double> low,
                std::optional<double> high, std::vector<Problem>* problems);

// Checks a whole range without changing anything (for the command line, which refuses): empty
// when low and high are valid and low <= high.
std::string CheckRange(const AssumptionSpec& spec, double low, double high);

} // namespace teams
