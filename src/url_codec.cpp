// Link parameters <-> scenario, with strict numbers and every rejected value reported.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "url_codec.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "presets.h"

namespace teams {

namespace {

constexpr std::size_t kMaxNumberLength = 40;
constexpr std::size_t kMaxShownLength = 40;
constexpr std::size_t kMaxProblems = 20;

// Long or binary text is shortened before it is quoted back in a message.
std::string Shown(std::string_view text) {
    std::string out = CleanLabel(text, kMaxShownLength);
    if (out.size() < text.size()) out += "...";
    return out;
}

void AddProblem(std::vector<Problem>& problems, Problem problem) {
    if (problems.size() < kMaxProblems) {
        problems.push_back(std::move(problem));
    } else if (problems.size() == kMaxProblems) {
        problems.push_back({"link", "More link parameters were ignored."});
    }
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void ApplyPreset(Scenario& scenario, const Preset& preset) {
    scenario.preset = preset.id;
    scenario.assumptions = preset.assumptions;
    scenario.area = preset.area;
    scenario.name = preset.label;
}

// "caseload_low" -> caseload's spec and the low end; no spec when it is not a range key.
struct RangeParam {
    const AssumptionSpec* spec = nullptr;
    RangeEnd end = RangeEnd::low;
};

RangeParam FindRangeParam(std::string_view key) {
    for (const RangeEnd end : {RangeEnd::low, RangeEnd::high}) {
        const std::string_view suffix = end == RangeEnd::low ? "_low" : "_high";
        if (key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix)
            if (const AssumptionSpec* spec = FindSpec(key.substr(0, key.size() - suffix.size()))) return {spec, end};
    }
    return {};
}

std::string ShownValue(const Assumptions& assumptions, const AssumptionSpec& spec) {
    return assumptions.Known(spec.id) ? DisplayValue(spec, assumptions[spec.id]) : std::string(kNotKnown);
}

} // namespace

std::string PercentDecode(std::string_view text, bool* ok) {
    std::string out;
    out.reserve(text.size());
    bool valid = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            const int high = i + 1 < text.size() ? HexDigit(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? HexDigit(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                valid = false;
                out += c;
            } else {
                out += static_cast<char>(high * 16 + low);
                i += 2;
            }
        } else {
            out += c;
        }
    }
    if (ok) *ok = valid;
    return out;
}

std::string PercentEncode(std::string_view text) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

bool ParseNumber(std::string_view text, double* out) {
    if (text.empty() || text.size() > kMaxNumberLength) return false;
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i - start;
    };
    if (text[i] == '+' || text[i] == '-') ++i;
    std::size_t count = digits();
    if (i < text.size() && text[i] == '.') {
        ++i;
        count += digits();
    }
    if (count == 0) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        if (digits() == 0) return false;
    }
    if (i != text.size()) return false;
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size()) return false;
    *out = value; // may be +-infinity for 1e309; callers check finiteness and range
    return true;
}

std::string FormatRoundTrip(double value) {
    if (!std::isfinite(value)) return "0";
    char buffer[40];
    if (value == std::trunc(value) && std::fabs(value) < 1e15) { // whole numbers without an exponent
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return buffer;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

QueryResult ScenarioFromQuery(std::string_view query, const Scenario& base) {
    QueryResult result{base, {}, {}};
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);

    struct Pair {
        std::string key, value;
        bool ok;
    };
    std::vector<Pair> pairs;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view part = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (part.empty()) continue;
        const std::size_t eq = part.find('=');
        bool key_ok = true, value_ok = true;
        std::string key = PercentDecode(part.substr(0, eq), &key_ok);
        std::string value = eq == std::string_view::npos ? std::string() : PercentDecode(part.substr(eq + 1), &value_ok);
        pairs.push_back({std::move(key), std::move(value), key_ok && value_ok});
    }

    struct RangePair {
        RangeParam param;
        std::string value;
        bool ok;
    };
    std::vector<RangePair> range_pairs;

    // preset= first wherever it stands, so that values given beside it override it.
    for (const Pair& pair : pairs) {
        if (pair.key != "preset") continue;
        const Preset* preset = FindPreset(pair.value);
        if (pair.ok && preset) {
            ApplyPreset(result.scenario, *preset);
        } else {
            AddProblem(result.problems, {"preset", "Preset: \"" + Shown(pair.value) + "\" is not a known preset; kept \"" +
                                                       result.scenario.preset + "\"."});
        }
    }

    const Scenario before = result.scenario; // after the preset: what the link's own values change
    GivenKeys given;
    // A count that is not a number is said once the area's figures are settled (see below).
    struct JunkCount {
        std::size_t problem;
        const AssumptionSpec* spec;
        std::string refused; // the message up to what became of the count
    };
    std::vector<JunkCount> junk_counts;
    for (const Pair& pair : pairs) {
        if (pair.key == "preset") continue;
        if (pair.key == "name" || pair.key == "area") {
            const std::string cleaned = CleanLabel(pair.value);
            if (!pair.ok || cleaned.empty()) {
                AddProblem(result.problems, {pair.key, TextFieldLabel(pair.key) + ": needs text of 1 to " + std::to_string(kMaxTextLength) +
                                                           " characters with valid %-escapes; kept \"" +
                                                           (pair.key == "name" ? result.scenario.name : result.scenario.area) + "\"."});
                continue;
            }
            if (cleaned.size() < pair.value.size())
                AddProblem(result.problems, {pair.key, TextFieldLabel(pair.key) + ": shortened to " + std::to_string(kMaxTextLength) +
                                                           " characters, without control or direction characters."});
            (pair.key == "name" ? result.scenario.name : result.scenario.area) = cleaned;
            if (pair.key == "name") given.name = true;
            continue;
        }
        const AssumptionSpec* spec = FindSpec(pair.key);
        if (!spec) {
            if (const RangeParam range = FindRangeParam(pair.key); range.spec) {
                range_pairs.push_back({range, pair.value, pair.ok});
                continue;
            }
            if (pair.key.size() <= 64 && pair.ok) result.other.emplace_back(pair.key, pair.value);
            continue;
        }
        double value = 0;
        bool applied = false;
        if (pair.ok && spec->can_be_unknown && pair.value == kUnknownLinkValue) {
            applied = SetUnknown(result.scenario.assumptions, spec->id);
        } else if (!pair.ok || !ParseNumber(pair.value, &value)) {
            const std::string refused = std::string(spec->label) + ": \"" + Shown(pair.value) + "\" is not a plain number" +
                                        (spec->can_be_unknown ? " or \"unknown\"" : "") + "; valid range " + RangeText(*spec) + ".";
            if (spec->can_be_unknown && result.problems.size() < kMaxProblems)
                junk_counts.push_back({result.problems.size(), spec, refused});
            AddProblem(result.problems, {spec->key, refused + " Kept " + ShownValue(result.scenario.assumptions, *spec) + "."});
            continue;
        } else {
            applied = ApplyValue(result.scenario.assumptions, spec->id, value, &result.problems);
        }
        if (applied && spec->id == Key::current_teams) given.current_teams = true;
        if (applied && spec->id == Key::teams_in_development) given.teams_in_development = true;
        if (result.problems.size() > kMaxProblems + 1) result.problems.resize(kMaxProblems + 1);
    }

    // Ranges after the values, so that an end given alone pairs with the value; both ends of a key
    // are applied together, so a low above its high is swapped as given.
    std::optional<double> ends[kAssumptionCount][2];
    bool cleared[kAssumptionCount] = {};
    for (const RangePair& pair : range_pairs) {
        const AssumptionSpec& spec = *pair.param.spec;
        const int index = static_cast<int>(spec.id), side = pair.param.end == RangeEnd::low ? 0 : 1;
        if (pair.ok && pair.value == "none") {
            cleared[index] = true;
            ends[index][0] = ends[index][1] = std::nullopt;
            continue;
        }
        double value = 0;
        if (!pair.ok || !ParseNumber(pair.value, &value)) {
            const std::optional<ValueRange>& kept = result.scenario.ranges[spec.id];
            AddProblem(result.problems, {RangeKey(spec, pair.param.end),
                                         RangeLabel(spec, pair.param.end) + ": \"" + Shown(pair.value) +
                                             "\" is not a plain number or none; valid range " + RangeText(spec) + ". Kept " +
                                             (kept ? DisplayValue(spec, side == 0 ? kept->low : kept->high) : std::string("no range")) +
                                             "."});
            continue;
        }
        cleared[index] = false;
        ends[index][side] = value;
    }
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const int index = static_cast<int>(spec.id);
        if (cleared[index]) result.scenario.ranges[spec.id].reset();
        if (ends[index][0] || ends[index][1]) {
            std::vector<Problem> problems;
            ApplyRange(result.scenario.ranges, result.scenario.assumptions, spec.id, ends[index][0], ends[index][1],
                       &problems);
            for (Problem& problem : problems) AddProblem(result.problems, std::move(problem));
        }
    }
    KeepAreaFiguresApart(result.scenario, before, given);
    // Another area's count is not kept for this one: the notice says what the count ended as.
    for (const JunkCount& junk : junk_counts) {
        std::string& message = result.problems[junk.problem].message;
        if (result.scenario.assumptions.Known(junk.spec->id))
            message = junk.refused + " Kept " + ShownValue(result.scenario.assumptions, *junk.spec) + ".";
        else if (IsLocalScenario(result.scenario) && result.scenario.area != before.area)
            message = junk.refused + " Left not known: enter " + result.scenario.area + "'s own count.";
        else
            message = junk.refused + " Left not known.";
    }
    return result;
}

std::string ScenarioToQuery(const Scenario& scenario) {
    const Preset* preset = FindPreset(scenario.preset);
    const Assumptions reference = preset ? preset->assumptions : Assumptions::Defaults();
    std::string out;
    auto add = [&out](std::string_view key, const std::string& value) {
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += PercentEncode(value);
    };
    if (preset) add("preset", preset->id);
    // A local scenario's counts are always written: read back without them, they would be not known.
    const bool local = IsLocalScenario(scenario);
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const bool known = scenario.assumptions.Known(spec.id);
        const double value = scenario.assumptions[spec.id];
        const bool differs = known != reference.Known(spec.id) || (known && value != reference[spec.id]);
        if (differs || (local && spec.can_be_unknown)) add(spec.key, known ? FormatRoundTrip(value) : kUnknownLinkValue);
    }
    const Ranges reference_ranges = Ranges::Defaults();
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const std::optional<ValueRange>& range = scenario.ranges[spec.id];
        if (range == reference_ranges[spec.id]) continue;
        if (!range) {
            add(RangeKey(spec, RangeEnd::low), "none");
            continue;
        }
        add(RangeKey(spec, RangeEnd::low), FormatRoundTrip(range->low));
        add(RangeKey(spec, RangeEnd::high), FormatRoundTrip(range->high));
    }
    const Scenario plain = preset ? ScenarioFromPreset(*preset) : Scenario{};
    if (scenario.area != plain.area) add("area", scenario.area);
    const bool automatic_name = local && scenario.name == YourFiguresName(scenario.area);
    if (scenario.name != plain.name && !automatic_name) add("name", scenario.name);
    return out;
}

} // namespace teams
