// The pictures section: today against the need, scaling up, and 100 babies (drawn by charts.cpp).
#pragma once

#include "state.h"

// "Today against the need", with its heading: on a phone it comes right under the headline.
void DrawGapPicture(AppState& state, float width);
// The pictures in order; with_gap false leaves out the gap picture (drawn under the headline).
void DrawPictures(AppState& state, float width, bool with_gap = true);
