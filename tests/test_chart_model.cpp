// The pictures' geometry: the numbers they show, the marks they draw, and that every mark stays
// inside its chart for every preset and at the ranges' edges.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "chart_model.h"
#include "chart_svg.h"
#include "presets.h"
#include "url_codec.h"

using namespace teams;

namespace {

std::vector<std::string> Labels(const Chart& chart) {
    std::vector<std::string> out;
    for (const ChartMark& m : chart.marks)
        if (m.kind == MarkKind::Label) out.push_back(m.text);
    return out;
}

bool HasLabel(const Chart& chart, const std::string& text) {
    const std::vector<std::string> labels = Labels(chart);
    return std::find(labels.begin(), labels.end(), text) != labels.end();
}

int Count(const Chart& chart, MarkKind kind, ChartRole role, bool outline = false) {
    int n = 0;
    for (const ChartMark& m : chart.marks)
        if (m.kind == kind && m.role == role && (m.thickness > 0) == outline) ++n;
    return n;
}

// Every mark's coordinates are finite and inside the chart (labels: their start; a line's width
// and a circle's radius may reach a few pixels past the edge, as on the canvas).
void CheckInside(const Chart& chart) {
    CAPTURE(chart.id);
    CHECK(chart.width > 0);
    CHECK(chart.height > 0);
    for (const ChartMark& m : chart.marks) {
        CAPTURE(m.text);
        for (float v : {m.x0, m.y0, m.x1, m.y1, m.radius, m.thickness, m.ax})
            REQUIRE(std::isfinite(v));
        CHECK(m.x0 >= -4.5f);
        CHECK(m.x0 <= chart.width + 0.5f);
        CHECK(m.y0 >= -4.5f);
        CHECK(m.y0 <= chart.height + 0.5f);
        if (m.kind == MarkKind::Rect || m.kind == MarkKind::Line) {
            CHECK(m.x1 >= -0.5f);
            CHECK(m.x1 <= chart.width + 0.5f);
            CHECK(m.y1 <= chart.height + 0.5f);
        }
    }
}

const ChartLayout kText = ApproximateLayout();

} // namespace

TEST_SUITE("chart_model") {
    TEST_CASE("the gap chart at the briefing's values: 45 today, 398 needed, 353 more") {
        const Scenario s;
        const Results r = Estimate(s.assumptions);
        const Chart c = GapChart(s, r, 400, kText);
        CHECK(c.id == "gap");
        CHECK(HasLabel(c, "Today: 45 teams (+14 in development)"));
        CHECK(HasLabel(c, "Needed: 398 teams"));
        CHECK(HasLabel(c, "Gap: 353 more teams (8.8\xC3\x97 today)"));
        // The need fills the scale; today's bar is 45/397.3 of it; in development follows it.
        std::vector<ChartMark> gap_bars, accent_bars, soft_bars;
        for (const ChartMark& m : c.marks) {
            if (m.kind != MarkKind::Rect) continue;
            if (m.role == ChartRole::Gap) gap_bars.push_back(m);
            if (m.role == ChartRole::Accent) accent_bars.push_back(m);
            if (m.role == ChartRole::AccentSoft) soft_bars.push_back(m);
        }
        REQUIRE(gap_bars.size() == 1);
        CHECK(gap_bars[0].x1 == doctest::Approx(400));
        REQUIRE(accent_bars.size() == 2);
        CHECK(accent_bars[0].x1 == doctest::Approx(400 * 45 / r.teams_needed).epsilon(1e-5));
        CHECK(accent_bars[1].alpha == doctest::Approx(0.9f));
        REQUIRE(soft_bars.size() == 1);
        CHECK(soft_bars[0].x0 == doctest::Approx(accent_bars[0].x1));
        CHECK(soft_bars[0].x1 == doctest::Approx(400 * 59 / r.teams_needed).epsilon(1e-5));
        // The bracket spans the gap, from today's teams to the need.
        int brackets = 0;
        for (const ChartMark& m : c.marks)
            if (m.kind == MarkKind::Line && m.y0 == m.y1) {
                ++brackets;
                CHECK(m.x0 == doctest::Approx(accent_bars[0].x1));
                CHECK(m.x1 == doctest::Approx(400));
            }
        CHECK(brackets == 1);
        CHECK(c.description.find("Needed: 398 teams") != std::string::npos);
        CheckInside(c);
    }

    TEST_CASE("the gap chart at Start for Life's 10%: 265 needed") {
        Scenario s;
        s.assumptions[Key::prevalence] = 10;
        const Chart c = GapChart(s, Estimate(s.assumptions), 300, kText);
        CHECK(HasLabel(c, "Needed: 265 teams"));
        CHECK(HasLabel(c, "Gap: 220 more teams (5.9\xC3\x97 today)"));
    }

    TEST_CASE("the gap chart when today's teams meet the need") {
        Scenario s;
        s.assumptions[Key::current_teams] = 500;
        s.assumptions[Key::teams_in_development] = 0;
        const Chart c = GapChart(s, Estimate(s.assumptions), 300, kText);
        CHECK(HasLabel(c, "Today: 500 teams"));
        CHECK(HasLabel(c, "Today's teams meet the need (103 to spare)"));
        for (const ChartMark& m : c.marks)
            CHECK(m.kind != MarkKind::Line);
        CheckInside(c);
    }

    TEST_CASE("the scale-up chart at the briefing's values") {
        const Scenario s;
        const Results r = Estimate(s.assumptions);
        const Chart c = ScaleUpChart(s, r, 400, 220, kText);
        CHECK(c.id == "scale_up");
        CHECK(c.height == 220);
        CHECK(HasLabel(c, "Straight line: About 71 new teams a year"));
        CHECK(HasLabel(c, "Steady growth: 55% more teams each year"));
        for (const char* tick : {"0", "100", "200", "300", "400", "Now", "1", "2", "3", "4", "5"})
            CHECK_MESSAGE(HasLabel(c, tick), tick);
        CHECK_FALSE(HasLabel(c, "500"));
        // Six points on each path, from 45 today to 397.3 in year 5.
        CHECK(Count(c, MarkKind::Circle, ChartRole::Accent) == 6);
        CHECK(Count(c, MarkKind::Circle, ChartRole::Gap) == 6);
        std::vector<ChartMark> points;
        for (const ChartMark& m : c.marks)
            if (m.kind == MarkKind::Circle && m.role == ChartRole::Accent) points.push_back(m);
        // Pixel rows: 0 at the bottom of the plot, 400 at the top; the last point at 397.3.
        float y0 = 0, y400 = 0;
        for (const ChartMark& m : c.marks)
            if (m.kind == MarkKind::Label && (m.text == "0" || m.text == "400"))
                (m.text == "0" ? y0 : y400) = m.y0 + kText.line_height * 0.5f;
        CHECK(points.front().y0 == doctest::Approx(y0 - (y0 - y400) * 45 / 400).epsilon(1e-4));
        CHECK(points.back().y0 == doctest::Approx(y0 - (y0 - y400) * r.teams_needed / 400).epsilon(1e-4));
        CHECK(points.back().x0 > points.front().x0);
        // The y-axis labels end where the plot begins, so they line up on the right.
        for (const ChartMark& m : c.marks)
            if (m.kind == MarkKind::Label && m.text == "100") CHECK(m.anchor == TextAnchor::End);
        CheckInside(c);
    }

    TEST_CASE("the scale-up chart's axes are titled and its target line is labelled with the whole-number need") {
        const Scenario s;
        const Results r = Estimate(s.assumptions);
        const Chart c = ScaleUpChart(s, r, 400, 250, kText);
        CHECK(ScaleUpTargetText(r) == "398 needed");
        CHECK(HasLabel(c, "398 needed"));
        CHECK(HasLabel(c, "Years from now"));
        CHECK(HasLabel(c, "Teams"));
        CHECK(c.description.find("398 needed") != std::string::npos);
        // The target's label sits just under the dashed line at the need, at the plot's left.
        float label_y = -1, label_x = -1, zero_y = 0, top_y = 0;
        for (const ChartMark& m : c.marks) {
            if (m.kind != MarkKind::Label) continue;
            if (m.text == "398 needed") label_y = m.y0, label_x = m.x0;
            if (m.text == "0") zero_y = m.y0 + kText.line_height * 0.5f;
            if (m.text == "400") top_y = m.y0 + kText.line_height * 0.5f;
        }
        const float target_y = zero_y - (zero_y - top_y) * static_cast<float>(r.teams_needed / 400);
        CHECK(label_y == doctest::Approx(target_y + 3).epsilon(1e-4));
        CHECK(label_x > 0);
        // The x axis's title is under the years, the y axis's over its labels.
        for (const ChartMark& m : c.marks) {
            if (m.kind != MarkKind::Label) continue;
            if (m.text == "Years from now") CHECK(m.y0 > zero_y + kText.line_height * 0.5f);
            if (m.text == "Teams") CHECK(m.y0 < top_y - kText.line_height * 0.5f);
        }
        CheckInside(c);

        SUBCASE("Start for Life's 10%: 265 needed") {
            Scenario low;
            low.assumptions[Key::prevalence] = 10;
            CHECK(HasLabel(ScaleUpChart(low, Estimate(low.assumptions), 400, 250, kText), "265 needed"));
        }
        SUBCASE("in the SVG, axis titles, the target and each year's readout as a tooltip") {
            const std::string svg = ChartSvg(c, {false, "", 1});
            CHECK(svg.find(">Years from now</text>") != std::string::npos);
            CHECK(svg.find(">Teams</text>") != std::string::npos);
            CHECK(svg.find(">398 needed</text>") != std::string::npos);
            CHECK(svg.find("<title>Year 5: 398 teams (straight line), 398 (steady growth)</title>") != std::string::npos);
        }
    }

    TEST_CASE("the scale-up chart's points: one a year, each with its readout and a band that picks it") {
        const Scenario s;
        const Results r = Estimate(s.assumptions);
        const Chart c = ScaleUpChart(s, r, 400, 250, kText);
        REQUIRE(c.points.size() == 6);
        CHECK(c.points[0].text == "Now: 45 teams");
        // 45 + 70.46 a year; steady growth of 54.6% a year: 69.6 in year 1.
        CHECK(c.points[1].text == "Year 1: 115 teams (straight line), 70 (steady growth)");
        CHECK(c.points[5].text == "Year 5: 398 teams (straight line), 398 (steady growth)");
        for (size_t i = 0; i < c.points.size(); ++i) {
            const ChartPoint& p = c.points[i];
            CAPTURE(i);
            CHECK(p.x0 <= p.x);
            CHECK(p.x <= p.x1);
            CHECK(p.y0 < p.y1);
            CHECK(p.y >= p.y0);
            CHECK(p.y <= p.y1);
            if (i > 0) CHECK(p.x0 == doctest::Approx(c.points[i - 1].x1)); // the bands tile the plot
        }
        SUBCASE("no teams today: no path, no points") {
            Scenario none;
            SetUnknown(none.assumptions, Key::current_teams);
            CHECK(ScaleUpChart(none, Estimate(none.assumptions), 400, 250, kText).points.empty());
        }
        SUBCASE("one team today: a plural in each readout") {
            Scenario one;
            one.assumptions[Key::current_teams] = 1;
            const Chart c1 = ScaleUpChart(one, Estimate(one.assumptions), 400, 250, kText);
            REQUIRE_FALSE(c1.points.empty());
            CHECK(c1.points[0].text == "Now: 1 team");
        }
    }

    TEST_CASE("100 babies take the width they have, up to 48 px a baby") {
        const Scenario s;
        const Results r = Estimate(s.assumptions);
        auto grid_width = [&](float width) {
            const Chart c = BabiesChart(s, r, width, kText);
            float x0 = 1e9f, x1 = -1e9f;
            for (const ChartMark& m : c.marks)
                if (m.kind == MarkKind::Circle && m.radius > 7) // the grid's, not the key's 6 px dots
                    x0 = std::min(x0, m.x0 - m.radius), x1 = std::max(x1, m.x0 + m.radius);
            return x1 - x0;
        };
        // A phone's column (358 px): the whole width; a tablet's (788 px): 480 px, most of it.
        CHECK(grid_width(358) > 358 * 0.9f);
        CHECK(grid_width(788) > 788 * 0.55f);
        CHECK(grid_width(788) <= 480);
        CHECK(grid_width(2000) <= 480);
    }

    TEST_CASE("the scale-up chart with no teams today has no steady-growth path") {
        Scenario s;
        s.assumptions[Key::current_teams] = 0;
        const Chart c = ScaleUpChart(s, Estimate(s.assumptions), 400, 220, kText);
        CHECK(Count(c, MarkKind::Circle, ChartRole::Gap) == 0);
        CHECK(Count(c, MarkKind::Circle, ChartRole::Accent) == 6);
        for (const std::string& label : Labels(c))
            CHECK(label.find("Steady growth") == std::string::npos);
        CheckInside(c);
    }

    TEST_CASE("the scale-up chart over 20 years labels every fifth year") {
        Scenario s;
        s.assumptions[Key::years_to_target] = 20;
        const Chart c = ScaleUpChart(s, Estimate(s.assumptions), 400, 220, kText);
        CHECK(HasLabel(c, "5"));
        CHECK(HasLabel(c, "20"));
        CHECK_FALSE(HasLabel(c, "3"));
        CHECK(Count(c, MarkKind::Circle, ChartRole::Accent) == 21);
    }

    TEST_CASE("100 babies at the briefing's values: 15 at risk, 5 reached") {
        const Scenario s;
        const Chart c = BabiesChart(s, Estimate(s.assumptions), 300, kText);
        CHECK(c.id == "babies");
        // Two key dots besides the grid's.
        CHECK(Count(c, MarkKind::Circle, ChartRole::Accent) == 5 + 1);
        CHECK(Count(c, MarkKind::Circle, ChartRole::Risk) == 10 + 1);
        CHECK(Count(c, MarkKind::Circle, ChartRole::TextDim, true) == 85);
        std::string sentence;
        for (const std::string& l : Labels(c))
            if (l != "reached" && l != "at risk, not reached") sentence = l;
        std::replace(sentence.begin(), sentence.end(), '\n', ' ');
        CHECK(sentence == "Of every 100 babies aged 0\xE2\x80\x93"
                          "2, 15 are at risk and 5 would be reached by a team each year.");
        CHECK(c.description == sentence);
        CheckInside(c);
    }

    TEST_CASE("100 babies with the wider tier") {
        Scenario s;
        s.assumptions[Key::wider_access] = 20; // 15% + 24.9%, of whom 5% + 4.98% reached
        const Chart c = BabiesChart(s, Estimate(s.assumptions), 300, kText);
        CHECK(Count(c, MarkKind::Circle, ChartRole::Accent) == 10 + 1);
        CHECK(Count(c, MarkKind::Circle, ChartRole::Risk) == 30 + 1);
    }

    TEST_CASE("the caption wraps to the chart's width, and rows below it start on whole pixels") {
        const Scenario s;
        const Chart narrow = BabiesChart(s, Estimate(s.assumptions), 200, kText);
        const Chart wide = BabiesChart(s, Estimate(s.assumptions), 1000, kText);
        const std::string lines = Labels(narrow)[0], line = Labels(wide)[0];
        CHECK(std::count(lines.begin(), lines.end(), '\n') >= 1);
        CHECK(std::count(line.begin(), line.end(), '\n') == 0);
        size_t start = 0;
        for (size_t end = lines.find('\n'); start <= lines.size(); end = lines.find('\n', start)) {
            if (end == std::string::npos) end = lines.size();
            CHECK(kText.measure(lines.substr(start, end - start)) <= 200);
            start = end + 1;
        }
        for (const ChartMark& m : narrow.marks)
            if (m.kind == MarkKind::Label && (m.text == "reached" || m.text.rfind("Of every", 0) == 0))
                CHECK(m.y0 == std::floor(m.y0));
        CheckInside(narrow);
    }

    TEST_CASE("an origin moves every mark and leaves the chart's own frame alone") {
        const Scenario s;
        ChartLayout moved = kText;
        moved.origin_x = 100.25f;
        moved.origin_y = 7.5f;
        const Chart a = ScaleUpChart(s, Estimate(s.assumptions), 400, 220, kText);
        const Chart b = ScaleUpChart(s, Estimate(s.assumptions), 400, 220, moved);
        REQUIRE(a.marks.size() == b.marks.size());
        for (size_t i = 0; i < a.marks.size(); ++i) {
            CHECK(b.marks[i].x0 == doctest::Approx(a.marks[i].x0 + 100.25f));
            CHECK(b.marks[i].y0 == doctest::Approx(a.marks[i].y0 + 7.5f));
        }
        CHECK(b.origin_x == 100.25f);
        // The SVG is drawn in the chart's own frame, wherever the layout put it.
        const std::string svg_b = ChartSvg(b);
        CHECK(ChartSvg(a).find("<rect x=\"0\" y=\"4.72\" width=\"14\"") != std::string::npos);
        CHECK(svg_b.find("viewBox=\"0 0 400 220\"") != std::string::npos);
        CHECK(svg_b.find("<circle cx=\"100") == std::string::npos);
    }

    TEST_CASE("every preset and the ranges' edges stay inside the charts") {
        std::vector<Scenario> scenarios;
        for (const Preset& preset : Presets())
            scenarios.push_back(ScenarioFromPreset(preset));
        for (bool low : {true, false}) {
            Scenario s;
            for (const AssumptionSpec& spec : AssumptionTable())
                s.assumptions[spec.id] = low ? spec.min : spec.max;
            scenarios.push_back(s);
        }
        for (const Scenario& s : scenarios) {
            CAPTURE(s.name);
            for (const Chart& c : AllCharts(s, Estimate(s.assumptions), 320, kText))
                CheckInside(c);
        }
    }

    TEST_CASE("NiceStep") {
        CHECK(NiceStep(99.3) == 100);
        CHECK(NiceStep(101) == 200);
        CHECK(NiceStep(0.3) == doctest::Approx(0.5));
        CHECK(NiceStep(7) == 10);
        CHECK(NiceStep(0) == 1);
        CHECK(NiceStep(std::nan("")) == 1);
    }

    TEST_CASE("the tornado chart: one bar per ranged assumption, largest swing first, on one scale") {
        Scenario s;
        s.ranges[Key::caseload] = ValueRange{100, 300};
        const Results r = Estimate(s.assumptions, s.ranges);
        const Chart c = TornadoChart(s, r, 400, kText);
        CHECK(c.id == "tornado");
        CheckInside(c);
        CHECK(Count(c, MarkKind::Rect, ChartRole::Gap) == 2);
        // caseload first (198.6 to 595.9), then prevalence (264.9 to 622.4)
        const std::vector<std::string> labels = Labels(c);
        REQUIRE(labels.size() >= 6);
        CHECK(labels[0] == "Families one team supports a year: 100 to 300");
        CHECK(HasLabel(c, "596 at 100"));
        CHECK(HasLabel(c, "199 at 300"));
        CHECK(HasLabel(c, "Babies at risk of disorganised attachment: 10% to 23.5%"));
        CHECK(HasLabel(c, "265 at 10%"));
        CHECK(HasLabel(c, "623 at 23.5%"));
        CHECK(HasLabel(c, "Line: 398 teams at this scenario's values"));
        // bar lengths are proportional to the swing on one scale
        std::vector<float> lengths;
        for (const ChartMark& m : c.marks)
            if (m.kind == MarkKind::Rect && m.role == ChartRole::Gap) lengths.push_back(m.x1 - m.x0);
        CHECK(lengths[0] / lengths[1] == doctest::Approx((595.948 - 198.6495556) / (622.4345778 - 264.8657778)).epsilon(1e-4));
        CHECK(c.description.find("caseload") == std::string::npos); // labels, not keys
        CHECK(c.description.find("Families one team supports a year from 100 to 300 gives 596 to 199 teams") != std::string::npos);
        SUBCASE("nothing ranged: an empty chart that says so") {
            Scenario none;
            none.ranges[Key::prevalence].reset();
            const Chart empty = TornadoChart(none, Estimate(none.assumptions, none.ranges), 400, kText);
            CHECK(empty.height == 0);
            CHECK(empty.marks.empty());
        }
        SUBCASE("in the SVG downloads") {
            const std::vector<Chart> all = AllCharts(s, r, 400, kText);
            REQUIRE(all.size() == 4);
            CHECK(all[3].id == "tornado");
        }
    }
}

TEST_SUITE("chart model: teams today not known") {
    TEST_CASE("the gap chart draws no bar for today and no gap; the scale-up chart says why it is empty") {
        const Scenario s = ScenarioFromPreset(*FindPreset("wales"));
        const Results r = Estimate(s.assumptions);
        const Chart gap = GapChart(s, r, 400, ApproximateLayout());
        CHECK(HasLabel(gap, "Teams today: not known, enter yours"));
        CHECK(HasLabel(gap, "Needed: 18 teams"));
        CHECK(HasLabel(gap, "The gap shows once today's teams are entered"));
        CHECK(Count(gap, MarkKind::Rect, ChartRole::Accent) == 0);
        CHECK(Count(gap, MarkKind::Line, ChartRole::TextDim) == 0);
        const Chart path = ScaleUpChart(s, r, 400, 220, ApproximateLayout());
        CHECK(Count(path, MarkKind::Circle, ChartRole::Accent) == 0);
        CHECK(path.description.find("once today's teams are entered") != std::string::npos);
    }

    TEST_CASE("a Leeds link: the Today bar (1 team) is shorter than the Needed bar (6)") {
        const Scenario s = ScenarioFromQuery("area=Leeds&births=8617&current_teams=1", Scenario{}).scenario;
        const Chart gap = GapChart(s, Estimate(s.assumptions), 400, ApproximateLayout());
        CHECK(HasLabel(gap, "Today: 1 team"));
        float today_end = 0, needed_end = 0;
        for (const ChartMark& m : gap.marks) {
            if (m.kind != MarkKind::Rect) continue;
            if (m.role == ChartRole::Accent && m.alpha == 1) today_end = std::max(today_end, m.x1);
            if (m.role == ChartRole::AccentSoft) today_end = std::max(today_end, m.x1);
            if (m.role == ChartRole::Gap) needed_end = std::max(needed_end, m.x1);
        }
        CHECK(today_end > 0);
        CHECK(today_end < needed_end / 3);
    }
}
