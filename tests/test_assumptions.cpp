// The assumption table: complete, consistent, and every value checked on the way in.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "assumptions.h"

using namespace teams;

TEST_SUITE("assumptions") {
    TEST_CASE("the table is complete and consistent") {
        std::set<std::string> keys;
        int index = 0;
        for (const AssumptionSpec& spec : AssumptionTable()) {
            CAPTURE(spec.key);
            CHECK(static_cast<int>(spec.id) == index++);
            CHECK(keys.insert(spec.key).second);
            CHECK(spec.min < spec.max);
            CHECK(spec.default_value >= spec.min);
            CHECK(spec.default_value <= spec.max);
            CHECK(spec.step > 0);
            CHECK(std::string(spec.label).size() > 3);
            CHECK(std::string(spec.source).size() > 3);
            CHECK(std::string(spec.source_detail).size() > 10);
            CHECK(FindSpec(spec.key) == &spec);
        }
        CHECK(keys.size() == kAssumptionCount);
        CHECK(FindSpec("nope") == nullptr);
        CHECK(FindSpec("") == nullptr);
    }

    TEST_CASE("the issue's ranges") {
        CHECK(Spec(Key::births).min == 100);
        CHECK(Spec(Key::births).max == 2000000);
        CHECK(Spec(Key::cohort_years).max == 3);
        CHECK(Spec(Key::prevalence).max == 50);
        CHECK(Spec(Key::access).default_value == 100.0 / 3.0);
        CHECK(Spec(Key::caseload).min == 10);
        CHECK(Spec(Key::caseload).max == 1000);
        CHECK(Spec(Key::current_teams).min == 0);
        CHECK(Spec(Key::current_teams).max == 5000);
        CHECK(Spec(Key::years_to_target).max == 20);
        CHECK(Spec(Key::wider_access).default_value == 0);
        CHECK(Spec(Key::local_risk).default_value == 1);
    }

    TEST_CASE("RangeText names the range and unit") {
        CHECK(RangeText(Spec(Key::prevalence)) == "1 to 50%");
        CHECK(RangeText(Spec(Key::births)) == "100 to 2,000,000 babies/year");
        CHECK(RangeText(Spec(Key::local_risk)) == "0.5 to 3 x");
    }

    TEST_CASE("ApplyValue") {
        Assumptions a = Assumptions::Defaults();
        std::vector<Problem> problems;
        SUBCASE("a valid value is applied silently") {
            CHECK(ApplyValue(a, Key::prevalence, 10, &problems));
            CHECK(a[Key::prevalence] == 10);
            CHECK(problems.empty());
        }
        SUBCASE("out of range is clamped and reported with the range") {
            CHECK(ApplyValue(a, Key::prevalence, 80, &problems));
            CHECK(a[Key::prevalence] == 50);
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].field == "prevalence");
            CHECK(problems[0].message == "prevalence: 80 is outside the valid range 1 to 50%; used 50%.");
        }
        SUBCASE("NaN and infinity are refused and the old value kept") {
            CHECK_FALSE(ApplyValue(a, Key::caseload, std::nan(""), &problems));
            CHECK_FALSE(ApplyValue(a, Key::caseload, -INFINITY, &problems));
            CHECK(a[Key::caseload] == 150);
            REQUIRE(problems.size() == 2);
            CHECK(problems[0].message == "caseload: NaN is not a number; valid range 10 to 1,000 families/team/year. Kept 150.");
            CHECK(problems[1].message.find("-infinity") != std::string::npos);
        }
        SUBCASE("whole-number fields are rounded and the rounding reported") {
            CHECK(ApplyValue(a, Key::cohort_years, 2.4, &problems));
            CHECK(a[Key::cohort_years] == 2);
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].message.find("whole number") != std::string::npos);
        }
        SUBCASE("a null problem list is allowed") {
            CHECK(ApplyValue(a, Key::births, -1, nullptr));
            CHECK(a[Key::births] == 100);
        }
    }

    TEST_CASE("CheckValue and IsValid") {
        CHECK(CheckValue(Spec(Key::prevalence), 15).empty());
        CHECK(CheckValue(Spec(Key::prevalence), 0.5) == "prevalence: 0.5 is outside the valid range 1 to 50%.");
        CHECK(IsValid(Assumptions::Defaults()));
        Assumptions a = Assumptions::Defaults();
        a[Key::access] = std::nan("");
        CHECK_FALSE(IsValid(a));
    }
}
