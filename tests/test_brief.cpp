// The printed brief's content: the answer, today's teams and the gap, both pictures, every
// assumption with its value and source, the working, the date, the link and its QR code.
#include <doctest/doctest.h>

#include <string>

#include "brief.h"
#include "presets.h"
#include "working.h"

using namespace teams;

namespace {

int Occurrences(const std::string& text, const std::string& piece) {
    int n = 0;
    for (size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + piece.size()))
        ++n;
    return n;
}

} // namespace

TEST_SUITE("brief") {
    TEST_CASE("at Start for Life's 10% in Testshire") {
        Scenario s;
        s.assumptions[Key::prevalence] = 10;
        s.area = "Testshire";
        const Results r = Estimate(s.assumptions);
        const std::string h = BriefHtml({s, r, "https://example.org/?prevalence=10&area=Testshire", "1 December 2026"});
        CHECK(h.find("<bdi class=\"brief-area\">Testshire</bdi> needs <strong>265</strong>") != std::string::npos);
        CHECK(h.find("45 teams today (+14 in development). 220 more teams needed, 5.9\xC3\x97 today") !=
              std::string::npos);
        CHECK(Occurrences(h, "<svg ") == 3); // two pictures and the QR code
        CHECK(h.find(">Needed: 265 teams</text>") != std::string::npos);
        CHECK(h.find("aria-label=\"QR code: the link to this scenario\"") != std::string::npos);
        for (const AssumptionSpec& spec : AssumptionTable()) {
            CAPTURE(spec.key);
            CHECK(h.find(std::string("<th scope=\"row\">") + spec.label + "</th>") != std::string::npos);
            CHECK(h.find("<td class=\"brief-source\">" + SourceFor(s, spec.id) + "</td>") != std::string::npos);
        }
        CHECK(h.find("<td class=\"brief-value\">10%</td>") != std::string::npos);
        for (const WorkingStep& step : ShowWorking(s, r))
            CHECK(h.find(step.formula) != std::string::npos);
        CHECK(h.find("Printed 1 December 2026.") != std::string::npos);
        CHECK(Occurrences(h, "https://example.org/?prevalence=10&amp;area=Testshire") == 2); // href and text
        CHECK(h.find("<script") == std::string::npos);
        CHECK(h.find("style=") == std::string::npos); // the page's CSP allows no inline style need
    }
    TEST_CASE("a link too long for a QR code says so") {
        const Scenario s;
        const std::string h = BriefHtml({s, Estimate(s.assumptions), std::string(4000, 'a'), "today"});
        CHECK(Occurrences(h, "<svg ") == 2);
        CHECK(h.find("The link is too long for a QR code.") != std::string::npos);
        CHECK(h.find("brief-link brief-link-long") != std::string::npos);
    }
    TEST_CASE("the standalone page carries the brief's styles and nothing to run") {
        const Scenario s;
        const std::string page = BriefPage({s, Estimate(s.assumptions), "index.html", "today"});
        CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(page.find("<title>England needs 398 parent-infant relationship teams</title>") != std::string::npos);
        CHECK(page.find("@page") != std::string::npos);
        CHECK(page.find(".brief-foot") != std::string::npos);
        CHECK(page.find("<script") == std::string::npos);
    }
}
