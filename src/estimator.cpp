// The briefing's method: births -> babies aged 0-2 -> at risk -> reached -> teams, and the gap.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "estimator.h"

#include <cmath>

namespace teams {

namespace {

// A copy with every value finite and inside its range, so the arithmetic below cannot divide by
// zero or produce NaN whatever the caller passes.
Assumptions Sanitised(const Assumptions& in) {
    Assumptions out = Assumptions::Defaults();
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const double value = in[spec.id];
        if (!std::isfinite(value)) continue;
        out[spec.id] = value < spec.min ? spec.min : value > spec.max ? spec.max : value;
    }
    return out;
}

} // namespace

Results Estimate(const Assumptions& input) {
    const Assumptions a = Sanitised(input);
    Results r;
    r.cohort_babies = a[Key::births] * a[Key::cohort_years];
    // A local multiplier cannot put more than every baby at risk: the two tiers share 100% at most.
    double risk_rate = a[Key::prevalence] * a[Key::local_risk];
    double wider_rate = a[Key::wider_prevalence] * a[Key::local_risk];
    r.risk_capped = risk_rate > 100.0 || (a[Key::wider_access] > 0 && risk_rate + wider_rate > 100.0);
    if (risk_rate > 100.0) risk_rate = 100.0;
    if (wider_rate > 100.0 - risk_rate) wider_rate = 100.0 - risk_rate;
    r.babies_at_risk = r.cohort_babies * risk_rate / 100.0;
    r.babies_at_risk_wider = r.cohort_babies * wider_rate / 100.0;
    r.babies_to_reach = r.babies_at_risk * a[Key::access] / 100.0 + r.babies_at_risk_wider * a[Key::wider_access] / 100.0;
    r.share_of_cohort = r.babies_to_reach / r.cohort_babies * 100.0;
    r.teams_needed = r.babies_to_reach / a[Key::caseload];
    // A hair below the next whole number still counts as that number (397.0000000001 is 397).
    r.teams_needed_whole = static_cast<long long>(std::ceil(r.teams_needed - 1e-9));

    const double current = a[Key::current_teams];
    const double years = a[Key::years_to_target];
    r.teams_gap = r.teams_needed - current;
    r.teams_gap_whole = r.teams_needed_whole - static_cast<long long>(current);
    r.teams_gap_after_development = r.teams_gap - a[Key::teams_in_development];
    r.new_teams_per_year = r.teams_gap / years;
    if (current > 0) {
        r.scale_factor = r.teams_needed / current;
        r.annual_growth_percent = (std::pow(*r.scale_factor, 1.0 / years) - 1.0) * 100.0;
    }

    const int whole_years = static_cast<int>(years);
    r.path.reserve(static_cast<std::size_t>(whole_years) + 1);
    for (int year = 0; year <= whole_years; ++year) {
        ScaleUpYear step{year, current + r.teams_gap * year / years, std::nullopt};
        if (r.scale_factor) step.compound_teams = current * std::pow(*r.scale_factor, year / years);
        r.path.push_back(step);
    }
    return r;
}

} // namespace teams
