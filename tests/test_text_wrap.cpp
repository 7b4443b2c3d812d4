// Line breaking at spaces: numbers stay whole, long words are cut, newlines are kept.
#include <doctest/doctest.h>

#include "text_wrap.h"

using namespace teams;

namespace {

// Every byte one unit wide, so widths are character counts (ASCII tests).
float Chars(std::string_view text) {
    return static_cast<float>(text.size());
}

// Code points, for UTF-8 text.
float CodePoints(std::string_view text) {
    float n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

} // namespace

TEST_SUITE("text wrap") {
    TEST_CASE("breaks at spaces, never inside a number") {
        const std::string text = "They would reach 59,595 babies a year, 5.0% of the 1,191,896 babies aged 0-2.";
        // ImGui would break "59," / "595" at this width; here the number moves down whole.
        CHECK(WrapAtSpaces(text, 20, Chars) ==
              "They would reach\n59,595 babies a\nyear, 5.0% of the\n1,191,896 babies\naged 0-2.");
        for (float width = 10; width <= 80; width += 1) {
            CAPTURE(width);
            const std::string wrapped = WrapAtSpaces(text, width, Chars);
            for (const char* number : {"59,595", "5.0%", "1,191,896"})
                CHECK(wrapped.find(number) != std::string::npos);
            std::size_t start = 0;
            while (start <= wrapped.size()) {
                const std::size_t end = std::min(wrapped.find('\n', start), wrapped.size());
                CHECK(static_cast<float>(end - start) <= width);
                start = end + 1;
            }
        }
    }

    TEST_CASE("fits on one line: unchanged") {
        CHECK(WrapAtSpaces("England needs 398 teams", 100, Chars) == "England needs 398 teams");
        CHECK(WrapAtSpaces("", 10, Chars).empty());
    }

    TEST_CASE("the text's own newlines are kept; spaces at a break are dropped") {
        CHECK(WrapAtSpaces("one two\nthree four", 7, Chars) == "one two\nthree\nfour");
        CHECK(WrapAtSpaces("aaa     bbb", 5, Chars) == "aaa\nbbb");
    }

    TEST_CASE("a word wider than a line is cut, at character boundaries") {
        CHECK(WrapAtSpaces("ab abcdefghij", 4, Chars) == "ab\nabcd\nefgh\nij");
        const std::string welsh = "Llanfairpwllgwyngyll\xC5\xB5\xC5\xB5\xC5\xB5"; // ŵŵŵ
        const std::string wrapped = WrapAtSpaces(welsh, 10, CodePoints);
        CHECK(wrapped == "Llanfairpw\nllgwyngyll\n\xC5\xB5\xC5\xB5\xC5\xB5");
    }

    TEST_CASE("a width too small for one character still makes progress") {
        CHECK(WrapAtSpaces("abc", 0, Chars) == "a\nb\nc");
    }
}
