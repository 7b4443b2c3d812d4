// Small drawing helpers every section of the screen shares: text that wraps at spaces, headings,
// numbers as the screen shows them, the sliders' scale, and a control's entry in the control list.
#pragma once

#include "state.h"

#include <string>

// The value as the sliders show it: "15%", "595,948 babies/year", "2 years".
std::string ValueText(const teams::AssumptionSpec& spec, double value);
// The same for the scenario's value, or "not known".
std::string ValueText(const teams::AssumptionSpec& spec, const teams::Assumptions& assumptions);

// Text wrapped at spaces only, so numbers such as "59,595" and "5.0%" stay on one line (ImGui's own
// wrapping also breaks after '.' and ','): to the wrap position the caller pushed, or to the column's
// end when there is none.
void WrappedText(ImU32 colour, const std::string& text);

void ColouredText(ImU32 colour, const std::string& text);
// A section's heading: drawn, and in the control list as a heading (controls.h).
void Heading(AppState& state, const char* text);
// The last item, a button, in the control list (key, accessible name, and a value it states); true
// when its stand-in was pressed, which the caller treats as a click.
bool RecordButton(AppState& state, const std::string& key, const std::string& name, const std::string& text = "");

// A source's address as a link: its text wrapped at spaces, underlined in the accent colour, with a
// hand cursor; a click, a tap or Enter opens the address in a new tab (PageAction::OpenLink), and its
// stand-in in the control list is a real <a>.
void LinkText(AppState& state, const std::string& key, const std::string& text, const std::string& url);

// A whole number with thousands separated: "1,191,896".
std::string Whole(double value);
// Two significant figures: 398 -> 400, 264.9 -> 260, 1234 -> 1,200.
double AboutValue(double value);

// Snaps a value from a slider or a - / + button onto the table's step grid, with no binary-fraction
// tails (0.15, not 0.15000000000000002), so the link stays short.
double SnapToStep(const teams::AssumptionSpec& spec, double value);
// A slider's position (0 to 1) for a value, and back; wide ranges move on a log scale.
float SliderPosition(const teams::AssumptionSpec& spec, double value);
double SliderValue(const teams::AssumptionSpec& spec, float position);

// True on a touch-sized layout (a phone's width), where every target is at least 44 px tall.
inline bool TouchSized() { return ImGui::GetIO().DisplaySize.x < 600; }
