// Every published preset: present, sourced, and giving the figure its source implies.
#include <doctest/doctest.h>

#include "presets.h"
#include "presets_data.h"

using namespace teams;
using doctest::Approx;

namespace {

double TeamsFor(const char* id) {
    const Preset* preset = FindPreset(id);
    REQUIRE(preset != nullptr);
    return Estimate(preset->assumptions).teams_needed;
}

} // namespace

TEST_SUITE("presets") {
    TEST_CASE("all presets load, are valid and cite a source for each changed value") {
        REQUIRE(Presets().size() >= 8);
        for (const Preset& preset : Presets()) {
            CAPTURE(preset.id);
            CHECK_FALSE(preset.label.empty());
            CHECK_FALSE(preset.area.empty());
            CHECK_FALSE(preset.note.empty());
            CHECK(IsValid(preset.assumptions));
            for (const AssumptionSpec& spec : AssumptionTable()) {
                if (preset.assumptions[spec.id] == spec.default_value) continue;
                bool sourced = false;
                for (const ValueSource& source : preset.sources)
                    sourced |= source.key == spec.id && !source.source.empty() && !source.confidence.empty();
                CAPTURE(spec.key);
                CHECK(sourced);
            }
        }
    }

    TEST_CASE("every value in presets.json names an assumption and is used as written") {
        REQUIRE(kPresetRecordCount == Presets().size());
        for (std::size_t i = 0; i < kPresetRecordCount; ++i) {
            const PresetRecord& record = kPresetRecords[i];
            CAPTURE(record.id);
            const Preset* preset = FindPreset(record.id);
            REQUIRE(preset != nullptr);
            CHECK(preset->label == record.label);
            for (std::size_t v = 0; v < record.value_count; ++v) {
                CAPTURE(record.values[v].key);
                const AssumptionSpec* spec = FindSpec(record.values[v].key);
                REQUIRE(spec != nullptr);
                CHECK(preset->assumptions[spec->id] == record.values[v].value); // not clamped
            }
            for (std::size_t v = 0; v < record.source_count; ++v) {
                CAPTURE(record.sources[v].key);
                CHECK(FindSpec(record.sources[v].key) != nullptr);
            }
        }
    }

    TEST_CASE("published figures") {
        CHECK(TeamsFor("briefing") == Approx(397.298666667));
        CHECK(TeamsFor("start_for_life") == Approx(264.865777778));
        CHECK(TeamsFor("madigan_2023") == Approx(1191896 * 0.235 / 3 / 150));
        CHECK(TeamsFor("england_latest") == Approx(567708.0 * 2 * 0.15 / 3 / 150));
        CHECK(TeamsFor("wales") == Approx(26832.0 * 2 * 0.05 / 150));
        CHECK(TeamsFor("scotland") == Approx(45763.0 * 2 * 0.05 / 150));
        CHECK(TeamsFor("northern_ireland") == Approx(20837.0 * 2 * 0.05 / 150));
        CHECK(TeamsFor("uk") == Approx(694685.0 * 2 * 0.05 / 150));
        CHECK(FindPreset("england_latest")->assumptions[Key::current_teams] == 51);
        CHECK(FindPreset("wales")->assumptions[Key::current_teams] == 0);
    }

    TEST_CASE("the nine English regions add up to England's 2022 births") {
        double sum = 0;
        for (const char* id : {"london", "south_east", "north_west", "east_of_england", "west_midlands",
                               "yorkshire_humber", "south_west", "east_midlands", "north_east"}) {
            REQUIRE(FindPreset(id) != nullptr);
            sum += FindPreset(id)->assumptions[Key::births];
        }
        CHECK(sum == 577046);
    }

    TEST_CASE("SourceFor cites the preset, the table, or says it is the user's value") {
        Scenario s = ScenarioFromPreset(*FindPreset("wales"));
        CHECK(SourceFor(s, Key::births) == "StatsWales (ONS data), births 2024");
        CHECK(SourceFor(s, Key::prevalence) == "van IJzendoorn et al. 1999");
        s.assumptions[Key::prevalence] = 11;
        CHECK(SourceFor(s, Key::prevalence) == "your value");
        CHECK(SourceFor(Scenario{}, Key::births) == "ONS births 2021, England (derived)");
        CHECK(FindPreset("nowhere") == nullptr);
    }
}
