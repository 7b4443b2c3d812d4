// Published scenarios with their sources, from assets/presets.json compiled into the binary.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace teams {

struct ValueSource {
    Key key;
    std::string source; // "ONS births 2021, England derived (2022)"
    std::string confidence; // "high", "medium", "low-medium" ...
};

struct Preset {
    std::string id;    // "briefing", "start_for_life", ...
    std::string label; // for a picker: "Briefing: England, 15% (2023)"
    std::string area;  // "England"
    std::string note;  // one line on what it shows
    Assumptions assumptions;
    std::vector<ValueSource> sources; // for the values that differ from the assumption table
};

const std::vector<Preset>& Presets();
const Preset* FindPreset(std::string_view id);
Scenario ScenarioFromPreset(const Preset& preset);

// The source to show beside a value: the preset's or the table's when the value is the published
// one, "your value" otherwise.
std::string SourceFor(const Scenario& scenario, Key key);

} // namespace teams
