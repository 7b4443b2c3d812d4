// The honest estimate on screen (see range_panel.h). Plain Dear ImGui over the estimator; no browser
// calls here. The number field for a range end is the one value_field.cpp opens for any value.
#include "range_panel.h"

#include "widgets.h"
#include "working.h"

#include "imgui_internal.h"

#include <algorithm>
#include <cstring>

using teams::AssumptionSpec;
using teams::Key;

namespace {

// Assumptions whose range changes nothing the calculator shows: no range row for them.
bool RangeMatters(Key key) {
    return key != Key::teams_in_development && key != Key::years_to_target;
}

// A small button's size: its text with a little padding, at least 24 x 24 px (WCAG 2.5.8), or
// 44 x 44 px on a touch-sized layout.
ImVec2 TargetSize(const char* label, bool touch_sized) {
    const float least = touch_sized ? 44.0f : 24.0f;
    const float text = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    return ImVec2(std::max(text, least), least);
}

// A range end drawn as a small button, in the control list as "value_<key>_low": a tap or click on
// it opens the number field through the page (as a slider's value does, in the same gesture, so a
// phone raises its keyboard); its stand-in, or Enter from ImGui's own navigation, opens it here.
void RangeEndButton(AppState& state, const AssumptionSpec& spec, const char* end, double value, bool touch_sized) {
    const std::string key = std::string(spec.key) + "_" + end;
    const std::string text = ValueText(spec, value);
    const std::string label = text + "##" + key;
    ImGui::PushStyleColor(ImGuiCol_Text, state.palette.accent);
    const bool pressed = ImGui::Button(label.c_str(), TargetSize(label.c_str(), touch_sized));
    ImGui::PopStyleColor();
    const bool stand_in = RecordButton(state, "value_" + key,
                                       std::string("Type the ") + end + " end of the range of " + spec.label, text);
    if (stand_in || (pressed && !ImGui::IsMouseReleased(ImGuiMouseButton_Left))) state.open_value_field = key;
}

bool SmallButton(AppState& state, const std::string& key, const char* label, const std::string& name, bool touch_sized) {
    const bool pressed = ImGui::Button(label, TargetSize(label, touch_sized));
    return RecordButton(state, key, name) || pressed;
}

} // namespace

const AssumptionSpec* RangeFieldSpec(const std::string& key, bool* high) {
    for (const char* suffix : {"_low", "_high"}) {
        const std::size_t n = std::strlen(suffix);
        if (key.size() > n && key.compare(key.size() - n, n, suffix) == 0)
            if (const AssumptionSpec* spec = teams::FindSpec(key.substr(0, key.size() - n))) {
                if (high) *high = suffix[1] == 'h';
                return spec;
            }
    }
    return nullptr;
}

void DrawHeadlineRange(AppState& state) {
    const std::string words = teams::RangeWords(state.scenario, state.results);
    if (words.empty()) return;
    ImGui::PushFont(state.fonts.heading);
    WrappedText(state.palette.text, "(" + words + ")");
    ImGui::PopFont();
}

void DrawBreakEven(AppState& state) {
    const teams::Results& r = state.results;
    const Palette& p = state.palette;
    if (r.teams_gap <= 0) return; // today's teams meet the need: nothing to break even
    std::string text;
    for (const Key key : {Key::prevalence, Key::caseload, Key::access, Key::births}) {
        const std::string words = teams::BreakEvenWords(state.scenario, r, key);
        if (!words.empty()) text += (text.empty() ? "" : " ") + words;
    }
    // No teams today to compare with (a count that is not known, or none): say so, not nothing.
    if (text.empty()) text = "Break-even: not known until today's teams are entered.";
    ImGui::PushFont(state.fonts.small);
    WrappedText(p.text_dim, "If the figures are wrong: " + text);
    ImGui::PopFont();
}

void DrawRangeRow(AppState& state, const AssumptionSpec& spec, bool touch_sized) {
    if (!RangeMatters(spec.id)) return;
    const Palette& p = state.palette;
    const std::optional<teams::ValueRange>& range = state.scenario.ranges[spec.id];
    ImGui::PushID("range");
    ImGui::PushFont(state.fonts.small);
    // The words sit level with the buttons' (TargetSize's height, text centred).
    const float row_height = TargetSize("", touch_sized).y;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (row_height - ImGui::GetFontSize()) * 0.5f));
    ImGui::AlignTextToFramePadding();
    if (range) {
        ColouredText(p.text_dim, "Range");
        ImGui::SameLine();
        RangeEndButton(state, spec, "low", range->low, touch_sized);
        ImGui::SameLine();
        ColouredText(p.text_dim, "to");
        ImGui::SameLine();
        RangeEndButton(state, spec, "high", range->high, touch_sized);
        ImGui::SameLine();
        const bool published = spec.has_published_range && range->low == spec.published_low &&
                               range->high == spec.published_high;
        if (SmallButton(state, std::string("range_clear_") + spec.key, "No range",
                        std::string("Remove the range of ") + spec.label, touch_sized))
            SetRange(state, spec.id, std::nullopt);
        if (published) WrappedText(p.text_dim, std::string("Published: ") + spec.low_source + " to " + spec.high_source);
    } else {
        const char* add = spec.has_published_range ? "Use the published range" : "Add a range";
        const bool pressed = SmallButton(state, std::string("range_add_") + spec.key, add,
                                         std::string(add) + " for " + spec.label, touch_sized);
        if (pressed) {
            // Starts at the value (or the published range); a tap on either end types it in.
            const double value = state.scenario.assumptions[spec.id];
            SetRange(state, spec.id,
                     spec.has_published_range ? teams::ValueRange{spec.published_low, spec.published_high}
                                              : teams::ValueRange{value, value});
        }
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::PopID();
}
