// Escaping for the SVG pictures and the printed brief.
#include <doctest/doctest.h>

#include <string>

#include "markup.h"

using namespace teams;

TEST_SUITE("markup") {
    TEST_CASE("markup and quotes become entities") {
        CHECK(EscapeXml("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        CHECK(EscapeXml("a \"b\" & c") == "a &quot;b&quot; &amp; c");
        CHECK(EscapeXml("]]><!--") == "]]&gt;&lt;!--");
        CHECK(EscapeXml("&amp;") == "&amp;amp;");
    }
    TEST_CASE("text passes through, right-to-left and accents included") {
        CHECK(EscapeXml("Ynys M\xC3\xB4n") == "Ynys M\xC3\xB4n");
        const std::string hebrew = "\xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99\xD7\x91"; // Tel Aviv
        CHECK(EscapeXml(hebrew) == hebrew);
        CHECK(EscapeXml("\xE2\x80\xAE"
                        "abc") == "\xE2\x80\xAE"
                                  "abc"); // U+202E kept; callers isolate it
        CHECK(EscapeXml("") == "");
    }
    TEST_CASE("what XML does not allow is dropped") {
        CHECK(EscapeXml(std::string("a\0b", 3)) == "ab");
        CHECK(EscapeXml("a\x01\x1F\x7F"
                        "b") == "ab");
        CHECK(EscapeXml("tab\tand\nline") == "tab\tand\nline");
        CHECK(EscapeXml("bad \xFF\xC0\x80 bytes") == "bad  bytes");
        CHECK(EscapeXml("surrogate \xED\xA0\x80.") == "surrogate .");
        CHECK(EscapeXml("nonchar \xEF\xBF\xBE\xEF\xBF\xBF.") == "nonchar .");
        CHECK(EscapeXml("cut \xE2\x80") == "cut ");
    }
    TEST_CASE("10 kB of markup stays text") {
        std::string hostile;
        while (hostile.size() < 10240)
            hostile += "<b onload=\"x\">&'";
        const std::string out = EscapeXml(hostile);
        CHECK(out.find('<') == std::string::npos);
        CHECK(out.find('"') == std::string::npos);
        CHECK(out.find('\'') == std::string::npos);
        CHECK(out.size() > hostile.size());
    }
}
