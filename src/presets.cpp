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
        for (std::size_t v = 0; v < record.value_count; ++v) {
            const AssumptionSpec* spec = FindSpec(record.values[v].key);
            if (!spec) continue;
            if (record.values[v].known)
                ApplyValue(preset.assumptions, spec->id, record.values[v].value, nullptr);
            else
                SetUnknown(preset.assumptions, spec->id); // refused (and tested) for keys that cannot be unknown
        }
        for (std::size_t v = 0; v < record.source_count; ++v)
            if (const AssumptionSpec* spec = FindSpec(record.sources[v].key))
                preset.sources.push_back({spec->id, record.sources[v].source, record.sources[v].confidence, record.sources[v].url});
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

bool IsLocalScenario(const Scenario& scenario) {
    const Preset* preset = FindPreset(scenario.preset);
    const Scenario reference = preset ? ScenarioFromPreset(*preset) : Scenario{};
    return scenario.area != reference.area ||
           scenario.assumptions[Key::births] != reference.assumptions[Key::births];
}

std::string YourFiguresName(const std::string& area) { return CleanLabel(area + " (your figures)"); }

void KeepAreaFiguresApart(Scenario& scenario, const Scenario& before, const GivenKeys& given) {
    if (!IsLocalScenario(scenario)) return;
    if (IsLocalScenario(before) && scenario.area == before.area) return; // the same local area: its figures stay
    if (!given.current_teams) SetUnknown(scenario.assumptions, Key::current_teams);
    if (!given.teams_in_development) SetUnknown(scenario.assumptions, Key::teams_in_development);
    if (given.name) return;
    const Preset* preset = FindPreset(before.preset);
    const bool inherited = (preset && scenario.name == preset->label) || scenario.name == Scenario{}.name ||
                           scenario.name == YourFiguresName(before.area);
    if (inherited) scenario.name = YourFiguresName(scenario.area);
}

std::string SourceFor(const Scenario& scenario, Key key) {
    const AssumptionSpec& spec = Spec(key);
    const Preset* preset = FindPreset(scenario.preset);
    const Assumptions& published = preset ? preset->assumptions : Assumptions::Defaults();
    const bool known = scenario.assumptions.Known(key);
    if (known != published.Known(key)) return known ? "your value" : "Not known: enter yours";
    if (!known) {
        if (preset)
            for (const ValueSource& source : preset->sources)
                if (source.key == key) return source.source;
        return "Not known: enter yours";
    }
    if (scenario.assumptions[key] != published[key]) return "your value";
    if (preset)
        for (const ValueSource& source : preset->sources)
            if (source.key == key) return source.source;
    return spec.source;
}

std::string SourceUrlFor(const Scenario& scenario, Key key) {
    const Preset* preset = FindPreset(scenario.preset);
    const Assumptions& published = preset ? preset->assumptions : Assumptions::Defaults();
    // As SourceFor: only a published value shown as published has its source's address.
    if (!scenario.assumptions.Known(key) || !published.Known(key) || scenario.assumptions[key] != published[key])
        return "";
    if (preset)
        for (const ValueSource& source : preset->sources)
            if (source.key == key) return source.url;
    return Spec(key).source_url;
}

} // namespace teams
