// See brief.h. The layout is for one page: two pictures side by side, then two columns (assumptions;
// the working), then the link and its QR code; the stylesheet sizes it for A4 and US Letter alike.
#include "brief.h"

#include "chart_model.h"
#include "chart_svg.h"
#include "markup.h"
#include "presets.h"
#include "qr.h"
#include "working.h"

#include <cmath>
#include <cstring>

namespace teams {

namespace {

std::string E(std::string_view text) {
    return EscapeXml(text);
}

std::string Value(const AssumptionSpec& spec, double value) {
    int decimals = spec.whole_number ? 0 : spec.decimals;
    if (!spec.whole_number && std::fabs(value - std::round(value)) < 1e-9) decimals = 0;
    const std::string text = FormatNumber(value, decimals);
    if (spec.is_percent) return text + "%";
    if (std::strcmp(spec.unit, "x") == 0) return text + "\xC3\x97";
    return text + " " + spec.unit;
}

std::string Plural(double n, const char* one, const char* many) {
    return FormatNumber(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::string BriefHtml(const BriefInput& in) {
    const Scenario& s = in.scenario;
    const Results& r = in.results;
    const double years = s.assumptions[Key::years_to_target];
    std::string h = "<div class=\"brief-page\">\n";

    // The answer.
    h += "<header class=\"brief-head\"><p class=\"brief-kicker\"><bdi>" + E(s.name) +
         "</bdi></p>\n<h1 class=\"brief-answer\"><bdi class=\"brief-area\">" + E(s.area) + "</bdi> needs <strong>" +
         FormatNumber(static_cast<double>(r.teams_needed_whole)) +
         "</strong> specialised parent-infant relationship teams</h1>\n";
    // Today's teams, or that they are not known (never 0, never another area's).
    std::string today = TeamsTodayText(r);
    if (r.teams_in_development && *r.teams_in_development > 0)
        today += " (+" + FormatNumber(*r.teams_in_development) + " in development)";
    std::string gap;
    if (!r.teams_gap || !r.teams_gap_whole || !r.new_teams_per_year) {
        gap = "The gap shows once today's teams are entered.";
    } else if (*r.teams_gap > 0) {
        gap = CountText(static_cast<double>(*r.teams_gap_whole), "more team", "more teams") + " needed";
        if (r.scale_factor)
            gap += ", " + FormatNumber(*r.scale_factor, *r.scale_factor < 10 ? 1 : 0) + "\xC3\x97 today";
        gap += "; " + NewTeamsPerYearText(*r.new_teams_per_year) + " over " + Plural(years, "year", "years") + ".";
    } else {
        gap = "Enough to meet the need (" + FormatNumber(-*r.teams_gap) + " to spare).";
    }
    if (const std::string range = RangeWords(s, r); !range.empty())
        h += "<p class=\"brief-range\">Range: " + E(range) + ".</p>\n";
    h += "<p class=\"brief-gap\">" + E(today) + ". " + E(gap) + "</p>\n";
    h += "<p class=\"brief-detail\">" + E(FormatNumber(r.teams_needed, 1)) + " teams unrounded. They would reach " +
         E(FormatNumber(r.babies_to_reach)) + " babies a year, " + E(FormatNumber(r.share_of_cohort, 1)) + "% of the " +
         E(FormatNumber(r.cohort_babies)) +
         " babies aged 0\xE2\x80\x93"
         "2.</p>\n</header>\n";

    // The pictures, as vectors from the chart model.
    const ChartLayout layout = ApproximateLayout();
    h += "<section class=\"brief-pictures\">\n";
    for (const Chart& chart : {GapChart(s, r, 330, layout), ScaleUpChart(s, r, 330, 160, layout)}) {
        SvgOptions options;
        options.standalone = false;
        options.subject = s.area;
        h += "<figure class=\"brief-figure\"><figcaption>" + E(chart.title) + "</figcaption>\n" +
             ChartSvg(chart, options) + "</figure>\n";
    }
    h += "</section>\n";

    // Assumptions and working.
    h += "<section class=\"brief-columns\">\n<div class=\"brief-assumptions\"><h2>Assumptions</h2>\n<table>\n";
    for (const AssumptionSpec& spec : AssumptionTable()) {
        h += "<tr><th scope=\"row\">" + E(spec.label) + "</th><td class=\"brief-value\">" +
             E(Value(spec, s.assumptions[spec.id])) + "</td><td class=\"brief-source\">" + E(SourceFor(s, spec.id)) +
             "</td></tr>\n";
    }
    h += "</table></div>\n<div class=\"brief-working\"><h2>The working</h2>\n<ol>\n";
    for (const WorkingStep& step : ShowWorking(s, r)) {
        h += "<li><span class=\"brief-step\">" + E(step.label) + ": <strong>" + E(step.value) +
             "</strong></span> <span class=\"brief-formula\">" + E(step.formula) +
             "</span> <span class=\"brief-source\">" + E(step.source) + "</span></li>\n";
    }
    h += "</ol></div>\n</section>\n";

    // The link, as text and as a QR code, and the date.
    h += "<footer class=\"brief-foot\">\n";
    const std::optional<QrModules> qr = EncodeQr(in.link);
    if (qr) h += QrSvg(*qr, 96, "QR code: the link to this scenario");
    // A long link (long names) is set small so the page stays one page.
    h += std::string("<div class=\"brief-link") + (in.link.size() > 400 ? " brief-link-long" : "") +
         "\"><p>This scenario, to check or change: <a href=\"" + E(in.link) + "\">" + E(in.link) + "</a></p>\n";
    if (!qr) h += "<p>The link is too long for a QR code.</p>\n";
    h += "<p>Printed " + E(in.printed) +
         ". Method: Parent-Infant Foundation, <cite>400 specialised parent-infant relationship teams needed for "
         "England</cite> (2023): two years of births \xC3\x97 babies at risk \xC3\x97 the share a team would reach, "
         "divided by the families one team supports a year.</p></div>\n</footer>\n</div>\n";
    return h;
}

std::string BriefPage(const BriefInput& in) {
    std::string page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    page += E(in.scenario.area + " needs " + FormatNumber(static_cast<double>(in.results.teams_needed_whole)) +
              " parent-infant relationship teams");
    page += "</title>\n<style>\n";
    page += kBriefCss;
    page += "\n</style>\n</head>\n<body class=\"brief-standalone\">\n<main id=\"brief\" class=\"brief\">\n";
    page += BriefHtml(in);
    page += "</main>\n</body>\n</html>\n";
    return page;
}

} // namespace teams
