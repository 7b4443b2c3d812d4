// The page's side of typing an exact value (see value_field.h): the C functions shell/value_field.js
// calls. Browser glue like platform_web.cpp and page_api.cpp: none of them throws or aborts.
#include "value_field.h"
#include "page_api.h"

#ifdef __EMSCRIPTEN__

#include "app.h"
#include "platform_web.h"

#include <emscripten.h>

#include <string>

// clang-format off
// Module goes along so value_field.js can call the functions below.
EM_JS(void, JsValueFieldAttach, (), {
    if (window.teamsValueField) window.teamsValueField.attach(Module);
});
EM_JS(void, JsValueFieldOpen, (const char* key), {
    if (window.teamsValueField) window.teamsValueField.open(UTF8ToString(key));
});
// clang-format on

namespace {

AppState* g_app = nullptr;

} // namespace

void ValueFieldAttach(AppState* state) {
    g_app = state;
    JsValueFieldAttach();
}

void ValueFieldOpen(const std::string& key) {
    JsValueFieldOpen(key.c_str());
}

extern "C" {

// The assumption whose value area holds this point (CSS px from the content's top-left), or "".
EMSCRIPTEN_KEEPALIVE const char* teams_value_target_at(double x, double y) {
    if (!g_app) return "";
    const Control* target = g_app->controls.FindAt("value_", static_cast<float>(x), static_cast<float>(y));
    return target ? PageAnswer(target->key.substr(6)) : "";
}

EMSCRIPTEN_KEEPALIVE const char* teams_value_field(const char* key) {
    if (!g_app || !key) return "null";
    return PageAnswer(ValueFieldJson(*g_app, key));
}

// A value typed into the field; the visible notice follows at once.
EMSCRIPTEN_KEEPALIVE const char* teams_apply_typed_value(const char* key, const char* text) {
    if (!g_app || !key || !text) return "{\"ok\":false,\"problems\":[\"The calculator is not ready.\"]}";
    std::string answer = ApplyTypedValue(*g_app, key, text);
    PlatformSetNotice(NoticeJson(*g_app));
    teams_request_frame();
    return PageAnswer(std::move(answer));
}

} // extern "C"

#endif // __EMSCRIPTEN__
