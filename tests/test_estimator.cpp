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
                    CHECK(std::isfinite(r.new_teams_per_year));
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
            CHECK(r.new_teams_per_year == Approx(r.teams_gap));
        }
        SUBCASE("whole number just above an integer rounds up, a hair above does not") {
            a[Key::births] = 2250; // 2250 x 2 x 15% / 3 / 150 = 1.5
            CHECK(Estimate(a).teams_needed_whole == 2);
            a[Key::births] = 1500; // exactly 1 team
            CHECK(Estimate(a).teams_needed_whole == 1);
        }
    }
}
