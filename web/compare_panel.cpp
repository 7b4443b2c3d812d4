// The side-by-side view (see compare_panel.h). Plain Dear ImGui over the estimator; no browser calls.
#include "compare_panel.h"

#include "widgets.h"
#include "working.h"

#include <algorithm>
#include <cmath>

using teams::Key;

namespace {

std::string Teams(double teams) {
    return Whole(std::ceil(teams - 1e-9));
}

std::string RangeText(const teams::Results& r) {
    if (r.sensitivity.empty()) return "no range";
    return Teams(r.range.low) + " to " + Teams(r.range.high);
}

std::string GapText(const teams::Results& r) {
    if (!r.teams_gap || !r.teams_gap_whole) return "not known (teams today not known)";
    if (*r.teams_gap <= 0) return "none (" + Whole(-*r.teams_gap) + " to spare)";
    return Whole(static_cast<double>(*r.teams_gap_whole)) + " more";
}

std::string CostText(const teams::Results& r) {
    std::string text = teams::RoundedPounds(r.annual_cost);
    if (r.gap_annual_cost) text += " (" + teams::RoundedPounds(*r.gap_annual_cost) + " more)";
    else text += " (more: not known)";
    return text;
}

bool Button(const char* label, bool touch_sized) {
    return touch_sized ? ImGui::Button(label, ImVec2(0, 44.0f)) : ImGui::Button(label);
}

} // namespace

void DrawComparePanel(AppState& state, bool touch_sized) {
    const Palette& p = state.palette;
    if (!state.pinned) {
        const bool pressed = Button("Pin as A to compare", touch_sized);
        if (RecordButton(state, "pin", "Pin this scenario as A, to compare it with your changes") || pressed)
            SetPinned(state, state.scenario);
        return;
    }
    const teams::Scenario& a = *state.pinned;
    const teams::Results& ra = state.pinned_results;
    const teams::Results& rb = state.results;
    Heading(state, "A and B side by side");

    const float width = ImGui::GetContentRegionAvail().x;
    const float first = std::min(150.0f, width * 0.34f);
    const float column = (width - first) * 0.5f;
    const float x0 = ImGui::GetCursorPosX();
    auto row = [&](const std::string& label, const std::string& left, const std::string& right, ImU32 colour) {
        const float y = ImGui::GetCursorPosY();
        float bottom = y;
        const std::string cells[3] = {label, left, right};
        const float xs[3] = {x0, x0 + first, x0 + first + column};
        const float ws[3] = {first - 8, column - 8, column - 8};
        for (int i = 0; i < 3; ++i) {
            ImGui::SetCursorPos(ImVec2(xs[i], y));
            ImGui::PushTextWrapPos(xs[i] + ws[i]);
            WrappedText(i == 0 ? p.text_dim : colour, cells[i]);
            ImGui::PopTextWrapPos();
            bottom = std::max(bottom, ImGui::GetCursorPosY());
        }
        ImGui::SetCursorPos(ImVec2(x0, bottom));
    };
    row("", "A: " + a.name, "B: " + state.scenario.name, p.text);
    row("Teams needed", Whole(static_cast<double>(ra.teams_needed_whole)), Whole(static_cast<double>(rb.teams_needed_whole)),
        p.accent);
    row("Range", RangeText(ra), RangeText(rb), p.text);
    row("Gap to today", GapText(ra), GapText(rb), p.gap);
    row("Cost a year", CostText(ra), CostText(rb), p.text);
    const std::vector<Key> differing = teams::DifferingAssumptions(a, state.scenario);
    if (differing.empty()) {
        ImGui::PushFont(state.fonts.small);
        WrappedText(p.text_dim, "No assumption differs yet: change one to see B move away from A.");
        ImGui::PopFont();
    }
    for (const Key key : differing) {
        const teams::AssumptionSpec& spec = teams::Spec(key);
        auto shown = [&](const teams::Scenario& s) {
            std::string text = ValueText(spec, s.assumptions[key]);
            if (const std::optional<teams::ValueRange>& range = s.ranges[key])
                text += " (" + ValueText(spec, range->low) + " to " + ValueText(spec, range->high) + ")";
            return text;
        };
        ImGui::PushFont(state.fonts.small);
        row(spec.label, shown(a), shown(state.scenario), p.text);
        ImGui::PopFont();
    }
    const bool clear = Button("Clear A", touch_sized);
    if (RecordButton(state, "unpin", "Clear scenario A: back to one scenario") || clear) {
        SetPinned(state, std::nullopt);
        return;
    }
    ImGui::SameLine();
    const bool repin = Button("Pin B as A", touch_sized);
    if (RecordButton(state, "repin", "Pin the current scenario, B, as A") || repin) SetPinned(state, state.scenario);
}
