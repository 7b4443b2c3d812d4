// Text made safe for XML and HTML (the SVG pictures and the printed brief): one escaping function.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include <string>
#include <string_view>

namespace teams {

// `text` as XML/HTML character data or a quoted attribute value: & < > " ' become entities;
// invalid UTF-8 bytes, control characters other than tab and newline, and the non-characters
// U+FFFE and U+FFFF (not allowed in XML) are dropped. Right-to-left text passes through as it is;
// the caller isolates it (dir="auto", <bdi>) where it sits among other text.
std::string EscapeXml(std::string_view text);

} // namespace teams
