// See markup.h.
#include "markup.h"

#include "utf8.h"

namespace teams {

std::string EscapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t i = 0;
    while (i < text.size()) {
        const Utf8Char decoded = DecodeUtf8(text, i);
        const std::size_t length = decoded.length;
        if (!decoded.valid || decoded.code == 0xFFFE || decoded.code == 0xFFFF) { // not allowed in XML: dropped
            i += length;
            continue;
        }
        const char32_t c = decoded.code;
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
