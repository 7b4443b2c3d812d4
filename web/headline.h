// The answer: the area's teams needed, the gap to today and the pace; and the sharing buttons.
// Reads the scenario and results; the buttons set AppState::action for the page to carry out.
#pragma once

#include "state.h"

void DrawHeadline(AppState& state);
// Copy link, share, downloads and embed code, in a row that wraps on narrow screens.
void DrawShareButtons(AppState& state, bool touch_sized);
