// The assumptions: the preset picker and one slider row per assumption of the table (label, value,
// - slider +, source, Reset). Changes go through SetValue; a preset replaces the scenario.
#pragma once

#include "state.h"

void DrawAssumptions(AppState& state, bool touch_sized);
