// The browser glue (see platform_web.h): emscripten/html5.h callbacks feed ImGui's io directly.
// Depends on ImGui and Emscripten, never on the estimator or the app.
//
// Supports:
//  [x] Mouse: move, buttons (released outside the canvas too), no wheel capture (the page scrolls).
//  [x] Touch: io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen); a tap clicks, a mostly horizontal
//      drag drags, a mostly vertical swipe is left to the browser to scroll the page.
//  [x] Keyboard: keys for navigation and editing, typed characters, Ctrl/Shift/Alt/Super. Tab is
//      the browser's: it moves between the accessible layer's stand-ins and out (no keyboard trap).
//  [x] devicePixelRatio: drawing buffer at CSS size x ratio, the ratio lowered where that would pass the
//      GPU's largest buffer side or kMaxCanvasPixels (a frame as tall as the content on a phone, when
//      its host sends no visible band).
//  [x] Clipboard: writes through navigator.clipboard; reads the last paste event's text.
//  [x] On-demand frames with requestAnimationFrame: nothing is drawn while idle.
//  [x] WebGL context lost and restored: drawing stops, then the renderer is rebuilt.
#include "platform_web.h"

#ifdef __EMSCRIPTEN__

#include "imgui.h"
#include "imgui_internal.h" // ImTextCharFromUtf8

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

// [SECTION] Page hooks (implemented by shell/calculator.js as Module.page)

// clang-format off
EM_JS(void, JsBeginFrame, (), { if (Module.page.beginFrame) Module.page.beginFrame(); });
EM_JS(double, JsCanvasLeft, (), { return Module.page.canvasRect().left; });
EM_JS(double, JsCanvasTop, (), { return Module.page.canvasRect().top; });
EM_JS(double, JsScrollOffset, (), { return Module.page.scrollOffset(); });
EM_JS(int, JsPrefersDark, (), { return Module.page.prefersDark() ? 1 : 0; });
EM_JS(int, JsContrastMode, (), { return Module.page.contrastMode(); });
EM_JS(unsigned, JsSystemColour, (int which), { return Module.page.systemColour(which) >>> 0; });
EM_JS(double, JsTextScale, (), { return Module.page.textScale(); });
EM_JS(void, JsSetContentHeight, (double h), { Module.page.setContentHeight(h); });
EM_JS(void, JsSetSummary, (const char* s), { Module.page.setSummary(UTF8ToString(s)); });
EM_JS(void, JsSetMirror, (const char* s), { Module.page.setMirror(UTF8ToString(s)); });
EM_JS(void, JsSetNotice, (const char* s), { Module.page.setNotice(UTF8ToString(s)); });
EM_JS(void, JsSetCanvasLabel, (const char* s), { Module.page.setCanvasLabel(UTF8ToString(s)); });
EM_JS(void, JsReplaceQuery, (const char* s), { Module.page.replaceQuery(UTF8ToString(s)); });
EM_JS(void, JsFirstFrame, (), { Module.page.firstFrame(); });
EM_JS(void, JsScrollContentTo, (double y), { Module.page.scrollContentTo(y); });
EM_JS(void, JsShowFallback, (const char* s), { Module.page.showFallback(UTF8ToString(s)); });
EM_JS(void, JsWriteClipboard, (const char* s), { Module.page.writeClipboard(UTF8ToString(s)); });
EM_JS(void, JsFocusCanvas, (), { Module.page.focusCanvas(); });
EM_JS(int, JsCanShare, (), { return Module.page.canShare() ? 1 : 0; });
EM_JS(int, JsCanEmbed, (), { return Module.page.canEmbed() ? 1 : 0; });
EM_JS(void, JsRunAction, (const char* a, const char* p), { Module.page.runAction(UTF8ToString(a), UTF8ToString(p)); });
EM_JS(char*, JsQuery, (), {
    var text = Module.page.query();
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    if (ptr) stringToUTF8(text, ptr, size);
    return ptr;
});
EM_JS(char*, JsPastedText, (), {
    var text = Module.page.pastedText();
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    if (ptr) stringToUTF8(text, ptr, size);
    return ptr;
});
// clang-format on

// [SECTION] State of the glue (one struct, file-local)

namespace {

enum class TouchMode { None, Undecided, Dragging, Scrolling };

struct PlatformState {
    std::string canvas_selector;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    FrameFn frame = nullptr;
    ContextChangeFn context_change = nullptr;
    bool context_lost = false;
    bool frame_pending = false;
    double last_input_time = 0;
    double last_touch_time = -1e9;
    float pixel_ratio = 0;
    int buffer_width = 0;
    int buffer_height = 0;
    int max_buffer_size = 0; // the GPU's largest drawing buffer side, in device pixels
    bool mouse_inside = false; // the last mouse position sent was over the canvas
    // A mouse release waiting for the frames to take the moves before it (see OnMouseButton), and
    // the last move after it, which waits with it.
    int held_release = -1; // ImGui's button, or -1
    bool held_move = false;
    ImVec2 held_move_pos;
    std::string clipboard;     // storage for GetClipboardTextFn's result
    // The one touch being followed.
    TouchMode touch_mode = TouchMode::None;
    long touch_id = -1;
    float touch_start_x = 0, touch_start_y = 0;
    float touch_x = 0, touch_y = 0;
};

PlatformState g_platform;

// The largest drawing buffer side the GPU takes (MAX_RENDERBUFFER_SIZE, MAX_VIEWPORT_DIMS; often 8,192).
// Asked once while the context is live.
int MaxBufferSize() {
    if (g_platform.max_buffer_size <= 0) {
        GLint renderbuffer = 0;
        GLint viewport[2] = {0, 0};
        glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
        glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
        const int size = std::min(renderbuffer, std::min(viewport[0], viewport[1]));
        if (size <= 0) return 4096; // context lost: a size every WebGL 2 GPU takes
        g_platform.max_buffer_size = size;
    }
    return g_platform.max_buffer_size;
}

// The largest canvas area drawn: just under iOS Safari's limit of 4,096 x 4,096 pixels (16.78
// megapixels; a canvas over it is not drawn at all), where each such buffer holds 64 MB.
constexpr double kMaxCanvasPixels = 16.7e6;

// A finger must move this far (CSS px) before a drag or a scroll is told apart.
constexpr float kTouchSlop = 8.0f;
// Browsers send mouse events after a tap; ignore mouse input this long after touch input.
constexpr double kMouseAfterTouchSeconds = 0.8;

void NoteInput() {
    g_platform.last_input_time = emscripten_get_now() / 1000.0;
    PlatformRequestFrame();
}

ImVec2 ToCanvas(long client_x, long client_y) {
    return ImVec2(static_cast<float>(client_x - JsCanvasLeft()), static_cast<float>(client_y - JsCanvasTop()));
}

bool MouseIsFromTouch() {
    return emscripten_get_now() / 1000.0 - g_platform.last_touch_time < kMouseAfterTouchSeconds;
}

// [SECTION] Mouse
// ImGui takes a button's release in the same frame as the moves queued before it, and a slider held
// by the mouse lets go in that frame without following them. Where frames are slow (a phone's
// canvas at pixel ratio 3 drawn in software can take half a second), a drag's moves and its release
// can all fall between two frames, and the slider stayed where it was pressed. So a release waits
// until a frame has taken the moves before it; a move after it waits with it.

bool MouseMovesQueued() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const ImGuiInputEvent& e : g.InputEventsQueue)
        if (e.Type == ImGuiInputEventType_MousePos) return true;
    return false;
}

void SendHeldRelease() {
    if (g_platform.held_release < 0) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseButtonEvent(g_platform.held_release, false);
    g_platform.held_release = -1;
    if (g_platform.held_move) io.AddMousePosEvent(g_platform.held_move_pos.x, g_platform.held_move_pos.y);
    g_platform.held_move = false;
}

EM_BOOL OnMouseMove(int, const EmscriptenMouseEvent* e, void*) {
    if (MouseIsFromTouch()) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 pos = ToCanvas(e->clientX, e->clientY);
    // Moves elsewhere on the page draw nothing, unless a drag that began on the canvas goes on.
    const bool inside = pos.x >= 0 && pos.y >= 0 && pos.x < io.DisplaySize.x && pos.y < io.DisplaySize.y;
    if (!inside && !ImGui::IsAnyMouseDown() && !g_platform.mouse_inside) return EM_FALSE;
    g_platform.mouse_inside = inside;
    if (g_platform.held_release >= 0) {
        g_platform.held_move = true;
        g_platform.held_move_pos = pos;
    } else {
        io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
        io.AddMousePosEvent(pos.x, pos.y);
    }
    NoteInput();
    return EM_FALSE;
}

int ImGuiButton(unsigned short dom_button) {
    switch (dom_button) {
    case 0:
        return ImGuiMouseButton_Left;
    case 1:
        return ImGuiMouseButton_Middle;
    case 2:
        return ImGuiMouseButton_Right;
    default:
        return -1;
    }
}

EM_BOOL OnMouseButton(int type, const EmscriptenMouseEvent* e, void*) {
    if (MouseIsFromTouch()) return EM_FALSE;
    const int button = ImGuiButton(e->button);
    if (button < 0) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    SendHeldRelease(); // a press or release after a held one: that one goes first
    const ImVec2 pos = ToCanvas(e->clientX, e->clientY);
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(pos.x, pos.y);
    if (type == EMSCRIPTEN_EVENT_MOUSEUP && MouseMovesQueued())
        g_platform.held_release = button; // PlatformBeginFrame sends it once a frame has taken the moves
    else
        io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    NoteInput();
    return EM_FALSE; // mousedown keeps its default so the canvas takes keyboard focus
}

EM_BOOL OnMouseLeave(int, const EmscriptenMouseEvent*, void*) {
    if (MouseIsFromTouch()) return EM_FALSE;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    NoteInput();
    return EM_FALSE;
}

// [SECTION] Touch

const EmscriptenTouchPoint* FindTouch(const EmscriptenTouchEvent* e, long id, bool changed_only) {
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].identifier == id && (!changed_only || e->touches[i].isChanged)) return &e->touches[i];
    return nullptr;
}

void SendTouchPos(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
}

void SendTouchButton(bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, down);
}

void EndTouch() {
    // No hover is left behind where the finger was.
    SendTouchPos(-FLT_MAX, -FLT_MAX);
    g_platform.touch_mode = TouchMode::None;
    g_platform.touch_id = -1;
}

EM_BOOL OnTouchStart(int, const EmscriptenTouchEvent* e, void*) {
    g_platform.last_touch_time = emscripten_get_now() / 1000.0;
    if (g_platform.touch_mode != TouchMode::None) return EM_FALSE; // a second finger: the first one keeps control
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        const ImVec2 pos = ToCanvas(t.clientX, t.clientY);
        g_platform.touch_mode = TouchMode::Undecided;
        g_platform.touch_id = t.identifier;
        g_platform.touch_start_x = g_platform.touch_x = pos.x;
        g_platform.touch_start_y = g_platform.touch_y = pos.y;
        break;
    }
    NoteInput();
    return EM_FALSE; // the browser may still turn this into a vertical scroll (touch-action: pan-y)
}

EM_BOOL OnTouchMove(int, const EmscriptenTouchEvent* e, void*) {
    g_platform.last_touch_time = emscripten_get_now() / 1000.0;
    const EmscriptenTouchPoint* t = FindTouch(e, g_platform.touch_id, true);
    if (!t || g_platform.touch_mode == TouchMode::None || g_platform.touch_mode == TouchMode::Scrolling)
        return EM_FALSE;
    const ImVec2 pos = ToCanvas(t->clientX, t->clientY);
    g_platform.touch_x = pos.x;
    g_platform.touch_y = pos.y;
    if (g_platform.touch_mode == TouchMode::Undecided) {
        const float dx = std::fabs(pos.x - g_platform.touch_start_x);
        const float dy = std::fabs(pos.y - g_platform.touch_start_y);
        if (dx < kTouchSlop && dy < kTouchSlop) return EM_FALSE;
        if (dy > dx) {
            g_platform.touch_mode = TouchMode::Scrolling; // the page scrolls; no value changes
            return EM_FALSE;
        }
        g_platform.touch_mode = TouchMode::Dragging;
        SendTouchPos(g_platform.touch_start_x, g_platform.touch_start_y);
        SendTouchButton(true);
    }
    SendTouchPos(pos.x, pos.y);
    NoteInput();
    return EM_TRUE;
}

EM_BOOL OnTouchEnd(int type, const EmscriptenTouchEvent* e, void*) {
    g_platform.last_touch_time = emscripten_get_now() / 1000.0;
    if (!FindTouch(e, g_platform.touch_id, true)) return EM_FALSE;
    const bool cancelled = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    EM_BOOL handled = EM_FALSE;
    if (g_platform.touch_mode == TouchMode::Undecided && !cancelled) {
        // A tap: press and release where the finger landed (ImGui's input queue spreads them over frames).
        SendTouchPos(g_platform.touch_start_x, g_platform.touch_start_y);
        SendTouchButton(true);
        SendTouchButton(false);
        handled = EM_TRUE; // no emulated mouse events after it
        JsFocusCanvas();
    } else if (g_platform.touch_mode == TouchMode::Dragging) {
        SendTouchPos(g_platform.touch_x, g_platform.touch_y);
        SendTouchButton(false);
        handled = EM_TRUE;
    }
    EndTouch();
    NoteInput();
    return handled;
}

// [SECTION] Keyboard

struct KeyName {
    const char* code;
    ImGuiKey key;
};

constexpr KeyName kKeys[] = {
    {"Tab", ImGuiKey_Tab},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
    {"Minus", ImGuiKey_Minus},
    {"Equal", ImGuiKey_Equal},
    {"Period", ImGuiKey_Period},
    {"Comma", ImGuiKey_Comma},
    {"NumpadAdd", ImGuiKey_KeypadAdd},
    {"NumpadSubtract", ImGuiKey_KeypadSubtract},
};

ImGuiKey KeyFromCode(const char* code) {
    for (const KeyName& k : kKeys)
        if (std::strcmp(code, k.code) == 0) return k.key;
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    return ImGuiKey_None;
}

// One Unicode character (the DOM's `key` for a printable key), as opposed to "Enter" or "Shift".
bool IsOneCharacter(const char* key) {
    if (!key[0]) return false;
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, key, nullptr);
    return key[length] == 0 && c >= 0x20 && c != 0x7F;
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void*) {
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const ImGuiKey key = KeyFromCode(e->code);
    // Tab moves DOM focus (to the stand-ins over the canvas, then out of the calculator), never
    // ImGui's: the stand-ins follow the visual order and the page's own Tab order goes on after them.
    if (key == ImGuiKey_Tab) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
    if (down && !e->ctrlKey && !e->metaKey && IsOneCharacter(e->key)) io.AddInputCharactersUTF8(e->key);
    NoteInput();
    // Keys that would scroll the page or move focus are the calculator's while it has focus.
    const bool consumed = key == ImGuiKey_Space || key == ImGuiKey_Enter ||
                          key == ImGuiKey_LeftArrow || key == ImGuiKey_RightArrow || key == ImGuiKey_UpArrow ||
                          key == ImGuiKey_DownArrow;
    return consumed ? EM_TRUE : EM_FALSE;
}

EM_BOOL OnFocus(int type, const EmscriptenFocusEvent*, void*) {
    // Only gaining focus is ImGui's news. The canvas loses it whenever a click hands DOM focus to the
    // clicked control's stand-in (shell/controls_layer.js), mid-click or mid-drag, and ImGui clears the
    // mouse buttons with the keys on a focus loss. Keys go to the stand-ins then, and a button
    // released anywhere still reaches ImGui (mouseup is the document's).
    if (type == EMSCRIPTEN_EVENT_FOCUS) ImGui::GetIO().AddFocusEvent(true);
    NoteInput();
    return EM_FALSE;
}

// [SECTION] Page events: resize, scroll

EM_BOOL OnUiEvent(int, const EmscriptenUiEvent*, void*) {
    PlatformRequestFrame();
    return EM_FALSE;
}

// [SECTION] WebGL context lost and restored

EM_BOOL OnContextLost(int, const void*, void*) {
    g_platform.context_lost = true;
    if (g_platform.context_change) g_platform.context_change(false);
    return EM_TRUE; // preventDefault: asks the browser to restore the context later
}

EM_BOOL OnContextRestored(int, const void*, void*) {
    g_platform.context_lost = false;
    emscripten_webgl_make_context_current(g_platform.gl);
    g_platform.buffer_width = g_platform.buffer_height = 0;
    if (g_platform.context_change) g_platform.context_change(true);
    NoteInput();
    return EM_FALSE;
}

// [SECTION] Clipboard

void SetClipboardText(void*, const char* text) {
    JsWriteClipboard(text);
}

const char* GetClipboardText(void*) {
    char* text = JsPastedText();
    g_platform.clipboard = text ? text : "";
    std::free(text);
    return g_platform.clipboard.c_str();
}

EM_BOOL OnAnimationFrame(double, void*) {
    g_platform.frame_pending = false;
    if (g_platform.context_lost) return EM_FALSE; // drawing resumes when the context is restored
    if (g_platform.frame && g_platform.frame()) PlatformRequestFrame();
    return EM_FALSE;
}

} // namespace

// [SECTION] Public functions

bool PlatformInit(const char* canvas_selector) {
    g_platform.canvas_selector = canvas_selector;
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE; // ImGui anti-aliases its own shapes
    attrs.premultipliedAlpha = EM_TRUE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    g_platform.gl = emscripten_webgl_create_context(canvas_selector, &attrs);
    if (g_platform.gl <= 0) return false;
    emscripten_webgl_make_context_current(g_platform.gl);

    const char* canvas = g_platform.canvas_selector.c_str();
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, OnMouseButton);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnMouseButton);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnMouseMove);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, OnMouseLeave);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, OnTouchStart);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, OnTouchMove);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, OnTouchEnd);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, OnTouchEnd);
    emscripten_set_keydown_callback(canvas, nullptr, EM_FALSE, OnKey);
    emscripten_set_keyup_callback(canvas, nullptr, EM_FALSE, OnKey);
    emscripten_set_focus_callback(canvas, nullptr, EM_FALSE, OnFocus);
    emscripten_set_blur_callback(canvas, nullptr, EM_FALSE, OnFocus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, OnUiEvent);
    emscripten_set_scroll_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnUiEvent);
    emscripten_set_webglcontextlost_callback(canvas, nullptr, EM_FALSE, OnContextLost);
    emscripten_set_webglcontextrestored_callback(canvas, nullptr, EM_FALSE, OnContextRestored);

    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = SetClipboardText;
    io.GetClipboardTextFn = GetClipboardText;
    io.BackendPlatformName = "platform_web";
    return true;
}

void PlatformOnContextChange(ContextChangeFn change) {
    g_platform.context_change = change;
}

void PlatformRunFrames(FrameFn frame) {
    g_platform.frame = frame;
    // The first frame is drawn at once rather than at the next animation frame: the page shows the
    // answer one display refresh sooner. Later frames follow requestAnimationFrame.
    if (g_platform.frame()) PlatformRequestFrame();
}

void PlatformRequestFrame() {
    if (g_platform.frame_pending) return;
    g_platform.frame_pending = true;
    emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

PlatformFrameInfo PlatformBeginFrame() {
    PlatformFrameInfo info;
    // A held mouse release goes to the first frame with no moves before it (this one takes them).
    if (g_platform.held_release >= 0) {
        if (MouseMovesQueued())
            NoteInput(); // and a next frame for the release
        else
            SendHeldRelease();
    }
    JsBeginFrame(); // the page may move or resize the canvas now, in step with this frame
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(g_platform.canvas_selector.c_str(), &css_w, &css_h);
    info.css_width = static_cast<float>(css_w > 1 ? css_w : 1);
    info.css_height = static_cast<float>(css_h > 1 ? css_h : 1);
    const double ratio = emscripten_get_device_pixel_ratio();
    info.pixel_ratio = static_cast<float>(ratio > 0.25 && ratio < 8 ? ratio : 1);
    // A canvas over the GPU's largest buffer is cut by the browser and drawn stretched and soft, and
    // one over kMaxCanvasPixels is not drawn at all on iOS: an embed's frame without a visible band
    // grows to the whole content (390 x 2,857 CSS px at ratio 3 wants 8,571 rows of 8,192). Draw at a
    // lower ratio instead, in quarter steps so small height changes keep the fonts.
    const float side_fit = static_cast<float>(MaxBufferSize()) / std::max(info.css_width, info.css_height);
    const float area_fit = static_cast<float>(std::sqrt(kMaxCanvasPixels / (static_cast<double>(info.css_width) * info.css_height)));
    const float fit = std::min(side_fit, area_fit);
    if (info.pixel_ratio > fit) info.pixel_ratio = std::max(0.5f, std::floor(fit * 4.0f) / 4.0f);
    info.pixel_ratio_changed = info.pixel_ratio != g_platform.pixel_ratio;
    g_platform.pixel_ratio = info.pixel_ratio;
    info.scroll_offset = static_cast<float>(JsScrollOffset());
    const double text_scale = JsTextScale();
    info.text_scale = static_cast<float>(text_scale >= 0.5 && text_scale <= 4 ? text_scale : 1);

    const int buffer_w = static_cast<int>(std::lround(info.css_width * info.pixel_ratio));
    const int buffer_h = static_cast<int>(std::lround(info.css_height * info.pixel_ratio));
    if (buffer_w != g_platform.buffer_width || buffer_h != g_platform.buffer_height) {
        emscripten_set_canvas_element_size(g_platform.canvas_selector.c_str(), buffer_w, buffer_h);
        g_platform.buffer_width = buffer_w;
        g_platform.buffer_height = buffer_h;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(info.css_width, info.css_height);
    io.DisplayFramebufferScale =
        ImVec2(static_cast<float>(buffer_w) / info.css_width, static_cast<float>(buffer_h) / info.css_height);
    return info;
}

double PlatformNowSeconds() {
    return emscripten_get_now() / 1000.0;
}

double PlatformSecondsSinceInput() {
    return PlatformNowSeconds() - g_platform.last_input_time;
}

std::string PlatformGetQuery() {
    char* text = JsQuery();
    std::string query = text ? text : "";
    std::free(text);
    return query;
}

void PlatformReplaceQuery(const std::string& query) {
    JsReplaceQuery(query.c_str());
}

void PlatformSetContentHeight(float css_height) {
    JsSetContentHeight(css_height);
}

void PlatformSetSummary(const std::string& sentence) {
    JsSetSummary(sentence.c_str());
}

void PlatformSetMirror(const std::string& mirror_json) {
    JsSetMirror(mirror_json.c_str());
}

void PlatformSetNotice(const std::string& notice_json) {
    JsSetNotice(notice_json.c_str());
}

void PlatformSetCanvasLabel(const std::string& label) {
    JsSetCanvasLabel(label.c_str());
}

void PlatformScrollContentTo(float content_y) {
    JsScrollContentTo(content_y);
}

void PlatformShowFallback(const char* reason) {
    JsShowFallback(reason);
}

void PlatformSignalFirstFrame() {
    JsFirstFrame();
}

bool PlatformCanShare() {
    return JsCanShare() != 0;
}

bool PlatformCanEmbed() {
    return JsCanEmbed() != 0;
}

void PlatformRunAction(const char* action, const std::string& payload) {
    JsRunAction(action, payload.c_str());
}

bool PlatformPrefersDarkTheme() {
    return JsPrefersDark() != 0;
}

int PlatformContrastMode() {
    const int mode = JsContrastMode();
    return mode >= 0 && mode <= 2 ? mode : 0;
}

unsigned PlatformSystemColour(int which) {
    return JsSystemColour(which) & 0xFFFFFFu;
}

// Lets the page ask for a frame (theme change, setScenario from the page's API).
extern "C" EMSCRIPTEN_KEEPALIVE void teams_request_frame() {
    g_platform.last_input_time = PlatformNowSeconds();
    PlatformRequestFrame();
}

#endif // __EMSCRIPTEN__
