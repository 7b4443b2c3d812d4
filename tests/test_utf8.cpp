// The one UTF-8 decoder behind labels, markup and CSV cells.
#include <doctest/doctest.h>

#include <string>

#include "markup.h"
#include "scenario.h"
#include "utf8.h"
#include "working.h"

using teams::DecodeUtf8;

TEST_SUITE("utf8") {
    TEST_CASE("valid characters of each length decode to their code points") {
        const std::string text = "a\xC3\xB4\xE2\x82\xAC\xF0\x9F\x91\xB6"; // a ô € 👶
        CHECK(DecodeUtf8(text, 0).code == U'a');
        CHECK(DecodeUtf8(text, 1).code == 0xF4);
        CHECK(DecodeUtf8(text, 1).length == 2);
        CHECK(DecodeUtf8(text, 3).code == 0x20AC);
        CHECK(DecodeUtf8(text, 3).length == 3);
        CHECK(DecodeUtf8(text, 6).code == 0x1F476);
        CHECK(DecodeUtf8(text, 6).length == 4);
        CHECK(DecodeUtf8(text, 6).valid);
        CHECK(DecodeUtf8("\xF4\x8F\xBF\xBF", 0).valid); // U+10FFFF, the last code point
    }

    TEST_CASE("malformed bytes are invalid, one byte long") {
        for (const char* bad : {"\x80", "\xBF", "\xC3", "\xE2\x82", "\xC3\x28", "\xFF", "\xF8\x88\x80\x80\x80",
                                "\xC0\xBD", "\xC1\xBF", "\xE0\x80\xBD", "\xF0\x80\x80\xBD", // overlong '=' and others
                                "\xED\xA0\x80", "\xED\xBF\xBF",                               // surrogates
                                "\xF4\x90\x80\x80", "\xF5\x80\x80\x80"}) {                    // past U+10FFFF
            CAPTURE(std::string(bad));
            const auto decoded = DecodeUtf8(bad, 0);
            CHECK_FALSE(decoded.valid);
            CHECK(decoded.length == 1);
            CHECK(decoded.code == 0xFFFD);
        }
        CHECK_FALSE(DecodeUtf8("a", 1).valid); // past the end
    }

    TEST_CASE("labels, markup and CSV cells agree on what is valid") {
        const std::string overlong_equals = "\xC0\xBD" "cmd";
        CHECK(teams::CleanLabel(overlong_equals) == "cmd");
        CHECK(teams::EscapeXml(overlong_equals) == "cmd");
        CHECK(teams::CleanLabel("\xED\xA0\x80x") == "x");
        CHECK(teams::EscapeXml("\xED\xA0\x80x") == "x");
        CHECK(teams::EscapeXml("a\xEF\xBF\xBE" "b") == "ab");               // U+FFFE: not in XML
        CHECK(teams::CleanLabel("Ynys M\xC3\xB4n") == "Ynys M\xC3\xB4n");
        CHECK(teams::EscapeXml("Ynys M\xC3\xB4n & <Arfon>") == "Ynys M\xC3\xB4n &amp; &lt;Arfon&gt;");
    }
}
