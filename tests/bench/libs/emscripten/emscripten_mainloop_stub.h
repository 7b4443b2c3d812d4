// Stand-in for Dear ImGui's examples/libs/emscripten/emscripten_mainloop_stub.h, which Debian's
// repacked imgui source drops. Same behaviour: the example's loop body becomes the browser's frame
// callback, redrawing every animation frame (the bare page's idle cost is part of the comparison).
#pragma once

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <functional>
static std::function<void()> MainLoopForEmscriptenP;
static void MainLoopForEmscripten() { MainLoopForEmscriptenP(); }
#define EMSCRIPTEN_MAINLOOP_BEGIN MainLoopForEmscriptenP = [&]()
#define EMSCRIPTEN_MAINLOOP_END ; emscripten_set_main_loop(MainLoopForEmscripten, 0, true)
#else
#define EMSCRIPTEN_MAINLOOP_BEGIN
#define EMSCRIPTEN_MAINLOOP_END
#endif
