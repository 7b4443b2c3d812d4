// The honest estimate on screen: the headline's range, the break-even in plain words, and a range
// row under each slider (its low and high, each a tap or Enter away from a number field).
// Reads the scenario and results; changes ranges only through SetRange and the number field.
#pragma once

#include "state.h"

#include <string>

// "265 to 623 on the published prevalences", under the headline's number (nothing when unranged).
void DrawHeadlineRange(AppState& state);
// "If the figures are wrong": the break-even of the assumptions campaigners argue about.
void DrawBreakEven(AppState& state);
// Under an assumption's slider: its range, or "Add a range".
void DrawRangeRow(AppState& state, const teams::AssumptionSpec& spec, bool touch_sized);

// "prevalence_low" -> prevalence's spec and the low end; nullptr when the key is not a range end.
const teams::AssumptionSpec* RangeFieldSpec(const std::string& key, bool* high);
