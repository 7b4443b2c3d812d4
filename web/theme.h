// Fonts and colours: the Inter subsets rasterised at the device's pixel ratio, and the light and
// dark palettes. Touches AppState::fonts, palette and dark only.
#pragma once

#include "state.h"

// Rasterises the fonts at size x pixel ratio so text stays crisp; the renderer must then re-upload
// the font texture. The calculator's own text needs ASCII and a few symbols; the accented and other
// letters a place's name may have (Ynys Môn, Dún Laoghaire) are added when state.fonts.name_letters
// is set, as every glyph costs start-up time.
void LoadFonts(AppState& state, float pixel_ratio);

// True when text the visitor supplied (the area's and scenario's names, a page note) has a letter
// that the atlas does not hold yet and LoadFonts would add with name_letters set.
bool NeedsNameLetters(const AppState& state);
void ApplyTheme(AppState& state, bool dark);
