// Typing an exact value (issue 4): a tap or click on an assumption's value opens a real HTML number
// field over it (a canvas cannot raise a phone's keyboard). value_field.cpp records where the values
// are and applies what was typed; value_field_web.cpp is the page's side (shell/value_field.js).
#pragma once

#include <string>

struct AppState;

// Call right after an assumption's value text is drawn: records "value_<key>" in the control list
// (a button "Type a value for <label>" for the accessible layer and widgetRect()), the area a tap or
// click on opens the field, and underlines the value. On a touch-sized layout it adds a little room
// below so the area is 44 px tall without reaching the slider row. True when its stand-in was
// pressed: the caller opens the field.
bool RecordValueTarget(AppState& state, const char* key, bool touch_sized);

// The field's facts for the page: {"key", "label", "unit", "value", "min", "max", "percent", "range"},
// or null for an unknown key.
std::string ValueFieldJson(const AppState& state, const std::string& key);

// Applies a typed value through the same validation as links: junk is refused and the value kept;
// out-of-range values are clamped; either way state.notices names the field and its valid range
// (a clean value clears the notice). Spaces, a trailing % and thousands separators (26,832) are
// accepted. Returns {"ok": bool, "value": number, "text": "15%", "problems": ["..."]}.
std::string ApplyTypedValue(AppState& state, const std::string& key, const std::string& typed);

// Lets the page's exported teams_value_* functions reach the one AppState (value_field_web.cpp).
void ValueFieldAttach(AppState* state);

// Opens the field over an assumption's value, for the keyboard: Enter on a slider that has focus
// (state.open_value_field, set by DrawApp). The page moves the keyboard's focus into it.
void ValueFieldOpen(const std::string& key);
