// One UTF-8 decoder for the text functions (labels, markup, CSV cells). Plain C++ only.
#pragma once

#include <cstddef>
#include <string_view>

namespace teams {

// The character starting at text[i]. A valid one gives its code point and its length in bytes
// (1 to 4). Anything else gives valid = false and length 1, so a caller can drop or replace that
// byte and go on: a stray continuation byte, a truncated sequence, an overlong form, a surrogate
// (U+D800-U+DFFF) or a code point past U+10FFFF.
struct Utf8Char {
    char32_t code = 0xFFFD;
    std::size_t length = 1;
    bool valid = false;
};
Utf8Char DecodeUtf8(std::string_view text, std::size_t i);

} // namespace teams
