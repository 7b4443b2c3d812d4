// A JSON text written in order (see json_writer.h).
#include "json_writer.h"

#include "url_codec.h"
#include "utf8.h"

#include <cmath>

namespace teams {

namespace {

void AppendUtf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

void AppendString(std::string& out, std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const Utf8Char ch = DecodeUtf8(text, i);
            if (ch.valid)
                out.append(text.substr(i, ch.length));
            else
                AppendUtf8(out, 0xFFFD);
            i += ch.length;
            continue;
        }
        ++i;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

} // namespace

std::string JsonString(std::string_view text) {
    std::string out;
    AppendString(out, text);
    return out;
}

void JsonWriter::NewLine(std::size_t depth) {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_ += ',';
    NewLine(counts_.size());
}

JsonWriter& JsonWriter::Key(std::string_view key) {
    BeforeValue();
    AppendString(out_, key);
    out_ += indent_ < 0 ? ":" : ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::Object() {
    BeforeValue();
    out_ += '{';
    counts_.push_back(0);
    closers_ += '}';
    return *this;
}

JsonWriter& JsonWriter::Array() {
    BeforeValue();
    out_ += '[';
    counts_.push_back(0);
    closers_ += ']';
    return *this;
}

JsonWriter& JsonWriter::End() {
    if (counts_.empty()) return *this;
    const std::size_t count = counts_.back();
    counts_.pop_back();
    if (count > 0) NewLine(counts_.size());
    out_ += closers_.back();
    closers_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::String(std::string_view text) {
    BeforeValue();
    AppendString(out_, text);
    return *this;
}

JsonWriter& JsonWriter::Number(double value) {
    BeforeValue();
    out_ += std::isfinite(value) ? FormatRoundTrip(value) : std::string("null");
    return *this;
}

JsonWriter& JsonWriter::Number(const std::optional<double>& value) {
    return value ? Number(*value) : Null();
}

JsonWriter& JsonWriter::Bool(bool value) {
    BeforeValue();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::Null() {
    BeforeValue();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::Strings(std::initializer_list<std::string_view> texts) {
    Array();
    for (std::string_view text : texts) String(text);
    return End();
}

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& texts) {
    Array();
    for (const std::string& text : texts) String(text);
    return End();
}

} // namespace teams
