// The browser glue: WebGL2 context, input into ImGui's io, pixel ratio, clipboard, the address bar,
// the page's DOM (accessible mirror, notice, layout) and on-demand frames. The only file family in
// web/ that includes Emscripten headers; app.cpp and charts.cpp never call it.
#pragma once

#include <string>

struct PlatformFrameInfo {
    float css_width = 0; // canvas size in CSS pixels
    float css_height = 0;
    float pixel_ratio = 1;   // window.devicePixelRatio
    float scroll_offset = 0; // how far the page has scrolled the calculator's content under the canvas
    bool pixel_ratio_changed = false;
    float text_scale = 1; // the page's root font size / 16 px (the browser's text size setting)
};

// Creates the WebGL2 context on the canvas and hooks every input callback. False when WebGL2 is
// missing; the page then shows its HTML fallback.
bool PlatformInit(const char* canvas_selector);

// Called when the WebGL context is lost (tab in the background on a phone) and when it comes back:
// the renderer drops its GL objects while lost (calls are silent then) and recreates them after.
// No frames are drawn while the context is lost.
using ContextChangeFn = void (*)(bool restored);
void PlatformOnContextChange(ContextChangeFn change);

// Draws frames only on demand: FrameFn returns true while it wants another frame (settling after
// input); any input, resize or scroll asks for one.
using FrameFn = bool (*)();
void PlatformRunFrames(FrameFn frame);
void PlatformRequestFrame();

// Size, pixel ratio and scroll for this frame; resizes the drawing buffer when they change.
PlatformFrameInfo PlatformBeginFrame();
double PlatformNowSeconds();
double PlatformSecondsSinceInput();

// The page: address bar, layout, accessible mirror and notice.
std::string PlatformGetQuery();                         // location.search without its '?'
void PlatformReplaceQuery(const std::string& query);    // history.replaceState, same path
void PlatformSetContentHeight(float css_height);        // lets the page scroll the content natively
void PlatformSetSummary(const std::string& sentence);   // the aria-live region
void PlatformSetMirror(const std::string& mirror_json); // the visually hidden table
void PlatformSetNotice(const std::string& notice_json); // the visible notice: ["message", ...]
void PlatformSetCanvasLabel(const std::string& label);  // the canvas's aria-label
void PlatformScrollContentTo(float content_y);          // scrolls the page so content_y is at the top
void PlatformShowFallback(const char* reason);          // the HTML fallback, when WebGL2 is missing
void PlatformSignalFirstFrame();                        // resolves window.teamsCalculator.ready
bool PlatformPrefersDarkTheme();
// 0: as designed, 1: prefers-contrast: more, 2: forced-colors: active.
int PlatformContrastMode();
// A CSS system colour as 0xRRGGBB: 0 Canvas, 1 CanvasText, 2 Highlight, 3 HighlightText, 4 ButtonFace,
// 5 ButtonText, 6 GrayText.
unsigned PlatformSystemColour(int which);
bool PlatformCanShare(); // navigator.share exists
bool PlatformCanEmbed(); // the page can build an embed code (an http(s) address, not file://)
// Sharing and keeping, carried out by the page (clipboard, share sheet, downloads); the page reports
// the outcome with teams_set_note(). action: copy_link, share, download_csv, download_png, copy_embed.
void PlatformRunAction(const char* action, const std::string& payload);

// Asks for a frame from outside the input callbacks (the page's API, a theme change).
extern "C" void teams_request_frame();
