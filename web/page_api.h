// The page's API (window.teamsCalculator in shell/calculator.js) reaches the app through the C
// functions in page_api.cpp; this attaches them to the one AppState.
#pragma once

struct AppState;

void PageApiAttach(AppState* state);
