// See markup.h.
#include "markup.h"

namespace teams {

std::string EscapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (valid && length == 2) valid = c >= 0xC2; // no overlong forms
        if (valid && length == 3) {
            const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
            const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
            valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0)      // overlong, surrogates
                    && !(c == 0xEF && c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)); // U+FFFE, U+FFFF
        }
        if (valid && length == 4) {
            const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
            valid = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (!valid) { // a stray byte is dropped
            ++i;
            continue;
        }
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            if (length == 1 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)) break;
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

} // namespace teams
