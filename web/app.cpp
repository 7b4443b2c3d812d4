// The calculator's screen, top to bottom as the page reads: the headline and sharing buttons, the
// assumptions, the pictures and the working, in two columns on a wide screen and one on a phone; or,
// in a compact embed, the answer, the gap and the sliders with what the link's show= adds.
// Each section draws in its own file; this one only lays them out.
#include "app.h"

#include "assumption_panel.h"
#include "compare_panel.h"
#include "headline.h"
#include "money_panel.h"
#include "pictures.h"
#include "range_panel.h"
#include "working_panel.h"

#include <algorithm>
#include <cmath>

namespace {

// A compact embed (?embed=1): the headline, the gap picture and the sliders, and only the sections
// the link's show= names (AppState::shown); in two columns from 640 px, the answer on the left and
// the sliders on the right. Its footer (source, download, the full calculator) is the page's own,
// under the canvas.
void DrawEmbedLayout(AppState& state, bool touch_sized) {
    const ShownSections& shown = state.shown;
    auto answer = [&](float width) {
        DrawHeadline(state);
        ImGui::Spacing();
        DrawGapPicture(state, width);
        if (shown.ranges) {
            ImGui::Spacing();
            DrawBreakEven(state);
        }
        if (shown.share) {
            ImGui::Spacing();
            DrawShareButtons(state, touch_sized);
        }
        if (shown.compare) {
            ImGui::Spacing();
            DrawComparePanel(state, touch_sized);
        }
        if (shown.money) {
            ImGui::Spacing();
            DrawMoneyPanel(state);
        }
    };
    auto more_pictures = [&](float width) {
        if (!shown.pictures && !(shown.ranges && !state.results.sensitivity.empty())) return;
        ImGui::Spacing();
        ImGui::Spacing();
        DrawPictures(state, width, false);
    };
    const bool two_columns = ImGui::GetIO().DisplaySize.x / state.text_scale >= 640;
    if (two_columns) {
        const float column_gap = 32.0f;
        const float total = ImGui::GetContentRegionAvail().x;
        ImGui::Columns(2, "layout", false);
        ImGui::SetColumnWidth(0, (total + column_gap) * 0.5f);
        // From the width just set, as in DrawApp's two columns: the first frame lays out as the rest.
        const float left_width = ImGui::GetColumnWidth(0) - 2 * ImGui::GetStyle().ItemSpacing.x - column_gap;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_width);
        answer(left_width);
        more_pictures(left_width);
        ImGui::PopTextWrapPos();
        ImGui::NextColumn();
        DrawAssumptions(state, touch_sized);
        ImGui::Columns(1);
    } else {
        answer(ImGui::GetContentRegionAvail().x);
        ImGui::Spacing();
        ImGui::Spacing();
        DrawAssumptions(state, touch_sized);
        more_pictures(ImGui::GetContentRegionAvail().x);
    }
    if (shown.working) {
        ImGui::Spacing();
        ImGui::Spacing();
        DrawWorking(state, two_columns);
    }
}

} // namespace

void DrawApp(AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    const float width = io.DisplaySize.x;
    // Two columns from 860 px at the default text size; larger text reflows to one column sooner.
    const bool wide = width / state.text_scale >= 860;
    const bool touch_sized = width < 600;
    const float max_content = 1180 * state.text_scale;
    const float side = std::max(wide ? 32.0f : 16.0f, (width - max_content) * 0.5f);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::SetNextWindowScroll(ImVec2(0, state.scroll_offset));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, wide ? 24.0f : 16.0f));
    // No window background: the frame is cleared to the same colour. A blended quad over the whole
    // canvas is the costliest thing in a frame where the GPU is slow to fill (software WebGL doubled
    // its time per frame, and the delay before a dragged slider follows the pointer).
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("Calculator", nullptr, flags);
    ImGui::PopStyleVar();
    state.controls.BeginFrame(); // each section adds the controls it draws

    if (state.embed) {
        DrawEmbedLayout(state, touch_sized);
    } else if (wide) {
        // Two columns: the answer and its pictures on the left, the assumptions on the right.
        const float column_gap = 40.0f;
        const float total = ImGui::GetContentRegionAvail().x;
        ImGui::Columns(2, "layout", false);
        ImGui::SetColumnWidth(0, (total + column_gap) * 0.5f);
        // From the width just set, not the region's (legacy columns apply a new width from the next
        // frame): the first frame, all an embed out of view may draw, lays out as every later one.
        const float left_width = ImGui::GetColumnWidth(0) - 2 * ImGui::GetStyle().ItemSpacing.x - column_gap;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_width);
        DrawHeadline(state);
        DrawBreakEven(state);
        ImGui::Spacing();
        DrawShareButtons(state, touch_sized);
        ImGui::Spacing();
        DrawComparePanel(state, touch_sized);
        ImGui::Spacing();
        DrawMoneyPanel(state);
        ImGui::Spacing();
        ImGui::Spacing();
        DrawPictures(state, left_width);
        ImGui::PopTextWrapPos();
        ImGui::NextColumn();
        DrawAssumptions(state, touch_sized);
        ImGui::Columns(1);
    } else {
        // One column: the gap picture right under the headline, not after every slider.
        DrawHeadline(state);
        ImGui::Spacing();
        DrawGapPicture(state, ImGui::GetContentRegionAvail().x);
        ImGui::Spacing();
        DrawBreakEven(state);
        ImGui::Spacing();
        DrawShareButtons(state, touch_sized);
        ImGui::Spacing();
        DrawComparePanel(state, touch_sized);
        ImGui::Spacing();
        DrawMoneyPanel(state);
        ImGui::Spacing();
        ImGui::Spacing();
        DrawAssumptions(state, touch_sized);
        ImGui::Spacing();
        ImGui::Spacing();
        DrawPictures(state, ImGui::GetContentRegionAvail().x, false);
    }
    if (!state.embed) {
        ImGui::Spacing();
        ImGui::Spacing();
        DrawWorking(state, wide);
    }

    state.content_height = std::ceil(ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y);
    state.controls.EndFrame();
    if (state.controls.scroll_request >= 0) {
        state.scroll_request = state.controls.scroll_request;
        state.controls.scroll_request = -1;
    }
    ImGui::End();
}
