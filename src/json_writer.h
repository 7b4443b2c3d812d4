// A JSON text written in order, value by value: what the calculator hands the page and what the CLI
// prints. Reading JSON stays with nlohmann_json (src/scenario.cpp); writing needs only this, so the
// WebAssembly modules carry no JSON document type for their answers. Plain C++ only.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace teams {

// Strings are escaped as JSON requires and kept as UTF-8; invalid UTF-8 becomes U+FFFD. A finite
// number is written as the shortest text that reads back as the same double (whole numbers without
// a fraction or an exponent); NaN and infinity are written as null. With indent >= 0 the text is
// laid out over lines, `indent` spaces a level, as nlohmann_json's dump(indent) lays it out.
class JsonWriter {
public:
    explicit JsonWriter(int indent = -1) : indent_(indent) {}

    JsonWriter& Object();
    JsonWriter& Array();
    JsonWriter& End(); // closes the innermost object or array
    JsonWriter& Key(std::string_view key);

    JsonWriter& String(std::string_view text);
    JsonWriter& Number(double value);
    JsonWriter& Number(const std::optional<double>& value); // null when there is none
    JsonWriter& Bool(bool value);
    JsonWriter& Null();
    JsonWriter& Strings(std::initializer_list<std::string_view> texts); // ["a", "b"]
    JsonWriter& Strings(const std::vector<std::string>& texts);

    // Key(key) then the value.
    JsonWriter& Field(std::string_view key, std::string_view text) { return Key(key).String(text); }
    JsonWriter& Field(std::string_view key, const char* text) { return Key(key).String(text); }
    JsonWriter& Field(std::string_view key, const std::string& text) { return Key(key).String(text); }
    JsonWriter& Field(std::string_view key, double value) { return Key(key).Number(value); }
    JsonWriter& Field(std::string_view key, const std::optional<double>& value) { return Key(key).Number(value); }
    JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }

    // The text so far; whole once every Object() and Array() has its End().
    const std::string& Text() const { return out_; }

private:
    void BeforeValue();
    void NewLine(std::size_t depth);

    int indent_;
    std::string out_;
    std::vector<std::size_t> counts_; // values written in each open object or array
    std::string closers_;             // '}' or ']' for each, innermost last
    bool after_key_ = false;
};

// text as a JSON string, quotes included.
std::string JsonString(std::string_view text);

} // namespace teams
