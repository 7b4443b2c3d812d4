// The pictures' geometry (see chart_model.h). Every number drawn comes from Results; the layout
// follows the canvas exactly (ImGui's item spacing and whole-pixel rows), so the SVG copy matches it.
#include "chart_model.h"

#include "working.h"

#include <algorithm>
#include <cmath>

namespace teams {

// [SECTION] Helpers

namespace {

std::string Whole(double value) {
    return FormatNumber(value, 0);
}

// "8.8" / "12" : one decimal below 10, none above.
std::string Ratio(double value) {
    return FormatNumber(value, value < 10 ? 1 : 0);
}

// Marks are added through this small builder so the chart functions read as drawing code.
struct Builder {
    Chart& chart;
    void Rect(float x0, float y0, float x1, float y1, ChartRole role, float rounding, float alpha = 1) {
        ChartMark m;
        m.kind = MarkKind::Rect;
        m.role = role;
        m.alpha = alpha;
        m.x0 = x0, m.y0 = y0, m.x1 = x1, m.y1 = y1;
        m.radius = rounding;
        chart.marks.push_back(std::move(m));
    }
    void Line(float x0, float y0, float x1, float y1, ChartRole role, float thickness) {
        ChartMark m;
        m.kind = MarkKind::Line;
        m.role = role;
        m.x0 = x0, m.y0 = y0, m.x1 = x1, m.y1 = y1;
        m.thickness = thickness;
        chart.marks.push_back(std::move(m));
    }
    void Circle(float cx, float cy, float radius, ChartRole role, float outline = 0) {
        ChartMark m;
        m.kind = MarkKind::Circle;
        m.role = role;
        m.x0 = cx, m.y0 = cy;
        m.radius = radius;
        m.thickness = outline;
        chart.marks.push_back(std::move(m));
    }
    // x is where the text starts; anchor/ax say what it is aligned to.
    void Label(float x, float y, ChartRole role, std::string text, TextAnchor anchor = TextAnchor::Start,
               float ax = -1) {
        ChartMark m;
        m.kind = MarkKind::Label;
        m.role = role;
        m.x0 = x, m.y0 = y;
        m.text = std::move(text);
        m.anchor = anchor;
        m.ax = anchor == TextAnchor::Start ? x : ax;
        chart.marks.push_back(std::move(m));
    }
};

float Measure(const ChartLayout& layout, const std::string& s) {
    return layout.measure ? layout.measure(s) : 0.0f;
}

// ImGui's IM_TRUNC, which its layout applies to each new row's position.
float Trunc(float v) {
    return static_cast<float>(static_cast<int>(v));
}

Chart NewChart(const char* id, const char* title, float width, const ChartLayout& layout) {
    Chart chart;
    chart.id = id;
    chart.title = title;
    chart.width = width;
    chart.text_size = layout.line_height;
    chart.origin_x = layout.origin_x;
    chart.origin_y = layout.origin_y;
    return chart;
}

} // namespace

double NiceStep(double rough) {
    if (!(rough > 0)) return 1;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= rough) return m * power;
    return 10 * power;
}

ChartLayout ApproximateLayout() {
    ChartLayout layout;
    layout.measure = [](std::string_view s) {
        // Count characters, not bytes (UTF-8 continuation bytes add nothing).
        float chars = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) chars += (c == ' ' || c == '.' || c == ',') ? 0.5f : 1.0f;
        return chars * 13.5f * 0.56f;
    };
    return layout;
}

// [SECTION] Today against the need

Chart GapChart(const Scenario& scenario, const Results& r, float width, const ChartLayout& layout) {
    Chart chart = NewChart("gap", "Today against the need", width, layout);
    Builder b{chart};
    const float ox = layout.origin_x, oy = layout.origin_y;
    (void)scenario;
    // Not known is drawn as an empty bar with words, never as a bar of 0.
    const bool known = r.current_teams.has_value();
    const double current = r.current_teams.value_or(0);
    const double developing = r.teams_in_development.value_or(0);
    const double needed = r.teams_needed;
    const double scale_max = std::max({needed, current + developing, 1.0});
    const float line = layout.line_height;
    const float bar = 22.0f;
    const float gap = 6.0f;
    float y = oy;
    auto x_of = [&](double v) { return ox + static_cast<float>(v / scale_max) * width; };

    // Today.
    std::string today = known ? "Today: " + CountText(current, "team", "teams") : std::string(kTeamsTodayNotKnown);
    if (known && developing > 0) today += " (+" + Whole(developing) + " in development)";
    b.Label(ox, y, ChartRole::Text, today);
    y += line + gap * 0.5f;
    b.Rect(ox, y, ox + width, y + bar, ChartRole::Panel, 4.0f);
    if (current > 0) b.Rect(ox, y, std::max(x_of(current), ox + 2), y + bar, ChartRole::Accent, 4.0f);
    if (developing > 0) {
        const float x0 = x_of(current), x1 = std::max(x_of(current + developing), x0 + 2);
        b.Rect(x0, y, x1, y + bar, ChartRole::AccentSoft, 0.0f);
    }
    y += bar + gap * 2;

    // Needed.
    const std::string needed_text = "Needed: " + CountText(static_cast<double>(r.teams_needed_whole), "team", "teams");
    b.Label(ox, y, ChartRole::Text, needed_text);
    y += line + gap * 0.5f;
    b.Rect(ox, y, ox + width, y + bar, ChartRole::Panel, 4.0f);
    b.Rect(ox, y, std::max(x_of(needed), ox + 2), y + bar, ChartRole::Gap, 4.0f);
    // Today's teams drawn over the need, so the gap is the part that stays orange.
    if (current > 0)
        b.Rect(ox, y, std::max(x_of(std::min(current, needed)), ox + 2), y + bar, ChartRole::Accent, 4.0f, 0.9f);
    y += bar + gap;

    // The gap as a bracket under the bar.
    std::string caption;
    if (!known || !r.teams_gap || !r.teams_gap_whole) {
        caption = "The gap shows once today's teams are entered";
    } else if (*r.teams_gap > 0) {
        const float x0 = x_of(current), x1 = x_of(needed);
        b.Line(x0, y, x1, y, ChartRole::TextDim, 1.5f);
        b.Line(x0, y - 4, x0, y + 4, ChartRole::TextDim, 1.5f);
        b.Line(x1, y - 4, x1, y + 4, ChartRole::TextDim, 1.5f);
        caption = "Gap: " + CountText(static_cast<double>(*r.teams_gap_whole), "more team", "more teams");
        if (r.scale_factor) caption += " (" + Ratio(*r.scale_factor) + "\xC3\x97 today)";
    } else {
        caption = "Today's teams meet the need (" + Whole(-*r.teams_gap) + " to spare)";
    }
    y += gap;
    b.Label(ox, y, ChartRole::TextDim, caption);
    y += line;
    chart.height = y - oy;
    chart.description = today + ". " + needed_text + ". " + caption + ".";
    return chart;
}

// [SECTION] Scaling up

// The whole number the headline gives: "398 needed".
std::string ScaleUpTargetText(const Results& r) {
    return Whole(static_cast<double>(r.teams_needed_whole)) + " needed";
}

Chart ScaleUpChart(const Scenario&, const Results& r, float width, float height, const ChartLayout& layout) {
    Chart chart = NewChart("scale_up", "Scaling up", width, layout);
    chart.height = height;
    Builder b{chart};
    if (r.path.size() < 2 || !r.teams_gap || !r.new_teams_per_year) {
        // Today's teams not known: nothing to draw a path from.
        chart.description = "The path from today to the teams needed shows once today's teams are entered.";
        b.Label(layout.origin_x, layout.origin_y, ChartRole::TextDim, chart.description);
        chart.height = layout.line_height;
        return chart;
    }
    const float ox = layout.origin_x, oy = layout.origin_y;
    const float line = layout.line_height;
    const bool has_compound = r.path.front().compound_teams.has_value();

    // Legend.
    float y = oy;
    std::vector<std::string> legends;
    auto legend = [&](ChartRole role, const std::string& label) {
        b.Rect(ox, y + line * 0.35f, ox + 14, y + line * 0.35f + 4, role, 0.0f);
        b.Label(ox + 20, y, ChartRole::Text, label);
        legends.push_back(label);
        y += line + 2;
    };
    const double years = static_cast<double>(r.path.back().year);
    const bool growing = *r.teams_gap > 0;
    if (growing) {
        legend(ChartRole::Accent, "Straight line: " + NewTeamsPerYearText(*r.new_teams_per_year));
        if (has_compound && r.annual_growth_percent)
            legend(ChartRole::Gap,
                   "Steady growth: " + FormatNumber(*r.annual_growth_percent, 0) + "% more teams each year");
    } else {
        legend(ChartRole::Accent, "Today's teams already meet the need");
    }
    y += 6;

    // The y axis's title, over its labels.
    b.Label(ox, y, ChartRole::TextDim, kScaleUpYTitle);
    y += line + 2;

    // Plot area, with a row for the years and one for the x axis's title under it.
    double top = 1;
    for (const ScaleUpYear& year : r.path) {
        top = std::max(top, year.linear_teams);
        if (year.compound_teams) top = std::max(top, *year.compound_teams);
    }
    const double step = NiceStep(top / 4);
    top = std::ceil(top / step) * step;
    const float label_w = Measure(layout, Whole(top)) + 8;
    const float plot_x0 = ox + label_w, plot_y0 = y + line * 0.5f;
    const float plot_x1 = ox + width - 8, plot_y1 = oy + height - 2 * line - 8;
    auto px = [&](double year) { return plot_x0 + static_cast<float>(year / years) * (plot_x1 - plot_x0); };
    auto py = [&](double teams) { return plot_y1 - static_cast<float>(teams / top) * (plot_y1 - plot_y0); };

    for (double v = 0; v <= top + step * 0.5; v += step) {
        b.Line(plot_x0, py(v), plot_x1, py(v), ChartRole::Grid, 1.0f);
        const std::string label = Whole(v);
        b.Label(plot_x0 - 6 - Measure(layout, label), py(v) - line * 0.5f, ChartRole::TextDim, label, TextAnchor::End,
                plot_x0 - 6);
    }
    const int label_every = years > 10 ? 5 : (years > 6 ? 2 : 1);
    for (const ScaleUpYear& year : r.path) {
        if (year.year % label_every != 0 && year.year != static_cast<int>(years)) continue;
        const std::string label = year.year == 0 ? "Now" : std::to_string(year.year);
        const float w = Measure(layout, label);
        const float centred = px(year.year) - w * 0.5f;
        const float x = std::clamp(centred, plot_x0 - 4, plot_x1 - w);
        if (x == centred)
            b.Label(x, plot_y1 + 4, ChartRole::TextDim, label, TextAnchor::Middle, px(year.year));
        else if (x == plot_x1 - w)
            b.Label(x, plot_y1 + 4, ChartRole::TextDim, label, TextAnchor::End, plot_x1);
        else
            b.Label(x, plot_y1 + 4, ChartRole::TextDim, label);
    }
    {
        const float w = Measure(layout, kScaleUpXTitle);
        const float centre = (plot_x0 + plot_x1) * 0.5f;
        b.Label(centre - w * 0.5f, plot_y1 + 6 + line, ChartRole::TextDim, kScaleUpXTitle, TextAnchor::Middle, centre);
    }
    // The target, dashed, and labelled under its left end (the paths start low there; the line is
    // at or under the plot's top, so the label stays inside it).
    const float target_y = py(r.teams_needed);
    for (float x = plot_x0; x < plot_x1; x += 10)
        b.Line(x, target_y, std::min(x + 5, plot_x1), target_y, ChartRole::TextDim, 1.0f);
    b.Label(plot_x0 + 6, target_y + 3, ChartRole::Text, ScaleUpTargetText(r));

    // The two paths.
    auto polyline = [&](ChartRole role, bool compound) {
        for (size_t i = 1; i < r.path.size(); ++i) {
            const double v0 = compound ? r.path[i - 1].compound_teams.value_or(0) : r.path[i - 1].linear_teams;
            const double v1 = compound ? r.path[i].compound_teams.value_or(0) : r.path[i].linear_teams;
            b.Line(px(r.path[i - 1].year), py(v0), px(r.path[i].year), py(v1), role, 2.5f);
        }
        for (const ScaleUpYear& year : r.path) {
            const double v = compound ? year.compound_teams.value_or(0) : year.linear_teams;
            b.Circle(px(year.year), py(v), 3.5f, role);
        }
    };
    polyline(ChartRole::Accent, false);
    if (has_compound && growing) polyline(ChartRole::Gap, true);

    // Each year's readout. The last year's is the need as the headline gives it (398, not 397).
    for (size_t i = 0; i < r.path.size(); ++i) {
        const ScaleUpYear& year = r.path[i];
        const bool last = i + 1 == r.path.size();
        auto count = [&](double v) {
            return last && growing ? static_cast<double>(r.teams_needed_whole) : std::round(v);
        };
        ChartPoint point;
        point.x = px(year.year);
        point.y = py(year.linear_teams);
        point.x0 = i == 0 ? plot_x0 : (px(r.path[i - 1].year) + point.x) * 0.5f;
        point.x1 = last ? plot_x1 : (px(r.path[i + 1].year) + point.x) * 0.5f;
        point.y0 = plot_y0;
        point.y1 = plot_y1;
        point.text = (year.year == 0 ? std::string("Now") : "Year " + std::to_string(year.year)) + ": " +
                     CountText(count(year.linear_teams), "team", "teams");
        if (year.year > 0 && has_compound && growing && year.compound_teams)
            point.text += " (straight line), " + Whole(count(*year.compound_teams)) + " (steady growth)";
        chart.points.push_back(std::move(point));
    }

    chart.description = "Teams from " + Whole(r.path.front().linear_teams) + " today to " +
                        Whole(static_cast<double>(r.teams_needed_whole)) + " in " + Whole(years) +
                        (years == 1 ? " year" : " years") + " (target: " + ScaleUpTargetText(r) + ")";
    for (const std::string& l : legends)
        chart.description += ". " + l;
    chart.description += ".";
    return chart;
}

// [SECTION] 100 babies

Chart BabiesChart(const Scenario& scenario, const Results& r, float width, const ChartLayout& layout) {
    Chart chart = NewChart("babies", "100 babies", width, layout);
    Builder b{chart};
    const float ox = layout.origin_x, oy = layout.origin_y;
    const double cohort = r.cohort_babies > 0 ? r.cohort_babies : 1;
    // The wider tier counts only when teams support some of it (wider_access above 0).
    const bool wider = scenario.assumptions[Key::wider_access] > 0;
    const double at_risk_pct = (r.babies_at_risk + (wider ? r.babies_at_risk_wider : 0.0)) / cohort * 100.0;
    const double reached_pct = r.share_of_cohort;
    const int at_risk = static_cast<int>(std::clamp(std::lround(at_risk_pct), 0L, 100L));
    const int reached = static_cast<int>(std::clamp(std::lround(reached_pct), 0L, static_cast<long>(at_risk)));

    // The grid takes the width it has (a phone's, a tablet's column), up to 48 px a baby: beyond that
    // it would stand taller than a screen's worth of the pictures around it.
    const float cell = std::min(width / 10.0f, kBabiesCellMax);
    const float radius = cell * 0.36f;
    for (int i = 0; i < 100; ++i) {
        const float cx = ox + (static_cast<float>(i % 10) + 0.5f) * cell;
        const float cy = oy + (static_cast<float>(i / 10) + 0.5f) * cell;
        if (i < reached)
            b.Circle(cx, cy, radius, ChartRole::Accent);
        else if (i < at_risk)
            b.Circle(cx, cy, radius, ChartRole::Risk);
        else
            b.Circle(cx, cy, radius - 0.75f, ChartRole::TextDim, 1.5f);
    }
    // Each row below starts on a whole pixel, as ImGui's layout puts it.
    float y = Trunc(oy + (cell * 10 + 4) + layout.item_spacing);

    const std::string risk_text =
        FormatNumber(at_risk_pct, std::fabs(at_risk_pct - std::round(at_risk_pct)) < 0.05 ? 0 : 1);
    const std::string reach_text =
        FormatNumber(reached_pct, std::fabs(reached_pct - std::round(reached_pct)) < 0.05 ? 0 : 1);
    const std::string sentence = "Of every 100 babies aged 0\xE2\x80\x93"
                                 "2, " +
                                 risk_text + " are at risk and " + reach_text +
                                 " would be reached by a team each year.";
    const std::string wrapped = layout.wrap      ? layout.wrap(sentence, width)
                                : layout.measure ? WrapAtSpaces(sentence, width, layout.measure)
                                                 : sentence;
    b.Label(ox, y, ChartRole::Text, wrapped);
    // As ImGui measures text: one line height added per line.
    float text_height = layout.line_height;
    for (char c : wrapped)
        if (c == '\n') text_height += layout.line_height;
    y = Trunc(y + text_height + layout.item_spacing);

    // Key.
    const float key_mid = y + layout.body_line_height * 0.5f;
    b.Circle(ox + 6, key_mid, 6, ChartRole::Accent);
    b.Label(ox + 16, y, ChartRole::TextDim, "reached");
    const float x2 = ox + 24 + Measure(layout, "reached");
    b.Circle(x2 + 6, key_mid, 6, ChartRole::Risk);
    b.Label(x2 + 16, y, ChartRole::TextDim, "at risk, not reached");
    chart.height = y + layout.body_line_height - oy;
    chart.description = sentence;
    return chart;
}

std::vector<Chart> AllCharts(const Scenario& scenario, const Results& results, float width, const ChartLayout& layout) {
    std::vector<Chart> charts = {GapChart(scenario, results, width, layout),
                                 ScaleUpChart(scenario, results, width, kScaleUpHeight, layout),
                                 BabiesChart(scenario, results, width, layout)};
    if (!results.sensitivity.empty()) charts.push_back(TornadoChart(scenario, results, width, layout));
    return charts;
}

} // namespace teams
