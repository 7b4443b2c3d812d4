// The SVG renderer: one element per mark, the chart's numbers as text, everything escaped.
#include <doctest/doctest.h>

#include <string>

#include "chart_svg.h"

using namespace teams;

namespace {

int Occurrences(const std::string& text, const std::string& piece) {
    int n = 0;
    for (size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + piece.size()))
        ++n;
    return n;
}

} // namespace

TEST_SUITE("chart_svg") {
    TEST_CASE("the gap picture at the briefing's values") {
        const Scenario s;
        const Chart c = GapChart(s, Estimate(s.assumptions), 400, ApproximateLayout());
        const std::string svg = ChartSvg(c, {true, "England", 1});
        CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) ==
              0);
        CHECK(svg.find("<title id=\"gap-title\">England: Today against the need</title>") != std::string::npos);
        CHECK(svg.find(">Needed: 398 teams</text>") != std::string::npos);
        CHECK(svg.find(">Gap: 353 more teams (8.8\xC3\x97 today)</text>") != std::string::npos);
        int labels = 0, rects = 0, lines = 0;
        for (const ChartMark& m : c.marks) {
            labels += m.kind == MarkKind::Label;
            rects += m.kind == MarkKind::Rect;
            lines += m.kind == MarkKind::Line;
        }
        CHECK(Occurrences(svg, "<text ") == labels);
        CHECK(Occurrences(svg, "<rect ") == rects);
        CHECK(Occurrences(svg, "<line ") == lines);
        CHECK(svg.find("viewBox=\"0 0 400 ") != std::string::npos);
        CHECK(svg.find("nan") == std::string::npos);
        CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
    }

    TEST_CASE("inline pictures have no XML declaration; scale changes the size, not the viewBox") {
        const Scenario s;
        const Chart c = ScaleUpChart(s, Estimate(s.assumptions), 400, 220, ApproximateLayout());
        const std::string svg = ChartSvg(c, {false, "", 0.5f});
        CHECK(svg.rfind("<svg ", 0) == 0);
        CHECK(svg.find("width=\"200\" height=\"110\" viewBox=\"0 0 400 220\"") != std::string::npos);
        CHECK(svg.find("<title id=\"scale_up-title\">Scaling up</title>") != std::string::npos);
        CHECK(svg.find(" text-anchor=\"end\">400</text>") != std::string::npos);
        CHECK(Occurrences(svg, "<circle ") == 12);
    }

    TEST_CASE("a hostile subject is escaped") {
        const Scenario s;
        const Chart c = BabiesChart(s, Estimate(s.assumptions), 300, ApproximateLayout());
        const std::string svg = ChartSvg(c, {true, "</title><script>alert(\"x\")</script>&\xD7\xAA\xFF", 1});
        CHECK(svg.find("<script") == std::string::npos);
        CHECK(svg.find(
                  "&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;\xD7\xAA: 100 babies</title>") !=
              std::string::npos);
        CHECK(svg.find('\xFF') == std::string::npos);
    }
}
