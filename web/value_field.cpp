// Typing an exact value (see value_field.h): where the values are, and what a typed value does.
// Plain Dear ImGui over the estimator; no Emscripten, no browser calls here.
#include "value_field.h"

#include "app.h"
#include "json_writer.h"
#include "range_panel.h"
#include "url_codec.h"
#include "working.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

using teams::AssumptionSpec;

namespace {

// What people type, made plain: no spaces, no trailing %, thousands separators dropped when they
// group digits in threes (26,832); "1,5" or "12,34" keeps its comma and is refused.
std::string PlainNumberText(const std::string& typed) {
    std::string text;
    for (const char c : typed.substr(0, 200))
        if (c != ' ' && c != '\t') text += c;
    if (!text.empty() && text.back() == '%') text.pop_back();
    if (text.find(',') == std::string::npos) return text;
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ',') {
            plain += text[i];
            continue;
        }
        const std::size_t next = text.find_first_not_of("0123456789", i + 1);
        const std::size_t run = (next == std::string::npos ? text.size() : next) - (i + 1);
        const bool digit_before = i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]));
        const bool in_fraction = plain.find('.') != std::string::npos;
        if (run != 3 || !digit_before || in_fraction) return text; // not a separator: ParseNumber refuses it
    }
    return plain;
}

} // namespace

bool RecordValueTarget(AppState& state, const char* key, bool touch_sized) {
    const ImVec2 text_min = ImGui::GetItemRectMin();
    const ImVec2 text_max = ImGui::GetItemRectMax();
    // A dotted underline says the value can be typed.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (float x = text_min.x; x < text_max.x; x += 4.0f)
        draw->AddLine(ImVec2(x, text_max.y + 1), ImVec2(std::min(x + 2.0f, text_max.x), text_max.y + 1),
                      state.palette.accent_soft, 1.0f);
    float top = text_min.y - 6;
    float bottom = text_max.y + 4;
    if (touch_sized) {
        // Room below the value so its area reaches 44 px between the row above and the slider row.
        ImGui::Dummy(ImVec2(0, 6));
        bottom = ImGui::GetCursorScreenPos().y - 2;
        top = std::min(text_min.y - 12, bottom - 44);
    }
    const float window_right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float left = std::min(text_min.x - 8, text_max.x - 88);
    const AssumptionSpec* spec = teams::FindSpec(key);
    Control control;
    control.role = ControlRole::Button;
    control.key = std::string("value_") + key;
    control.name = std::string("Type a value for ") + (spec ? spec->label : key);
    if (spec) control.value_text = ValueText(*spec, state.scenario.assumptions[spec->id]);
    const ControlRequest request = RecordControlArea(state.controls, std::move(control), ImVec2(left, top),
                                                     ImVec2(std::max(text_max.x + 4, window_right), bottom));
    return request.action == ControlAction::Press;
}

std::string ValueFieldJson(const AppState& state, const std::string& key) {
    bool high = false;
    const AssumptionSpec* range_spec = RangeFieldSpec(key, &high); // "caseload_low": an end of a range
    const AssumptionSpec* spec = range_spec ? range_spec : teams::FindSpec(key);
    if (!spec) return "null";
    teams::JsonWriter field;
    field.Object()
        .Field("key", range_spec ? key : std::string(spec->key))
        .Field("label", std::string(spec->label) + (range_spec ? (high ? ", high end of its range" : ", low end of its range") : ""))
        .Field("unit", spec->unit);
    const double value = state.scenario.assumptions[spec->id];
    const std::optional<teams::ValueRange>& range = state.scenario.ranges[spec->id];
    if (!range_spec && !state.scenario.assumptions.Known(spec->id))
        field.Key("value").Null(); // a count that is not known opens empty
    else
        field.Field("value", !range_spec ? value : range ? (high ? range->high : range->low) : value);
    field.Field("min", spec->min).Field("max", spec->max).Field("percent", spec->is_percent).Field("range", teams::RangeText(*spec));
    return field.End().Text();
}

std::string ApplyTypedValue(AppState& state, const std::string& key, const std::string& typed) {
    // The answer: {"ok", "problems": [message, ...], "value" (null: not known), "text"}.
    const auto answer = [](bool ok, const std::vector<teams::Problem>& problems, const std::optional<double>* value,
                           const std::string* text) {
        teams::JsonWriter out;
        out.Object().Field("ok", ok).Key("problems").Array();
        for (const teams::Problem& problem : problems) out.String(problem.message);
        out.End();
        if (value) out.Field("value", *value);
        if (text) out.Field("text", *text);
        return out.End().Text();
    };
    bool ok = false;
    const AssumptionSpec* spec = RangeFieldSpec(key, nullptr) ? RangeFieldSpec(key, nullptr) : teams::FindSpec(key);
    if (!spec) {
        return answer(false, {{key.substr(0, 40), "There is no assumption called \"" + key.substr(0, 40) + "\"."}}, nullptr, nullptr);
    }
    std::vector<teams::Problem> problems;
    double value = 0;
    bool high = false;
    if (const AssumptionSpec* range_spec = RangeFieldSpec(key, &high)) {
        // A range's end: the same checks as a link's <key>_low / <key>_high.
        const teams::Key id = range_spec->id;
        const std::optional<teams::ValueRange> before = state.scenario.ranges[id];
        if (!teams::ParseNumber(PlainNumberText(typed), &value) || !std::isfinite(value)) {
            problems.push_back({key, teams::RangeLabel(*range_spec, high ? teams::RangeEnd::high : teams::RangeEnd::low) + ": \"" + typed.substr(0, 40) +
                                         "\" is not a number; enter a value in " + teams::RangeText(*range_spec) + "."});
        } else {
            teams::ApplyRange(state.scenario.ranges, state.scenario.assumptions, id,
                              high ? std::nullopt : std::optional<double>(value),
                              high ? std::optional<double>(value) : std::nullopt, &problems);
            if (state.scenario.ranges[id] != before) {
                state.scenario_changed = true;
                state.publish_now = true;
                Recalculate(state);
            }
            ok = problems.empty();
        }
        const std::optional<teams::ValueRange>& range = state.scenario.ranges[id];
        const double shown = range ? (high ? range->high : range->low) : state.scenario.assumptions[id];
        const std::optional<double> shown_value = shown;
        const std::string text = ValueText(*range_spec, shown);
        state.notices = problems;
        return answer(ok, problems, &shown_value, &text);
    }
    const std::string plain = PlainNumberText(typed);
    const bool not_known = spec->can_be_unknown &&
                           (plain.empty() || plain == teams::kUnknownLinkValue || plain == teams::kNotKnown);
    const teams::Scenario before = state.scenario;
    if (not_known) {
        SetNotKnown(state, spec->id);
        ok = true;
    } else if (!teams::ParseNumber(plain, &value) || !std::isfinite(value)) {
        problems.push_back({spec->key, std::string(spec->label) + ": \"" + typed.substr(0, 40) +
                                           "\" is not a number; enter a value in " + teams::RangeText(*spec) +
                                           (spec->can_be_unknown ? ", or leave it empty for not known" : "") +
                                           ". Kept " + ValueText(*spec, state.scenario.assumptions) + "."});
    } else {
        SetValue(state, spec->id, value, &problems);
        ok = problems.empty();
    }
    if (state.scenario.assumptions != before.assumptions || state.scenario.name != before.name) state.publish_now = true;
    const std::optional<double> shown = state.scenario.assumptions.Known(spec->id)
                                            ? std::optional<double>(state.scenario.assumptions[spec->id])
                                            : std::nullopt;
    const std::string text = ValueText(*spec, state.scenario.assumptions);
    state.notices = problems;
    return answer(ok, problems, &shown, &text);
}
