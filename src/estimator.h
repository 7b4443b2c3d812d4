// The briefing's method: from births to teams needed, the gap to today, and a scale-up path.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include "assumptions.h"

#include <optional>
#include <vector>

namespace teams {

// One year of the scale-up path. Year 0 is today.
struct ScaleUpYear {
    int year;
    double linear_teams;                 // straight line from today's teams to the teams needed
    std::optional<double> compound_teams; // constant growth rate; none when there are no teams today
};

struct Results {
    double cohort_babies = 0;         // births x cohort_years: "babies aged 0-2"
    double babies_at_risk = 0;        // cohort x prevalence x local_risk
    double babies_at_risk_wider = 0;  // cohort x wider_prevalence x local_risk (the optional wider tier)
    bool risk_capped = false;         // the two tiers x local_risk came to over 100% and were capped
    double babies_to_reach = 0;       // a year: at risk x access + wider x wider_access
    double share_of_cohort = 0;       // babies_to_reach as % of cohort_babies
    double teams_needed = 0;          // babies_to_reach / caseload, unrounded
    long long teams_needed_whole = 0; // rounded up
    double teams_gap = 0;             // teams_needed - current_teams; negative means more than enough
    long long teams_gap_whole = 0;    // teams_needed_whole - current_teams
    double teams_gap_after_development = 0; // teams_needed - current - in development
    std::optional<double> scale_factor;       // teams_needed / current_teams; none when current is 0
    double new_teams_per_year = 0;            // teams_gap / years_to_target (straight line)
    std::optional<double> annual_growth_percent; // compound growth reaching the target; none when current is 0
    std::vector<ScaleUpYear> path;            // years 0 .. years_to_target
};

// Never throws; inputs outside their ranges are clamped first, so the results are always finite.
Results Estimate(const Assumptions& assumptions);

} // namespace teams
