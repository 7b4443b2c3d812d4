// The tornado chart's geometry (see chart_model.h): which assumption matters most. Each ranged
// assumption is a bar from the teams needed at its low to those at its high, the others held, on
// one scale, with today's answer as a line through them all.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "chart_model.h"

#include "working.h"

#include <algorithm>
#include <cmath>

namespace teams {

namespace {

ChartMark Mark(MarkKind kind, ChartRole role, float x0, float y0, float x1, float y1) {
    ChartMark m;
    m.kind = kind;
    m.role = role;
    m.x0 = x0, m.y0 = y0, m.x1 = x1, m.y1 = y1;
    return m;
}

ChartMark Label(float x, float y, ChartRole role, std::string text, TextAnchor anchor, float ax) {
    ChartMark m = Mark(MarkKind::Label, role, x, y, x, y);
    m.text = std::move(text);
    m.anchor = anchor;
    m.ax = ax;
    return m;
}

std::string Teams(double teams) {
    return FormatNumber(std::ceil(teams - 1e-9));
}

} // namespace

Chart TornadoChart(const Scenario& scenario, const Results& r, float width, const ChartLayout& layout) {
    (void)scenario;
    Chart chart;
    chart.id = "tornado";
    chart.title = "Which assumption matters most";
    chart.width = width;
    chart.text_size = layout.line_height;
    chart.origin_x = layout.origin_x;
    chart.origin_y = layout.origin_y;
    if (r.sensitivity.empty()) {
        chart.description = "No assumption has a range, so there is nothing to compare.";
        return chart;
    }
    const float ox = layout.origin_x, oy = layout.origin_y, line = layout.line_height;
    auto measure = [&](const std::string& text) { return layout.measure ? layout.measure(text) : 0.0f; };
    const float bar = 18.0f, gap = 6.0f;

    // One scale for every bar, from zero so that lengths compare honestly.
    double top = r.teams_needed;
    for (const Sensitivity& s : r.sensitivity) top = std::max({top, s.teams_at_low, s.teams_at_high});
    const double step = NiceStep(top / 4);
    const double scale_max = std::max(step, std::ceil(top / step) * step);
    auto x_of = [&](double v) { return ox + static_cast<float>(v / scale_max) * width; };

    float y = oy;
    std::string description = "Teams needed as each ranged assumption moves across its range, the others held: ";
    bool first = true;
    for (const Sensitivity& s : r.sensitivity) {
        const AssumptionSpec& spec = Spec(s.key);
        const std::string low_text = DisplayValue(spec, s.low), high_text = DisplayValue(spec, s.high);
        std::string heading = std::string(spec.label) + ": " + low_text + " to " + high_text;
        if (layout.wrap) heading = layout.wrap(heading, width);
        chart.marks.push_back(Label(ox, y, ChartRole::Text, heading, TextAnchor::Start, ox));
        y += line * static_cast<float>(1 + std::count(heading.begin(), heading.end(), '\n')) + gap * 0.5f;

        chart.marks.push_back(Mark(MarkKind::Rect, ChartRole::Panel, ox, y, ox + width, y + bar));
        chart.marks.back().radius = 3.0f;
        const double lo = std::min(s.teams_at_low, s.teams_at_high), hi = std::max(s.teams_at_low, s.teams_at_high);
        const float x0 = x_of(lo), x1 = std::max(x_of(hi), x0 + 2);
        chart.marks.push_back(Mark(MarkKind::Rect, ChartRole::Gap, x0, y, x1, y + bar));
        chart.marks.back().radius = 3.0f;
        y += bar + 2;

        // The teams at each end, under the bar's ends (kept inside the chart).
        const std::string at_low = Teams(s.teams_at_low) + " at " + low_text;
        const std::string at_high = Teams(s.teams_at_high) + " at " + high_text;
        const float w_low = measure(at_low), w_high = measure(at_high);
        const float left_end = x_of(s.teams_at_low), right_end = x_of(s.teams_at_high);
        float lx = std::clamp(left_end - w_low * 0.5f, ox, ox + width - w_low);
        float hx = std::clamp(right_end - w_high * 0.5f, ox, ox + width - w_high);
        const bool overlap = std::fabs((lx + w_low * 0.5f) - (hx + w_high * 0.5f)) < (w_low + w_high) * 0.5f + 8;
        if (overlap && lx <= hx) {
            lx = std::clamp(std::min(left_end, right_end) - w_low, ox, ox + width - w_low - w_high - 8);
            hx = std::min(lx + w_low + 8, ox + width - w_high);
        } else if (overlap) {
            hx = std::clamp(std::min(left_end, right_end) - w_high, ox, ox + width - w_low - w_high - 8);
            lx = std::min(hx + w_high + 8, ox + width - w_low);
        }
        chart.marks.push_back(Label(lx, y, ChartRole::TextDim, at_low, TextAnchor::Start, lx));
        chart.marks.push_back(Label(hx, y, ChartRole::TextDim, at_high, TextAnchor::Start, hx));
        y += line + gap * 2;

        description += (first ? "" : "; ") + std::string(spec.label) + " from " + low_text + " to " + high_text +
                       " gives " + Teams(s.teams_at_low) + " to " + Teams(s.teams_at_high) + " teams";
        first = false;
    }

    // Today's answer as a line through every bar, and the axis.
    const float answer_x = x_of(r.teams_needed);
    chart.marks.insert(chart.marks.begin(), Mark(MarkKind::Line, ChartRole::Accent, answer_x, oy, answer_x, y - gap));
    chart.marks.front().thickness = 2.0f;
    chart.marks.push_back(Mark(MarkKind::Line, ChartRole::Grid, ox, y, ox + width, y));
    chart.marks.back().thickness = 1.0f;
    for (double v = 0; v <= scale_max + 1e-9; v += step) {
        const float x = x_of(v);
        chart.marks.push_back(Mark(MarkKind::Line, ChartRole::Grid, x, y, x, y + 4));
        chart.marks.back().thickness = 1.0f;
        const std::string tick = FormatNumber(v);
        const float w = measure(tick);
        const float tx = std::clamp(x - w * 0.5f, ox, ox + width - w);
        chart.marks.push_back(Label(tx, y + 5, ChartRole::TextDim, tick, TextAnchor::Middle, x));
    }
    y += 5 + line + gap;
    const std::string key = "Line: " + Teams(r.teams_needed) + " teams at this scenario's values";
    chart.marks.push_back(Label(ox, y, ChartRole::Accent, key, TextAnchor::Start, ox));
    y += line;
    chart.height = y - oy;
    chart.description = description + ". " + key + ".";
    return chart;
}

} // namespace teams
