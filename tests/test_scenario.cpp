// Scenario JSON: exact round trips, partial objects, and every malformed file in tests/data/scenarios.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>

#include "test_files.h"

#include "presets.h"
#include "scenario.h"
#include "url_codec.h"

using namespace teams;

namespace {

bool Names(const std::vector<Problem>& problems, const std::string& field) {
    for (const Problem& problem : problems)
        if (problem.field == field) return true;
    return false;
}

} // namespace

TEST_SUITE("scenario") {
    TEST_CASE("saving then loading gives the same numbers exactly") {
        Scenario original;
        original.name = "Caerdydd a'r Fro \"test\" – 10%";
        original.area = "Cardiff";
        original.preset = "wales";
        original.assumptions[Key::births] = 4321;
        original.assumptions[Key::prevalence] = 0.1 + 0.2 + 10; // not exactly representable in decimal
        original.assumptions[Key::access] = 100.0 / 3.0;
        original.assumptions[Key::local_risk] = 1.2345678901234567;
        for (const int indent : {-1, 0, 2}) {
            const std::string text = ScenarioToJson(original, indent);
            const LoadResult loaded = ScenarioFromJson(text, Scenario{});
            CAPTURE(text);
            CHECK(loaded.ok);
            CHECK(loaded.problems.empty());
            CHECK(loaded.scenario.assumptions == original.assumptions);
            CHECK(loaded.scenario.name == original.name);
            CHECK(loaded.scenario.area == original.area);
        }
    }

    TEST_CASE("the JSON shape") {
        const std::string text = ScenarioToJson(Scenario{}, -1);
        CHECK(text.find("\"schema_version\":2") != std::string::npos);
        CHECK(text.find("\"assumptions\":{\"births\":595948,\"cohort_years\":2,\"prevalence\":15") != std::string::npos);
        const std::string report = ReportJson(Scenario{}, Estimate(Assumptions::Defaults()), -1);
        CHECK(report.find("{\"scenario\":{\"schema_version\":2") == 0);
        CHECK(report.find("\"teams_needed_whole\":398") != std::string::npos);
        Scenario none;
        none.assumptions[Key::current_teams] = 0;
        const std::string nulls = ResultsToJson(Estimate(none.assumptions));
        CHECK(nulls.find("\"scale_factor\":null") != std::string::npos);
        CHECK(nulls.find("\"annual_growth_percent\":null") != std::string::npos);
        CHECK(nulls.find("\"compound_teams\":null") != std::string::npos);
    }

    TEST_CASE("a partial object changes only what it names") {
        Scenario base;
        base.assumptions[Key::caseload] = 200;
        const LoadResult loaded = ScenarioFromJson(R"({"assumptions": {"prevalence": 10}})", base);
        CHECK(loaded.ok);
        CHECK(loaded.problems.empty());
        CHECK(loaded.scenario.assumptions[Key::prevalence] == 10);
        CHECK(loaded.scenario.assumptions[Key::caseload] == 200);
    }

    TEST_CASE("a preset in the file starts from that preset") {
        const LoadResult loaded = ScenarioFromJson(R"({"preset": "scotland", "assumptions": {"prevalence": 10}})", Scenario{});
        CHECK(loaded.ok);
        CHECK(loaded.scenario.area == "Scotland");
        CHECK(loaded.scenario.assumptions[Key::births] == 45763);
        CHECK(loaded.scenario.assumptions[Key::prevalence] == 10);
    }

    TEST_CASE("a scenario read from a document reaches the calculator as its link's query, exactly") {
        // setScenario: brief.js reads the document (ScenarioFromJson) and teams.wasm applies the query
        // it makes (ScenarioFromQuery); nothing may change on the way, nor be refused.
        const auto same = [](const Scenario& a, const Scenario& b) {
            return a.assumptions == b.assumptions && a.ranges == b.ranges && a.name == b.name && a.area == b.area &&
                   a.preset == b.preset;
        };
        std::vector<std::pair<std::string, std::string>> documents; // {what, text}
        for (const auto& entry : std::filesystem::directory_iterator(TEAMS_TEST_DATA_DIR "/scenarios"))
            documents.push_back({entry.path().filename().string(), ReadAll(entry.path())});
        documents.push_back({"wales_10_percent.json", ReadAll(TEAMS_TEST_DATA_DIR "/wales_10_percent.json")});
        documents.push_back({"a local area, counts not known",
                             R"({"area": "Ynys M\u00f4n", "name": "Anglesey \u201cdraft\u201d", "assumptions": {"births": 600, "current_teams": null}})"});
        documents.push_back({"odd values and ranges",
                             R"({"preset": "wales", "assumptions": {"prevalence": 12.345678901234567, "access": 0.1, "caseload": 1e2},
                                 "ranges": {"prevalence": null, "caseload": {"low": 99.5, "high": 301.25}}})"});
        const Scenario bases[] = {Scenario{}, ScenarioFromQuery("preset=leeds&prevalence=20&caseload_low=100&caseload_high=200", Scenario{}).scenario};
        int applied = 0;
        for (const Scenario& base : bases) {
            for (const auto& document : documents) {
                const std::string& what = document.first;
                const std::string& text = document.second;
                CAPTURE(what);
                // The base travels as a query too (teams_current_query).
                const QueryResult base_back = ScenarioFromQuery(ScenarioToQuery(base), Scenario{});
                REQUIRE(base_back.problems.empty());
                REQUIRE(same(base_back.scenario, base));
                const LoadResult loaded = ScenarioFromJson(text, base_back.scenario);
                if (!loaded.ok) continue;
                const std::string query = ScenarioToQuery(loaded.scenario);
                CAPTURE(query);
                const QueryResult back = ScenarioFromQuery(query, Scenario{});
                CHECK(back.problems.empty());
                CHECK(same(back.scenario, loaded.scenario));
                ++applied;
            }
        }
        CHECK(applied >= 20);
    }

    TEST_CASE("every malformed file names its field and keeps the calculator working") {
        // tests/data/scenarios/<field>--<what is wrong>.json: the loader must report <field>.
        int files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(TEAMS_TEST_DATA_DIR "/scenarios")) {
            const std::string file = entry.path().filename().string();
            const std::string field = file.substr(0, file.find("--"));
            CAPTURE(file);
            Scenario base;
            base.assumptions[Key::wider_prevalence] = 7; // no file names it
            const LoadResult loaded = ScenarioFromJson(ReadAll(entry.path()), base);
            REQUIRE_FALSE(loaded.problems.empty());
            CHECK(Names(loaded.problems, field));
            for (const Problem& problem : loaded.problems) {
                CHECK(problem.message.size() < 300);
                CHECK(problem.message.find("nan") == std::string::npos);
            }
            CHECK(IsValid(loaded.scenario.assumptions));
            CHECK(loaded.scenario.assumptions[Key::wider_prevalence] == 7); // untouched
            if (field != "file" && field != "schema_version" && field != "assumptions" && field != "preset" &&
                field != "area" && field != "name" && field != "ranges") {
                // <key>_low and <key>_high name a range's ends
                std::string key = field;
                for (const char* suffix : {"_low", "_high"})
                    if (!FindSpec(key) && key.size() > std::strlen(suffix) &&
                        key.compare(key.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
                        key.resize(key.size() - std::strlen(suffix));
                const AssumptionSpec* spec = FindSpec(key);
                REQUIRE(spec != nullptr);
                CHECK(Names(loaded.problems, field));
                bool names_range = false;
                for (const Problem& problem : loaded.problems)
                    names_range |= problem.message.find(RangeText(*spec)) != std::string::npos;
                CHECK(names_range);
            }
            ++files;
        }
        CHECK(files >= 25);
    }

    TEST_CASE("specific malformed inputs") {
        SUBCASE("unknown schema version loads nothing") {
            const LoadResult r = ScenarioFromJson(R"({"schema_version": 3, "assumptions": {"prevalence": 10}})", Scenario{});
            CHECK_FALSE(r.ok);
            CHECK(r.scenario.assumptions[Key::prevalence] == 15);
        }
        SUBCASE("a clamped value is applied at the range end") {
            const LoadResult r = ScenarioFromJson(R"({"assumptions": {"prevalence": 80, "access": 50}})", Scenario{});
            CHECK(r.ok);
            CHECK(r.scenario.assumptions[Key::prevalence] == 50);
            CHECK(r.scenario.assumptions[Key::access] == 50);
        }
        SUBCASE("a wrong type keeps the old value and applies the rest") {
            const LoadResult r = ScenarioFromJson(R"({"assumptions": {"prevalence": "10", "access": 50}})", Scenario{});
            CHECK(r.scenario.assumptions[Key::prevalence] == 15);
            CHECK(r.scenario.assumptions[Key::access] == 50);
            REQUIRE(r.problems.size() == 1);
            CHECK(r.problems[0].message == "Babies at risk of disorganised attachment: must be a number, not text; valid range 1 to 50%. Kept 15%.");
        }
        SUBCASE("labels: markup is kept as text, control characters and bad UTF-8 dropped, length capped") {
            const LoadResult r = ScenarioFromJson("{\"area\": \"<b>Ynys M\xc3\xb4n</b>\\u0000\\n\xf0\x9f\x91\xb6\"}", Scenario{});
            CHECK(r.scenario.area == "<b>Ynys M\xc3\xb4n</b> \xf0\x9f\x91\xb6");
            CHECK(CleanLabel("a\xff\xfe b") == "a b");
            CHECK(CleanLabel(std::string(500, 'a')).size() == kMaxTextLength);
            CHECK(CleanLabel("\xe2\x80\x93\xe2\x80\x93", 1) == "\xe2\x80\x93"); // cut on a character boundary
            CHECK(CleanLabel("\xed\xa0\x80 surrogate") == "surrogate");
            CHECK(CleanLabel("\xc0\xaf overlong") == "overlong");
        }
        SUBCASE("labels: direction controls are dropped, C1 controls and line separators become a space") {
            // U+202E RIGHT-TO-LEFT OVERRIDE would show "Leeds needs 4 teams" reversed on the page.
            CHECK(CleanLabel("Leeds \xe2\x80\xaemaet 4") == "Leeds maet 4");
            for (const char* control : {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
                                        "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9",
                                        "\xe2\x80\x8e", "\xe2\x80\x8f", "\xd8\x9c"}) {
                CAPTURE(std::string(control));
                CHECK(CleanLabel(std::string("Ynys") + control + "M\xc3\xb4n") == "YnysM\xc3\xb4n");
                CHECK(CleanLabel(std::string(control) + " Wales " + control) == "Wales");
            }
            CHECK(CleanLabel("a\xc2\x80" "b\xc2\x85" "c\xc2\x9f" "d") == "a b c d"); // U+0080, U+0085 (NEL), U+009F
            CHECK(CleanLabel("North\xe2\x80\xa8" "East\xe2\x80\xa9") == "North East");
            // Neighbours of the dropped ranges are ordinary text: U+00A0, U+00A9, U+2069's neighbours.
            CHECK(CleanLabel("\xc2\xa9 NHS") == "\xc2\xa9 NHS");
            CHECK(CleanLabel("a\xe2\x80\xa9") == "a");
            CHECK(CleanLabel("\xe2\x80\xaf\xe2\x81\xaa") == "\xe2\x80\xaf\xe2\x81\xaa"); // U+202F, U+206A kept
            CHECK(CleanLabel("\xd8\x9b\xd8\x9d") == "\xd8\x9b\xd8\x9d");                 // U+061B, U+061D kept
            // Only direction controls: nothing left, so a file's or link's label keeps its old value.
            CHECK(CleanLabel("\xe2\x80\xae\xe2\x81\xa6").empty());
            // A scenario file and a link clean the same way, and say so.
            const LoadResult r = ScenarioFromJson("{\"area\": \"\\u202eLeeds\\u0085\", \"name\": \"\\u2067x\\u2069\"}", Scenario{});
            CHECK(r.scenario.area == "Leeds");
            CHECK(r.scenario.name == "x");
            REQUIRE(r.problems.size() == 2);
            CHECK(r.problems[0].field == "name");
            CHECK(r.problems[1].message == "Area: shortened to 200 characters, without control or direction characters.");
        }
    }

    TEST_CASE("ranges in a scenario file") {
        SUBCASE("saving then loading keeps every range exactly, and a removed published range") {
            Scenario original;
            original.ranges[Key::caseload] = ValueRange{100, 300};
            original.ranges[Key::access] = ValueRange{100.0 / 6.0, 100.0 / 3.0};
            original.ranges[Key::prevalence].reset();
            const std::string text = ScenarioToJson(original);
            CHECK(text.find(R"("caseload": {
      "low": 100,
      "high": 300
    })") != std::string::npos);
            CHECK(text.find(R"("prevalence": null)") != std::string::npos);
            const LoadResult loaded = ScenarioFromJson(text, Scenario{});
            CHECK(loaded.problems.empty());
            CHECK(loaded.scenario.ranges == original.ranges);
        }
        SUBCASE("a version 1 file (no ranges) still loads, with the published ranges") {
            const LoadResult loaded = ScenarioFromJson(R"({"schema_version": 1, "assumptions": {"caseload": 200}})", Scenario{});
            CHECK(loaded.ok);
            CHECK(loaded.problems.empty());
            CHECK(loaded.scenario.assumptions[Key::caseload] == 200);
            REQUIRE(loaded.scenario.ranges[Key::prevalence]);
            CHECK(loaded.scenario.ranges[Key::prevalence]->low == 10);
            CHECK(loaded.scenario.ranges[Key::prevalence]->high == 23.5);
            CHECK_FALSE(loaded.scenario.ranges[Key::caseload]);
        }
        SUBCASE("a low above its high is swapped, with a notice naming the field and its range") {
            const LoadResult loaded = ScenarioFromJson(R"({"ranges": {"caseload": {"low": 300, "high": 100}}})", Scenario{});
            REQUIRE(loaded.scenario.ranges[Key::caseload]);
            CHECK(loaded.scenario.ranges[Key::caseload]->low == 100);
            CHECK(loaded.scenario.ranges[Key::caseload]->high == 300);
            REQUIRE(loaded.problems.size() == 1);
            CHECK(loaded.problems[0].field == "caseload_low");
            CHECK(loaded.problems[0].message ==
                  "Families one team supports a year, low end of the range: 300 is above the high end 100; swapped them "
                  "(valid range 10 to 1,000 families/team/year).");
        }
        SUBCASE("one end alone pairs with the value; a bad end keeps the last good one") {
            Scenario base;
            base.ranges[Key::caseload] = ValueRange{120, 180};
            const LoadResult loaded = ScenarioFromJson(
                R"({"assumptions": {"caseload": 200}, "ranges": {"caseload": {"low": "many", "high": 250}, "births": {"low": 500000}}})", base);
            REQUIRE(loaded.scenario.ranges[Key::caseload]);
            CHECK(loaded.scenario.ranges[Key::caseload]->low == 120);
            CHECK(loaded.scenario.ranges[Key::caseload]->high == 250);
            REQUIRE(loaded.scenario.ranges[Key::births]);
            CHECK(loaded.scenario.ranges[Key::births]->low == 500000);
            CHECK(loaded.scenario.ranges[Key::births]->high == 595948);
            REQUIRE(loaded.problems.size() == 1);
            CHECK(loaded.problems[0].message == "Families one team supports a year, low end of the range: must be a number, not "
                                                "text; valid range 10 to 1,000 families/team/year.");
        }
        SUBCASE("an end too large for a double names the range's field") {
            const LoadResult loaded = ScenarioFromJson(R"({"ranges": {"prevalence": {"low": 10, "high": 1e309}}})", Scenario{});
            REQUIRE(loaded.problems.size() == 1);
            CHECK(loaded.problems[0].field == "prevalence_high");
            CHECK(loaded.problems[0].message.find("1 to 50%") != std::string::npos);
            CHECK(loaded.problems[0].message.rfind("Babies at risk of disorganised attachment, high end of the range: ", 0) == 0);
        }
        SUBCASE("a range that is not an object is named by its label") {
            const LoadResult loaded = ScenarioFromJson(R"({"ranges": {"caseload": 5}})", Scenario{});
            REQUIRE(loaded.problems.size() == 1);
            CHECK(loaded.problems[0].message.rfind("Families one team supports a year, range: must be", 0) == 0);
        }
    }

    TEST_CASE("the report's JSON carries the honest estimate and the money") {
        const Scenario s;
        const std::string report = ReportJson(s, Estimate(s.assumptions, s.ranges), -1);
        CHECK(report.find(R"("range":{"low":264.865777777)") != std::string::npos);
        CHECK(report.find(R"("break_even":{"births":{"value":67500)") != std::string::npos);
        CHECK(report.find(R"("caseload":{"value":1324.32888888)") != std::string::npos);
        CHECK(report.find(R"("inside_range":false)") != std::string::npos);
        CHECK(report.find(R"("current_teams":null)") != std::string::npos);
        CHECK(report.find(R"("sensitivity":[{"key":"prevalence","low":10,"high":23.5,"teams_at_low":264.8657)") != std::string::npos);
        CHECK(report.find(R"("babies_reached_today":6750)") != std::string::npos);
        CHECK(report.find(R"("lifetime_value":2383792000)") != std::string::npos);
        CHECK(report.find(R"("annual_cost":110980112.24)") != std::string::npos);
        CHECK(report.find("NaN") == std::string::npos);
    }
}

