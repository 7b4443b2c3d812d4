// The summary card's words and colours (the 1200x630 PNG a campaigner posts, and the site's
// og-card.png): what it says, decided here once; the page only lays it out and draws it.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "estimator.h"
#include "scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace teams {

// The card's colours, "#rrggbb". Every text colour is at 4.5:1 or better on the background
// (tests/test_card.cpp); the bars are drawn on it too, and no text is drawn over a bar.
struct CardPalette {
    const char* background = "#fafaf7";
    const char* text = "#1d1d1f";     // the question, the key assumptions
    const char* muted = "#565862";    // the source, the date and the link
    const char* answer = "#0a6d68";   // "6 teams"
    const char* gap = "#ac5000";      // "against 1 team today: 5 more needed"
    const char* today_bar = "#0a6d68";
    const char* developing_bar = "#8cbfbb";
    const char* needed_bar = "#c2610f";
    const char* track = "#ecece6"; // behind both bars, full length
};
const CardPalette& CardColours();

// WCAG 2.x contrast ratio of two "#rrggbb" colours (1 to 21); 1 when either does not parse.
double ContrastRatio(const char* a, const char* b);

struct CardKeyAssumption {
    std::string label; // "Live births a year"
    std::string value; // "8,617"
};

struct Card {
    // "How many parent-infant relationship teams does " + area + " need?", in three parts so that a
    // long area name can be shortened on its own.
    std::string question_before;
    std::string area;
    std::string question_after;
    std::string answer;  // "6 teams"
    std::string against; // "against 1 team today: 5 more needed", or "teams today not known: enter yours"
    // The gap bar, on one scale: today (solid), in development (after it, paler), and needed.
    std::optional<double> today; // not known: no bar
    double developing = 0;
    double needed = 0;
    std::string today_label;  // "Today: 1 team", "Today: 45 teams (+14 in development)", "Today: not known"
    std::string needed_label; // "Needed: 6 teams (5.7)"
    std::vector<CardKeyAssumption> key_assumptions; // at most three, births first
    std::string source; // "Method: Parent-Infant Foundation briefing (2023). Figures: ..."
    // With a scenario pinned as A to compare: "Compared with A, Wales at 10%: 12 teams"; else empty.
    std::string compared;
};

// At most three key assumptions: births, then the ones this scenario changed from its preset's
// published values (table order), then prevalence and caseload.
Card MakeCard(const Scenario& scenario, const Results& results, const Scenario* pinned = nullptr,
              const Results* pinned_results = nullptr);

// The share sheet's words: "Leeds needs" "6" "specialised parent-infant relationship teams, to reach
// ... babies a year (...)", with the range and scenario A's answer when there are any.
struct ShareWords {
    std::string headline;
    std::string number;
    std::string detail;
};
ShareWords MakeShareWords(const Scenario& scenario, const Results& results, const Scenario* pinned = nullptr,
                          const Results* pinned_results = nullptr);

// The card as the page draws it (shell/calculator.js, drawCard): the share words, the card's words
// and colours, and the link's query. Written by the brief's module (web/brief_module.cpp) from the
// link, so the card describes exactly the scenario its link opens.
std::string CardJson(const Scenario& scenario, const Results& results, const Scenario* pinned,
                     const Results* pinned_results, const std::string& query);

} // namespace teams
