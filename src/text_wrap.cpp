// Line breaking at spaces (text_wrap.h). Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "text_wrap.h"

#include <algorithm>

namespace teams {

namespace {

// Bytes in the UTF-8 character that starts with `lead` (1 for a stray continuation byte).
std::size_t CharLength(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// Appends `word` to `out`, cut into lines of at most `width` (the first piece may use `room`).
// Returns the width of the last piece.
float AppendCutWord(std::string& out, std::string_view word, float room, float width, const MeasureText& measure) {
    std::size_t start = 0;
    while (start < word.size()) {
        std::size_t end = start;
        while (end < word.size()) {
            const std::size_t next = std::min(word.size(), end + CharLength(static_cast<unsigned char>(word[end])));
            if (end > start && measure(word.substr(start, next - start)) > room) break;
            end = next;
        }
        out.append(word.substr(start, end - start));
        if (end < word.size()) out += '\n';
        const float piece = measure(word.substr(start, end - start));
        start = end;
        room = width;
        if (start >= word.size()) return piece;
    }
    return 0.0f;
}

void WrapLine(std::string& out, std::string_view line, float width, const MeasureText& measure) {
    const float space = measure(" ");
    float used = 0.0f;
    bool line_has_words = false;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t begin = line.find_first_not_of(' ', pos);
        if (begin == std::string_view::npos) break;
        std::size_t end = line.find(' ', begin);
        if (end == std::string_view::npos) end = line.size();
        const std::string_view word = line.substr(begin, end - begin);
        const float word_width = measure(word);
        const float gap = line_has_words ? space * static_cast<float>(begin - pos) : 0.0f;
        if (line_has_words && used + gap + word_width <= width) {
            out.append(line.substr(pos, begin - pos)); // the spaces between the words, as written
            out.append(word);
            used += gap + word_width;
        } else if (word_width <= width) {
            if (line_has_words) out += '\n';
            out.append(word);
            used = word_width;
        } else {
            if (line_has_words) out += '\n';
            used = AppendCutWord(out, word, width, width, measure);
        }
        line_has_words = true;
        pos = end;
    }
}

} // namespace

std::string WrapAtSpaces(std::string_view text, float width, const MeasureText& measure) {
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t pos = 0;
    while (true) {
        const std::size_t newline = text.find('\n', pos);
        WrapLine(out, text.substr(pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos),
                 width, measure);
        if (newline == std::string_view::npos) break;
        out += '\n';
        pos = newline + 1;
    }
    return out;
}

} // namespace teams
