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
    std::string url;        // the source's address where one is known, or ""
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

// [SECTION] An area's own figures
// Today's teams and teams in development belong to the area they were counted for. A scenario whose
// area or births differ from its preset's is a local one ("Leeds (your figures)"): its counts are
// the user's, or not known, never the preset's.

// True when the area or the births differ from the preset's (from the defaults' with no preset).
bool IsLocalScenario(const Scenario& scenario);

// "Leeds (your figures)": the name a local scenario gets when the user gave none.
std::string YourFiguresName(const std::string& area);

// Which of the keys that the rule looks at were given by the link, file or control that changed
// the scenario (and were applied).
struct GivenKeys {
    bool name = false;
    bool current_teams = false;
    bool teams_in_development = false;
};

// Call after a change took `before` to `scenario`. When the change made the scenario local or moved
// a local one to another area, the counts not given become not known and an inherited name (the
// preset's label, or the old area's "(your figures)") becomes YourFiguresName(area).
void KeepAreaFiguresApart(Scenario& scenario, const Scenario& before, const GivenKeys& given);

// The source to show beside a value: the preset's or the table's when the value is the published
// one, "your value" otherwise; for a value that is not known, "Not known: enter yours" (or the
// preset's words for why).
std::string SourceFor(const Scenario& scenario, Key key);
// The address of that source where one is known (https://...), or "" (your value, derived, none known).
std::string SourceUrlFor(const Scenario& scenario, Key key);

} // namespace teams
