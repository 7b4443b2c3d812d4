// Every published preset: present, sourced, and giving the figure its source implies.
#include <doctest/doctest.h>

#include "presets.h"
#include "presets_data.h"
#include "url_codec.h"
#include "working.h"

#include <set>

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

TEST_SUITE("presets: counts that are not known") {
    TEST_CASE("sources link out where an address is known, and only to a published value") {
        const Scenario briefing;
        CHECK(SourceUrlFor(briefing, Key::prevalence) == "https://doi.org/10.1017/S0954579499002035");
        CHECK(SourceUrlFor(briefing, Key::current_teams) == "https://parentinfantfoundation.org.uk/network/locations");
        CHECK(SourceUrlFor(briefing, Key::births).empty()); // no address in our sources
        Scenario changed = briefing;
        changed.assumptions[Key::prevalence] = 20;
        CHECK(SourceUrlFor(changed, Key::prevalence).empty()); // "your value"
        const Scenario madigan = ScenarioFromPreset(*FindPreset("madigan_2023"));
        CHECK(SourceUrlFor(madigan, Key::prevalence) == "https://doi.org/10.1037/bul0000388");
        const Scenario wales = ScenarioFromPreset(*FindPreset("wales"));
        CHECK(SourceUrlFor(wales, Key::current_teams).empty()); // not known
        CHECK(SourceUrlFor(wales, Key::births).empty());
        // Every address is https, on the short list the briefing and the checked DOIs give.
        const std::set<std::string> known = {"https://doi.org/10.1017/S0954579499002035", "https://doi.org/10.1037/bul0000388",
                                             "https://parentinfantfoundation.org.uk/network/locations"};
        int linked = 0;
        for (const AssumptionSpec& spec : AssumptionTable())
            if (*spec.source_url) {
                CAPTURE(spec.key);
                CHECK(known.count(spec.source_url) == 1);
                ++linked;
            }
        CHECK(linked == 4);
        for (const Preset& preset : Presets())
            for (const ValueSource& source : preset.sources)
                if (!source.url.empty()) CHECK(known.count(source.url) == 1);
    }

    TEST_CASE("every nation and region without a published count says not known, never 0") {
        for (const char* id : {"wales", "scotland", "northern_ireland", "london", "south_east", "north_west",
                               "east_of_england", "west_midlands", "yorkshire_humber", "south_west", "east_midlands",
                               "north_east"}) {
            CAPTURE(id);
            const Preset* preset = FindPreset(id);
            REQUIRE(preset != nullptr);
            CHECK_FALSE(preset->assumptions.Known(Key::current_teams));
            CHECK_FALSE(preset->assumptions.Known(Key::teams_in_development));
            const Scenario s = ScenarioFromPreset(*preset);
            const Results r = Estimate(s.assumptions);
            CHECK_FALSE(r.teams_gap.has_value());
            const std::string json = ReportJson(s, r, -1);
            CHECK(json.find("\"current_teams\":null") != std::string::npos);
            CHECK(json.find("\"teams_gap\":null") != std::string::npos);
            CHECK(json.find("\"current_teams\":0") == std::string::npos);
            const std::string csv = ReportCsv(s, r);
            CHECK(csv.find("assumption,current_teams,\"Specialised teams today\",,") != std::string::npos);
            CHECK(SourceFor(s, Key::current_teams).find("enter yours") != std::string::npos);
        }
        CHECK(FindPreset("england_latest")->assumptions.Known(Key::current_teams));
        CHECK_FALSE(FindPreset("england_latest")->assumptions.Known(Key::teams_in_development));
        CHECK(FindPreset("briefing")->assumptions.Known(Key::current_teams));
        CHECK(FindPreset("uk")->assumptions.Known(Key::teams_in_development));
    }

    TEST_CASE("presets.json's null appears only where a value can be not known") {
        for (std::size_t i = 0; i < kPresetRecordCount; ++i)
            for (std::size_t v = 0; v < kPresetRecords[i].value_count; ++v) {
                const PresetValueRecord& value = kPresetRecords[i].values[v];
                CAPTURE(kPresetRecords[i].id);
                CAPTURE(value.key);
                const AssumptionSpec* spec = FindSpec(value.key);
                REQUIRE(spec != nullptr);
                if (!value.known) CHECK(spec->can_be_unknown);
                CHECK(FindPreset(kPresetRecords[i].id)->assumptions.Known(spec->id) == value.known);
            }
    }
}

TEST_SUITE("presets: an area's own figures") {
    TEST_CASE("a link to Leeds with one team: Leeds's figures only") {
        const QueryResult q = ScenarioFromQuery("?area=Leeds&births=8617&current_teams=1", Scenario{});
        CHECK(q.problems.empty());
        const Scenario& s = q.scenario;
        CHECK(IsLocalScenario(s));
        CHECK(s.name == "Leeds (your figures)");
        CHECK(s.assumptions.Get(Key::current_teams) == 1);
        CHECK_FALSE(s.assumptions.Known(Key::teams_in_development));
        const Results r = Estimate(s.assumptions);
        CHECK(r.teams_needed_whole == 6); // 8,617 × 2 × 15% ÷ 3 ÷ 150 = 5.74
        CHECK(r.teams_gap_whole == 5);
        CHECK(r.current_teams < r.teams_needed);
        std::string all = SummarySentence(s, r) + "\n" + ReportCsv(s, r);
        for (const WorkingStep& step : ShowWorking(s, r)) all += step.label + step.formula + step.value + step.source + "\n";
        CHECK(all.find("1 team today") != std::string::npos);
        CHECK(SummarySentence(s, r).find("1 team today") != std::string::npos);
        CHECK(all.find("England") == std::string::npos);
        CHECK(all.find("briefing: England") == std::string::npos);
        CHECK(all.find("+14") == std::string::npos);
        CHECK(all.find("14 more") == std::string::npos);
        CHECK(all.find(",14,") == std::string::npos);
    }

    TEST_CASE("changing the area or the births without the counts makes them not known") {
        for (const char* query : {"area=Leeds", "births=8617", "preset=wales&births=1000", "area=Leeds&prevalence=10"}) {
            CAPTURE(query);
            const Scenario s = ScenarioFromQuery(query, Scenario{}).scenario;
            CHECK_FALSE(s.assumptions.Known(Key::current_teams));
            CHECK_FALSE(s.assumptions.Known(Key::teams_in_development));
            CHECK(s.name.find("(your figures)") != std::string::npos);
        }
        CHECK(ScenarioFromQuery("births=8617", Scenario{}).scenario.name == "England (your figures)");
        CHECK(ScenarioFromQuery("area=Leeds&name=Leeds+at+10%25", Scenario{}).scenario.name == "Leeds at 10%");
        // the preset's own area and births keep its counts
        const Scenario wales = ScenarioFromQuery("preset=wales&current_teams=3&prevalence=10", Scenario{}).scenario;
        CHECK(wales.assumptions.Get(Key::current_teams) == 3);
        CHECK(wales.name == "Wales (births 2024)");
        const Scenario england = ScenarioFromQuery("prevalence=10", Scenario{}).scenario;
        CHECK(england.assumptions.Get(Key::current_teams) == 45);
        CHECK(england.assumptions.Get(Key::teams_in_development) == 14);
    }

    TEST_CASE("a local scenario keeps its own counts while its area stays; another area drops them") {
        const Scenario leeds = ScenarioFromQuery("area=Leeds&births=8617&current_teams=1&teams_in_development=2", Scenario{}).scenario;
        Scenario corrected = leeds;
        ApplyValue(corrected.assumptions, Key::births, 8700, nullptr);
        KeepAreaFiguresApart(corrected, leeds, {});
        CHECK(corrected.assumptions.Get(Key::current_teams) == 1);
        CHECK(corrected.assumptions.Get(Key::teams_in_development) == 2);
        const Scenario bradford = ScenarioFromJson(R"({"area": "Bradford"})", leeds).scenario;
        CHECK_FALSE(bradford.assumptions.Known(Key::current_teams));
        CHECK(bradford.name == "Bradford (your figures)");
    }

    TEST_CASE("unknown in a link, a file and back") {
        const Scenario s = ScenarioFromQuery("current_teams=unknown", Scenario{}).scenario;
        CHECK_FALSE(s.assumptions.Known(Key::current_teams));
        CHECK(s.assumptions.Known(Key::teams_in_development));
        CHECK(ScenarioToQuery(s) == "preset=briefing&current_teams=unknown");
        const Scenario leeds = ScenarioFromQuery("area=Leeds&births=8617&current_teams=1", Scenario{}).scenario;
        const std::string query = ScenarioToQuery(leeds);
        CHECK(query == "preset=briefing&births=8617&current_teams=1&teams_in_development=unknown&area=Leeds");
        const QueryResult back = ScenarioFromQuery(query, Scenario{});
        CHECK(back.problems.empty());
        CHECK(back.scenario.assumptions == leeds.assumptions);
        CHECK(back.scenario.name == leeds.name);
        const std::string json = ScenarioToJson(leeds, -1);
        CHECK(json.find("\"current_teams\":1,\"teams_in_development\":null") != std::string::npos);
        const LoadResult loaded = ScenarioFromJson(json, Scenario{});
        CHECK(loaded.problems.empty());
        CHECK(loaded.scenario.assumptions == leeds.assumptions);
        CHECK(loaded.scenario.name == leeds.name);
        const LoadResult nulled = ScenarioFromJson(R"({"assumptions": {"current_teams": null}})", Scenario{});
        CHECK(nulled.problems.empty());
        CHECK_FALSE(nulled.scenario.assumptions.Known(Key::current_teams));
        const LoadResult bad = ScenarioFromJson(R"({"assumptions": {"births": null}})", Scenario{});
        CHECK_FALSE(bad.problems.empty());
        const QueryResult junk = ScenarioFromQuery("current_teams=many", Scenario{});
        REQUIRE(junk.problems.size() == 1);
        CHECK(junk.problems[0].message.find("or \"unknown\"") != std::string::npos);
    }
}
