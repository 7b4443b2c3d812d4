// The arithmetic chain as readable steps, number formatting, the one-sentence summary and CSV.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "working.h"

#include <cmath>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "presets.h"
#include "url_codec.h"
#include "utf8.h"

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

const char* const kTimes = " \xC3\x97 "; // ×
const char* const kDivide = " \xC3\xB7 "; // ÷

std::string Value(const Scenario& scenario, Key key) {
    const AssumptionSpec& spec = Spec(key);
    if (!scenario.assumptions.Known(key)) return kNotKnown;
    const double value = scenario.assumptions[key];
    const int decimals = spec.whole_number ? 0 : (value == std::round(value) ? 0 : spec.decimals);
    return FormatNumber(value, decimals) + (spec.is_percent ? "%" : "");
}

} // namespace

std::string CountText(double count, const char* one, const char* many) {
    const bool single = std::fabs(count) == 1.0;
    const int decimals = count == std::round(count) ? 0 : 1;
    return FormatNumber(count, decimals) + " " + (single ? one : many);
}

namespace {

std::string Lowercase(const char* label) {
    std::string text = label;
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && !(text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z'))
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

} // namespace

std::string NewTeamsPerYearText(double per_year) {
    if (!(per_year > 0)) return "No new teams needed";
    if (per_year < 1) return "Less than 1 new team a year (" + FormatNumber(per_year, per_year < 0.05 ? 2 : 1) + ")";
    return "About " + CountText(std::ceil(per_year - 1e-9), "new team", "new teams") + " a year";
}

std::string TeamsTodayText(const Results& results) {
    if (!results.current_teams) return kTeamsTodayNotKnown;
    return CountText(*results.current_teams, "team", "teams") + " today";
}

namespace {

// Today's teams, the gap, the pace and the growth: only when today's teams are known.
void ShowGapWorking(const Scenario& s, const Results& r, std::vector<WorkingStep>& steps) {
    const std::string developing = r.teams_in_development
                                       ? FormatNumber(*r.teams_in_development) + " more in development"
                                       : std::string("teams in development not known");
    steps.push_back({"Teams today", Value(s, Key::current_teams) + " operating now, " + developing, TeamsTodayText(r),
                     SourceFor(s, Key::current_teams)});
    const double gap = r.teams_gap.value_or(0);
    std::string gap_formula = FormatNumber(r.teams_needed, 1) + " - " + Value(s, Key::current_teams);
    if (r.scale_factor) gap_formula += " (" + FormatNumber(*r.scale_factor, 2) + kTimes + "today)";
    // The headline counts whole teams (398 - 45 = 353); the working keeps the decimal (352.3).
    const long long whole_gap = r.teams_gap_whole.value_or(0);
    std::string gap_value = FormatNumber(std::fabs(gap), 1);
    if (static_cast<double>(std::llabs(whole_gap)) != std::round(std::fabs(gap) * 10) / 10)
        gap_value += " (" + FormatNumber(static_cast<double>(std::llabs(whole_gap))) + " in whole teams: " +
                     FormatNumber(static_cast<double>(r.teams_needed_whole)) + " - " + Value(s, Key::current_teams) + ")";
    steps.push_back({gap >= 0 ? "More teams needed" : "Teams beyond the need", gap_formula, gap_value, "derived"});
    steps.push_back({"New teams a year (straight line)",
                     FormatNumber(gap, 1) + kDivide + Value(s, Key::years_to_target) + " years",
                     FormatNumber(r.new_teams_per_year.value_or(0), 1), SourceFor(s, Key::years_to_target)});
    if (r.scale_factor && r.annual_growth_percent)
        steps.push_back({"Growth a year (compound)",
                         "the " + Value(s, Key::years_to_target) + "-year root of (" + FormatNumber(r.teams_needed, 1) +
                             kDivide + Value(s, Key::current_teams) + "), minus 1",
                         FormatNumber(*r.annual_growth_percent, 1) + "%", "derived"});
}

} // namespace

std::vector<WorkingStep> ShowWorking(const Scenario& s, const Results& r) {
    const Assumptions& a = s.assumptions;
    std::vector<WorkingStep> steps;
    steps.push_back({"Babies aged 0-2",
                     Value(s, Key::births) + " births a year" + kTimes + Value(s, Key::cohort_years) + " years",
                     FormatNumber(r.cohort_babies), SourceFor(s, Key::births)});
    std::string risk = Value(s, Key::prevalence) + " of " + FormatNumber(r.cohort_babies);
    if (a[Key::local_risk] != 1.0) risk += kTimes + std::string("local risk ") + FormatNumber(a[Key::local_risk], 2);
    steps.push_back({"At risk of disorganised attachment", risk, FormatNumber(r.babies_at_risk, 1),
                     SourceFor(s, Key::prevalence)});
    std::string reach = Value(s, Key::access) + " of " + FormatNumber(r.babies_at_risk, 1);
    if (a[Key::wider_access] > 0) {
        steps.push_back({"At risk of other insecure attachment",
                         Value(s, Key::wider_prevalence) + " of " + FormatNumber(r.cohort_babies) +
                             (a[Key::local_risk] != 1.0 ? kTimes + std::string("local risk ") + FormatNumber(a[Key::local_risk], 2) : ""),
                         FormatNumber(r.babies_at_risk_wider, 1), SourceFor(s, Key::wider_prevalence)});
        reach += " + " + Value(s, Key::wider_access) + " of " + FormatNumber(r.babies_at_risk_wider, 1);
    }
    steps.push_back({"Babies to reach a year", reach + " (" + FormatNumber(r.share_of_cohort, 1) + "% of babies aged 0-2)",
                     FormatNumber(r.babies_to_reach, 1), SourceFor(s, Key::access)});
    steps.push_back({"Teams needed",
                     FormatNumber(r.babies_to_reach, 1) + kDivide + Value(s, Key::caseload) + " families per team a year",
                     FormatNumber(r.teams_needed, 1) + " (" + FormatNumber(static_cast<double>(r.teams_needed_whole)) +
                         " rounded up)",
                     SourceFor(s, Key::caseload)});

    if (!r.current_teams) {
        steps.push_back({"Teams today", "not known, enter yours", kNotKnown, SourceFor(s, Key::current_teams)});
        steps.push_back({"More teams needed", "shown once today's teams are entered", kNotKnown, "derived"});
    } else {
        ShowGapWorking(s, r, steps);
    }
    const std::string cost = Pounds(a[Key::cost_per_baby]);
    steps.push_back({"Cost a year", FormatNumber(r.babies_to_reach, 1) + " babies" + kTimes + cost + " a baby",
                     Pounds(r.annual_cost), SourceFor(s, Key::cost_per_baby)});
    if (r.babies_reached_today && r.gap_annual_cost) {
        steps.push_back({"Babies today's teams support a year",
                         Value(s, Key::current_teams) + (a[Key::current_teams] == 1.0 ? " team" : " teams") + kTimes +
                             Value(s, Key::caseload) + " families",
                         FormatNumber(*r.babies_reached_today), SourceFor(s, Key::current_teams)});
        steps.push_back({"Cost a year beyond today's teams",
                         "(" + FormatNumber(r.babies_to_reach, 1) + " - " + FormatNumber(*r.babies_reached_today) + ")" + kTimes +
                             cost + (r.babies_to_reach < *r.babies_reached_today ? " (none: today's teams cover it)" : ""),
                         Pounds(*r.gap_annual_cost), "derived"});
    }
    steps.push_back({"Lifetime value of one year's support",
                     FormatNumber(r.babies_to_reach, 1) + " babies" + kTimes + Pounds(a[Key::value_per_child]) + " a child",
                     Pounds(r.lifetime_value), SourceFor(s, Key::value_per_child)});
    return steps;
}

std::string WorkingSourceUrl(const Scenario& s, const WorkingStep& step) {
    // Each step cites an assumption's source (SourceFor), or "derived".
    for (const AssumptionSpec& spec : AssumptionTable())
        if (step.source == SourceFor(s, spec.id))
            if (std::string url = SourceUrlFor(s, spec.id); !url.empty()) return url;
    return "";
}

std::string Pounds(double value) {
    if (!std::isfinite(value)) return "-";
    return (value < 0 ? "-£" : "£") + FormatNumber(std::fabs(value));
}

std::string RoundedPounds(double value, bool round_down) {
    if (!std::isfinite(value)) return "-";
    const double magnitude = std::fabs(value);
    // To `decimals` places of `unit`, down for a lower bound ("over £2.38bn"), else to the nearest.
    auto shown = [round_down](double x, int decimals) {
        const double scale = std::pow(10.0, decimals);
        const double kept = (round_down ? std::floor(x * scale + 1e-9) : std::round(x * scale)) / scale;
        std::string text = FormatNumber(kept, decimals);
        if (text.find('.') != std::string::npos) {
            while (text.back() == '0') text.pop_back();
            if (text.back() == '.') text.pop_back();
        }
        return text;
    };
    // At most three significant figures, in the words people use: £2.38bn, £111m, £98m, £4.5m, £450,000.
    std::string text;
    const double bn = magnitude / 1e9, m = magnitude / 1e6;
    if (bn >= 1 || (!round_down && m >= 999.5)) text = shown(bn, bn >= 100 ? 0 : bn >= 10 ? 1 : 2) + "bn";
    else if (m >= 10 || (!round_down && m >= 9.95)) text = shown(m, 0) + "m";
    else if (m >= 1 || (!round_down && magnitude >= 999500)) text = shown(m, 1) + "m";
    else if (magnitude >= 1000) text = shown(magnitude / 1000, 0) + ",000";
    else text = shown(magnitude, 0);
    if (text == "0,000") text = "0";
    return (value < 0 ? "-£" : "£") + text;
}

std::string RangeWords(const Scenario& s, const Results& r) {
    const auto whole = [](double teams) { return FormatNumber(std::ceil(teams - 1e-9)); };
    std::string where;
    int ranged = 0, published = 0;
    const AssumptionSpec* only = nullptr;
    for (const Sensitivity& entry : r.sensitivity) {
        const AssumptionSpec& spec = Spec(entry.key);
        ++ranged;
        only = &spec;
        if (spec.has_published_range && entry.low == spec.published_low && entry.high == spec.published_high) ++published;
    }
    (void)s;
    if (ranged == 0) return {};
    if (ranged == 1 && published == 1) where = only->range_words;
    else if (ranged == 1) where = std::string("over your range of ") + Lowercase(only->label);
    else where = "over the ranges of " + FormatNumber(ranged) + " assumptions";
    return whole(r.range.low) + " to " + whole(r.range.high) + " " + where;
}

std::string BreakEvenWords(const Scenario& s, const Results& r, Key key) {
    const std::optional<BreakEven>& found = r.break_even[static_cast<int>(key)];
    if (!found) return {};
    const AssumptionSpec& spec = Spec(key);
    const double today = s.assumptions[Key::current_teams];
    const double value = found->value;
    const std::string shown = FormatNumber(value, spec.is_percent || value < 10 ? (value < 1 ? 2 : 1) : 0) +
                              (spec.is_percent ? "%" : "");
    std::string condition;
    switch (key) {
    case Key::births: condition = "there were " + shown + " births a year"; break;
    case Key::cohort_years: condition = shown + " years of births were counted"; break;
    case Key::prevalence: condition = shown + " of babies were at risk"; break;
    case Key::local_risk: condition = "local need were " + shown + " the national rate"; break;
    case Key::access: condition = "teams reached " + shown + " of babies at risk"; break;
    case Key::wider_prevalence: condition = shown + " of babies were at risk of other insecure attachment"; break;
    case Key::wider_access: condition = "teams supported " + shown + " of the wider tier"; break;
    case Key::caseload: condition = "each supported " + shown + " families a year"; break;
    default: condition = Lowercase(spec.label) + " were " + shown; break;
    }
    const bool briefing = s.assumptions[key] == spec.default_value;
    std::string text = CountText(static_cast<double>(static_cast<long long>(today)), "team", "teams") + " would" +
                       " be enough only if " + condition + " (" + (briefing ? "the briefing assumes " : "this scenario has ") +
                       DisplayValue(spec, s.assumptions[key]) + ")";
    if (!found->inside_range) text += ", outside the valid range of " + RangeText(spec);
    return text + ".";
}

std::string MoneyWords(const Scenario& s, const Results& r) {
    std::string text = "About " + RoundedPounds(r.annual_cost) + " a year in all";
    if (!r.gap_annual_cost) text += " (more than today's teams: not known, enter today's teams)";
    else if (*r.gap_annual_cost <= 0) text += ", which today's teams already cover";
    else text += ", " + RoundedPounds(*r.gap_annual_cost) + " more than today's teams";
    text += "; one year's support is worth over " + RoundedPounds(r.lifetime_value, true) +
            " across those children's lives. Cost: " + SourceFor(s, Key::cost_per_baby) + "; value: " +
            SourceFor(s, Key::value_per_child) + ". The two come from different studies.";
    return text;
}

std::string SummarySentence(const Scenario& s, const Results& r) {
    const std::string need = s.area + " needs " + CountText(static_cast<double>(r.teams_needed_whole), "team", "teams") +
                             " to reach " + FormatNumber(r.babies_to_reach) + " babies a year";
    if (!r.current_teams) return need + ". " + kTeamsTodayNotKnown + ".";
    return need + ", against " + TeamsTodayText(r) + ".";
}

namespace {

// The code point at text[i] and its length in bytes; a byte that starts no valid sequence is U+FFFD.
char32_t CodePointAt(std::string_view text, std::size_t i, std::size_t* length) {
    const Utf8Char decoded = DecodeUtf8(text, i);
    *length = decoded.length;
    return decoded.code;
}

// Unicode spaces and characters that show nothing (zero-width, joiners, direction marks and
// controls, the byte order mark): a spreadsheet or a person reading the cell may skip them.
bool IsSpaceOrInvisible(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 || c == 0x180E ||
           (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) ||
           c == 0x3000 || c == 0xFEFF || c == 0x061C || c == 0x034F;
}

// What starts a formula or a command (DDE) in a spreadsheet, and what a spreadsheet may read as one.
bool StartsFormula(char32_t c) {
    switch (c) {
    case '=': case '+': case '-': case '@': case '|':
    case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20: // fullwidth = + - @
    case 0xFE66: case 0xFE62: case 0xFE63: case 0xFE6B: // small = + - @
    case 0x2212: case 0x2796: case 0x2795:              // minus sign, heavy minus and plus
    case 0xFF5C: case 0xFFE8: case 0x2223: case 0x00A6: case 0x01C0: case 0x2758: // pipe lookalikes
        return true;
    default:
        return false;
    }
}

} // namespace

std::string CsvCell(std::string_view text) {
    bool neutralise = !text.empty() && (text[0] == '\t' || text[0] == '\r');
    for (std::size_t i = 0, length = 1; !neutralise && i < text.size(); i += length) {
        const char32_t c = CodePointAt(text, i, &length);
        if (IsSpaceOrInvisible(c)) continue;
        neutralise = StartsFormula(c);
        break;
    }
    std::string out = neutralise ? "\"'" : "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

namespace {

// Rounded to `decimals`, without trailing zeros: 33.333, 397.299, 595948. Not finite: an empty cell.
std::string CsvNumber(double value, int decimals) {
    if (!std::isfinite(value)) return std::string();
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

std::string CsvOptional(const std::optional<double>& value, int decimals) {
    return value ? CsvNumber(*value, decimals) : std::string();
}

// What each kind of figure means to a spreadsheet: babies to a tenth, teams and multiples to a
// thousandth, percentages to a hundredth, pounds whole; an assumption as precisely as its step needs.
constexpr int kBabies = 1;
constexpr int kTeams = 3;
constexpr int kPercent = 2;
constexpr int kPounds = 0;
int AssumptionDecimals(const AssumptionSpec& spec) { return spec.whole_number ? 0 : 3; }

} // namespace

#ifndef TEAMS_VERSION
#define TEAMS_VERSION "unversioned"
#endif
const char* CalculatorVersion() { return TEAMS_VERSION; }

std::vector<Key> DifferingAssumptions(const Scenario& a, const Scenario& b) {
    std::vector<Key> keys;
    for (const AssumptionSpec& spec : AssumptionTable())
        if (a.assumptions[spec.id] != b.assumptions[spec.id] || a.ranges[spec.id] != b.ranges[spec.id])
            keys.push_back(spec.id);
    return keys;
}

std::string ReportCsv(const Scenario& s, const Results& r, const ReportContext& context, const Scenario* pinned,
                      const Results* pinned_results) {
    std::string out = "section,key,label,value,unit,source\r\n";
    auto row = [&out](const char* section, const std::string& key, const std::string& label, const std::string& value,
                      const std::string& unit, const std::string& source) {
        out += std::string(section) + "," + key + "," + CsvCell(label) + "," + value + "," + CsvCell(unit) + "," +
               CsvCell(source) + "\r\n";
    };
    row("about", "link", "Link to this scenario", CsvCell(context.link), "", "");
    row("about", "date", "Downloaded", CsvCell(context.date), "", "");
    row("about", "version", "Calculator version", CsvCell(context.version), "", "");
    row("scenario", "area", "Area", CsvCell(s.area), "", "");
    row("scenario", "name", "Scenario", CsvCell(s.name), "", "");
    row("scenario", "summary", "In one sentence", CsvCell(SummarySentence(s, r)), "", "");
    row("scenario", "teams_today", "Teams today", CsvCell(TeamsTodayText(r)), "", SourceFor(s, Key::current_teams));
    // The whole numbers the headline shows.
    auto whole = [](const std::optional<long long>& v) { return v ? std::to_string(*v) : std::string(); };
    row("headline", "teams_needed_whole", "Teams needed, rounded up", std::to_string(r.teams_needed_whole), "teams",
        "derived");
    row("headline", "teams_gap_whole", "More teams needed (whole teams)", whole(r.teams_gap_whole), "teams", "derived");
    row("headline", "new_teams_per_year_whole", "New teams a year, rounded up",
        r.new_teams_per_year ? CsvNumber(std::ceil(*r.new_teams_per_year - 1e-9), 0) : std::string(), "teams/year",
        "derived");
    row("headline", "babies_to_reach_whole", "Babies to reach a year, rounded", CsvNumber(std::round(r.babies_to_reach), 0),
        "babies/year", "derived");
    for (const AssumptionSpec& spec : AssumptionTable())
        row("assumption", spec.key, spec.label,
            s.assumptions.Known(spec.id) ? CsvNumber(s.assumptions[spec.id], AssumptionDecimals(spec)) : std::string(),
            spec.unit, SourceFor(s, spec.id));
    row("result", "cohort_babies", "Babies aged 0-2", CsvNumber(r.cohort_babies, kBabies), "babies", "derived");
    row("result", "babies_at_risk", "At risk of disorganised attachment", CsvNumber(r.babies_at_risk, kBabies), "babies", "derived");
    row("result", "babies_at_risk_wider", "At risk of other insecure attachment", CsvNumber(r.babies_at_risk_wider, kBabies), "babies", "derived");
    row("result", "babies_to_reach", "Babies to reach a year", CsvNumber(r.babies_to_reach, kBabies), "babies/year", "derived");
    row("result", "share_of_cohort", "Share of babies aged 0-2 reached", CsvNumber(r.share_of_cohort, kPercent), "%", "derived");
    row("result", "teams_needed", "Teams needed", CsvNumber(r.teams_needed, kTeams), "teams", "derived");
    row("result", "teams_gap", "Teams needed minus teams today", CsvOptional(r.teams_gap, kTeams), "teams", "derived");
    row("result", "scale_factor", "Teams needed as a multiple of today", CsvOptional(r.scale_factor, kTeams), "x", "derived");
    row("result", "new_teams_per_year", "New teams a year (straight line)", CsvOptional(r.new_teams_per_year, kTeams), "teams/year", "derived");
    row("result", "annual_growth_percent", "Growth a year (compound)", CsvOptional(r.annual_growth_percent, kPercent), "%", "derived");
    row("result", "range.low", "Teams needed, lowest over the ranges", CsvNumber(r.range.low, kTeams), "teams", "derived");
    row("result", "range.high", "Teams needed, highest over the ranges", CsvNumber(r.range.high, kTeams), "teams", "derived");
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const std::optional<BreakEven>& found = r.break_even[static_cast<int>(spec.id)];
        if (!found) continue;
        row("result", std::string("break_even.") + spec.key,
            std::string("Break-even: ") + spec.label + (found->inside_range ? "" : " (outside the valid range)"),
            CsvNumber(found->value, AssumptionDecimals(spec)), spec.unit, "derived");
    }
    for (const Sensitivity& entry : r.sensitivity) {
        const AssumptionSpec& spec = Spec(entry.key);
        row("result", std::string("sensitivity.") + spec.key + ".teams_at_low",
            std::string("Teams needed at the low end of ") + Lowercase(spec.label) + " (" + DisplayValue(spec, entry.low) + ")",
            CsvNumber(entry.teams_at_low, kTeams), "teams", "derived");
        row("result", std::string("sensitivity.") + spec.key + ".teams_at_high",
            std::string("Teams needed at the high end of ") + Lowercase(spec.label) + " (" + DisplayValue(spec, entry.high) + ")",
            CsvNumber(entry.teams_at_high, kTeams), "teams", "derived");
    }
    row("result", "annual_cost", "Cost a year", CsvNumber(r.annual_cost, kPounds), "£/year", SourceFor(s, Key::cost_per_baby));
    row("result", "babies_reached_today", "Babies today's teams support a year", CsvOptional(r.babies_reached_today, kBabies), "babies/year", "derived");
    row("result", "gap_annual_cost", "Cost a year beyond today's teams", CsvOptional(r.gap_annual_cost, kPounds), "£/year", "derived");
    row("result", "lifetime_value", "Lifetime value of one year's support", CsvNumber(r.lifetime_value, kPounds), "£", SourceFor(s, Key::value_per_child));
    row("result", "annual_cost_range.low", "Cost a year, lowest over the ranges", CsvNumber(r.annual_cost_range.low, kPounds), "£/year", "derived");
    row("result", "annual_cost_range.high", "Cost a year, highest over the ranges", CsvNumber(r.annual_cost_range.high, kPounds), "£/year", "derived");
    row("result", "gap_annual_cost_range.low", "Cost beyond today's teams, lowest over the ranges",
        r.gap_annual_cost_range ? CsvNumber(r.gap_annual_cost_range->low, kPounds) : std::string(), "£/year", "derived");
    row("result", "gap_annual_cost_range.high", "Cost beyond today's teams, highest over the ranges",
        r.gap_annual_cost_range ? CsvNumber(r.gap_annual_cost_range->high, kPounds) : std::string(), "£/year", "derived");
    row("result", "lifetime_value_range.low", "Lifetime value, lowest over the ranges", CsvNumber(r.lifetime_value_range.low, kPounds), "£", "derived");
    row("result", "lifetime_value_range.high", "Lifetime value, highest over the ranges", CsvNumber(r.lifetime_value_range.high, kPounds), "£", "derived");
    if (pinned && pinned_results) {
        const Results& a = *pinned_results;
        row("a_scenario", "area", "Scenario A: area", CsvCell(pinned->area), "", "");
        row("a_scenario", "name", "Scenario A", CsvCell(pinned->name), "", "");
        for (const Key key : DifferingAssumptions(*pinned, s)) {
            const AssumptionSpec& spec = Spec(key);
            row("a_assumption", spec.key, std::string("Scenario A: ") + spec.label, CsvNumber(pinned->assumptions[key], AssumptionDecimals(spec)),
                spec.unit, SourceFor(*pinned, key));
            if (const std::optional<ValueRange>& range = pinned->ranges[key]) {
                row("a_assumption", std::string(spec.key) + "_low", std::string("Scenario A: ") + spec.label + ", low",
                    CsvNumber(range->low, AssumptionDecimals(spec)), spec.unit, "");
                row("a_assumption", std::string(spec.key) + "_high", std::string("Scenario A: ") + spec.label + ", high",
                    CsvNumber(range->high, AssumptionDecimals(spec)), spec.unit, "");
            }
        }
        row("a_result", "teams_needed", "Scenario A: teams needed", CsvNumber(a.teams_needed, kTeams), "teams", "derived");
        row("a_result", "teams_needed_whole", "Scenario A: teams needed, rounded up", std::to_string(a.teams_needed_whole), "teams", "derived");
        row("a_result", "range.low", "Scenario A: teams needed, lowest over the ranges", CsvNumber(a.range.low, kTeams), "teams", "derived");
        row("a_result", "range.high", "Scenario A: teams needed, highest over the ranges", CsvNumber(a.range.high, kTeams), "teams", "derived");
        row("a_result", "teams_gap", "Scenario A: teams needed minus teams today", CsvOptional(a.teams_gap, kTeams), "teams", "derived");
        row("a_result", "annual_cost", "Scenario A: cost a year", CsvNumber(a.annual_cost, kPounds), "£/year", "derived");
        row("a_result", "gap_annual_cost", "Scenario A: cost a year beyond today's teams", CsvOptional(a.gap_annual_cost, kPounds), "£/year", "derived");
    }
    return out;
}

std::string DownloadFileName(const std::string& area, const std::string& date, const std::string& extension) {
    // Letters and digits of the area, lower case, with one '-' between words; other letters (Môn's ô)
    // are left out rather than mangled.
    std::string slug;
    for (const char c : area) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) {
            slug += static_cast<char>(std::tolower(u));
        } else if (u < 0x80 && !slug.empty() && slug.back() != '-') {
            slug += '-';
        }
        if (slug.size() >= 40) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.rfind("the-", 0) == 0) slug.erase(0, 4); // "the South East" -> "south-east"
    std::string name = "teams";
    if (!slug.empty()) name += "-" + slug;
    if (!date.empty()) name += "-" + date;
    return name + "." + extension;
}

} // namespace teams
