// The presets of assets/presets.json as constants, written at configure time by
// cmake/presets_to_cpp.cmake (the JSON's types are checked there). presets.cpp turns them into Presets().
#pragma once

#include <cstddef>

namespace teams {

struct PresetValueRecord {
    const char* key; // an assumption's key: "births"
    double value;
    bool known;      // false for JSON null: "not known" (counts nobody has published)
};

struct PresetSourceRecord {
    const char* key;
    const char* source;
    const char* confidence;
    const char* url; // the source's address, or ""
};

struct PresetRecord {
    const char* id;
    const char* label;
    const char* area;
    const char* note;
    const PresetValueRecord* values;
    std::size_t value_count;
    const PresetSourceRecord* sources;
    std::size_t source_count;
};

extern const PresetRecord kPresetRecords[];
extern const std::size_t kPresetRecordCount;

} // namespace teams
