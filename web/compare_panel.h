// Two scenarios side by side: "Pin as A" keeps the current scenario; the visitor goes on changing
// B and sees both headlines, ranges, gaps and costs, and the assumptions that differ. Changes the
// state only through SetPinned.
#pragma once

#include "state.h"

void DrawComparePanel(AppState& state, bool touch_sized);
