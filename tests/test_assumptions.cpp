// The assumption table: complete, consistent, and every value checked on the way in.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "assumptions.h"

using namespace teams;
using doctest::Approx;

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
            // Plain words: labels a campaigner would say aloud, never a key, never an area's name, no
            // ": " (messages are "<label>: ..."), one set of symbols, and help that explains.
            const std::string label = spec.label;
            CHECK(label.find(": ") == std::string::npos);
            CHECK(label.find('_') == std::string::npos);
            CHECK(label.find("England") == std::string::npos);
            CHECK(label.find(" x ") == std::string::npos);
            CHECK(label.find("multiplier") == std::string::npos);
            CHECK(std::string(spec.help).size() > 40);
        }
        CHECK(std::string(Spec(Key::cohort_years).label) == "Years of births (2 = babies under two)");
        CHECK(std::string(Spec(Key::access).label) == "Share of at-risk babies teams should reach");
        CHECK(std::string(Spec(Key::access).help).find("A target, not today's reach") == 0);
        int more = 0;
        for (const AssumptionSpec& spec : AssumptionTable()) more += spec.more;
        CHECK(more == 3);
        CHECK(Spec(Key::local_risk).more);
        CHECK(Spec(Key::wider_prevalence).more);
        CHECK(Spec(Key::wider_access).more);
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
            CHECK(problems[0].message == "Babies at risk of disorganised attachment: 80 is outside the valid range 1 to 50%; used 50%.");
        }
        SUBCASE("NaN and infinity are refused and the old value kept") {
            CHECK_FALSE(ApplyValue(a, Key::caseload, std::nan(""), &problems));
            CHECK_FALSE(ApplyValue(a, Key::caseload, -INFINITY, &problems));
            CHECK(a[Key::caseload] == 150);
            REQUIRE(problems.size() == 2);
            CHECK(problems[0].message == "Families one team supports a year: NaN is not a number; valid range 10 to 1,000 families/team/year. Kept 150.");
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
        CHECK(CheckValue(Spec(Key::prevalence), 0.5) == "Babies at risk of disorganised attachment: 0.5 is outside the valid range 1 to 50%.");
        CHECK(IsValid(Assumptions::Defaults()));
        Assumptions a = Assumptions::Defaults();
        a[Key::access] = std::nan("");
        CHECK_FALSE(IsValid(a));
    }

    TEST_CASE("the new assumptions: cost per baby and value per child") {
        CHECK(Spec(Key::cost_per_baby).default_value == Approx(1862.24).epsilon(1e-5)); // £73m / 39,200
        CHECK(Spec(Key::cost_per_baby).min == 100);
        CHECK(Spec(Key::cost_per_baby).max == 20000);
        CHECK(Spec(Key::value_per_child).default_value == 40000);
        CHECK(Spec(Key::value_per_child).min == 0);
        CHECK(Spec(Key::value_per_child).max == 1000000);
        CHECK(DisplayValue(Spec(Key::cost_per_baby), Spec(Key::cost_per_baby).default_value) == "1,862");
        Assumptions a = Assumptions::Defaults();
        std::vector<Problem> problems;
        CHECK(ApplyValue(a, Key::cost_per_baby, -5, &problems));
        CHECK(a[Key::cost_per_baby] == 100);
        CHECK_FALSE(ApplyValue(a, Key::value_per_child, HUGE_VAL, &problems));
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].message == "Cost a year for each baby a team supports: -5 is outside the valid range 100 to 20,000 £/baby/year; used 100.");
        CHECK(problems[1].message.find("valid range 0 to 1,000,000 £/child") != std::string::npos);
    }

    TEST_CASE("published ranges: prevalence only, each end with its source") {
        const Ranges ranges = Ranges::Defaults();
        for (const AssumptionSpec& spec : AssumptionTable()) {
            CAPTURE(spec.key);
            CHECK(ranges[spec.id].has_value() == spec.has_published_range);
            if (spec.has_published_range) {
                CHECK(std::string(spec.low_source).size() > 3);
                CHECK(std::string(spec.high_source).size() > 3);
                CHECK(spec.published_low >= spec.min);
                CHECK(spec.published_high <= spec.max);
            }
        }
        REQUIRE(ranges[Key::prevalence]);
        CHECK(ranges[Key::prevalence]->low == 10);   // Start for Life, as the briefing quotes it
        CHECK(ranges[Key::prevalence]->high == 23.5); // Madigan et al. 2023
        CHECK(ranges.IsRanged(Key::prevalence));
        CHECK_FALSE(ranges.IsRanged(Key::caseload));
    }

    TEST_CASE("ApplyRange and CheckRange") {
        const Assumptions a = Assumptions::Defaults();
        Ranges ranges;
        std::vector<Problem> problems;
        SUBCASE("both ends, valid") {
            CHECK(ApplyRange(ranges, a, Key::caseload, 100, 300, &problems));
            CHECK(problems.empty());
            CHECK(*ranges[Key::caseload] == ValueRange{100, 300});
        }
        SUBCASE("one end pairs with the value") {
            CHECK(ApplyRange(ranges, a, Key::caseload, std::nullopt, 300, &problems));
            CHECK(*ranges[Key::caseload] == ValueRange{150, 300});
        }
        SUBCASE("a low above its high is swapped and reported") {
            CHECK(ApplyRange(ranges, a, Key::caseload, 300, 100, &problems));
            CHECK(*ranges[Key::caseload] == ValueRange{100, 300});
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].field == "caseload_low");
        }
        SUBCASE("outside the valid range: clamped and reported; 250% is not a prevalence") {
            CHECK(ApplyRange(ranges, a, Key::prevalence, 10, 250, &problems));
            CHECK(*ranges[Key::prevalence] == ValueRange{10, 50});
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].message == "Babies at risk of disorganised attachment, high end of the range: 250 is outside the "
                                         "valid range 1 to 50%; used 50%.");
        }
        SUBCASE("NaN and infinity are refused, the old end kept") {
            ranges[Key::prevalence] = ValueRange{10, 23.5};
            CHECK_FALSE(ApplyRange(ranges, a, Key::prevalence, std::nan(""), HUGE_VAL, &problems));
            CHECK(*ranges[Key::prevalence] == ValueRange{10, 23.5});
            REQUIRE(problems.size() == 2);
            CHECK(problems[0].message ==
                  "Babies at risk of disorganised attachment, low end of the range: NaN is not a number; valid range 1 to 50%. Kept 10%.");
            CHECK(problems[1].field == "prevalence_high");
        }
        SUBCASE("whole-number fields are rounded") {
            CHECK(ApplyRange(ranges, a, Key::caseload, 99.5, 300, &problems));
            CHECK(ranges[Key::caseload]->low == 100);
            REQUIRE(problems.size() == 1);
        }
        CHECK(CheckRange(Spec(Key::caseload), 100, 300).empty());
        CHECK(CheckRange(Spec(Key::caseload), 300, 100) ==
              "Families one team supports a year, low end of the range: 300 is above the high end 100; the low must not "
              "be above the high (valid range 10 to 1,000 families/team/year).");
        CHECK(CheckRange(Spec(Key::prevalence), 10, 250) ==
              "Babies at risk of disorganised attachment, high end of the range: 250 is outside the valid range 1 to 50%.");
        CHECK(CheckRange(Spec(Key::prevalence), std::nan(""), 20) ==
              "Babies at risk of disorganised attachment, low end of the range: NaN is not a number; valid range 1 to 50%.");
    }
}
