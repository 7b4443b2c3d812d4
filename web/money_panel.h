// What closing the gap costs and returns, in plain words with their sources (no ratio of the two:
// they come from different studies). Reads the scenario and results only.
#pragma once

#include "state.h"

void DrawMoneyPanel(AppState& state);
