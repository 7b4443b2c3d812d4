// The screen describes itself once: every control DrawApp draws goes into one list per frame (role,
// name, value text, range and step, rectangle, state). The page's accessible DOM layer
// (shell/controls_layer.js), widgetRect() and the tests all read it; the page's requests (a stand-in
// pressed, stepped, set or focused) come back through it and are answered by the drawing code itself,
// at the same call that handles a click, so every change takes the one way changes go.
// Plain Dear ImGui; no Emscripten and no AppState here (controls_web.cpp is the page's side).
#pragma once

#include "imgui.h"

#include <string>
#include <vector>

// A rectangle in CSS pixels from the top-left of the calculator's content (not of the canvas:
// the page scrolls the content under the canvas).
struct ContentRect {
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;
};

// What a control is, as the page's DOM layer renders it.
enum class ControlRole {
    Slider,     // <input type="range">
    Button,     // <button>
    Select,     // <select> with the options
    Disclosure, // <button aria-expanded>
    Heading,    // <h2> (level 2) or <h3>
    Image,      // role="img" with a text alternative giving the picture's numbers
    Link,       // <a href target="_blank">: a source's address
};

// What the page asks a control to do (a stand-in was used: keyboard, screen reader, switch).
enum class ControlAction {
    None,
    Press,     // a button's click, a disclosure's toggle
    Focus,     // DOM focus arrived on the stand-in: move ImGui's keyboard focus there
    Step,      // amount: +1 / -1 steps, +10 / -10 for Page Up / Page Down
    SetValue,  // amount: the value (a range input's input/change event; Home and End)
    Select,    // amount: the option's index
    OpenField, // Enter on a slider: open the number field over its value
};

struct ControlRequest {
    ControlAction action = ControlAction::None;
    double amount = 0;
};

struct Control {
    ControlRole role = ControlRole::Button;
    std::string key;         // stable and unique: "prevalence", "minus_prevalence", "copy_link" ...
    std::string name;        // the accessible name: "Babies at risk of disorganised attachment"
    std::string value_text;  // as drawn: "15%", "595,948 babies/year"; a select's chosen option
    std::string description; // longer help (the ⓘ explanation), or empty
    double value = 0;        // sliders: the value; selects: the chosen option's index (-1: none)
    double min = 0, max = 0, step = 0;
    std::vector<std::string> options; // selects
    ContentRect rect;
    bool expanded = false; // disclosures
    bool focused = false;  // ImGui's keyboard focus (nav id) is on it
    int level = 2;         // headings
    ImGuiID id = 0;        // ImGui's id of the drawn item
    std::string href;      // links: the address (https only)
};

struct ControlList {
    std::vector<Control> controls; // this frame's, in the order drawn (the visual order)
    struct PendingRequest {
        std::string key;
        ControlRequest request;
    };
    std::vector<PendingRequest> requests; // from the page, answered by the next frame
    ImGuiID last_focus_id = 0;            // the item keyboard focus was on last frame
    float scroll_request = -1;            // content y to scroll to (focus moved off screen), or -1

    const Control* Find(const std::string& key) const;
    // The control at a content point whose key starts with prefix ("value_"), or null.
    const Control* FindAt(const std::string& prefix, float x, float y) const;
    void Request(const std::string& key, ControlRequest request);
    // Called by DrawApp first: last frame's controls go. EndFrame, in DrawApp's window, drops the
    // requests no control answered and marks the control that has keyboard focus at the frame's end.
    void BeginFrame();
    void EndFrame();
};

// Records the last ImGui item as a control (its rectangle, id and focus) and answers the page's
// request for it, if any: the caller acts on it exactly as on a click or a drag.
ControlRequest RecordControl(ControlList& list, Control control);
// The same for something that is not the last ImGui item (a picture, the headline, a combo whose
// popup is open): the rectangle in screen coordinates of the current window, and the ImGui id that
// keyboard focus goes to (0: none).
ControlRequest RecordControlArea(ControlList& list, Control control, ImVec2 min, ImVec2 max, ImGuiID id = 0);
// The same for the last item of a popup (a row of a combo's list) over the page's window, whose
// screen position and scroll the caller took before the popup began: the rectangle is in that
// window's content coordinates, like every other control's.
ControlRequest RecordPopupItem(ControlList& list, Control control, ImVec2 owner_pos, float owner_scroll);

// What changed since `sent` (the last message's per-control JSON, updated here), as one message for
// the page: {"order": [keys] (only when the set or order of controls changed), "set": [controls that
// changed]}; "" when nothing did. The page applies it to its DOM nodes (no per-frame rebuild).
std::string ControlUpdateJson(const ControlList& list, std::vector<std::pair<std::string, std::string>>& sent);

// The whole list, for the page's API and the tests: [{key, role, name, text, ..., rect, focused}].
std::string ControlListJson(const ControlList& list);

// Parses a request's action name from the page: "press", "focus", "step", "set", "select", "open".
ControlAction ControlActionFromName(const std::string& name);

// The page's side (controls_web.cpp): lets the exported teams_control_request() reach the list, and
// sends the page what changed since the last frame (nothing when nothing did).
void ControlsAttach(ControlList* list);
void ControlsPublish(const ControlList& list);
