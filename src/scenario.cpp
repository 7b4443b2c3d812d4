// Scenario and results JSON. Parsing never throws: the document is parsed with exceptions off and
// every value's type is checked before it is read.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "scenario.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "json_writer.h"
#include "presets.h"
#include "url_codec.h"
#include "utf8.h"

namespace teams {

// Read with nlohmann_json; written with JsonWriter, in the table's order. ordered_json is the one
// document type the WebAssembly build carries.
using json = nlohmann::ordered_json;

namespace {

// Reads a document that failed to parse once more, only to say where: the last key before the error
// and the token it stopped at. A number too large for a double ("1e309") names its field.
struct ErrorLocator : nlohmann::json_sax<json> {
    std::string last_key, last_token;
    std::size_t position = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    std::vector<std::string> parents; // the keys of the objects the parser is inside
    bool start_object(std::size_t) override {
        parents.push_back(last_key);
        return true;
    }
    bool key(string_t& key) override {
        last_key = key;
        return true;
    }
    bool end_object() override {
        if (!parents.empty()) parents.pop_back();
        return true;
    }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t byte, const std::string& token, const nlohmann::detail::exception&) override {
        position = byte;
        last_token = token;
        return false;
    }
};

Problem ParseProblem(std::string_view text) {
    ErrorLocator locator;
    json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json, true);
    double number = 0;
    std::string field = locator.last_key;
    const AssumptionSpec* spec = FindSpec(field);
    // "ranges": {"prevalence": {"high": 1e309}} names prevalence_high
    const std::size_t depth = locator.parents.size();
    if (!spec && (field == "low" || field == "high") && depth >= 2 && locator.parents[depth - 2] == "ranges") {
        spec = FindSpec(locator.parents[depth - 1]);
        if (spec) field = RangeKey(*spec, field == "low" ? RangeEnd::low : RangeEnd::high);
    }
    if (spec && ParseNumber(locator.last_token, &number) && !std::isfinite(number))
        return {field, (field == spec->key ? std::string(spec->label)
                        : RangeLabel(*spec, field.size() > 4 && field.compare(field.size() - 4, 4, "_low") == 0 ? RangeEnd::low : RangeEnd::high)) +
                           ": " + CleanLabel(locator.last_token, 40) + " is not a usable number; valid range " +
                           RangeText(*spec) + ". Nothing was loaded."};
    std::string message = "The scenario is not valid JSON";
    if (locator.position > 0) message += " (at byte " + std::to_string(locator.position) + ")";
    return {"file", message + "; nothing was loaded."};
}

const char* TypeName(const json& value) {
    if (value.is_null()) return "null";
    if (value.is_boolean()) return "true/false";
    if (value.is_number()) return "a number";
    if (value.is_string()) return "text";
    if (value.is_array()) return "a list";
    return "an object";
}

void ReadLabel(const json& doc, const char* key, std::string& target, std::vector<Problem>& problems) {
    const auto it = doc.find(key);
    if (it == doc.end()) return;
    if (!it->is_string()) {
        problems.push_back({key, TextFieldLabel(key) + ": must be text of 1 to " + std::to_string(kMaxTextLength) +
                                     " characters, not " + TypeName(*it) + "; kept \"" + target + "\"."});
        return;
    }
    const std::string& text = it->get_ref<const std::string&>();
    const std::string cleaned = CleanLabel(text);
    if (cleaned.empty()) {
        problems.push_back({key, TextFieldLabel(key) + ": must be text of 1 to " + std::to_string(kMaxTextLength) +
                                     " characters; kept \"" + target + "\"."});
        return;
    }
    if (cleaned.size() < text.size())
        problems.push_back({key, TextFieldLabel(key) + ": shortened to " + std::to_string(kMaxTextLength) +
                                     " characters, without control or direction characters."});
    target = cleaned;
}

// "ranges": {"caseload": {"low": 100, "high": 300}, "prevalence": null}. Read after the assumptions,
// so a range given by one end only takes the other from the value.
void ReadRanges(const json& ranges, Scenario& scenario, std::vector<Problem>& problems) {
    if (!ranges.is_object()) {
        problems.push_back({"ranges", std::string("ranges: must be an object of key: {\"low\": number, \"high\": "
                                                  "number}, not ") + TypeName(ranges) + "."});
        return;
    }
    for (const auto& [key, value] : ranges.items()) {
        const AssumptionSpec* spec = FindSpec(key);
        if (!spec) {
            problems.push_back({"ranges", "ranges: \"" + CleanLabel(key, 40) +
                                              "\" is not an assumption of this calculator; ignored."});
            continue;
        }
        if (value.is_null()) {
            scenario.ranges[spec->id].reset();
            continue;
        }
        if (!value.is_object()) {
            problems.push_back({RangeKey(*spec, RangeEnd::low),
                                std::string(spec->label) + ", range: must be {\"low\": number, \"high\": number} or null, not " +
                                    TypeName(value) + "; valid range " + RangeText(*spec) + ". Kept as it was."});
            continue;
        }
        std::optional<double> ends[2];
        for (const RangeEnd end : {RangeEnd::low, RangeEnd::high}) {
            const auto found = value.find(end == RangeEnd::low ? "low" : "high");
            if (found == value.end()) continue;
            if (!found->is_number()) {
                problems.push_back({RangeKey(*spec, end), RangeLabel(*spec, end) + ": must be a number, not " +
                                                              TypeName(*found) + "; valid range " + RangeText(*spec) + "."});
                continue;
            }
            ends[end == RangeEnd::low ? 0 : 1] = found->get<double>();
        }
        for (const auto& [inner, ignored] : value.items()) {
            (void)ignored;
            if (inner != "low" && inner != "high")
                problems.push_back({RangeKey(*spec, RangeEnd::low), std::string(spec->label) + ", range: \"" +
                                                                        CleanLabel(inner, 40) + "\" is not low or high; ignored."});
        }
        ApplyRange(scenario.ranges, scenario.assumptions, spec->id, ends[0], ends[1], &problems);
    }
}

// Characters that change the direction text is shown in: the embeddings, overrides and isolates
// (U+202A-U+202E, U+2066-U+2069) and the direction marks (LRM, RLM, ALM). A label is shown inside the
// calculator's own sentences, cards and CSV rows, where none of them has a use, and U+202E can make
// a link display "reversed" words on a charity's page.
bool IsDirectionControl(char32_t code) {
    return (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) || code == 0x200E ||
           code == 0x200F || code == 0x061C;
}

} // namespace

std::string TextFieldLabel(std::string_view key) {
    if (key == "area") return "Area";
    if (key == "name") return "Scenario name";
    return std::string(key);
}

std::string CleanLabel(std::string_view text, std::size_t max_length) {
    std::string out;
    std::size_t characters = 0;
    std::size_t i = 0;
    while (i < text.size() && characters < max_length) {
        const Utf8Char decoded = DecodeUtf8(text, i);
        const std::size_t length = decoded.length;
        if (!decoded.valid) { // a stray byte is dropped
            ++i;
            continue;
        }
        const char32_t code = decoded.code;
        if (IsDirectionControl(code)) { // invisible, and able to reverse the text around it: dropped
            i += length;
            continue;
        }
        const bool control = code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029;
        if (!control) {
            out.append(text.substr(i, length));
            ++characters;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
            ++characters;
        }
        i += length;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    std::size_t start = 0;
    while (start < out.size() && out[start] == ' ') ++start;
    return out.substr(start);
}

LoadResult ScenarioFromJson(std::string_view text, const Scenario& base) {
    LoadResult result{base, {}, false};
    std::vector<Problem>& problems = result.problems;
    if (text.size() > kMaxScenarioBytes) {
        problems.push_back({"file", "The scenario is " + std::to_string(text.size()) + " bytes; at most " +
                                        std::to_string(kMaxScenarioBytes) + " are read."});
        return result;
    }
    // Parsed straight into a document, with no per-value callback (the smallest parser to carry).
    json doc;
    nlohmann::detail::json_sax_dom_parser<json> builder(doc, /*allow_exceptions_=*/false);
    const bool parsed = json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json,
                                        /*strict=*/true) &&
                        !builder.is_errored();
    if (!parsed) {
        problems.push_back(ParseProblem(text));
        return result;
    }
    if (!doc.is_object()) {
        problems.push_back({"file", std::string("The scenario must be a JSON object, not ") + TypeName(doc) + "."});
        return result;
    }
    if (const auto it = doc.find("schema_version"); it != doc.end()) {
        const double version = it->is_number() ? it->get<double>() : 0;
        if (version != 1 && version != kSchemaVersion) {
            problems.push_back({"schema_version", "schema_version: only versions 1 to " + std::to_string(kSchemaVersion) +
                                                      " are understood; nothing was loaded."});
            return result;
        }
    }

    Scenario& scenario = result.scenario;
    if (const auto it = doc.find("preset"); it != doc.end()) {
        const Preset* preset = it->is_string() ? FindPreset(it->get_ref<const std::string&>()) : nullptr;
        if (preset) {
            if (preset->id != base.preset) scenario = ScenarioFromPreset(*preset);
        } else if (it->is_string() && it->get_ref<const std::string&>().empty()) {
            scenario.preset.clear();
        } else {
            problems.push_back({"preset", "Preset: not a known preset id; kept \"" + scenario.preset + "\"."});
        }
    }
    const Scenario before = scenario; // after the preset: what the file's own values change
    const std::string name_before = scenario.name;
    ReadLabel(doc, "name", scenario.name, problems);
    ReadLabel(doc, "area", scenario.area, problems);
    GivenKeys given;
    given.name = doc.contains("name") && scenario.name != name_before;

    if (const auto it = doc.find("assumptions"); it != doc.end()) {
        if (!it->is_object()) {
            problems.push_back({"assumptions", std::string("assumptions: must be an object of key: number, not ") +
                                                   TypeName(*it) + "."});
        } else {
            for (const auto& [key, value] : it->items()) {
                const AssumptionSpec* spec = FindSpec(key);
                if (!spec) {
                    problems.push_back({"assumptions", "assumptions: \"" + CleanLabel(key, 40) +
                                                           "\" is not an assumption of this calculator; ignored."});
                    continue;
                }
                if (value.is_null() && spec->can_be_unknown) { // "not known"
                    SetUnknown(scenario.assumptions, spec->id);
                    if (spec->id == Key::current_teams) given.current_teams = true;
                    if (spec->id == Key::teams_in_development) given.teams_in_development = true;
                    continue;
                }
                if (!value.is_number()) {
                    problems.push_back({spec->key, std::string(spec->label) + ": must be a number, not " + TypeName(value) +
                                                       "; valid range " + RangeText(*spec) + ". Kept " +
                                                       DisplayValue(*spec, scenario.assumptions[spec->id]) + "."});
                    continue;
                }
                if (ApplyValue(scenario.assumptions, spec->id, value.get<double>(), &problems)) {
                    if (spec->id == Key::current_teams) given.current_teams = true;
                    if (spec->id == Key::teams_in_development) given.teams_in_development = true;
                }
            }
        }
    }
    if (const auto it = doc.find("ranges"); it != doc.end()) ReadRanges(*it, scenario, problems);
    KeepAreaFiguresApart(scenario, before, given);
    for (const auto& [key, value] : doc.items()) {
        (void)value;
        if (key != "schema_version" && key != "name" && key != "area" && key != "preset" && key != "assumptions" &&
            key != "ranges")
            problems.push_back({"file", "\"" + CleanLabel(key, 40) + "\" is not part of a scenario; ignored."});
        if (problems.size() > 50) break;
    }
    result.ok = true;
    return result;
}

namespace {

void SpanField(JsonWriter& out, const char* key, const Span& span) {
    out.Key(key).Object().Field("low", span.low).Field("high", span.high).End();
}

void WriteScenario(JsonWriter& out, const Scenario& scenario) {
    out.Object()
        .Field("schema_version", static_cast<double>(kSchemaVersion))
        .Field("name", scenario.name)
        .Field("area", scenario.area)
        .Field("preset", scenario.preset);
    out.Key("assumptions").Object();
    for (const AssumptionSpec& spec : AssumptionTable())
        out.Key(spec.key).Number(scenario.assumptions.Known(spec.id) ? std::optional<double>(scenario.assumptions[spec.id])
                                                                      : std::nullopt);
    out.End();
    out.Key("ranges").Object();
    for (const AssumptionSpec& spec : AssumptionTable())
        if (const std::optional<ValueRange>& range = scenario.ranges[spec.id])
            out.Key(spec.key).Object().Field("low", range->low).Field("high", range->high).End();
    // A document that left out a published range must still say so when written back.
    for (const AssumptionSpec& spec : AssumptionTable())
        if (spec.has_published_range && !scenario.ranges[spec.id]) out.Key(spec.key).Null();
    out.End().End();
}

void WriteResults(JsonWriter& out, const Results& r) {
    out.Object()
        .Field("cohort_babies", r.cohort_babies)
        .Field("babies_at_risk", r.babies_at_risk)
        .Field("babies_at_risk_wider", r.babies_at_risk_wider)
        .Field("risk_capped", r.risk_capped)
        .Field("babies_to_reach", r.babies_to_reach)
        .Field("share_of_cohort", r.share_of_cohort)
        .Field("teams_needed", r.teams_needed)
        .Field("teams_needed_whole", static_cast<double>(r.teams_needed_whole));
    out.Field("current_teams", r.current_teams);
    out.Field("teams_in_development", r.teams_in_development);
    out.Field("teams_gap", r.teams_gap);
    out.Field("teams_gap_whole", r.teams_gap_whole ? std::optional<double>(static_cast<double>(*r.teams_gap_whole)) : std::nullopt);
    out.Field("teams_gap_after_development", r.teams_gap_after_development);
    out.Field("scale_factor", r.scale_factor);
    out.Field("new_teams_per_year", r.new_teams_per_year);
    out.Field("annual_growth_percent", r.annual_growth_percent);
    out.Key("path").Array();
    for (const ScaleUpYear& step : r.path) {
        out.Object().Field("year", static_cast<double>(step.year)).Field("linear_teams", step.linear_teams);
        out.Field("compound_teams", step.compound_teams);
        out.End();
    }
    out.End();
    SpanField(out, "range", r.range);
    out.Key("break_even").Object();
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const std::optional<BreakEven>& found = r.break_even[static_cast<int>(spec.id)];
        out.Key(spec.key);
        if (found && std::isfinite(found->value))
            out.Object().Field("value", found->value).Field("inside_range", found->inside_range).End();
        else
            out.Null();
    }
    out.End();
    out.Key("sensitivity").Array();
    for (const Sensitivity& entry : r.sensitivity)
        out.Object()
            .Field("key", Spec(entry.key).key)
            .Field("low", entry.low)
            .Field("high", entry.high)
            .Field("teams_at_low", entry.teams_at_low)
            .Field("teams_at_high", entry.teams_at_high)
            .End();
    out.End();
    out.Field("annual_cost", r.annual_cost);
    SpanField(out, "annual_cost_range", r.annual_cost_range);
    out.Field("babies_reached_today", r.babies_reached_today);
    out.Field("gap_annual_cost", r.gap_annual_cost);
    if (r.gap_annual_cost_range)
        SpanField(out, "gap_annual_cost_range", *r.gap_annual_cost_range);
    else
        out.Key("gap_annual_cost_range").Null();
    out.Field("lifetime_value", r.lifetime_value);
    SpanField(out, "lifetime_value_range", r.lifetime_value_range);
    out.End();
}

} // namespace

std::string ScenarioToJson(const Scenario& scenario, int indent) {
    JsonWriter out(indent);
    WriteScenario(out, scenario);
    return out.Text();
}

std::string ResultsToJson(const Results& results, int indent) {
    JsonWriter out(indent);
    WriteResults(out, results);
    return out.Text();
}

std::string ReportJson(const Scenario& scenario, const Results& results, int indent) {
    JsonWriter out(indent);
    out.Object().Key("scenario");
    WriteScenario(out, scenario);
    out.Key("results");
    WriteResults(out, results);
    out.End();
    return out.Text();
}

} // namespace teams
