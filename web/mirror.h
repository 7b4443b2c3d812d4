// What the page reads of the screen in words: the accessible mirror, the notice, the summary card.
#pragma once

#include "state.h"

#include <string>

// The accessible mirror for the page: {"summary", "canvasLabel", "assumptions", "results"}.
std::string MirrorJson(const AppState& state);
// The visible notice: ["message", ...].
std::string NoticeJson(const AppState& state);
// What the PNG summary card shows: {"headline", "number", "detail", "gap", "pace", "today",
// "developing", "needed", "assumptions": [[label, value], ...], "source"}.
std::string CardJson(const AppState& state);
