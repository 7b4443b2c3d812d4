// What the page reads of the screen in words: the accessible mirror, the notice, the summary card.
#pragma once

#include "state.h"

#include <string>

// The accessible mirror for the page: {"summary", "canvasLabel", "assumptions", "results"}.
std::string MirrorJson(const AppState& state);
// The visible notice: ["message", ...].
std::string NoticeJson(const AppState& state);
// What the share sheet and the PNG summary card show: {"headline", "number", "detail"} for sharing;
// {"question": [before, area, after], "answer", "against", "today" (null: not known), "developing",
// "needed", "today_label", "needed_label", "assumptions": [[label, value], ...] (at most three),
// "source", "compared" (scenario A's answer, or ""), "colours", "query"} for the card (src/card.h).
std::string CardJson(const AppState& state);
