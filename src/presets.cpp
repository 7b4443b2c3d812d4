// Presets: the scenarios in assets/presets.json, compiled into the binary (presets_data.cpp.in).
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "presets.h"

#include <nlohmann/json.hpp>

extern const char kPresetsJson[];

namespace teams {

namespace {

std::string Text(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The file ships with the binary and is checked by the tests; anything malformed in it is skipped
// rather than trusted.
std::vector<Preset> ParsePresets() {
    std::vector<Preset> presets;
    const nlohmann::json doc = nlohmann::json::parse(kPresetsJson, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return presets;
    const auto list = doc.find("presets");
    if (list == doc.end() || !list->is_array()) return presets;
    for (const nlohmann::json& item : *list) {
        if (!item.is_object()) continue;
        Preset preset;
        preset.id = Text(item, "id");
        preset.label = Text(item, "label");
        preset.area = Text(item, "area");
        preset.note = Text(item, "note");
        preset.assumptions = Assumptions::Defaults();
        if (const auto values = item.find("assumptions"); values != item.end() && values->is_object()) {
            for (const auto& [key, value] : values->items()) {
                const AssumptionSpec* spec = FindSpec(key);
                if (spec && value.is_number()) ApplyValue(preset.assumptions, spec->id, value.get<double>(), nullptr);
            }
        }
        if (const auto sources = item.find("sources"); sources != item.end() && sources->is_object()) {
            for (const auto& [key, value] : sources->items()) {
                const AssumptionSpec* spec = FindSpec(key);
                if (spec && value.is_object())
                    preset.sources.push_back({spec->id, Text(value, "source"), Text(value, "confidence")});
            }
        }
        if (!preset.id.empty()) presets.push_back(std::move(preset));
    }
    return presets;
}

} // namespace

const std::vector<Preset>& Presets() {
    static const std::vector<Preset> presets = ParsePresets();
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
