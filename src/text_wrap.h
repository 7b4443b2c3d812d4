// Line breaking for the calculator's sentences: at spaces only, so numbers stay whole ("59,595",
// "5.0%", "1.19 million"), unlike Dear ImGui's own wrapping, which also breaks after '.' and ','.
// Plain C++: the caller measures text (ImGui::CalcTextSize in the front-end).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace teams {

// The width of a piece of text, in the caller's units.
using MeasureText = std::function<float(std::string_view)>;

// `text` with '\n' where a line must end to fit `width`: at a space (which the break replaces), at
// the text's own newlines, and inside a word only when the word alone is wider than a line (at a
// UTF-8 character boundary). Runs of spaces at a break are dropped.
std::string WrapAtSpaces(std::string_view text, float width, const MeasureText& measure);

} // namespace teams
