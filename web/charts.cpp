// The ImGui renderer for the chart model (src/chart_model.h): draws each picture's marks with the
// window's draw list and reserves its space. No geometry is decided here; the SVG writer draws the
// same model, so the canvas and the downloads agree.
#include "charts.h"

#include "chart_model.h"
#include "text_wrap.h"

#include "imgui_internal.h"

#include <algorithm>

namespace {

ImU32 WithAlpha(ImU32 colour, float alpha) {
    const ImU32 a = static_cast<ImU32>(((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImU32 Colour(const Palette& p, teams::ChartRole role) {
    switch (role) {
    case teams::ChartRole::Text:
        return p.text;
    case teams::ChartRole::TextDim:
        return p.text_dim;
    case teams::ChartRole::Accent:
        return p.accent;
    case teams::ChartRole::AccentSoft:
        return p.accent_soft;
    case teams::ChartRole::Gap:
        return p.gap;
    case teams::ChartRole::Risk:
        return p.risk;
    case teams::ChartRole::Grid:
        return p.grid;
    case teams::ChartRole::Panel:
        return p.panel;
    }
    return p.text;
}

float SmallSize(const AppState& state) {
    return state.fonts.small->FontSize * ImGui::GetIO().FontGlobalScale;
}

// What ImGui's own text rendering does to a line that does not fit its wrap width (it breaks it
// again, also after '.' and ','): the sentences were always drawn that way, so their lines match.
std::string RewrapAsImGui(ImFont* font, float size, const std::string& text, float wrap_width) {
    const float scale = size / font->FontSize;
    const char* s = text.c_str();
    const char* end = s + text.size();
    const char* eol = nullptr;
    std::string out;
    while (s < end) {
        if (!eol) eol = font->CalcWordWrapPositionA(scale, s, end, wrap_width);
        if (s >= eol) {
            out += '\n';
            eol = nullptr;
            while (s < end && (*s == ' ' || *s == '\t'))
                ++s; // as ImGui skips the blanks at a wrap
            if (s < end && *s == '\n') ++s;
            continue;
        }
        unsigned int c = 0;
        const int length = *s > 0 ? 1 : ImTextCharFromUtf8(&c, s, end);
        out.append(s, static_cast<size_t>(length));
        s += length;
    }
    return out;
}

void DrawChart(const AppState& state, const teams::Chart& chart) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* font = state.fonts.small;
    const float size = SmallSize(state);
    for (const teams::ChartMark& m : chart.marks) {
        ImU32 colour = Colour(state.palette, m.role);
        if (m.alpha < 1) colour = WithAlpha(colour, m.alpha);
        switch (m.kind) {
        case teams::MarkKind::Rect:
            draw->AddRectFilled(ImVec2(m.x0, m.y0), ImVec2(m.x1, m.y1), colour, m.radius);
            break;
        case teams::MarkKind::Line:
            draw->AddLine(ImVec2(m.x0, m.y0), ImVec2(m.x1, m.y1), colour, m.thickness);
            break;
        case teams::MarkKind::Circle:
            if (m.thickness > 0)
                draw->AddCircle(ImVec2(m.x0, m.y0), m.radius, colour, 0, m.thickness);
            else
                draw->AddCircleFilled(ImVec2(m.x0, m.y0), m.radius, colour);
            break;
        case teams::MarkKind::Label: // one call for all its lines, as ImGui spaces them
            draw->AddText(font, size, ImVec2(m.x0, m.y0), colour, m.text.c_str(), m.text.c_str() + m.text.size());
            break;
        }
    }
    ImGui::Dummy(ImVec2(chart.width, chart.height));
}

// A point's readout: the year under the pointer (hover), or the one last tapped or clicked, with a
// guide line, the point ringed and its values in a box kept inside the chart.
void DrawReadout(AppState& state, const teams::Chart& chart) {
    const int count = static_cast<int>(chart.points.size());
    if (state.scale_up_point >= count) state.scale_up_point = -1;
    if (count == 0) return;
    const ImGuiIO& io = ImGui::GetIO();
    auto point_at = [&](ImVec2 pos) {
        for (int i = 0; i < count; ++i) {
            const teams::ChartPoint& p = chart.points[static_cast<size_t>(i)];
            if (pos.x >= p.x0 && pos.x < p.x1 + (i + 1 == count ? 1 : 0) && pos.y >= p.y0 - 8 && pos.y <= p.y1 + 8)
                return i;
        }
        return -1;
    };
    const bool window_hovered = ImGui::IsWindowHovered();
    const int hovered = window_hovered && ImGui::IsMousePosValid() ? point_at(io.MousePos) : -1;
    // A tap or click (not a drag that scrolls) keeps a year's readout; another on it, or off the
    // chart's points, lets it go.
    if (window_hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left)) {
        const int tapped = point_at(io.MousePos);
        const ImVec2 top(chart.origin_x, chart.origin_y);
        const bool on_chart = io.MousePos.x >= top.x && io.MousePos.x <= top.x + chart.width &&
                              io.MousePos.y >= top.y && io.MousePos.y <= top.y + chart.height;
        if (tapped >= 0) state.scale_up_point = tapped == state.scale_up_point ? -1 : tapped;
        else if (!on_chart) state.scale_up_point = -1;
    }
    const int shown = hovered >= 0 ? hovered : state.scale_up_point;
    if (shown < 0) return;
    const teams::ChartPoint& p = chart.points[static_cast<size_t>(shown)];
    const Palette& palette = state.palette;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddLine(ImVec2(p.x, p.y0), ImVec2(p.x, p.y1), palette.text_dim, 1.0f);
    draw->AddCircle(ImVec2(p.x, p.y), 6.5f, palette.text, 0, 2.0f);

    ImFont* font = state.fonts.small;
    const float size = SmallSize(state);
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, p.text.c_str());
    const float pad = 6;
    const float box_w = text.x + 2 * pad, box_h = text.y + 2 * pad;
    const float left = chart.origin_x, right = chart.origin_x + chart.width;
    float x = std::clamp(p.x - box_w * 0.5f, left, std::max(left, right - box_w));
    // Above the point when there is room in the plot, else under it.
    float y = p.y - 12 - box_h;
    if (y < p.y0) y = p.y + 12;
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + box_w, y + box_h), palette.background, 4.0f);
    draw->AddRect(ImVec2(x, y), ImVec2(x + box_w, y + box_h), palette.border ? palette.border : palette.text_dim, 4.0f,
                  0, 1.0f);
    draw->AddText(font, size, ImVec2(x + pad, y + pad), palette.text, p.text.c_str());
}

} // namespace

teams::ChartLayout CanvasChartLayout(const AppState& state) {
    teams::ChartLayout layout;
    ImFont* font = state.fonts.small;
    const float size = SmallSize(state);
    layout.line_height = font->CalcTextSizeA(size, FLT_MAX, 0, "Ag").y;
    layout.measure = [font, size](std::string_view piece) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, piece.data(), piece.data() + piece.size()).x;
    };
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float cursor_x = ImGui::GetCursorPosX();
    layout.wrap = [font, size, cursor_x, origin](std::string_view text, float width) {
        // The width a wrap position `width` past the row's start gives, as ImGui computes it.
        const float wrap_width = ImGui::CalcWrapWidthForPos(origin, cursor_x + width);
        const std::string lines = teams::WrapAtSpaces(text, wrap_width, [font, size](std::string_view piece) {
            ImVec2 s = font->CalcTextSizeA(size, FLT_MAX, 0, piece.data(), piece.data() + piece.size());
            return IM_TRUNC(s.x + 0.99999f); // as ImGui::CalcTextSize rounds
        });
        return RewrapAsImGui(font, size, lines, wrap_width);
    };
    layout.body_line_height = ImGui::GetTextLineHeight();
    layout.item_spacing = ImGui::GetStyle().ItemSpacing.y;
    layout.origin_x = origin.x;
    layout.origin_y = origin.y;
    return layout;
}

void DrawGapChart(const AppState& state, float width) {
    DrawChart(state, teams::GapChart(state.scenario, state.results, width, CanvasChartLayout(state)));
}

void DrawPathChart(AppState& state, float width, float height) {
    const teams::Chart chart = teams::ScaleUpChart(state.scenario, state.results, width, height, CanvasChartLayout(state));
    DrawChart(state, chart);
    DrawReadout(state, chart);
}

void DrawBabiesChart(const AppState& state, float width) {
    DrawChart(state, teams::BabiesChart(state.scenario, state.results, width, CanvasChartLayout(state)));
}

void DrawTornadoChart(const AppState& state, float width) {
    DrawChart(state, teams::TornadoChart(state.scenario, state.results, width, CanvasChartLayout(state)));
}
