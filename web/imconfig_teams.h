// Dear ImGui build options for the browser calculator (IMGUI_USER_CONFIG). No Emscripten here.
#pragma once

// The WebAssembly build must never abort: in release builds a failed ImGui assertion does nothing;
// in debug builds it is printed and drawing goes on.
#ifdef NDEBUG
#define IM_ASSERT(_EXPR) ((void)0)
#else
#include <cstdio>
#define IM_ASSERT(_EXPR)                                                                                               \
    ((_EXPR) ? (void)0 : (void)std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", #_EXPR, __FILE__, __LINE__))
#endif

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEMO_WINDOWS // not shipped: smaller binary
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_FILE_FUNCTIONS // no imgui.ini, no files at all
#define IMGUI_DISABLE_INI_SETTINGS_HANDLERS // tools/imgui_size.patch: no .ini settings to read or write
#define IMGUI_IMPL_OPENGL_NO_SSCANF         // tools/imgui_size.patch: version numbers read without sscanf
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
// Options of tools/imgui_size.patch: the calculator loads its own fonts and the browser draws the
// mouse cursor, so ImGui's ProggyClean font and software cursor art stay out of the binary.
#define IMGUI_DISABLE_DEFAULT_FONT
#define IMGUI_DISABLE_DEFAULT_MOUSE_CURSORS
// The fonts are TrueType outlines (tools/build_font.py): no CFF interpreter.
#define IMGUI_DISABLE_STB_TRUETYPE_CFF
// The font atlas as a one-channel texture (a quarter of the memory): the calculator draws no images.
#define IMGUI_IMPL_OPENGL_FONT_ALPHA8
