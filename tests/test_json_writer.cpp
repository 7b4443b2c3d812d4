// The JSON writer: the same text as nlohmann_json's dump for the same document, strings escaped,
// invalid UTF-8 replaced, numbers read back exactly, and NaN and infinity as null.
#include <doctest/doctest.h>

#include "json_writer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

using namespace teams;

namespace {

using ordered = nlohmann::ordered_json;

// The same document both ways: {"a": 1, "b": [true, null, "x"], "c": {}, "d": [], "e": {"f": 0.15}}.
std::string Written(int indent) {
    JsonWriter out(indent);
    out.Object().Field("a", 1.0);
    out.Key("b").Array().Bool(true).Null().String("x").End();
    out.Key("c").Object().End();
    out.Key("d").Array().End();
    out.Key("e").Object().Field("f", 0.15).End();
    out.End();
    return out.Text();
}

ordered Document() {
    return ordered{{"a", 1}, {"b", {true, nullptr, "x"}}, {"c", ordered::object()}, {"d", ordered::array()}, {"e", {{"f", 0.15}}}};
}

} // namespace

TEST_SUITE("json writer") {
    TEST_CASE("compact and indented text as nlohmann_json writes it") {
        CHECK(Written(-1) == R"({"a":1,"b":[true,null,"x"],"c":{},"d":[],"e":{"f":0.15}})");
        CHECK(Written(-1) == Document().dump());
        CHECK(Written(2) == Document().dump(2));
        CHECK(Written(4) == Document().dump(4));
    }

    TEST_CASE("strings: quotes, backslashes and control characters escaped; UTF-8 kept; invalid bytes replaced") {
        CHECK(JsonString("say \"hi\" \\ now") == R"("say \"hi\" \\ now")");
        CHECK(JsonString("a\nb\tc\r\b\f") == R"("a\nb\tc\r\b\f")");
        CHECK(JsonString(std::string("\x01\x1f", 2)) == R"("\u0001\u001f")");
        CHECK(JsonString("Ynys M\xC3\xB4n \xE2\x80\x93 \xF0\x9F\x91\xB6") == "\"Ynys M\xC3\xB4n \xE2\x80\x93 \xF0\x9F\x91\xB6\"");
        CHECK(JsonString("a\xFF" "b\xC3") == "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
        CHECK(JsonString("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""); // a surrogate, byte by byte
        // Whatever it is given, the text parses, and to the same string when the input was valid.
        const std::string valid = "\"quoted\"\n\x7f \xC2\xA3" "40,000";
        CHECK(ordered::parse(JsonString(valid)).get<std::string>() == valid);
        CHECK_FALSE(ordered::parse(JsonString("\xC0\xAF\x80"), nullptr, false).is_discarded());
    }

    TEST_CASE("numbers: whole ones plain, the others the shortest text that reads back exactly, NaN and infinity null") {
        JsonWriter out;
        out.Array().Number(595948.0).Number(-0.5).Number(397.29333333333335).Number(150).End();
        CHECK(out.Text() == "[595948,-0.5,397.29333333333335,150]");
        const double awkward[] = {0.1, 1.0 / 3.0, 1e-7, 1e300, 5e-324, 2383792000.0, 1192000.0, -1e15, 1.5e16};
        for (double value : awkward) {
            JsonWriter one;
            one.Array().Number(value).End();
            CAPTURE(one.Text());
            CHECK(ordered::parse(one.Text())[0].get<double>() == value);
        }
        JsonWriter bad;
        bad.Object()
            .Field("nan", std::numeric_limits<double>::quiet_NaN())
            .Field("inf", std::numeric_limits<double>::infinity())
            .Field("minus_inf", -std::numeric_limits<double>::infinity())
            .End();
        CHECK(bad.Text() == R"({"nan":null,"inf":null,"minus_inf":null})");
        JsonWriter optional;
        optional.Object().Field("none", std::optional<double>()).Field("some", std::optional<double>(2.5)).End();
        CHECK(optional.Text() == R"({"none":null,"some":2.5})");
    }

    TEST_CASE("an End() too many changes nothing; string lists") {
        JsonWriter out;
        out.Strings({"a", "b"}).End().End();
        CHECK(out.Text() == R"(["a","b"])");
        JsonWriter none;
        none.Strings(std::vector<std::string>{});
        CHECK(none.Text() == "[]");
    }
}
