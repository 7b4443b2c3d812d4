// Pictures drawn with ImDrawList: the gap to today, the scale-up path, and 100 babies.
// Each reserves its space in the current ImGui window; knows nothing of the browser.
#pragma once

#include "app.h"

// Today's teams (and those in development) against the teams needed, on one scale.
void DrawGapChart(const AppState& state, float width);
// Teams year by year from today to the target: straight line and steady growth.
void DrawPathChart(const AppState& state, float width, float height);
// 100 babies aged 0-2: how many are at risk and how many the teams would reach.
void DrawBabiesChart(const AppState& state, float width);
