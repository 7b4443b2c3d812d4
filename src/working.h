// "Show the working": the arithmetic chain with every number and its source, and number formatting.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "estimator.h"
#include "scenario.h"

#include <string>
#include <vector>

namespace teams {

struct WorkingStep {
    std::string label;   // "Babies aged 0-2"
    std::string formula; // "595,948 births a year x 2 years"
    std::string value;   // "1,191,896"
    std::string source;  // "ONS births 2021 (England, derived)"
};

std::vector<WorkingStep> ShowWorking(const Scenario& scenario, const Results& results);

// 1191896 -> "1,191,896"; 59594.8 with 1 decimal -> "59,594.8". Never prints nan or inf.
std::string FormatNumber(double value, int decimals = 0);

// One sentence for screen readers and summaries:
// "England needs 398 teams to reach 59,595 babies a year; 45 exist today."
std::string SummarySentence(const Scenario& scenario, const Results& results);

} // namespace teams

namespace teams {

// A spreadsheet-ready CSV: one row per assumption (key, label, value, unit, source), then one row
// per result. Text fields are quoted; cells that a spreadsheet would run as a formula are escaped.
std::string ReportCsv(const Scenario& scenario, const Results& results);

} // namespace teams
