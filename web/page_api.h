// The page's API (window.teamsCalculator in shell/calculator.js) reaches the app through the C
// functions in page_api.cpp; this attaches them to the one AppState.
#pragma once

#include <string>

struct AppState;

void PageApiAttach(AppState* state);

// Hands a string to JavaScript from an exported function: kept until the next call, which is enough
// since ccall copies it out at once.
const char* PageAnswer(std::string text);
