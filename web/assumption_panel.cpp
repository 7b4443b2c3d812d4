// The preset picker and the slider rows (see assumption_panel.h). Plain Dear ImGui; no browser calls.
#include "assumption_panel.h"

#include "presets.h"
#include "range_panel.h"
#include "value_field.h"
#include "widgets.h"
#include "working.h"

#include "imgui_internal.h"

#include <algorithm>

using teams::AssumptionSpec;

namespace {

void DrawPresetPicker(AppState& state) {
    const std::vector<teams::Preset>& presets = teams::Presets();
    const teams::Preset* current = teams::FindPreset(state.scenario.preset);
    // A local scenario ("Leeds (your figures)") is no longer the preset it started from.
    const bool local = teams::IsLocalScenario(state.scenario);
    ImGui::TextUnformatted("Start from");
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string preview = current && !local ? current->label : state.scenario.name;
    // At least 44 px tall on a touch-sized layout, like every touch target there.
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const bool touch_sized = TouchSized();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x, touch_sized ? (46.0f - ImGui::GetFontSize()) * 0.5f : padding.y));
    // The combo's place and id, taken before it draws: once its popup is open, the popup is ImGui's
    // last item.
    const ImVec2 combo_min = ImGui::GetCursorScreenPos();
    const ImVec2 combo_max(combo_min.x + ImGui::CalcItemWidth(), combo_min.y + ImGui::GetFrameHeight());
    const ImGuiID combo_id = ImGui::GetID("##preset");
    auto choose = [&state](const teams::Preset& preset) {
        state.scenario = teams::ScenarioFromPreset(preset);
        OpenMoreIfChanged(state);
        state.scenario_changed = true;
        state.publish_now = true;
        Recalculate(state);
    };
    // The page's window under the list: its rows are recorded in that window's content coordinates.
    const ImVec2 owner_pos = ImGui::GetWindowPos();
    const float owner_scroll = ImGui::GetScrollY();
    const bool combo_open = ImGui::BeginCombo("##preset", preview.c_str(), ImGuiComboFlags_HeightLarge);
    ImGui::PopStyleVar();
    if (combo_open) {
        // Each row is a target of its own: 24 px tall at least (WCAG 2.5.8), 44 px under a finger. A
        // row's target takes in the item spacing above and below its text area.
        const float row_height = std::max((touch_sized ? 44.0f : 24.0f) - ImGui::GetStyle().ItemSpacing.y,
                                          ImGui::GetTextLineHeight());
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
        for (const teams::Preset& preset : presets) {
            const bool selected = current && !local && current->id == preset.id;
            bool pressed = ImGui::Selectable(preset.label.c_str(), selected, 0, ImVec2(0, row_height));
            if (selected) ImGui::SetItemDefaultFocus();
            Control row;
            row.role = ControlRole::Button;
            row.key = "preset_option_" + preset.id;
            row.name = preset.label;
            if (selected) row.value_text = "chosen";
            if (RecordPopupItem(state.controls, std::move(row), owner_pos, owner_scroll).action == ControlAction::Press) {
                pressed = true;
                ImGui::CloseCurrentPopup();
            }
            if (pressed) choose(preset);
        }
        ImGui::PopStyleVar();
        ImGui::EndCombo();
    }
    // For the accessible layer a <select> of the presets, named by the label drawn above it.
    Control picker;
    picker.role = ControlRole::Select;
    picker.key = "preset";
    picker.name = "Start from";
    picker.value_text = preview;
    picker.value = -1;
    for (std::size_t i = 0; i < presets.size(); ++i) {
        picker.options.push_back(presets[i].label);
        if (current && !local && current->id == presets[i].id) picker.value = static_cast<double>(i);
    }
    const ControlRequest picked = RecordControlArea(state.controls, std::move(picker), combo_min, combo_max, combo_id);
    if (picked.action == ControlAction::Select && picked.amount >= 0 &&
        picked.amount < static_cast<double>(presets.size()))
        choose(presets[static_cast<std::size_t>(picked.amount)]);
    std::string note = current && !local ? current->note : std::string();
    if (local)
        note = "Your figures for " + state.scenario.area +
               (state.results.current_teams ? "." : ": enter today's teams to see the gap.");
    if (!note.empty()) {
        ImGui::PushFont(state.fonts.small);
        WrappedText(state.palette.text_dim, note);
        ImGui::PopFont();
    }
}

// The ⓘ beside an assumption's label (the last item): a circled "i" that opens its explanation under
// the label, by a click, a tap, the keyboard or its stand-in ("About <label>", a disclosure). Its
// target is size × size around the label's first line and takes no room in the layout (on a
// touch-sized layout it spans the same 44 px as the value's target). True when the explanation is open.
bool DrawAboutButton(AppState& state, const AssumptionSpec& spec, float size) {
    const Palette& p = state.palette;
    const ImVec2 label_min = ImGui::GetItemRectMin();
    const ImVec2 label_max = ImGui::GetItemRectMax();
    const float centre_y = label_min.y + ImGui::GetTextLineHeight() * 0.5f;
    const ImVec2 min(label_max.x + 2, centre_y - size * 0.5f);
    const ImRect bb(min, ImVec2(min.x + size, min.y + size));
    const ImGuiID id = ImGui::GetID("##about");
    auto& open = state.open_about;
    const auto found = std::find(open.begin(), open.end(), spec.key);
    bool is_open = found != open.end();
    bool hovered = false, held = false;
    bool pressed = false;
    if (ImGui::ItemAdd(bb, id)) pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);

    // The circle, filled while the explanation is open.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(bb.Min.x + size * 0.5f, centre_y);
    const float radius = ImGui::GetFontSize() * 0.45f;
    const ImU32 ring = hovered || held ? p.text : p.accent;
    if (is_open) draw->AddCircleFilled(centre, radius, ring);
    else draw->AddCircle(centre, radius - 0.75f, ring, 0, 1.5f);
    ImFont* font = state.fonts.small;
    const float font_size = ImGui::GetFontSize() * 0.8f;
    const ImVec2 i_size = font->CalcTextSizeA(font_size, FLT_MAX, 0, "i");
    draw->AddText(font, font_size, ImVec2(centre.x - i_size.x * 0.5f, centre.y - i_size.y * 0.5f),
                  is_open ? p.background : ring, "i");
    ImGui::RenderNavHighlight(bb, id);

    Control about;
    about.role = ControlRole::Disclosure;
    about.key = std::string("about_") + spec.key;
    about.name = std::string("About ") + spec.label;
    about.expanded = is_open;
    if (RecordControlArea(state.controls, std::move(about), bb.Min, bb.Max, id).action == ControlAction::Press)
        pressed = true;
    if (pressed) {
        if (is_open) open.erase(found);
        else open.push_back(spec.key);
        is_open = !is_open;
    }
    return is_open;
}

void DrawAssumption(AppState& state, const AssumptionSpec& spec, bool touch_sized) {
    const Palette& p = state.palette;
    const teams::Assumptions& assumptions = state.scenario.assumptions;
    const double value = assumptions[spec.id];
    const bool known = assumptions.Known(spec.id);
    // What Reset returns to: the preset's value, but never another area's count for a local scenario.
    const teams::Assumptions preset = PresetValues(state);
    const bool reference_known = preset.Known(spec.id) && !(spec.can_be_unknown && teams::IsLocalScenario(state.scenario));
    const double preset_value = preset[spec.id];
    ImGui::PushID(spec.key);

    // Label on the left with its ⓘ beside it, value on the right. The label wraps short of the value's
    // target (at least 88 px wide) and the ⓘ's.
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string value_text = ValueText(spec, assumptions);
    const float value_w = ImGui::CalcTextSize(value_text.c_str()).x;
    const float start_x = ImGui::GetCursorPosX();
    const float about_size = touch_sized ? 44.0f : 24.0f;
    ImGui::PushTextWrapPos(start_x + std::max(width - std::max(value_w + 16, 96.0f) - about_size, width * 0.4f));
    ImGui::TextUnformatted(spec.label);
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) ImGui::SetTooltip("%s", spec.help);
    const bool about_open = DrawAboutButton(state, spec, about_size);
    ImGui::SameLine();
    ImGui::SetCursorPosX(start_x + width - value_w);
    ColouredText(p.accent, value_text);
    // A tap on the value, or its stand-in, opens a number field.
    if (RecordValueTarget(state, spec.key, touch_sized)) state.open_value_field = spec.key;
    if (about_open) {
        // The explanation, inline under the label: the same words as the slider's description.
        ImGui::PushFont(state.fonts.small);
        ImGui::PushTextWrapPos(start_x + width);
        WrappedText(p.text, spec.help);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }

    // [-] slider [+]
    const float height = touch_sized ? 44.0f : ImGui::GetFrameHeight();
    const float button_w = touch_sized ? 44.0f : height + 4;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.6f;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, ImGui::GetStyle().ItemSpacing.y));
    ImGui::PushFont(state.fonts.heading);
    const bool minus = ImGui::Button("\xE2\x88\x92##minus", ImVec2(button_w, height)); // − (minus sign)
    if (RecordButton(state, std::string("minus_") + spec.key, std::string("Decrease ") + spec.label) || minus)
        SetValue(state, spec.id, SnapToStep(spec, value - spec.step));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(width - 2 * (button_w + spacing), 60.0f));
    float position = known ? SliderPosition(spec, value) : 0.0f; // not known: dragging gives a value
    const float pad_y = (height - ImGui::GetFontSize()) * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad_y));
    // Activated from the keyboard (Space), the arrow keys step by the table's step, not by ImGui's
    // 1% of the slider's travel.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID slider_id = ImGui::GetID("##slider");
    const bool keyboard_active = g.ActiveId == slider_id && g.ActiveIdSource != ImGuiInputSource_Mouse;
    const bool moved =
        ImGui::SliderFloat("##slider", &position, 0.0f, 1.0f, "",
                           ImGuiSliderFlags_NoInput | ImGuiSliderFlags_NoRoundToFormat | ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopStyleVar();
    Control slider;
    slider.role = ControlRole::Slider;
    slider.key = spec.key;
    slider.name = spec.label;
    slider.value_text = value_text;
    slider.description = spec.help;
    slider.value = value;
    slider.min = spec.min;
    slider.max = spec.max;
    slider.step = spec.step;
    const ControlRequest request = RecordControl(state.controls, std::move(slider));
    // Enter on a slider that has the keyboard's focus opens the number field, as a click on the value
    // does, so an exact value can be typed without a pointer. Enter also took hold of the slider (as
    // Space does): let go, as the field has the keyboard.
    if (ImGui::IsItemFocused() &&
        (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))) {
        state.open_value_field = spec.key;
        if (g.ActiveId == slider_id) ImGui::ClearActiveID();
    }
    if (keyboard_active) {
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            SetValue(state, spec.id, SnapToStep(spec, value - spec.step));
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow))
            SetValue(state, spec.id, SnapToStep(spec, value + spec.step));
    } else if (moved) {
        SetValue(state, spec.id, SliderValue(spec, position));
    }
    // The stand-in's keys and a screen reader's value: the same steps and checks as the canvas's.
    if (request.action == ControlAction::Step) {
        SetValue(state, spec.id, SnapToStep(spec, value + request.amount * spec.step));
    } else if (request.action == ControlAction::SetValue) {
        const double wanted = std::clamp(request.amount, spec.min, spec.max);
        SetValue(state, spec.id, wanted == spec.min || wanted == spec.max ? wanted : SnapToStep(spec, wanted));
    } else if (request.action == ControlAction::OpenField) {
        state.open_value_field = spec.key;
    }
    ImGui::SameLine();
    ImGui::PushFont(state.fonts.heading);
    const bool plus = ImGui::Button("+##plus", ImVec2(button_w, height));
    if (RecordButton(state, std::string("plus_") + spec.key, std::string("Increase ") + spec.label) || plus)
        SetValue(state, spec.id, SnapToStep(spec, value + spec.step));
    ImGui::PopFont();
    ImGui::PopStyleVar();

    // Source, and a reset to the preset's value when it differs.
    // On a touch-sized layout Reset is a 44 px target. Its row grows when it appears; only what lies
    // below the slider being dragged moves, never the slider under the finger.
    // A count that is known can always go back to "not known"; Reset then only appears when it
    // returns to a known value.
    ImGui::PushFont(state.fonts.small);
    const bool changed = known != reference_known || (known && value != preset_value);
    const bool show_reset = changed && reference_known;
    const bool show_not_known = spec.can_be_unknown && known;
    const char* reset = "Reset";
    const char* not_known = "Not known";
    const float button_pad = ImGui::GetStyle().FramePadding.x * (touch_sized ? 3.0f : 2.0f);
    const float reset_w = show_reset ? ImGui::CalcTextSize(reset).x + button_pad * 2 : 0;
    const float not_known_w = show_not_known ? ImGui::CalcTextSize(not_known).x + button_pad * 2 : 0;
    const float buttons_w = reset_w + not_known_w + (show_reset && show_not_known ? spacing : 0);
    ImGui::PushTextWrapPos(start_x + width - buttons_w - 8);
    WrappedText(p.text_dim, "Source: " + teams::SourceFor(state.scenario, spec.id));
    ImGui::PopTextWrapPos();
    const float button_h = touch_sized ? 44.0f : 24.0f; // WCAG 2.5.8: at least 24 px
    if (show_not_known) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(start_x + width - buttons_w);
        const bool pressed = ImGui::Button(not_known, ImVec2(not_known_w, button_h));
        if (RecordButton(state, std::string("not_known_") + spec.key, std::string("Mark as not known: ") + spec.label) ||
            pressed)
            SetNotKnown(state, spec.id);
    }
    if (show_reset) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(start_x + width - reset_w);
        const bool pressed = ImGui::Button(reset, ImVec2(reset_w, button_h));
        if (RecordButton(state, std::string("reset_") + spec.key, std::string("Reset ") + spec.label,
                         "to " + ValueText(spec, preset_value)) ||
            pressed)
            SetValue(state, spec.id, preset_value);
    }
    ImGui::PopFont();
    if (state.shown.ranges) DrawRangeRow(state, spec, touch_sized);
    ImGui::PopID();
}

// Shown in a compact embed without a show= list of sliders: not the refinements under "More
// assumptions", and the money's two figures only with the money section they change.
bool InCompactEmbed(const AppState& state, const AssumptionSpec& spec) {
    if (spec.more) return false;
    if (spec.id == teams::Key::cost_per_baby || spec.id == teams::Key::value_per_child) return state.shown.money;
    return true;
}

// "More assumptions": the refinements the briefing leaves at rest (the table's `more` flag), closed
// unless the visitor opens it or the scenario sets one of them (OpenMoreIfChanged).
void DrawMoreAssumptions(AppState& state, bool touch_sized) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::SetNextItemOpen(state.show_more);
    const ImVec2 padding = ImGui::GetStyle().FramePadding; // at least 44 px tall on a touch-sized layout
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x, touch_sized ? (46.0f - ImGui::GetFontSize()) * 0.5f : padding.y));
    state.show_more = ImGui::CollapsingHeader("More assumptions###more_assumptions");
    ImGui::PopStyleVar();
    Control disclosure;
    disclosure.role = ControlRole::Disclosure;
    disclosure.key = "more_assumptions";
    disclosure.name = "More assumptions";
    disclosure.expanded = state.show_more;
    if (RecordControl(state.controls, std::move(disclosure)).action == ControlAction::Press)
        state.show_more = !state.show_more; // its stand-in pressed: as a click on the header
    if (!state.show_more) return;
    for (const AssumptionSpec& spec : teams::AssumptionTable()) {
        if (!spec.more) continue;
        ImGui::Spacing();
        DrawAssumption(state, spec, touch_sized);
    }
}

} // namespace

void DrawAssumptions(AppState& state, bool touch_sized) {
    Heading(state, "Assumptions");
    if (state.shown.presets) {
        DrawPresetPicker(state);
        ImGui::Spacing();
    }
    // A link's own choice of sliders (show=) is drawn as chosen, without the "More assumptions" group.
    const std::vector<std::string>& only = state.only_sliders;
    for (const AssumptionSpec& spec : teams::AssumptionTable()) {
        if (!only.empty() && std::find(only.begin(), only.end(), spec.key) == only.end()) continue;
        if (spec.more && only.empty()) continue; // under "More assumptions"
        if (only.empty() && state.embed && !InCompactEmbed(state, spec)) continue;
        ImGui::Spacing();
        DrawAssumption(state, spec, touch_sized);
    }
    // A compact embed leaves the group out unless its link sets one of them (then open).
    if (only.empty() && (!state.embed || state.show_more)) DrawMoreAssumptions(state, touch_sized);
}
