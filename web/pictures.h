// The pictures section: today against the need, scaling up, and 100 babies (drawn by charts.cpp).
#pragma once

#include "state.h"

void DrawPictures(AppState& state, float width);

// "Download pictures (SVG)": the three pictures, from the same chart model, in one SVG file.
std::string PicturesSvgForDownload(const AppState& state);
