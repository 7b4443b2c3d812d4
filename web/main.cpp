// The browser calculator's entry point: Setup, then frames on demand, in the shape of Dear ImGui's
// examples. Browser specifics stay behind platform_web.h; the screen is DrawApp() in app.cpp.
#include "app.h"
#include "controls.h"
#include "page_api.h"
#include "platform_web.h"
#include "value_field.h"
#include "working.h"

#include "imgui.h"
#include "imgui_impl_opengl3.h"

#include <GLES3/gl3.h>

namespace {

AppState g_state;

// After the last input, keep drawing this long so hover, release and tooltips settle.
constexpr double kSettleSeconds = 0.5;
// The address bar and the accessible mirror change at most this often while a slider moves
// (browsers throttle replaceState; screen readers need time to speak). Both change together, so the
// link and the live region always state the same scenario.
constexpr double kPublishIntervalSeconds = 0.25;

struct PublishState {
    bool query_dirty = false;
    bool mirror_dirty = true; // the first frame publishes the mirror
    double last_publish_time = -1;
    float published_height = -1;
    bool first_frame_signalled = false;
    int layout_frames = 0; // frames drawn since the content height last changed
    double last_controls_time = -1;
};
PublishState g_publish;

// Sends what changed to the page: address bar and accessible mirror (throttled), layout.
void Publish(double now) {
    AppState& s = g_state;
    if (s.scenario_changed) {
        s.scenario_changed = false;
        s.last_change_time = now;
        g_publish.query_dirty = true;
        g_publish.mirror_dirty = true;
    }
    const bool due = s.publish_now || now - g_publish.last_publish_time >= kPublishIntervalSeconds;
    if ((g_publish.query_dirty || g_publish.mirror_dirty) && due) {
        if (g_publish.query_dirty) PlatformReplaceQuery(CurrentQuery(s));
        PlatformSetMirror(MirrorJson(s));
        g_publish.query_dirty = false;
        g_publish.mirror_dirty = false;
        g_publish.last_publish_time = now;
    }
    s.publish_now = false;
    if (s.content_height != g_publish.published_height) {
        PlatformSetContentHeight(s.content_height);
        g_publish.published_height = s.content_height;
        g_publish.layout_frames = 0;
    } else {
        ++g_publish.layout_frames;
    }
    // The accessible layer: only what changed, nothing while idle. While a pointer drags a control,
    // at the live region's pace, and at once when the drag ends, so a screen reader meets the value
    // the pointer left; keys and a screen reader's own changes are never held back.
    const bool dragging = ImGui::IsAnyItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
    if (!dragging || now - g_publish.last_controls_time >= kPublishIntervalSeconds) {
        ControlsPublish(s.controls);
        g_publish.last_controls_time = now;
    }
    if (s.scroll_request >= 0) {
        PlatformScrollContentTo(s.scroll_request);
        s.scroll_request = -1;
    }
}

// The system's colours under forced-colors: active, as the page's CSS resolves them.
void ReadSystemColours(SystemColours& colours) {
    ImU32* slots[] = {&colours.canvas,      &colours.canvas_text, &colours.highlight, &colours.highlight_text,
                      &colours.button_face, &colours.button_text, &colours.gray_text};
    for (int i = 0; i < 7; ++i) {
        const unsigned rgb = PlatformSystemColour(i);
        *slots[i] = IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255);
    }
}

// A lost WebGL context takes every GL object with it: drop the renderer while lost, rebuild it (and
// the font texture) when the context comes back.
void OnContextChange(bool restored) {
    if (restored)
        ImGui_ImplOpenGL3_Init("#version 300 es");
    else
        ImGui_ImplOpenGL3_Shutdown();
}

// Hands a sharing button's action to the page with what it needs.
void RunPageAction(AppState& s) {
    switch (s.action) {
    case PageAction::CopyLink:
        PlatformRunAction("copy_link", CurrentQuery(s));
        break;
    case PageAction::CopyEmbed:
        PlatformRunAction("copy_embed", CurrentQuery(s));
        break;
    case PageAction::Share:
        PlatformRunAction("share", ShareJson(s));
        break;
    case PageAction::DownloadPng:
        PlatformRunAction("download_png", CurrentQuery(s)); // the card's words come from brief.js
        break;
    case PageAction::DownloadSvg:
        PlatformRunAction("download_svg", CurrentQuery(s)); // drawn by the brief's module (brief.js)
        break;
    case PageAction::Print:
        PlatformRunAction("print", CurrentQuery(s));
        break;
    case PageAction::DownloadCsv:
        // The page adds the full link and the date, then asks brief.js for the CSV (teams_report_csv).
        PlatformRunAction("download_csv", CurrentQuery(s));
        break;
    case PageAction::OpenLink:
        PlatformRunAction("open_link", s.link_to_open);
        break;
    case PageAction::None:
        break;
    }
    s.action = PageAction::None;
}

// One frame: gather input -> NewFrame -> DrawApp -> Render. Returns true while it wants another.
bool Frame() {
    const double start = PlatformNowSeconds();
    AppState& s = g_state;

    // Gather input: size, pixel ratio, scroll and theme (mouse, touch and keys are already queued).
    const PlatformFrameInfo info = PlatformBeginFrame();
    const bool new_letters = NeedsNameLetters(s);
    const bool new_text_scale = info.text_scale != s.text_scale;
    s.text_scale = info.text_scale;
    if (info.pixel_ratio_changed || new_letters || new_text_scale) {
        if (new_letters) s.fonts.name_letters = true; // kept from then on: names come and go
        LoadFonts(s, info.pixel_ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    const bool dark = s.theme_override == 0 ? PlatformPrefersDarkTheme() : s.theme_override == 2;
    const Contrast contrast = static_cast<Contrast>(PlatformContrastMode());
    if (dark != s.dark || contrast != s.contrast || new_text_scale) {
        s.contrast = contrast;
        if (contrast == Contrast::Forced) ReadSystemColours(s.system_colours);
        ApplyTheme(s, dark);
    }
    s.scroll_offset = info.scroll_offset;

    // Draw. Each control is recorded (and its value drawn) before the code after it acts on a click
    // or on a stand-in's request, so a frame that changed something is followed by one that shows
    // it: otherwise, when this frame comes more than the settling time after the request (a slow or
    // busy device), the slider's drawn value and its stand-in's aria-valuetext keep the value before.
    const bool answering = !s.controls.requests.empty();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    DrawApp(s);
    const bool changed = answering || s.scenario_changed;
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    const ImVec4 background = ImGui::ColorConvertU32ToFloat4(s.palette.background);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    const double end = PlatformNowSeconds();
    RunPageAction(s);
    if (!s.open_value_field.empty()) {
        ValueFieldOpen(s.open_value_field);
        s.open_value_field.clear();
    }
    Publish(end);
    ++s.frames_drawn;
    s.last_frame_ms = (end - start) * 1000.0;
    // The page is ready once a frame has been drawn at the content's settled height.
    if (!g_publish.first_frame_signalled && g_publish.layout_frames >= 1) {
        g_publish.first_frame_signalled = true;
        PlatformSignalFirstFrame();
    }
    return changed || PlatformSecondsSinceInput() < kSettleSeconds || g_publish.query_dirty || g_publish.mirror_dirty ||
           g_publish.layout_frames < 2 || !g_publish.first_frame_signalled || NeedsNameLetters(s);
}

} // namespace

int main() {
    // Setup Dear ImGui context
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini: nothing is stored
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // a blinking cursor would keep drawing frames

    // Setup the platform (WebGL2 context, input) and renderer
    if (!PlatformInit("#calculator-canvas")) {
        PlatformShowFallback("The live calculator needs WebGL 2, which this browser does not offer. Here is the "
                             "default estimate and how it is worked out.");
        return 0;
    }
    ImGui_ImplOpenGL3_Init("#version 300 es");
    PlatformOnContextChange(OnContextChange);

    // Setup the calculator: the scenario from the page's link, then fonts and theme
    LoadScenarioFromLink(g_state, PlatformGetQuery());
    PlatformSetNotice(NoticeJson(g_state));
    // A link with values that could not be used as they were: from the first frame the address bar
    // holds the values in use, so a copied link is a clean one (the notice says what changed).
    g_publish.query_dirty = !g_state.notices.empty();
    g_state.can_share = PlatformCanShare();
    g_state.can_embed = PlatformCanEmbed();
    ApplyTheme(g_state, g_state.theme_override == 0 ? PlatformPrefersDarkTheme() : g_state.theme_override == 2);
    PageApiAttach(&g_state);
    ValueFieldAttach(&g_state);
    ControlsAttach(&g_state.controls);

    // Main loop: frames are drawn on demand (input, resize, scroll, the page's API); none while idle.
    PlatformRunFrames(Frame);
    // Cleanup: none. The page owns the context until it is closed; returning keeps the runtime alive.
    return 0;
}
