// Link parameters: strict numbers, percent-escapes, presets, round trips, and tests/data/links.txt.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <string>

#include "presets.h"
#include "url_codec.h"

using namespace teams;

TEST_SUITE("url_codec") {
    TEST_CASE("ParseNumber accepts plain decimals only") {
        double v = 0;
        CHECK(ParseNumber("10", &v));
        CHECK(v == 10);
        CHECK(ParseNumber("-2.5", &v));
        CHECK(v == -2.5);
        CHECK(ParseNumber("1.5e1", &v));
        CHECK(v == 15);
        CHECK(ParseNumber(".5", &v));
        CHECK(v == 0.5);
        CHECK(ParseNumber("5.", &v));
        CHECK(v == 5);
        CHECK(ParseNumber("1e309", &v)); // parsed; refused later as not finite
        CHECK(std::isinf(v));
        for (const char* bad : {"", " 1", "1 ", "0x10", "1,000", "nan", "NaN", "inf", "Infinity", "1e", "e5", ".", "-",
                                "+", "1.2.3", "15%", "1e5.5", "--1", "1_000"}) {
            CAPTURE(bad);
            CHECK_FALSE(ParseNumber(bad, &v));
        }
        CHECK_FALSE(ParseNumber(std::string(100, '9'), &v));
    }

    TEST_CASE("FormatRoundTrip is short and exact") {
        CHECK(FormatRoundTrip(10) == "10");
        CHECK(FormatRoundTrip(12.5) == "12.5");
        CHECK(FormatRoundTrip(595948) == "595948");
        for (const double value : {100.0 / 3.0, 0.1 + 0.2, 1e-7, 123456.789, 2000000.0}) {
            double back = 0;
            REQUIRE(ParseNumber(FormatRoundTrip(value), &back));
            CHECK(back == value);
        }
    }

    TEST_CASE("percent-decoding") {
        bool ok = false;
        CHECK(PercentDecode("a%20b+c", &ok) == "a b c");
        CHECK(ok);
        PercentDecode("%zz", &ok);
        CHECK_FALSE(ok);
        PercentDecode("%4", &ok);
        CHECK_FALSE(ok);
        CHECK(PercentEncode("Caerdydd a'r Fro") == "Caerdydd%20a%27r%20Fro");
    }

    TEST_CASE("a link sets the scenario") {
        const QueryResult r = ScenarioFromQuery("?births=26832&prevalence=10", Scenario{});
        CHECK(r.problems.empty());
        CHECK(r.scenario.assumptions[Key::births] == 26832);
        CHECK(r.scenario.assumptions[Key::prevalence] == 10);
        CHECK(Estimate(ScenarioFromQuery("?prevalence=10", Scenario{}).scenario.assumptions).teams_needed ==
              doctest::Approx(264.865777778));
    }

    TEST_CASE("preset first, wherever it stands, then the values beside it") {
        for (const char* query : {"preset=wales&prevalence=12", "prevalence=12&preset=wales"}) {
            const QueryResult r = ScenarioFromQuery(query, Scenario{});
            CAPTURE(query);
            CHECK(r.scenario.preset == "wales");
            CHECK(r.scenario.area == "Wales");
            CHECK(r.scenario.assumptions[Key::births] == 26832);
            CHECK(r.scenario.assumptions[Key::prevalence] == 12);
        }
    }

    TEST_CASE("parameters that are not scenario keys are handed back") {
        const QueryResult r = ScenarioFromQuery("embed=1&theme=dark&show=prevalence,access", Scenario{});
        CHECK(r.problems.empty());
        REQUIRE(r.other.size() == 3);
        CHECK(r.other[2].first == "show");
        CHECK(r.other[2].second == "prevalence,access");
    }

    TEST_CASE("bad values keep the last good value") {
        Scenario base;
        base.assumptions[Key::prevalence] = 12;
        const QueryResult r = ScenarioFromQuery("prevalence=abc&caseload=0", base);
        CHECK(r.scenario.assumptions[Key::prevalence] == 12);
        CHECK(r.scenario.assumptions[Key::caseload] == 10);
        REQUIRE(r.problems.size() == 2);
        CHECK(r.problems[0].message == "Babies at risk of disorganised attachment: \"abc\" is not a plain number; valid range 1 to 50%. Kept 12%.");
        CHECK(r.problems[1].message == "Families one team supports a year: 0 is outside the valid range 10 to 1,000 families/team/year; used 10.");
    }

    TEST_CASE("a count that is not a number: the notice says what the count ended as") {
        SUBCASE("the briefing's own area keeps its count") {
            const QueryResult r = ScenarioFromQuery("current_teams=abc", Scenario{});
            CHECK(r.scenario.assumptions[Key::current_teams] == 45);
            REQUIRE(r.problems.size() == 1);
            CHECK(r.problems[0].message ==
                  "Specialised teams today: \"abc\" is not a plain number or \"unknown\"; valid range 0 to 5,000 teams. Kept 45.");
        }
        SUBCASE("another area does not keep England's count") {
            const QueryResult r = ScenarioFromQuery("area=Leeds&births=8617&current_teams=abc", Scenario{});
            CHECK_FALSE(r.scenario.assumptions.Known(Key::current_teams));
            REQUIRE(r.problems.size() == 1);
            CHECK(r.problems[0].message == "Specialised teams today: \"abc\" is not a plain number or \"unknown\"; valid "
                                           "range 0 to 5,000 teams. Left not known: enter Leeds's own count.");
            CHECK(r.problems[0].message.find("45") == std::string::npos);
        }
        SUBCASE("a count of this area given before stays") {
            const QueryResult r = ScenarioFromQuery("area=Leeds&births=8617&current_teams=2&current_teams=x", Scenario{});
            CHECK(r.scenario.assumptions[Key::current_teams] == 2);
            REQUIRE(r.problems.size() == 1);
            CHECK(r.problems[0].message.find("Kept 2.") != std::string::npos);
        }
        SUBCASE("a preset without a count") {
            const QueryResult r = ScenarioFromQuery("preset=wales&teams_in_development=%ZZ", Scenario{});
            CHECK_FALSE(r.scenario.assumptions.Known(Key::teams_in_development));
            REQUIRE(r.problems.size() == 1);
            CHECK(r.problems[0].message.find("Left not known.") != std::string::npos);
        }
    }

    TEST_CASE("a flood of bad parameters gives a bounded list of problems") {
        std::string query;
        for (int i = 0; i < 5000; ++i) query += "prevalence=x&";
        const QueryResult r = ScenarioFromQuery(query, Scenario{});
        CHECK(r.problems.size() <= 21);
        CHECK(r.problems.back().message == "More link parameters were ignored.");
    }

    TEST_CASE("every link in tests/data/links.txt") {
        std::ifstream file(TEAMS_TEST_DATA_DIR "/links.txt");
        REQUIRE(file.good());
        std::string line;
        int count = 0;
        while (std::getline(file, line)) {
            if (line.empty() || line[0] == '#') continue;
            const std::size_t tab = line.find('\t');
            REQUIRE(tab != std::string::npos);
            const std::string field = line.substr(0, tab);
            const std::string query = line.substr(tab + 1);
            CAPTURE(query.substr(0, 80));
            const QueryResult r = ScenarioFromQuery(query, Scenario{});
            CHECK(IsValid(r.scenario.assumptions));
            if (field == "-") {
                CHECK(r.problems.empty());
            } else {
                bool named = false;
                for (const Problem& problem : r.problems) {
                    named |= problem.field == field;
                    CHECK(problem.message.size() < 400);
                    if (const AssumptionSpec* spec = FindSpec(problem.field))
                        CHECK(problem.message.find(RangeText(*spec)) != std::string::npos);
                }
                CHECK(named);
            }
            ++count;
        }
        CHECK(count >= 40);
    }

    TEST_CASE("formatting then parsing a link gives the same scenario") {
        Scenario s = ScenarioFromPreset(*FindPreset("scotland"));
        s.assumptions[Key::prevalence] = 100.0 / 7.0;
        s.assumptions[Key::caseload] = 120;
        s.area = "Glasgow & Clyde";
        const std::string query = ScenarioToQuery(s);
        // another area than the preset's: its counts are written (here: not known), its name is automatic
        CHECK(query == "preset=scotland&prevalence=14.285714285714286&caseload=120&current_teams=unknown&"
                       "teams_in_development=unknown&area=Glasgow%20%26%20Clyde");
        const QueryResult back = ScenarioFromQuery(query, Scenario{});
        CHECK(back.problems.empty());
        CHECK(back.scenario.assumptions == s.assumptions);
        CHECK(back.scenario.area == s.area);
        CHECK(back.scenario.preset == "scotland");
        CHECK(ScenarioToQuery(Scenario{}) == "preset=briefing");
    }

    TEST_CASE("ranges in a link: <key>_low and <key>_high") {
        SUBCASE("a caseload range") {
            const QueryResult r = ScenarioFromQuery("?caseload_low=100&caseload_high=300", Scenario{});
            CHECK(r.problems.empty());
            REQUIRE(r.scenario.ranges[Key::caseload]);
            CHECK(*r.scenario.ranges[Key::caseload] == ValueRange{100, 300});
            const Results results = Estimate(r.scenario.assumptions, r.scenario.ranges);
            CHECK(results.range.low == doctest::Approx(132.4329).epsilon(1e-7));
            CHECK(results.range.high == doctest::Approx(933.6519).epsilon(1e-7));
        }
        SUBCASE("a low above its high is swapped whatever the order of the keys") {
            for (const char* query : {"caseload_low=300&caseload_high=100", "caseload_high=100&caseload_low=300"}) {
                CAPTURE(query);
                const QueryResult r = ScenarioFromQuery(query, Scenario{});
                REQUIRE(r.scenario.ranges[Key::caseload]);
                CHECK(*r.scenario.ranges[Key::caseload] == ValueRange{100, 300});
                REQUIRE(r.problems.size() == 1);
                CHECK(r.problems[0].field == "caseload_low");
                CHECK(r.problems[0].message.find("swapped") != std::string::npos);
            }
        }
        SUBCASE("bad ends keep the last good values and name the field and its range") {
            const QueryResult r = ScenarioFromQuery("prevalence_low=NaN&prevalence_high=250", Scenario{});
            REQUIRE(r.scenario.ranges[Key::prevalence]);
            CHECK(*r.scenario.ranges[Key::prevalence] == ValueRange{10, 50});
            REQUIRE(r.problems.size() == 2);
            CHECK(r.problems[0].message == "Babies at risk of disorganised attachment, low end of the range: \"NaN\" is not a "
                                           "plain number or none; valid range 1 to 50%. Kept 10%.");
            CHECK(r.problems[1].message == "Babies at risk of disorganised attachment, high end of the range: 250 is outside "
                                           "the valid range 1 to 50%; used 50%.");
            CHECK(r.problems[1].field == "prevalence_high");
        }
        SUBCASE("none removes a range") {
            const QueryResult r = ScenarioFromQuery("prevalence_low=none", Scenario{});
            CHECK(r.problems.empty());
            CHECK_FALSE(r.scenario.ranges[Key::prevalence]);
            CHECK(Estimate(r.scenario.assumptions, r.scenario.ranges).sensitivity.empty());
        }
        SUBCASE("round trip: only ranges that differ from the published ones are written") {
            Scenario s;
            CHECK(ScenarioToQuery(s) == "preset=briefing");
            s.ranges[Key::caseload] = ValueRange{100, 300};
            s.ranges[Key::prevalence].reset();
            s.assumptions[Key::cost_per_baby] = 2000;
            const std::string query = ScenarioToQuery(s);
            CHECK(query == "preset=briefing&cost_per_baby=2000&prevalence_low=none&caseload_low=100&caseload_high=300");
            const QueryResult back = ScenarioFromQuery(query, Scenario{});
            CHECK(back.problems.empty());
            CHECK(back.scenario.ranges == s.ranges);
            CHECK(back.scenario.assumptions == s.assumptions);
        }
    }
}
