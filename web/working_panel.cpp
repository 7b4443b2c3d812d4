// The working (see working_panel.h): a four-column table on wide screens, a list on narrow ones.
#include "working_panel.h"

#include "widgets.h"
#include "working.h"

#include <string>

void DrawWorking(AppState& state, bool wide) {
    const Palette& p = state.palette;
    ImGui::PushFont(state.fonts.heading);
    ImGui::SetNextItemOpen(state.show_working);
    const ImVec2 padding = ImGui::GetStyle().FramePadding; // at least 44 px tall on a touch-sized layout
    const bool touch_sized = TouchSized();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x, touch_sized ? (46.0f - ImGui::GetFontSize()) * 0.5f : padding.y));
    // The label says what a click does; the id stays the same, so ImGui keeps the header's focus.
    const char* title = state.show_working ? "Hide the working" : "Show the working";
    state.show_working = ImGui::CollapsingHeader((std::string(title) + "###working").c_str());
    ImGui::PopStyleVar();
    ImGui::PopFont();
    Control disclosure;
    disclosure.role = ControlRole::Disclosure;
    disclosure.key = "show_working";
    disclosure.name = state.show_working ? "Hide the working" : "Show the working"; // aria-expanded says which
    disclosure.expanded = state.show_working;
    if (RecordControl(state.controls, std::move(disclosure)).action == ControlAction::Press)
        state.show_working = !state.show_working; // its stand-in pressed: as a click on the header
    if (!state.show_working) return;
    const std::vector<teams::WorkingStep> steps = teams::ShowWorking(state.scenario, state.results);
    if (wide) {
        // Step | calculation | result | source, one row per step.
        const float total = ImGui::GetContentRegionAvail().x;
        ImGui::Columns(4, "working", false);
        const float shares[4] = {0.2f, 0.38f, 0.16f, 0.26f};
        for (int i = 0; i < 4; ++i)
            ImGui::SetColumnWidth(i, total * shares[i]);
        const char* headings[4] = {"Step", "Calculation", "Result", "Source"};
        for (const char* heading : headings) {
            ColouredText(p.text_dim, heading);
            ImGui::NextColumn();
        }
        ImGui::Separator();
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const teams::WorkingStep& step = steps[i];
            WrappedText(p.text, step.label);
            ImGui::NextColumn();
            WrappedText(p.text, step.formula);
            ImGui::NextColumn();
            WrappedText(p.accent, step.value);
            ImGui::NextColumn();
            ImGui::PushFont(state.fonts.small);
            if (const std::string url = teams::WorkingSourceUrl(state.scenario, step); !url.empty())
                LinkText(state, "working_source_" + std::to_string(i), step.source, url);
            else
                WrappedText(p.text_dim, step.source);
            ImGui::PopFont();
            ImGui::NextColumn();
            ImGui::Separator();
        }
        ImGui::Columns(1);
    } else {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const teams::WorkingStep& step = steps[i];
            ImGui::Spacing();
            WrappedText(p.text, step.label + ": " + step.value);
            WrappedText(p.text_dim, step.formula);
            ImGui::PushFont(state.fonts.small);
            if (const std::string url = teams::WorkingSourceUrl(state.scenario, step); !url.empty()) {
                WrappedText(p.text_dim, "Source:");
                LinkText(state, "working_source_" + std::to_string(i), step.source, url);
            } else {
                WrappedText(p.text_dim, "Source: " + step.source);
            }
            ImGui::PopFont();
        }
    }
    ImGui::Spacing();
    ImGui::PushFont(state.fonts.small);
    WrappedText(p.text_dim,
                "Method: Parent-Infant Foundation, \xE2\x80\x9C"
                "400 specialised parent-infant relationship teams needed "
                "for England\xE2\x80\x9D (2023). Teams needed = births \xC3\x97 years \xC3\x97 % at risk \xC3\x97 "
                "% reached \xC3\xB7 families per team.");
    ImGui::PopFont();
}
