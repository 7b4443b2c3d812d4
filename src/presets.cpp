// Presets: the scenarios in assets/presets.json, compiled into the binary as constants
// (cmake/presets_to_cpp.cmake writes them at configure time, so nothing is parsed at start-up).
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "presets.h"

#include "presets_data.h"

namespace teams {

namespace {

// Records with a key that is not an assumption are skipped (the tests check there are none).
std::vector<Preset> BuildPresets() {
    std::vector<Preset> presets;
    presets.reserve(kPresetRecordCount);
    for (std::size_t i = 0; i < kPresetRecordCount; ++i) {
        const PresetRecord& record = kPresetRecords[i];
        Preset preset;
        preset.id = record.id;
        preset.label = record.label;
        preset.area = record.area;
        preset.note = record.note;
        preset.assumptions = Assumptions::Defaults();
        for (std::size_t v = 0; v < record.value_count; ++v)
            if (const AssumptionSpec* spec = FindSpec(record.values[v].key))
                ApplyValue(preset.assumptions, spec->id, record.values[v].value, nullptr);
        for (std::size_t v = 0; v < record.source_count; ++v)
            if (const AssumptionSpec* spec = FindSpec(record.sources[v].key))
                preset.sources.push_back({spec->id, record.sources[v].source, record.sources[v].confidence});
        if (!preset.id.empty()) presets.push_back(std::move(preset));
    }
    return presets;
}

} // namespace

const std::vector<Preset>& Presets() {
    static const std::vector<Preset> presets = BuildPresets();
    return presets;
}

const Preset* FindPreset(std::string_view id) {
    for (const Preset& preset : Presets())
        if (preset.id == id) return &preset;
    return nullptr;
}

Scenario ScenarioFromPreset(const Preset& preset) {
    Scenario scenario;
    scenario.preset = preset.id;
    scenario.name = preset.label;
    scenario.area = preset.area;
    scenario.assumptions = preset.assumptions;
    return scenario;
}

std::string SourceFor(const Scenario& scenario, Key key) {
    const AssumptionSpec& spec = Spec(key);
    const Preset* preset = FindPreset(scenario.preset);
    const double published = preset ? preset->assumptions[key] : spec.default_value;
    if (scenario.assumptions[key] != published) return "your value";
    if (preset)
        for (const ValueSource& source : preset->sources)
            if (source.key == key) return source.source;
    return spec.source;
}

} // namespace teams
