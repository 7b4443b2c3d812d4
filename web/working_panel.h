// "Show the working": every step of the method with its calculation, result and source.
// Opens and closes with AppState::show_working.
#pragma once

#include "state.h"

void DrawWorking(AppState& state, bool wide);
