// The arithmetic chain as readable steps, number formatting, the one-sentence summary and CSV.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "working.h"

#include <cmath>
#include <cstdio>

#include "presets.h"
#include "url_codec.h"

namespace teams {

std::string FormatNumber(double value, int decimals) {
    if (!std::isfinite(value)) return "-";
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    const std::string plain = buffer;
    const std::size_t dot = plain.find('.');
    const std::string whole = plain.substr(0, dot);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    if (dot != std::string::npos) out += plain.substr(dot);
    const bool zero = out.find_first_not_of("0.,") == std::string::npos;
    return (value < 0 && !zero ? "-" : "") + out;
}

namespace {

std::string Value(const Scenario& scenario, Key key) {
    const AssumptionSpec& spec = Spec(key);
    const double value = scenario.assumptions[key];
    const int decimals = spec.whole_number ? 0 : (value == std::round(value) ? 0 : spec.decimals);
    return FormatNumber(value, decimals) + (spec.is_percent ? "%" : "");
}

std::string Plural(long long count, const char* one, const char* many) {
    return FormatNumber(static_cast<double>(count)) + " " + (count == 1 || count == -1 ? one : many);
}

} // namespace

std::vector<WorkingStep> ShowWorking(const Scenario& s, const Results& r) {
    const Assumptions& a = s.assumptions;
    std::vector<WorkingStep> steps;
    steps.push_back({"Babies aged 0-2",
                     Value(s, Key::births) + " births a year x " + Value(s, Key::cohort_years) + " years",
                     FormatNumber(r.cohort_babies), SourceFor(s, Key::births)});
    std::string risk = Value(s, Key::prevalence) + " of " + FormatNumber(r.cohort_babies);
    if (a[Key::local_risk] != 1.0) risk += " x local risk " + FormatNumber(a[Key::local_risk], 2);
    steps.push_back({"At risk of disorganised attachment", risk, FormatNumber(r.babies_at_risk, 1),
                     SourceFor(s, Key::prevalence)});
    std::string reach = Value(s, Key::access) + " of " + FormatNumber(r.babies_at_risk, 1);
    if (a[Key::wider_access] > 0) {
        steps.push_back({"At risk of other insecure attachment",
                         Value(s, Key::wider_prevalence) + " of " + FormatNumber(r.cohort_babies) +
                             (a[Key::local_risk] != 1.0 ? " x local risk " + FormatNumber(a[Key::local_risk], 2) : ""),
                         FormatNumber(r.babies_at_risk_wider, 1), SourceFor(s, Key::wider_prevalence)});
        reach += " + " + Value(s, Key::wider_access) + " of " + FormatNumber(r.babies_at_risk_wider, 1);
    }
    steps.push_back({"Babies to reach a year", reach + " (" + FormatNumber(r.share_of_cohort, 1) + "% of babies aged 0-2)",
                     FormatNumber(r.babies_to_reach, 1), SourceFor(s, Key::access)});
    steps.push_back({"Teams needed",
                     FormatNumber(r.babies_to_reach, 1) + " / " + Value(s, Key::caseload) + " families per team a year",
                     FormatNumber(r.teams_needed, 1) + " (" + FormatNumber(static_cast<double>(r.teams_needed_whole)) +
                         " rounded up)",
                     SourceFor(s, Key::caseload)});
    steps.push_back({"Teams today", "operating now, " + Value(s, Key::teams_in_development) + " more in development",
                     Value(s, Key::current_teams), SourceFor(s, Key::current_teams)});
    std::string gap = FormatNumber(r.teams_needed, 1) + " - " + Value(s, Key::current_teams);
    if (r.scale_factor) gap += " (" + FormatNumber(*r.scale_factor, 2) + " times today)";
    steps.push_back({r.teams_gap >= 0 ? "More teams needed" : "Teams beyond the need", gap,
                     FormatNumber(std::fabs(r.teams_gap), 1), "derived"});
    steps.push_back({"New teams a year (straight line)",
                     FormatNumber(r.teams_gap, 1) + " / " + Value(s, Key::years_to_target) + " years",
                     FormatNumber(r.new_teams_per_year, 1), SourceFor(s, Key::years_to_target)});
    if (r.scale_factor && r.annual_growth_percent)
        steps.push_back({"Growth a year (compound)",
                         "(" + FormatNumber(r.teams_needed, 1) + " / " + Value(s, Key::current_teams) + ") ^ (1 / " +
                             Value(s, Key::years_to_target) + ") - 1",
                         FormatNumber(*r.annual_growth_percent, 1) + "%", "derived"});
    return steps;
}

std::string SummarySentence(const Scenario& s, const Results& r) {
    const long long current = static_cast<long long>(s.assumptions[Key::current_teams]);
    return s.area + " needs " + Plural(r.teams_needed_whole, "team", "teams") + " to reach " +
           FormatNumber(r.babies_to_reach) + " babies a year; " + FormatNumber(static_cast<double>(current)) +
           (current == 1 ? " exists" : " exist") + " today.";
}

namespace {

std::string CsvCell(const std::string& text) {
    std::string cell = text;
    // A leading = + - @ would run as a formula in a spreadsheet.
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) cell = "'" + cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string CsvNumber(double value) { return std::isfinite(value) ? FormatRoundTrip(value) : std::string(); }

} // namespace

std::string ReportCsv(const Scenario& s, const Results& r) {
    std::string out = "section,key,label,value,unit,source\r\n";
    auto row = [&out](const char* section, const std::string& key, const std::string& label, const std::string& value,
                      const std::string& unit, const std::string& source) {
        out += std::string(section) + "," + key + "," + CsvCell(label) + "," + value + "," + CsvCell(unit) + "," +
               CsvCell(source) + "\r\n";
    };
    row("scenario", "area", "Area", CsvCell(s.area), "", "");
    row("scenario", "name", "Scenario", CsvCell(s.name), "", "");
    for (const AssumptionSpec& spec : AssumptionTable())
        row("assumption", spec.key, spec.label, CsvNumber(s.assumptions[spec.id]), spec.unit, SourceFor(s, spec.id));
    auto optional = [](const std::optional<double>& v) { return v ? CsvNumber(*v) : std::string(); };
    row("result", "cohort_babies", "Babies aged 0-2", CsvNumber(r.cohort_babies), "babies", "derived");
    row("result", "babies_at_risk", "At risk of disorganised attachment", CsvNumber(r.babies_at_risk), "babies", "derived");
    row("result", "babies_at_risk_wider", "At risk of other insecure attachment", CsvNumber(r.babies_at_risk_wider), "babies", "derived");
    row("result", "babies_to_reach", "Babies to reach a year", CsvNumber(r.babies_to_reach), "babies/year", "derived");
    row("result", "share_of_cohort", "Share of babies aged 0-2 reached", CsvNumber(r.share_of_cohort), "%", "derived");
    row("result", "teams_needed", "Teams needed", CsvNumber(r.teams_needed), "teams", "derived");
    row("result", "teams_needed_whole", "Teams needed, rounded up", CsvNumber(static_cast<double>(r.teams_needed_whole)), "teams", "derived");
    row("result", "teams_gap", "Teams needed minus teams today", CsvNumber(r.teams_gap), "teams", "derived");
    row("result", "scale_factor", "Teams needed as a multiple of today", optional(r.scale_factor), "x", "derived");
    row("result", "new_teams_per_year", "New teams a year (straight line)", CsvNumber(r.new_teams_per_year), "teams/year", "derived");
    row("result", "annual_growth_percent", "Growth a year (compound)", optional(r.annual_growth_percent), "%", "derived");
    return out;
}

} // namespace teams
