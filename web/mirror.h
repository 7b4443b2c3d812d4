// What the page reads of the screen in words: the accessible mirror, the notice, the summary card.
#pragma once

#include "state.h"

#include <string>

// The accessible mirror for the page: {"summary", "canvasLabel", "assumptions", "results"}.
std::string MirrorJson(const AppState& state);
// The visible notice: ["message", ...].
std::string NoticeJson(const AppState& state);
// What the share sheet shows: {"headline", "number", "detail", "query"} (src/card.h, ShareWords).
// The PNG summary card is written by the brief's module from the link (teams::CardJson).
std::string ShareJson(const AppState& state);
