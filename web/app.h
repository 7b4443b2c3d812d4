// The calculator's screen: DrawApp() and what the page's glue needs of it. Sections draw in their own
// files (headline, assumption_panel, pictures, working_panel) over the one state (state.h).
// Knows nothing of the browser (no Emscripten here).
#pragma once

#include "mirror.h"
#include "state.h"
#include "theme.h"
#include "widgets.h"

// One frame of the calculator's screen, in a single window that covers the canvas.
void DrawApp(AppState& state);
