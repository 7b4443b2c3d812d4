// The briefing's chain to the decimal, proportionality, and every edge of the ranges.
#include <doctest/doctest.h>

#include <cmath>

#include "estimator.h"

using namespace teams;
using doctest::Approx;

TEST_SUITE("estimator") {
    TEST_CASE("the defaults reproduce the briefing's arithmetic") {
        const Results r = Estimate(Assumptions::Defaults());
        CHECK(r.cohort_babies == Approx(1191896.0).epsilon(1e-12));
        CHECK(r.babies_at_risk == Approx(178784.4).epsilon(1e-12));
        CHECK(r.babies_to_reach == Approx(59594.8).epsilon(1e-12));
        CHECK(r.share_of_cohort == Approx(5.0).epsilon(1e-12));
        CHECK(r.teams_needed == Approx(397.298666667).epsilon(1e-9));
        CHECK(r.teams_needed_whole == 398);
        CHECK(r.teams_gap == Approx(352.298666667).epsilon(1e-9));
        CHECK(r.teams_gap_whole == 353);
        CHECK(r.teams_gap_after_development == Approx(338.298666667).epsilon(1e-9));
        REQUIRE(r.scale_factor.has_value());
        CHECK(*r.scale_factor == Approx(8.8288592593).epsilon(1e-9));
        CHECK(r.new_teams_per_year == Approx(70.4597333).epsilon(1e-7));
        REQUIRE(r.annual_growth_percent.has_value());
        CHECK(*r.annual_growth_percent == Approx(54.6).epsilon(1e-3));
        // the rounded figures the briefing and the headline quote
        CHECK(std::round(r.teams_needed * 10) / 10 == 397.3);
        CHECK(std::round(r.babies_to_reach) == 59595);
    }

    TEST_CASE("the scale-up path runs from today's teams to the teams needed") {
        const Results r = Estimate(Assumptions::Defaults());
        REQUIRE(r.path.size() == 6);
        CHECK(r.path.front().year == 0);
        CHECK(r.path.front().linear_teams == Approx(45));
        CHECK(*r.path.front().compound_teams == Approx(45));
        CHECK(r.path.back().year == 5);
        CHECK(r.path.back().linear_teams == Approx(r.teams_needed));
        CHECK(*r.path.back().compound_teams == Approx(r.teams_needed));
        CHECK(r.path[1].linear_teams == Approx(45 + 70.4597333).epsilon(1e-7));
        CHECK(*r.path[1].compound_teams == Approx(45 * 1.54596).epsilon(1e-4));
        for (std::size_t i = 1; i < r.path.size(); ++i) {
            CHECK(r.path[i].linear_teams > r.path[i - 1].linear_teams);
            CHECK(*r.path[i].compound_teams > *r.path[i - 1].compound_teams);
        }
    }

    TEST_CASE("proportionality") {
        const Assumptions base = Assumptions::Defaults();
        const double teams = Estimate(base).teams_needed;
        SUBCASE("doubling births doubles teams") {
            Assumptions a = base;
            a[Key::births] *= 2;
            CHECK(Estimate(a).teams_needed == Approx(2 * teams));
        }
        SUBCASE("doubling caseload halves teams") {
            Assumptions a = base;
            a[Key::caseload] *= 2;
            CHECK(Estimate(a).teams_needed == Approx(teams / 2));
        }
        SUBCASE("prevalence 10% gives two thirds") {
            Assumptions a = base;
            a[Key::prevalence] = 10;
            CHECK(Estimate(a).teams_needed == Approx(264.865777778).epsilon(1e-9));
        }
        SUBCASE("local risk 2 doubles teams") {
            Assumptions a = base;
            a[Key::local_risk] = 2;
            CHECK(Estimate(a).teams_needed == Approx(2 * teams));
        }
        SUBCASE("the wider tier adds its own share") {
            Assumptions a = base;
            a[Key::wider_access] = 10;
            const Results r = Estimate(a);
            CHECK(r.babies_at_risk_wider == Approx(1191896 * 0.249));
            CHECK(r.babies_to_reach == Approx(59594.8 + 1191896 * 0.249 * 0.10));
        }
        SUBCASE("the wider tier's prevalence alone changes nothing while its access is 0") {
            Assumptions a = base;
            a[Key::wider_prevalence] = 60;
            CHECK(Estimate(a).teams_needed == Approx(teams).epsilon(1e-15));
        }
    }

    TEST_CASE("edges") {
        Assumptions a = Assumptions::Defaults();
        SUBCASE("no teams today: no scale factor and no growth rate, straight line still defined") {
            a[Key::current_teams] = 0;
            const Results r = Estimate(a);
            CHECK_FALSE(r.scale_factor.has_value());
            CHECK_FALSE(r.annual_growth_percent.has_value());
            CHECK(r.teams_gap == Approx(r.teams_needed));
            CHECK(r.new_teams_per_year == Approx(r.teams_needed / 5));
            CHECK_FALSE(r.path.back().compound_teams.has_value());
        }
        SUBCASE("today's teams not known: the need stands, every gap figure is none, the path is empty") {
            REQUIRE(SetUnknown(a, Key::current_teams));
            const Results r = Estimate(a);
            CHECK(r.teams_needed == Approx(397.298666667).epsilon(1e-9));
            CHECK(r.teams_needed_whole == 398);
            CHECK_FALSE(r.current_teams.has_value());
            CHECK(r.teams_in_development == 14);
            CHECK_FALSE(r.teams_gap.has_value());
            CHECK_FALSE(r.teams_gap_whole.has_value());
            CHECK_FALSE(r.teams_gap_after_development.has_value());
            CHECK_FALSE(r.scale_factor.has_value());
            CHECK_FALSE(r.new_teams_per_year.has_value());
            CHECK_FALSE(r.annual_growth_percent.has_value());
            CHECK(r.path.empty());
            // What closing the gap costs waits for a count too; the need's own cost and value stand.
            CHECK_FALSE(r.babies_reached_today.has_value());
            CHECK_FALSE(r.gap_annual_cost.has_value());
            CHECK_FALSE(r.gap_annual_cost_range.has_value());
            CHECK(std::fabs(r.annual_cost - 110980112) <= 1);
            CHECK(r.lifetime_value == Approx(2383792000.0));
            for (const std::optional<BreakEven>& break_even : r.break_even) CHECK_FALSE(break_even.has_value());
        }
        SUBCASE("not known is not 0: a count of 0 still gives a gap") {
            a[Key::current_teams] = 0;
            CHECK(Estimate(a).teams_gap_whole == 398);
        }
        SUBCASE("teams in development not known: the gap to today stands, the gap after development does not") {
            REQUIRE(SetUnknown(a, Key::teams_in_development));
            const Results r = Estimate(a);
            CHECK(r.teams_gap_whole == 353);
            CHECK_FALSE(r.teams_in_development.has_value());
            CHECK_FALSE(r.teams_gap_after_development.has_value());
        }
        SUBCASE("a value makes a count known again") {
            REQUIRE(SetUnknown(a, Key::current_teams));
            REQUIRE(ApplyValue(a, Key::current_teams, 3, nullptr));
            CHECK(a.Known(Key::current_teams));
            CHECK(Estimate(a).teams_gap_whole == 395);
        }
        SUBCASE("only the counts can be not known") {
            CHECK_FALSE(SetUnknown(a, Key::births));
            CHECK(a.Known(Key::births));
            CHECK(a[Key::births] == 595948);
        }
        SUBCASE("more teams than needed: the gap is negative and growth shrinks") {
            a[Key::current_teams] = 500;
            const Results r = Estimate(a);
            CHECK(r.teams_gap == Approx(397.298666667 - 500));
            CHECK(r.teams_gap_whole == 398 - 500);
            CHECK(*r.annual_growth_percent < 0);
        }
        SUBCASE("every range end gives finite results") {
            for (const AssumptionSpec& spec : AssumptionTable()) {
                for (const double value : {spec.min, spec.max}) {
                    Assumptions edge = Assumptions::Defaults();
                    edge[spec.id] = value;
                    const Results r = Estimate(edge);
                    CAPTURE(spec.key);
                    CAPTURE(value);
                    CHECK(std::isfinite(r.teams_needed));
                    CHECK(r.teams_needed > 0);
                    REQUIRE(r.new_teams_per_year.has_value());
                    CHECK(std::isfinite(*r.new_teams_per_year));
                    if (r.annual_growth_percent) CHECK(std::isfinite(*r.annual_growth_percent));
                }
            }
        }
        SUBCASE("the smallest and the largest need") {
            for (const AssumptionSpec& spec : AssumptionTable())
                a[spec.id] = spec.id == Key::caseload ? spec.max : spec.min;
            CHECK(Estimate(a).teams_needed_whole == 1);
            for (const AssumptionSpec& spec : AssumptionTable())
                a[spec.id] = spec.id == Key::caseload ? spec.min : spec.max;
            const Results r = Estimate(a);
            CHECK(std::isfinite(r.teams_needed));
            CHECK(r.risk_capped);
            CHECK(r.babies_at_risk == Approx(6000000.0));
            CHECK(r.babies_at_risk_wider == Approx(0.0));
            CHECK(r.teams_needed == Approx(6000000.0 / 10));
        }
        SUBCASE("values outside the ranges are clamped, never NaN") {
            a[Key::caseload] = 0;
            a[Key::births] = std::nan("");
            a[Key::years_to_target] = -3;
            a[Key::prevalence] = INFINITY;
            const Results r = Estimate(a);
            CHECK(r.teams_needed == Approx(1191896 * 0.15 / 3 / 10));
            REQUIRE(r.teams_gap.has_value());
            CHECK(r.new_teams_per_year == Approx(*r.teams_gap));
        }
        SUBCASE("whole number just above an integer rounds up, a hair above does not") {
            a[Key::births] = 2250; // 2250 x 2 x 15% / 3 / 150 = 1.5
            CHECK(Estimate(a).teams_needed_whole == 2);
            a[Key::births] = 1500; // exactly 1 team
            CHECK(Estimate(a).teams_needed_whole == 1);
        }
    }

    TEST_CASE("the honest estimate at the defaults: range, break-even and sensitivity") {
        const Results r = Estimate(Assumptions::Defaults(), Ranges::Defaults());
        // prevalence 10% (Start for Life) to 23.5% (Madigan et al. 2023), everything else held
        CHECK(r.range.low == Approx(264.8658).epsilon(1e-7));
        CHECK(r.range.high == Approx(622.4346).epsilon(1e-7));

        auto break_even = [&](Key key) { return r.break_even[static_cast<int>(key)]; };
        REQUIRE(break_even(Key::prevalence));
        CHECK(break_even(Key::prevalence)->value == Approx(1.69897).epsilon(1e-5));
        CHECK(break_even(Key::prevalence)->value == Approx(45.0 * 150 * 3 * 100 / 1191896).epsilon(1e-12));
        CHECK(break_even(Key::prevalence)->inside_range);
        REQUIRE(break_even(Key::caseload));
        CHECK(break_even(Key::caseload)->value == Approx(1324.33).epsilon(1e-6));
        CHECK(break_even(Key::caseload)->value == Approx(59594.8 / 45).epsilon(1e-12));
        CHECK_FALSE(break_even(Key::caseload)->inside_range); // above the valid 1,000
        REQUIRE(break_even(Key::births));
        CHECK(break_even(Key::births)->value == Approx(67500).epsilon(1e-12));
        CHECK(break_even(Key::births)->inside_range);
        REQUIRE(break_even(Key::access));
        CHECK(break_even(Key::access)->value == Approx(3.7755).epsilon(1e-5));
        CHECK(break_even(Key::access)->value == Approx(6750.0 / 178784.4 * 100).epsilon(1e-12));
        // keys the teams needed do not depend on, or only a negative value would do
        CHECK_FALSE(break_even(Key::current_teams));
        CHECK_FALSE(break_even(Key::years_to_target));
        CHECK_FALSE(break_even(Key::cost_per_baby));
        CHECK_FALSE(break_even(Key::wider_prevalence)); // the wider tier is off (wider_access 0)
        CHECK_FALSE(break_even(Key::wider_access));     // adding the wider tier only raises the need

        REQUIRE(r.sensitivity.size() == 1);
        CHECK(r.sensitivity[0].key == Key::prevalence);
        CHECK(r.sensitivity[0].teams_at_low == Approx(264.8658).epsilon(1e-7));
        CHECK(r.sensitivity[0].teams_at_high == Approx(622.4346).epsilon(1e-7));
    }

    TEST_CASE("sensitivity: the widest swing first, whatever the table's order; equal swings keep it") {
        Ranges ranges = Ranges::Defaults();
        ranges[Key::births] = ValueRange{590000, 600000}; // first in the table, the smallest swing
        ranges[Key::caseload] = ValueRange{100, 300};     // last, the widest
        const Results r = Estimate(Assumptions::Defaults(), ranges);
        REQUIRE(r.sensitivity.size() == 3);
        CHECK(r.sensitivity[0].key == Key::caseload);
        CHECK(r.sensitivity[1].key == Key::prevalence);
        CHECK(r.sensitivity[2].key == Key::births);
        // Two ranges with the very same swing: the table's order (births before caseload).
        Assumptions a = Assumptions::Defaults();
        a[Key::births] = 600000;
        a[Key::caseload] = 150;
        Ranges same;
        same[Key::births] = ValueRange{300000, 1200000}; // teams x 0.5 to x 2
        same[Key::caseload] = ValueRange{75, 300};       // teams x 2 to x 0.5
        const Results tied = Estimate(a, same);
        REQUIRE(tied.sensitivity.size() == 2);
        CHECK(tied.sensitivity[0].Swing() == tied.sensitivity[1].Swing());
        CHECK(tied.sensitivity[0].key == Key::births);
        CHECK(tied.sensitivity[1].key == Key::caseload);
    }

    TEST_CASE("a caseload range of 100 to 300 widens the range") {
        Ranges ranges = Ranges::Defaults();
        ranges[Key::caseload] = ValueRange{100, 300};
        const Results r = Estimate(Assumptions::Defaults(), ranges);
        CHECK(r.range.low == Approx(132.4329).epsilon(1e-7));
        CHECK(r.range.high == Approx(933.6519).epsilon(1e-7));
        REQUIRE(r.sensitivity.size() == 2);
        // caseload's swing (198.6 to 595.9 = 397.3) beats prevalence's (264.9 to 622.4 = 357.6)
        CHECK(r.sensitivity[0].key == Key::caseload);
        CHECK(r.sensitivity[0].teams_at_low == Approx(595.948));
        CHECK(r.sensitivity[1].key == Key::prevalence);
        CHECK(r.teams_needed == Approx(397.298666667).epsilon(1e-9)); // the central answer is unchanged
    }

    TEST_CASE("break-even and ranges at the edges") {
        SUBCASE("no teams today: no break-even at all") {
            Assumptions a = Assumptions::Defaults();
            a[Key::current_teams] = 0;
            const Results r = Estimate(a, Ranges::Defaults());
            for (const auto& found : r.break_even) CHECK_FALSE(found.has_value());
        }
        SUBCASE("more teams than needed: the break-even lies above today's values") {
            Assumptions a = Assumptions::Defaults();
            a[Key::current_teams] = 500;
            const Results r = Estimate(a);
            REQUIRE(r.break_even[static_cast<int>(Key::prevalence)]);
            CHECK(r.break_even[static_cast<int>(Key::prevalence)]->value == Approx(15.0 * 500 / r.teams_needed));
            CHECK(TeamsNeeded([&] { Assumptions b = a; b[Key::caseload] = r.break_even[static_cast<int>(Key::caseload)]->value; return b; }()) ==
                  Approx(500));
        }
        SUBCASE("the wider tier: its break-even is found where the cap does not hold") {
            Assumptions a = Assumptions::Defaults();
            a[Key::wider_access] = 10;
            a[Key::current_teams] = 450;
            const Results r = Estimate(a);
            REQUIRE(r.break_even[static_cast<int>(Key::wider_access)]);
            Assumptions b = a;
            b[Key::wider_access] = r.break_even[static_cast<int>(Key::wider_access)]->value;
            CHECK(TeamsNeeded(b) == Approx(450).epsilon(1e-9));
        }
        SUBCASE("ranges that are not valid are clamped and put in order, never NaN") {
            Ranges ranges;
            ranges[Key::caseload] = ValueRange{5000, -3};
            ranges[Key::prevalence] = ValueRange{std::nan(""), 20};
            const Results r = Estimate(Assumptions::Defaults(), ranges);
            CHECK(r.range.low == Approx(59594.8 / 1000));
            CHECK(r.range.high == Approx(59594.8 / 10));
            REQUIRE(r.sensitivity.size() == 1); // the NaN range is dropped
            CHECK(r.sensitivity[0].key == Key::caseload);
            CHECK(std::isfinite(r.annual_cost_range.low));
        }
        SUBCASE("no ranges: the range is the answer itself") {
            const Results r = Estimate(Assumptions::Defaults());
            CHECK(r.range.low == Approx(r.teams_needed));
            CHECK(r.range.high == Approx(r.teams_needed));
            CHECK(r.sensitivity.empty());
        }
    }

    TEST_CASE("what closing the gap costs and returns") {
        const Results r = Estimate(Assumptions::Defaults(), Ranges::Defaults());
        // £73m / 39,200 babies (Parent-Infant Foundation 2026) x 59,594.8 babies a year
        CHECK(std::fabs(r.annual_cost - 110980112) <= 1);
        REQUIRE(r.babies_reached_today);
        CHECK(*r.babies_reached_today == Approx(6750)); // 45 teams x 150 families
        REQUIRE(r.gap_annual_cost);
        CHECK(std::fabs(*r.gap_annual_cost - 98409959) <= 1);
        CHECK(r.lifetime_value == Approx(2383792000).epsilon(1e-12)); // x £40,000 (Centre for Mental Health 2026)
        // their ranges follow the prevalence range
        CHECK(r.annual_cost_range.low == Approx(r.annual_cost * 10 / 15));
        CHECK(r.annual_cost_range.high == Approx(r.annual_cost * 23.5 / 15));
        REQUIRE(r.gap_annual_cost_range);
        CHECK(r.gap_annual_cost_range->low == Approx((59594.8 * 10 / 15 - 6750) * 73000000.0 / 39200));
        CHECK(r.lifetime_value_range.high == Approx(r.lifetime_value * 23.5 / 15));
        SUBCASE("more teams than needed: the gap costs nothing, never less") {
            Assumptions a = Assumptions::Defaults();
            a[Key::current_teams] = 1000;
            CHECK(*Estimate(a).gap_annual_cost == 0);
        }
    }
}
