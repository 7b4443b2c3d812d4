// The calculator's pictures on the canvas: the chart model (src/chart_model.h) drawn with ImGui's
// draw list. Each reserves its space in the current ImGui window; knows nothing of the browser.
#pragma once

#include "state.h"
#include "chart_model.h"

// The small font's measurements and the cursor's position, for laying out a chart where the canvas
// draws it next.
teams::ChartLayout CanvasChartLayout(const AppState& state);

// Today's teams (and those in development) against the teams needed, on one scale.
void DrawGapChart(const AppState& state, float width);
// Teams year by year from today to the target: straight line and steady growth. Hovering a year shows
// its readout; a tap or click keeps it (state.scale_up_point) until another tap.
void DrawPathChart(AppState& state, float width, float height);
// 100 babies aged 0-2: how many are at risk and how many the teams would reach.
void DrawBabiesChart(const AppState& state, float width);
// Which assumption matters most: each ranged assumption's swing in teams needed.
void DrawTornadoChart(const AppState& state, float width);
