// "Show the working", number formatting, the summary sentence and the CSV report.
#include <doctest/doctest.h>

#include <cmath>

#include "presets.h"
#include "working.h"

using namespace teams;

TEST_SUITE("working") {
    TEST_CASE("FormatNumber") {
        CHECK(FormatNumber(1191896) == "1,191,896");
        CHECK(FormatNumber(59594.8, 1) == "59,594.8");
        CHECK(FormatNumber(178784.4, 1) == "178,784.4");
        CHECK(FormatNumber(999.96, 1) == "1,000.0");
        CHECK(FormatNumber(-352.3, 1) == "-352.3");
        CHECK(FormatNumber(-0.01, 1) == "0.0");
        CHECK(FormatNumber(45) == "45");
        CHECK(FormatNumber(std::nan("")) == "-");
        CHECK(FormatNumber(INFINITY) == "-");
    }

    TEST_CASE("the working shows the briefing's chain") {
        const Scenario s;
        const std::vector<WorkingStep> steps = ShowWorking(s, Estimate(s.assumptions));
        REQUIRE(steps.size() == 12);
        CHECK(steps[0].formula == "595,948 births a year \xC3\x97 2 years");
        CHECK(steps[0].value == "1,191,896");
        CHECK(steps[0].source == "ONS births 2021, England (derived)");
        CHECK(steps[1].value == "178,784.4");
        CHECK(steps[1].source == "van IJzendoorn et al. 1999");
        CHECK(steps[2].value == "59,594.8");
        CHECK(steps[2].formula.find("(5.0% of babies aged 0-2)") != std::string::npos);
        CHECK(steps[3].value == "397.3 (398 rounded up)");
        CHECK(steps[5].value == "352.3 (353 in whole teams: 398 - 45)"); // why the headline says 353
        CHECK(steps[5].formula.find("8.83 \xC3\x97 today") != std::string::npos);
        CHECK(steps[4].label == "Teams today");
        CHECK(steps[4].formula == "45 operating now, 14 more in development");
        CHECK(steps[4].value == "45 teams today");
        CHECK(steps[6].value == "70.5");
        CHECK(steps[7].formula == "the 5-year root of (397.3 \xC3\xB7 45), minus 1");
        CHECK(steps[7].value == "54.6%");
        for (const WorkingStep& step : steps) CHECK_FALSE(step.source.empty());
    }

    TEST_CASE("the wider tier and local risk appear in the working when used") {
        Scenario s;
        s.assumptions[Key::wider_access] = 10;
        s.assumptions[Key::local_risk] = 1.5;
        const std::vector<WorkingStep> steps = ShowWorking(s, Estimate(s.assumptions));
        REQUIRE(steps.size() == 13);
        CHECK(steps[1].formula.find("local risk 1.50") != std::string::npos);
        CHECK(steps[2].label == "At risk of other insecure attachment");
    }

    TEST_CASE("the summary sentence") {
        const Scenario s;
        CHECK(SummarySentence(s, Estimate(s.assumptions)) ==
              "England needs 398 teams to reach 59,595 babies a year, against 45 teams today.");
        Scenario small = ScenarioFromPreset(*FindPreset("wales"));
        CHECK(SummarySentence(small, Estimate(small.assumptions)) ==
              "Wales needs 18 teams to reach 2,683 babies a year. Teams today: not known, enter yours.");
        small.assumptions[Key::births] = 1500;
        ApplyValue(small.assumptions, Key::current_teams, 1, nullptr);
        CHECK(SummarySentence(small, Estimate(small.assumptions)) ==
              "Wales needs 1 team to reach 150 babies a year, against 1 team today.");
    }

    TEST_CASE("the CSV has every assumption and result, with sources, safe for spreadsheets") {
        Scenario s;
        s.area = "=HYPERLINK(\"x\")";
        const std::string csv = ReportCsv(s, Estimate(s.assumptions, s.ranges));
        CHECK(csv.find("section,key,label,value,unit,source\r\n") == 0);
        CHECK(csv.find("assumption,births,\"Live births a year\",595948,\"babies/year\",\"ONS births 2021, England (derived)\"") !=
              std::string::npos);
        CHECK(csv.find("result,teams_needed,\"Teams needed\",397.299,") != std::string::npos);
        CHECK(csv.find("headline,teams_needed_whole,\"Teams needed, rounded up\",398,") != std::string::npos);
        CHECK(csv.find("headline,teams_gap_whole,\"More teams needed (whole teams)\",353,") != std::string::npos);
        CHECK(csv.find("headline,new_teams_per_year_whole,\"New teams a year, rounded up\",71,") != std::string::npos);
        CHECK(csv.find("headline,babies_to_reach_whole,\"Babies to reach a year, rounded\",59595,") != std::string::npos);
        CHECK(csv.find("assumption,access,\"Share of at-risk babies teams should reach\",33.333,") != std::string::npos);
        CHECK(csv.find("result,annual_cost,\"Cost a year\",110980112,") != std::string::npos);
        CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
        int rows = 0;
        for (char c : csv) rows += c == '\n';
        // the link, date and version; 4 scenario rows; 4 headline whole numbers; 10 results, the range's
        // 2 ends, 6 break-evens, prevalence's 2 sensitivity ends, 4 money results and their 3 ranges' 6 ends
        CHECK(rows == 1 + 3 + 4 + 4 + kAssumptionCount + 10 + 2 + 6 + 2 + 4 + 6);
    }

    TEST_CASE("the CSV's numbers have no binary noise, and it says where, when and which version") {
        for (const char* id : {"briefing", "wales", "london", "madigan_2023"}) {
            Scenario s = ScenarioFromPreset(*FindPreset(id));
            s.assumptions[Key::local_risk] = 1.15; // 1.15 is not exact in binary
            s.ranges[Key::caseload] = ValueRange{100.1, 300.7};
            const Results r = Estimate(s.assumptions, s.ranges);
            Scenario pinned = s;
            pinned.assumptions[Key::prevalence] = 100.0 / 7;
            const Results pinned_results = Estimate(pinned.assumptions, pinned.ranges);
            const std::string csv = ReportCsv(s, r, {"https://example.org/?preset=" + std::string(id), "2026-12-01", "1.0.0"},
                                              &pinned, &pinned_results);
            CAPTURE(csv);
            // Every value cell: a number with at most 3 decimals, or quoted text, or empty.
            int numbers = 0;
            std::size_t start = csv.find('\n') + 1;
            while (start < csv.size()) {
                const std::size_t end = csv.find('\n', start);
                const std::string line = csv.substr(start, end - start);
                start = end + 1;
                std::vector<std::string> cells;
                std::string cell;
                bool quoted = false;
                for (const char c : line) {
                    if (c == '"') quoted = !quoted;
                    if (c == ',' && !quoted) {
                        cells.push_back(cell);
                        cell.clear();
                    } else if (c != '\r') {
                        cell += c;
                    }
                }
                cells.push_back(cell);
                REQUIRE(cells.size() == 6);
                const std::string& value = cells[3];
                if (value.empty() || value[0] == '"') continue;
                CAPTURE(line);
                ++numbers;
                const std::size_t dot = value.find('.');
                CHECK((dot == std::string::npos || value.size() - dot - 1 <= 3));
                CHECK(value.find_first_not_of("-0123456789.") == std::string::npos);
            }
            CHECK(numbers > 30);
            CHECK(csv.find("about,link,\"Link to this scenario\",\"https://example.org/?preset=") != std::string::npos);
            CHECK(csv.find("about,date,\"Downloaded\",\"2026-12-01\"") != std::string::npos);
            CHECK(csv.find("about,version,\"Calculator version\",\"1.0.0\"") != std::string::npos);
            CHECK(csv.find("a_assumption,prevalence,\"Scenario A: Babies at risk of disorganised attachment\",14.286,") !=
                  std::string::npos);
        }
        CHECK(std::string(CalculatorVersion()).find('.') != std::string::npos);
        CHECK(ReportCsv(Scenario(), Estimate(Scenario().assumptions)).find("about,version,\"Calculator version\",\"" +
                                                                          std::string(CalculatorVersion()) + "\"") != std::string::npos);
    }

    TEST_CASE("download file names carry the area and the date") {
        CHECK(DownloadFileName("Leeds", "2026-12-01", "csv") == "teams-leeds-2026-12-01.csv");
        CHECK(DownloadFileName("the South East", "2026-12-01", "png") == "teams-south-east-2026-12-01.png");
        CHECK(DownloadFileName("Yorkshire and The Humber", "2026-12-01", "csv") ==
              "teams-yorkshire-and-the-humber-2026-12-01.csv");
        CHECK(DownloadFileName("Caerdydd a'r Fro / Cardiff", "2026-12-01", "csv") ==
              "teams-caerdydd-a-r-fro-cardiff-2026-12-01.csv");
        CHECK(DownloadFileName("\xE5\x8C\x97\xE4\xBA\xAC", "2026-12-01", "csv") == "teams-2026-12-01.csv");
        CHECK(DownloadFileName(std::string(300, 'a'), "2026-12-01", "csv").size() < 70);
        CHECK(DownloadFileName("../../etc/passwd", "", "csv") == "teams-etc-passwd.csv");
    }

    TEST_CASE("the honest estimate in words") {
        const Scenario s;
        const Results r = Estimate(s.assumptions, s.ranges);
        CHECK(RangeWords(s, r) == "265 to 623 on the published prevalences");
        CHECK(BreakEvenWords(s, r, Key::caseload) ==
              "45 teams would be enough only if each supported 1,324 families a year (the briefing assumes 150), "
              "outside the valid range of 10 to 1,000 families/team/year.");
        CHECK(BreakEvenWords(s, r, Key::prevalence) ==
              "45 teams would be enough only if 1.7% of babies were at risk (the briefing assumes 15%).");
        CHECK(BreakEvenWords(s, r, Key::births) ==
              "45 teams would be enough only if there were 67,500 births a year (the briefing assumes 595,948).");
        CHECK(BreakEvenWords(s, r, Key::current_teams).empty());
        Scenario wide = s;
        wide.ranges[Key::caseload] = ValueRange{100, 300};
        CHECK(RangeWords(wide, Estimate(wide.assumptions, wide.ranges)) == "133 to 934 over the ranges of 2 assumptions");
        Scenario none = s;
        none.ranges[Key::prevalence].reset();
        CHECK(RangeWords(none, Estimate(none.assumptions, none.ranges)).empty());
    }

    TEST_CASE("money in plain words: rounded to what the figures bear, a lower bound rounded down") {
        CHECK(RoundedPounds(110980112) == "£111m");
        CHECK(RoundedPounds(98409959) == "£98m");
        CHECK(RoundedPounds(2383792000, true) == "£2.38bn"); // "over" must stay true
        CHECK(RoundedPounds(2383792000) == "£2.38bn");
        CHECK(RoundedPounds(2389000000, true) == "£2.38bn");
        CHECK(RoundedPounds(2389000000) == "£2.39bn");
        CHECK(RoundedPounds(4560000) == "£4.6m");
        CHECK(RoundedPounds(999999) == "£1m");
        CHECK(RoundedPounds(450400) == "£450,000");
        CHECK(RoundedPounds(0) == "£0");
        CHECK(RoundedPounds(std::nan("")) == "-");
        CHECK(Pounds(110980112.2449) == "£110,980,112");
        const Scenario s;
        CHECK(MoneyWords(s, Estimate(s.assumptions, s.ranges)).find(
                  "About £111m a year in all, £98m more than today's teams; one year's support is worth over £2.38bn "
                  "across those children's lives.") == 0);
        CHECK(MoneyWords(s, Estimate(s.assumptions, s.ranges)).find("Parent-Infant Foundation 2026") != std::string::npos);
    }

    TEST_CASE("the working's sources carry their addresses where known") {
        const Scenario s;
        const std::vector<WorkingStep> steps = ShowWorking(s, Estimate(s.assumptions, s.ranges));
        REQUIRE(steps.size() > 4);
        CHECK(WorkingSourceUrl(s, steps[0]).empty()); // ONS births: no address in our sources
        CHECK(steps[1].label == "At risk of disorganised attachment");
        CHECK(WorkingSourceUrl(s, steps[1]) == "https://doi.org/10.1017/S0954579499002035");
        bool today = false;
        for (const WorkingStep& step : steps) {
            if (step.source == "derived") CHECK(WorkingSourceUrl(s, step).empty());
            if (step.source.rfind("Parent-Infant Foundation, UK", 0) == 0) {
                CHECK(WorkingSourceUrl(s, step) == "https://parentinfantfoundation.org.uk/network/locations");
                today = true;
            }
        }
        CHECK(today);
    }

    TEST_CASE("the working carries the money") {
        const Scenario s;
        const std::vector<WorkingStep> steps = ShowWorking(s, Estimate(s.assumptions, s.ranges));
        REQUIRE(steps.size() == 12);
        CHECK(steps[8].label == "Cost a year");
        CHECK(steps[8].value == "£110,980,112");
        CHECK(steps[9].value == "6,750");
        CHECK(steps[10].value == "£98,409,959");
        CHECK(steps[11].value == "£2,383,792,000");
        CHECK(steps[11].source == "Centre for Mental Health 2026 (lower bound)");
        CHECK(steps[9].formula == "45 teams \xC3\x97 150 families");

        Scenario one;
        one.assumptions[Key::current_teams] = 1;
        one.assumptions[Key::teams_in_development] = 0;
        const std::vector<WorkingStep> single = ShowWorking(one, Estimate(one.assumptions, one.ranges));
        REQUIRE(single.size() == 12);
        CHECK(single[9].formula == "1 team \xC3\x97 150 families");
    }

    TEST_CASE("CSV cells: a formula behind spaces, invisible characters or a lookalike stays text") {
        SUBCASE("ordinary text is only quoted") {
            CHECK(CsvCell("Leeds") == "\"Leeds\"");
            CHECK(CsvCell("") == "\"\"");
            CHECK(CsvCell("Say \"hi\"") == "\"Say \"\"hi\"\"\"");
            CHECK(CsvCell("a=b") == "\"a=b\"");
            CHECK(CsvCell(" Leeds \xe2\x80\x94 -1") == "\" Leeds \xe2\x80\x94 -1\"");
            CHECK(CsvCell("\xc2\xa0Ynys M\xc3\xb4n") == "\"\xc2\xa0Ynys M\xc3\xb4n\"");
        }
        SUBCASE("ASCII triggers, tab and CR") {
            for (const char* cell : {"=1+1", "+1", "-1", "@SUM(A1)", "|calc", "\t=1", "\r=1", "\tplain"}) {
                CAPTURE(cell);
                CHECK(CsvCell(cell).rfind("\"'", 0) == 0);
            }
        }
        SUBCASE("after Unicode spaces and zero-width characters") {
            const std::string formula = "=HYPERLINK(\"\"x\"\")";
            for (const char* lead : {" ", "   ", "\xc2\xa0", "\xe2\x80\x8b", "\xe2\x80\x8c", "\xe2\x80\x8d",
                                     "\xe2\x81\xa0", "\xef\xbb\xbf", "\xe3\x80\x80", "\xe2\x80\xaf", "\xe2\x80\x83",
                                     "\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x80\x8e", "\xc2\x85", "\xe1\xa0\x8e",
                                     " \xc2\xa0\xe2\x80\x8b "}) {
                CAPTURE(std::string(lead));
                const std::string cell = CsvCell(lead + std::string("=HYPERLINK(\"x\")"));
                CHECK(cell == "\"'" + std::string(lead) + formula + "\"");
            }
        }
        SUBCASE("fullwidth, small and other lookalikes of = + - @ |") {
            for (const char* lead : {"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0", // ＝ ＋ － ＠
                                     "\xef\xb9\xa6", "\xef\xb9\xa2", "\xef\xb9\xa3", "\xef\xb9\xab", // ﹦ ﹢ ﹣ ﹫
                                     "\xe2\x88\x92",                                             // − minus sign
                                     "\xef\xbd\x9c", "\xef\xbf\xa8", "\xe2\x88\xa3", "\xc2\xa6", "\xc7\x80"}) { // pipes
                CAPTURE(std::string(lead));
                CHECK(CsvCell(std::string(lead) + "1+1") == "\"'" + std::string(lead) + "1+1\"");
                CHECK(CsvCell("\xe2\x80\x8b" + std::string(lead) + "1") == "\"'\xe2\x80\x8b" + std::string(lead) + "1\"");
            }
        }
        SUBCASE("broken UTF-8 is neither a space nor a trigger") {
            CHECK(CsvCell("\xff=1") == "\"\xff=1\"");
            CHECK(CsvCell("\xef\xbc") == "\"\xef\xbc\"");
        }
        SUBCASE("the report uses it for the area and the name") {
            Scenario s;
            s.area = "\xc2\xa0\xef\xbc\x9dHYPERLINK(1)";
            s.name = "\xe2\x80\x8b|cmd";
            const std::string csv = ReportCsv(s, Estimate(s.assumptions));
            CHECK(csv.find("scenario,area,\"Area\",\"'\xc2\xa0\xef\xbc\x9dHYPERLINK(1)\",") != std::string::npos);
            CHECK(csv.find("scenario,name,\"Scenario\",\"'\xe2\x80\x8b|cmd\",") != std::string::npos);
        }
    }

    TEST_CASE("the pace in words") {
        CHECK(NewTeamsPerYearText(0.6) == "Less than 1 new team a year (0.6)");
        CHECK(NewTeamsPerYearText(70.4597) == "About 71 new teams a year");
        CHECK(NewTeamsPerYearText(1.0) == "About 1 new team a year");
        CHECK(NewTeamsPerYearText(1.2) == "About 2 new teams a year");
        CHECK(NewTeamsPerYearText(0) == "No new teams needed");
        CHECK(NewTeamsPerYearText(-3) == "No new teams needed");
    }

    TEST_CASE("counts and their nouns") {
        CHECK(CountText(1, "team", "teams") == "1 team");
        CHECK(CountText(2, "team", "teams") == "2 teams");
        CHECK(CountText(0, "team", "teams") == "0 teams");
        CHECK(CountText(1191896, "baby", "babies") == "1,191,896 babies");
        Results r;
        CHECK(TeamsTodayText(r) == "Teams today: not known, enter yours");
        r.current_teams = 1;
        CHECK(TeamsTodayText(r) == "1 team today");
        r.current_teams = 45;
        CHECK(TeamsTodayText(r) == "45 teams today");
    }

    TEST_CASE("today's teams not known: the working, the sentence and the CSV say so, never 0") {
        const Scenario s = ScenarioFromPreset(*FindPreset("wales"));
        const Results r = Estimate(s.assumptions);
        const std::vector<WorkingStep> steps = ShowWorking(s, r);
        REQUIRE(steps.size() == 8); // with the cost a year and the lifetime value
        CHECK(steps[4].label == "Teams today");
        CHECK(steps[4].formula == "not known, enter yours");
        CHECK(steps[4].value == "not known");
        CHECK(steps[5].value == "not known");
        CHECK(SummarySentence(s, r).find("Teams today: not known, enter yours") != std::string::npos);
        const std::string csv = ReportCsv(s, r);
        CHECK(csv.find("assumption,current_teams,\"Specialised teams today\",,") != std::string::npos);
        CHECK(csv.find("assumption,teams_in_development,\"Teams in development\",,") != std::string::npos);
        CHECK(csv.find("result,teams_gap,\"Teams needed minus teams today\",,") != std::string::npos);
        CHECK(csv.find("\"Teams today: not known, enter yours\"") != std::string::npos);
    }
}
