// The page's side of the control list (see controls.h): the update message to shell/controls_layer.js
// and the requests that come back from its stand-ins. Browser glue like page_api.cpp: nothing here
// throws or aborts, and a request only queues; the next frame's drawing code answers it.
#include "controls.h"

#ifdef __EMSCRIPTEN__

#include "page_api.h"
#include "platform_web.h"

#include <emscripten.h>

#include <string>
#include <utility>
#include <vector>

// clang-format off
EM_JS(void, JsSetControls, (const char* update), {
    if (Module.page && Module.page.setControls) Module.page.setControls(UTF8ToString(update));
});
// clang-format on

namespace {

ControlList* g_list = nullptr;
std::vector<std::pair<std::string, std::string>> g_sent; // what the page's DOM layer shows now

} // namespace

void ControlsAttach(ControlList* list) {
    g_list = list;
}

void ControlsPublish(const ControlList& list) {
    const std::string update = ControlUpdateJson(list, g_sent);
    if (!update.empty()) JsSetControls(update.c_str());
}

extern "C" {

// A stand-in was used: action is "press", "focus", "step", "set", "select" or "open"; amount is the
// steps, the value or the option's index. Unknown keys and actions are ignored by the next frame.
EMSCRIPTEN_KEEPALIVE void teams_control_request(const char* key, const char* action, double amount) {
    if (!g_list || !key || !action) return;
    const ControlAction kind = ControlActionFromName(action);
    if (kind == ControlAction::None || !(amount == amount)) return; // NaN from the page changes nothing
    g_list->Request(std::string(key).substr(0, 200), {kind, amount});
    teams_request_frame();
}

// Every control drawn in the last frame, for window.teamsCalculator.controls().
EMSCRIPTEN_KEEPALIVE const char* teams_controls() {
    return PageAnswer(g_list ? ControlListJson(*g_list) : "[]");
}

} // extern "C"

#else

void ControlsAttach(ControlList*) {}
void ControlsPublish(const ControlList&) {}

#endif // __EMSCRIPTEN__
