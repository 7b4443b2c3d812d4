// The briefing's method: from births to teams needed, the gap to today, and a scale-up path.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "assumptions.h"

#include <array>
#include <optional>
#include <vector>

namespace teams {

// One year of the scale-up path. Year 0 is today.
struct ScaleUpYear {
    int year;
    double linear_teams;                 // straight line from today's teams to the teams needed
    std::optional<double> compound_teams; // constant growth rate; none when there are no teams today
};

// Where one assumption would make the teams needed equal the teams today, the others held.
struct BreakEven {
    double value = 0;          // in the assumption's own unit (percent for percentages)
    bool inside_range = false; // within the assumption's valid range
};

// One assumption moved across its range, the others held: a bar of the tornado chart.
struct Sensitivity {
    Key key;
    double low = 0, high = 0;                  // the assumption's range
    double teams_at_low = 0, teams_at_high = 0; // teams needed (unrounded) at each end
    double Swing() const { return teams_at_high > teams_at_low ? teams_at_high - teams_at_low : teams_at_low - teams_at_high; }
};

struct Span {
    double low = 0;
    double high = 0;
};

// Everything that compares the need with today's teams is a std::optional: none while today's teams
// are not known (Assumptions::Known(Key::current_teams)), and the path is then empty.
struct Results {
    double cohort_babies = 0;         // births x cohort_years: "babies aged 0-2"
    double babies_at_risk = 0;        // cohort x prevalence x local_risk
    double babies_at_risk_wider = 0;  // cohort x wider_prevalence x local_risk (the optional wider tier)
    bool risk_capped = false;         // the two tiers x local_risk came to over 100% and were capped
    double babies_to_reach = 0;       // a year: at risk x access + wider x wider_access
    double share_of_cohort = 0;       // babies_to_reach as % of cohort_babies
    double teams_needed = 0;          // babies_to_reach / caseload, unrounded
    long long teams_needed_whole = 0; // rounded up
    std::optional<double> current_teams;        // today's teams; none when not known
    std::optional<double> teams_in_development; // none when not known
    std::optional<double> teams_gap;            // teams_needed - current_teams; negative means more than enough
    std::optional<long long> teams_gap_whole;   // teams_needed_whole - current_teams
    std::optional<double> teams_gap_after_development; // teams_needed - current - in development (both known)
    std::optional<double> scale_factor;         // teams_needed / current_teams; none when current is 0 or not known
    std::optional<double> new_teams_per_year;   // teams_gap / years_to_target (straight line)
    std::optional<double> annual_growth_percent; // compound growth reaching the target; none when current is 0 or not known
    std::vector<ScaleUpYear> path;              // years 0 .. years_to_target; empty when current is not known
    // The honest estimate: every ranged assumption at its ends at once (the model is monotone in
    // each, so the corners hold the lowest and the highest), unrounded teams.
    Span range;
    // Per assumption (indexed by Key): none when there are no teams today or no value of that
    // assumption alone gives today's teams (the answer does not depend on it, or only a negative
    // value would do).
    std::array<std::optional<BreakEven>, kAssumptionCount> break_even{};
    std::vector<Sensitivity> sensitivity; // one per ranged assumption, largest swing first

    // What closing the gap costs and returns, in pounds.
    double annual_cost = 0;                    // babies_to_reach x cost_per_baby, a year
    std::optional<double> babies_reached_today; // current_teams x caseload
    std::optional<double> gap_annual_cost;     // (babies_to_reach - babies_reached_today) x cost, never below 0
    double lifetime_value = 0;                 // babies_to_reach x value_per_child: one year's support
    Span annual_cost_range;
    std::optional<Span> gap_annual_cost_range;
    Span lifetime_value_range;
};

// Never throws; inputs outside their ranges are clamped first, so the results are always finite.
// Ranges that are not valid (non-finite, outside the valid range, low above high) are clamped too.
Results Estimate(const Assumptions& assumptions, const Ranges& ranges = Ranges{});

// Teams needed alone (unrounded), for callers that move one assumption at a time.
double TeamsNeeded(const Assumptions& assumptions);

} // namespace teams
