// Pictures drawn with ImDrawList (see charts.h). Plain ImGui; no browser, no estimator maths here:
// every number comes from AppState's results.
#include "charts.h"

#include "widgets.h"
#include "working.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace {

ImU32 WithAlpha(ImU32 colour, float alpha) {
    const ImU32 a = static_cast<ImU32>(((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

void Text(ImDrawList* draw, ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text) {
    draw->AddText(font, font->FontSize * ImGui::GetIO().FontGlobalScale, pos, colour, text.c_str());
}

ImVec2 TextSize(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize * ImGui::GetIO().FontGlobalScale, FLT_MAX, 0, text.c_str());
}

// 1, 2 or 5 times a power of ten, at least `rough`.
double NiceStep(double rough) {
    if (!(rough > 0)) return 1;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= rough) return m * power;
    return 10 * power;
}

// "8.8" / "12" : one decimal below 10, none above.
std::string Ratio(double value) {
    return teams::FormatNumber(value, value < 10 ? 1 : 0);
}

} // namespace

void DrawGapChart(const AppState& state, float width) {
    const Palette& p = state.palette;
    const teams::Results& r = state.results;
    const double current = state.scenario.assumptions[teams::Key::current_teams];
    const double developing = state.scenario.assumptions[teams::Key::teams_in_development];
    const double needed = r.teams_needed;
    const double scale_max = std::max({needed, current + developing, 1.0});
    ImFont* font = state.fonts.small;
    const float line = TextSize(font, "Ag").y;
    const float bar = 22.0f;
    const float gap = 6.0f;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    auto x_of = [&](double v) { return origin.x + static_cast<float>(v / scale_max) * width; };

    // Today.
    std::string today = "Today: " + Whole(current) + (current == 1 ? " team" : " teams");
    if (developing > 0) today += " (+" + Whole(developing) + " in development)";
    Text(draw, font, ImVec2(origin.x, y), p.text, today);
    y += line + gap * 0.5f;
    draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + bar), p.panel, 4.0f);
    if (current > 0)
        draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(std::max(x_of(current), origin.x + 2), y + bar), p.accent,
                            4.0f);
    if (developing > 0) {
        const float x0 = x_of(current), x1 = std::max(x_of(current + developing), x0 + 2);
        draw->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + bar), p.accent_soft, 0.0f);
    }
    y += bar + gap * 2;

    // Needed.
    Text(draw, font, ImVec2(origin.x, y), p.text,
         "Needed: " + Whole(static_cast<double>(r.teams_needed_whole)) +
             (r.teams_needed_whole == 1 ? " team" : " teams"));
    y += line + gap * 0.5f;
    draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + bar), p.panel, 4.0f);
    draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(std::max(x_of(needed), origin.x + 2), y + bar), p.gap, 4.0f);
    // Today's teams drawn over the need, so the gap is the part that stays orange.
    if (current > 0)
        draw->AddRectFilled(ImVec2(origin.x, y),
                            ImVec2(std::max(x_of(std::min(current, needed)), origin.x + 2), y + bar),
                            WithAlpha(p.accent, 0.9f), 4.0f);
    y += bar + gap;

    // The gap as a bracket under the bar.
    std::string caption;
    if (r.teams_gap > 0) {
        const float x0 = x_of(current), x1 = x_of(needed);
        draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), p.text_dim, 1.5f);
        draw->AddLine(ImVec2(x0, y - 4), ImVec2(x0, y + 4), p.text_dim, 1.5f);
        draw->AddLine(ImVec2(x1, y - 4), ImVec2(x1, y + 4), p.text_dim, 1.5f);
        caption = "Gap: " + Whole(static_cast<double>(r.teams_gap_whole)) + " more teams";
        if (r.scale_factor) caption += " (" + Ratio(*r.scale_factor) + "\xC3\x97 today)";
    } else {
        caption = "Today's teams meet the need (" + Whole(-r.teams_gap) + " to spare)";
    }
    y += gap;
    Text(draw, font, ImVec2(origin.x, y), p.text_dim, caption);
    y += line;
    ImGui::Dummy(ImVec2(width, y - origin.y));
}

void DrawPathChart(const AppState& state, float width, float height) {
    const Palette& p = state.palette;
    const teams::Results& r = state.results;
    ImFont* font = state.fonts.small;
    const float line = TextSize(font, "Ag").y;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (r.path.size() < 2) {
        ImGui::Dummy(ImVec2(width, 1));
        return;
    }
    const bool has_compound = r.path.front().compound_teams.has_value();

    // Legend.
    float y = origin.y;
    auto legend = [&](ImU32 colour, const std::string& text) {
        draw->AddRectFilled(ImVec2(origin.x, y + line * 0.35f), ImVec2(origin.x + 14, y + line * 0.35f + 4), colour);
        Text(draw, font, ImVec2(origin.x + 20, y), p.text, text);
        y += line + 2;
    };
    const double years = static_cast<double>(r.path.back().year);
    const bool growing = r.teams_gap > 0;
    if (growing) {
        legend(p.accent, "Straight line: " + Whole(std::ceil(r.new_teams_per_year)) + " new teams a year");
        if (has_compound && r.annual_growth_percent)
            legend(p.gap,
                   "Steady growth: " + teams::FormatNumber(*r.annual_growth_percent, 0) + "% more teams each year");
    } else {
        legend(p.accent, "Today's teams already meet the need");
    }
    y += 6;

    // Plot area.
    double top = 1;
    for (const teams::ScaleUpYear& year : r.path) {
        top = std::max(top, year.linear_teams);
        if (year.compound_teams) top = std::max(top, *year.compound_teams);
    }
    const double step = NiceStep(top / 4);
    top = std::ceil(top / step) * step;
    const float label_w = TextSize(font, Whole(top)).x + 8;
    const ImVec2 plot_min(origin.x + label_w, y + line * 0.5f);
    const ImVec2 plot_max(origin.x + width - 8, origin.y + height - line - 6);
    auto px = [&](double year) { return plot_min.x + static_cast<float>(year / years) * (plot_max.x - plot_min.x); };
    auto py = [&](double teams) { return plot_max.y - static_cast<float>(teams / top) * (plot_max.y - plot_min.y); };

    for (double v = 0; v <= top + step * 0.5; v += step) {
        draw->AddLine(ImVec2(plot_min.x, py(v)), ImVec2(plot_max.x, py(v)), p.grid, 1.0f);
        const std::string label = Whole(v);
        Text(draw, font, ImVec2(plot_min.x - 6 - TextSize(font, label).x, py(v) - line * 0.5f), p.text_dim, label);
    }
    const int label_every = years > 10 ? 5 : (years > 6 ? 2 : 1);
    for (const teams::ScaleUpYear& year : r.path) {
        if (year.year % label_every != 0 && year.year != static_cast<int>(years)) continue;
        const std::string label = year.year == 0 ? "Now" : std::to_string(year.year);
        const float x = px(year.year) - TextSize(font, label).x * 0.5f;
        Text(draw, font, ImVec2(std::clamp(x, plot_min.x - 4, plot_max.x - TextSize(font, label).x), plot_max.y + 4),
             p.text_dim, label);
    }
    // The target.
    const float target_y = py(r.teams_needed);
    for (float x = plot_min.x; x < plot_max.x; x += 10)
        draw->AddLine(ImVec2(x, target_y), ImVec2(std::min(x + 5, plot_max.x), target_y), p.text_dim, 1.0f);

    // The two paths.
    auto polyline = [&](ImU32 colour, bool compound) {
        ImVec2 prev;
        for (size_t i = 0; i < r.path.size(); ++i) {
            const double v = compound ? r.path[i].compound_teams.value_or(0) : r.path[i].linear_teams;
            const ImVec2 pt(px(r.path[i].year), py(v));
            if (i > 0) draw->AddLine(prev, pt, colour, 2.5f);
            prev = pt;
        }
        for (const teams::ScaleUpYear& year : r.path) {
            const double v = compound ? year.compound_teams.value_or(0) : year.linear_teams;
            draw->AddCircleFilled(ImVec2(px(year.year), py(v)), 3.5f, colour);
        }
    };
    polyline(p.accent, false);
    if (has_compound && growing) polyline(p.gap, true);
    ImGui::Dummy(ImVec2(width, height));
}

void DrawBabiesChart(const AppState& state, float width) {
    const Palette& p = state.palette;
    const teams::Results& r = state.results;
    ImFont* font = state.fonts.small;
    const double cohort = r.cohort_babies > 0 ? r.cohort_babies : 1;
    // The wider tier counts only when teams support some of it (wider_access above 0).
    const bool wider = state.scenario.assumptions[teams::Key::wider_access] > 0;
    const double at_risk_pct = (r.babies_at_risk + (wider ? r.babies_at_risk_wider : 0.0)) / cohort * 100.0;
    const double reached_pct = r.share_of_cohort;
    const int at_risk = static_cast<int>(std::clamp(std::lround(at_risk_pct), 0L, 100L));
    const int reached = static_cast<int>(std::clamp(std::lround(reached_pct), 0L, static_cast<long>(at_risk)));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float cell = std::min(width / 10.0f, 30.0f);
    const float radius = cell * 0.36f;
    for (int i = 0; i < 100; ++i) {
        const ImVec2 c(origin.x + (static_cast<float>(i % 10) + 0.5f) * cell,
                       origin.y + (static_cast<float>(i / 10) + 0.5f) * cell);
        if (i < reached)
            draw->AddCircleFilled(c, radius, p.accent);
        else if (i < at_risk)
            draw->AddCircleFilled(c, radius, p.risk);
        else
            draw->AddCircle(c, radius - 0.75f, p.text_dim, 0, 1.5f);
    }
    ImGui::Dummy(ImVec2(cell * 10, cell * 10 + 4));

    const std::string risk_text =
        teams::FormatNumber(at_risk_pct, std::fabs(at_risk_pct - std::round(at_risk_pct)) < 0.05 ? 0 : 1);
    const std::string reach_text =
        teams::FormatNumber(reached_pct, std::fabs(reached_pct - std::round(reached_pct)) < 0.05 ? 0 : 1);
    ImGui::PushFont(font);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    WrappedText(p.text, "Of every 100 babies aged 0\xE2\x80\x93"
                        "2, " +
                            risk_text + " are at risk and " + reach_text + " would be reached by a team each year.");
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    // Key.
    const ImVec2 key = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    draw->AddCircleFilled(ImVec2(key.x + 6, key.y + line * 0.5f), 6, p.accent);
    Text(draw, font, ImVec2(key.x + 16, key.y), p.text_dim, "reached");
    const float x2 = key.x + 24 + TextSize(font, "reached").x;
    draw->AddCircleFilled(ImVec2(x2 + 6, key.y + line * 0.5f), 6, p.risk);
    Text(draw, font, ImVec2(x2 + 16, key.y), p.text_dim, "at risk, not reached");
    ImGui::Dummy(ImVec2(width, line));
}
