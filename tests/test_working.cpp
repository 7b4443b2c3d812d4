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
        REQUIRE(steps.size() == 8);
        CHECK(steps[0].formula == "595,948 births a year x 2 years");
        CHECK(steps[0].value == "1,191,896");
        CHECK(steps[0].source == "ONS births 2021, England (derived)");
        CHECK(steps[1].value == "178,784.4");
        CHECK(steps[1].source == "van IJzendoorn et al. 1999");
        CHECK(steps[2].value == "59,594.8");
        CHECK(steps[2].formula.find("(5.0% of babies aged 0-2)") != std::string::npos);
        CHECK(steps[3].value == "397.3 (398 rounded up)");
        CHECK(steps[5].value == "352.3");
        CHECK(steps[5].formula.find("8.83 times today") != std::string::npos);
        CHECK(steps[4].formula == "operating now, 14 more in development");
        CHECK(steps[4].value == "45");
        CHECK(steps[6].value == "70.5");
        CHECK(steps[7].formula == "(397.3 / 45) ^ (1 / 5) - 1");
        CHECK(steps[7].value == "54.6%");
        for (const WorkingStep& step : steps) CHECK_FALSE(step.source.empty());
    }

    TEST_CASE("the wider tier and local risk appear in the working when used") {
        Scenario s;
        s.assumptions[Key::wider_access] = 10;
        s.assumptions[Key::local_risk] = 1.5;
        const std::vector<WorkingStep> steps = ShowWorking(s, Estimate(s.assumptions));
        REQUIRE(steps.size() == 9);
        CHECK(steps[1].formula.find("local risk 1.50") != std::string::npos);
        CHECK(steps[2].label == "At risk of other insecure attachment");
    }

    TEST_CASE("the summary sentence") {
        const Scenario s;
        CHECK(SummarySentence(s, Estimate(s.assumptions)) ==
              "England needs 398 teams to reach 59,595 babies a year; 45 exist today.");
        Scenario small = ScenarioFromPreset(*FindPreset("wales"));
        small.assumptions[Key::births] = 1500;
        small.assumptions[Key::current_teams] = 1;
        CHECK(SummarySentence(small, Estimate(small.assumptions)) ==
              "Wales needs 1 team to reach 150 babies a year; 1 exists today.");
    }

    TEST_CASE("the CSV has every assumption and result, with sources, safe for spreadsheets") {
        Scenario s;
        s.area = "=HYPERLINK(\"x\")";
        const std::string csv = ReportCsv(s, Estimate(s.assumptions));
        CHECK(csv.find("section,key,label,value,unit,source\r\n") == 0);
        CHECK(csv.find("assumption,births,\"Live births a year\",595948,\"babies/year\",\"ONS births 2021, England (derived)\"") !=
              std::string::npos);
        CHECK(csv.find("result,teams_needed,\"Teams needed\",397.29866666666") != std::string::npos);
        CHECK(csv.find("result,teams_needed_whole,\"Teams needed, rounded up\",398,") != std::string::npos);
        CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
        int rows = 0;
        for (char c : csv) rows += c == '\n';
        CHECK(rows == 1 + 2 + kAssumptionCount + 11);
    }
}
