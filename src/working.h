// "Show the working": the arithmetic chain with every number and its source, and number formatting.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "estimator.h"
#include "scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace teams {

struct WorkingStep {
    std::string label;   // "Babies aged 0-2"
    std::string formula; // "595,948 births a year x 2 years"
    std::string value;   // "1,191,896"
    std::string source;  // "ONS births 2021 (England, derived)"
};

std::vector<WorkingStep> ShowWorking(const Scenario& scenario, const Results& results);

// The address of a source the working cites (a step's `source`), where one is known, or "".
std::string WorkingSourceUrl(const Scenario& scenario, const WorkingStep& step);

// 1191896 -> "1,191,896"; 59594.8 with 1 decimal -> "59,594.8". Never prints nan or inf.
std::string FormatNumber(double value, int decimals = 0);

// Pounds, whole and exact: "£110,980,112".
std::string Pounds(double value);
// Pounds as a sentence carries them, at most three significant figures: "£111m", "£98m",
// "£2.38bn". round_down for a lower bound, so "over £2.38bn" stays true.
std::string RoundedPounds(double value, bool round_down = false);

// The headline's range: "265 to 623 on the published prevalences"; empty when nothing is ranged.
std::string RangeWords(const Scenario& scenario, const Results& results);
// Break-even in plain words: "45 teams would be enough only if each supported 1,324 families a year
// (the briefing assumes 150), outside the valid range of 10 to 1,000 families/team/year."; empty when
// there is none.
std::string BreakEvenWords(const Scenario& scenario, const Results& results, Key key);
// Cost and value in plain words with their sources; never a ratio of the two.
std::string MoneyWords(const Scenario& scenario, const Results& results);
// "1 team", "2 teams", "0.5 teams": a count with its noun, singular only for exactly one.
std::string CountText(double count, const char* one, const char* many);

// The straight-line pace in words: "About 71 new teams a year" (rounded up, like the teams needed),
// "Less than 1 new team a year (0.6)", "No new teams needed" at 0 or below.
std::string NewTeamsPerYearText(double per_year);

// What the headline, card, working and CSV say about today's teams: "1 team today", "45 teams today",
// or kTeamsTodayNotKnown.
inline constexpr const char* kTeamsTodayNotKnown = "Teams today: not known, enter yours";
std::string TeamsTodayText(const Results& results);

// The assumptions (values or ranges) in which two scenarios differ, in the table's order.
std::vector<Key> DifferingAssumptions(const Scenario& a, const Scenario& b);

// One sentence for screen readers and summaries:
// "England needs 398 teams to reach 59,595 babies a year, against 45 teams today."
// "Wales needs 18 teams to reach 2,683 babies a year. Teams today: not known, enter yours."
std::string SummarySentence(const Scenario& scenario, const Results& results);

} // namespace teams

namespace teams {

// "1.0.0", from the project's version in CMakeLists.txt.
const char* CalculatorVersion();

// What a download records about itself: the link that reopens it, the day and the calculator's version.
struct ReportContext {
    std::string link;                          // the full calculator's address with this scenario
    std::string date;                          // "2026-12-01"
    std::string version = CalculatorVersion(); // "1.0.0"
};

// A spreadsheet-ready CSV: rows for the link, date and version, the area, the scenario and the
// whole numbers the headline shows, then one row per assumption (key, label, value, unit, source),
// then one row per result. Numbers are rounded to what they mean (0 to 3 decimals), never binary
// noise; a value that is not known is an empty cell. Text fields are quoted; cells that a
// spreadsheet would run as a formula are escaped. With a pinned scenario A, its name, headline
// results and the assumptions that differ follow, in rows whose section is "a_scenario",
// "a_assumption" and "a_result".
std::string ReportCsv(const Scenario& scenario, const Results& results, const ReportContext& context = ReportContext(),
                      const Scenario* pinned = nullptr, const Results* pinned_results = nullptr);

// A download's file name from the area and the date: "teams-leeds-2026-12-01.csv"; letters and
// digits only, so an area cannot reach outside the downloads folder.
std::string DownloadFileName(const std::string& area, const std::string& date, const std::string& extension);

// One quoted CSV text cell. A cell whose first visible character would start a formula or command
// in a spreadsheet (= + - @ |, their fullwidth and small forms, the minus sign and pipe lookalikes),
// after any Unicode spaces and zero-width characters, or that starts with a tab or CR, gets a
// leading apostrophe so that it stays text.
std::string CsvCell(std::string_view text);

} // namespace teams
