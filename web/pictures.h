// The pictures section: today against the need, scaling up, and 100 babies (drawn by charts.cpp).
#pragma once

#include "state.h"

void DrawPictures(AppState& state, float width);
