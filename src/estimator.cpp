// The briefing's method: births -> babies aged 0-2 -> at risk -> reached -> teams, and the gap;
// then the honest estimate around it (range, break-even, sensitivity) and what it costs.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "estimator.h"

#include <algorithm>
#include <cmath>

namespace teams {

namespace {

// [SECTION] Inputs made safe

double Clamped(const AssumptionSpec& spec, double value) {
    return value < spec.min ? spec.min : value > spec.max ? spec.max : value;
}

// A copy with every value finite and inside its range, so the arithmetic below cannot divide by
// zero or produce NaN whatever the caller passes.
Assumptions Sanitised(const Assumptions& in) {
    Assumptions out = Assumptions::Defaults();
    for (const AssumptionSpec& spec : AssumptionTable()) {
        if (!in.Known(spec.id) && spec.can_be_unknown) {
            SetUnknown(out, spec.id);
            continue;
        }
        const double value = in[spec.id];
        if (!std::isfinite(value)) continue;
        out[spec.id] = Clamped(spec, value);
    }
    return out;
}

// The same for ranges: non-finite ends drop the range, ends are clamped and put in order.
Ranges Sanitised(const Ranges& in) {
    Ranges out;
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const std::optional<ValueRange>& range = in[spec.id];
        if (!range || !std::isfinite(range->low) || !std::isfinite(range->high)) continue;
        const double a = Clamped(spec, range->low), b = Clamped(spec, range->high);
        out[spec.id] = ValueRange{std::min(a, b), std::max(a, b)};
    }
    return out;
}

// [SECTION] The chain

struct Reach {
    double cohort = 0, at_risk = 0, at_risk_wider = 0, to_reach = 0;
    bool capped = false;
};

// Babies to reach a year. Works on any finite, non-negative values, also outside the valid ranges
// (the break-even search goes there).
Reach ReachOf(const Assumptions& a) {
    Reach r;
    r.cohort = a[Key::births] * a[Key::cohort_years];
    // A local multiplier cannot put more than every baby at risk: the two tiers share 100% at most.
    double risk_rate = a[Key::prevalence] * a[Key::local_risk];
    double wider_rate = a[Key::wider_prevalence] * a[Key::local_risk];
    r.capped = risk_rate > 100.0 || (a[Key::wider_access] > 0 && risk_rate + wider_rate > 100.0);
    if (risk_rate > 100.0) risk_rate = 100.0;
    if (wider_rate > 100.0 - risk_rate) wider_rate = 100.0 - risk_rate;
    r.at_risk = r.cohort * risk_rate / 100.0;
    r.at_risk_wider = r.cohort * wider_rate / 100.0;
    r.to_reach = r.at_risk * a[Key::access] / 100.0 + r.at_risk_wider * a[Key::wider_access] / 100.0;
    return r;
}

// The assumptions that babies to reach grows with; caseload divides it; the rest leave it alone.
constexpr Key kNeedKeys[] = {Key::births,           Key::cohort_years, Key::prevalence, Key::local_risk,
                             Key::access,           Key::wider_prevalence, Key::wider_access};

// [SECTION] Break-even

// The value of `key` alone at which teams needed equals `teams_today`. Teams needed rises with
// each need key (piecewise linear, flat where a cap holds), so a bracket and a bisection find it;
// the last step interpolates, which is exact on a linear piece.
std::optional<BreakEven> SolveBreakEven(const Assumptions& a, Key key, double teams_today) {
    if (!(teams_today > 0)) return std::nullopt;
    const AssumptionSpec& spec = Spec(key);
    double value = 0;
    if (key == Key::caseload) {
        const double babies = ReachOf(a).to_reach;
        if (!(babies > 0)) return std::nullopt;
        value = babies / teams_today;
    } else if (std::find(std::begin(kNeedKeys), std::end(kNeedKeys), key) != std::end(kNeedKeys)) {
        const double target = teams_today * a[Key::caseload]; // babies a year
        Assumptions t = a;
        auto babies = [&](double v) {
            t[key] = v;
            return ReachOf(t).to_reach;
        };
        double lo = 0, hi = std::max(a[key], spec.max);
        double f_lo = babies(lo), f_hi = babies(hi);
        if (f_lo >= target) return std::nullopt; // even none of it gives more than today's teams
        for (int i = 0; i < 64 && f_hi < target; ++i) f_hi = babies(hi *= 2);
        if (f_hi < target) return std::nullopt; // no value of it alone reaches today's teams
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
            const double mid = lo + (hi - lo) / 2, f_mid = babies(mid);
            if (f_mid < target) {
                lo = mid;
                f_lo = f_mid;
            } else {
                hi = mid;
                f_hi = f_mid;
            }
        }
        value = f_hi > f_lo ? lo + (target - f_lo) / (f_hi - f_lo) * (hi - lo) : hi;
    } else {
        return std::nullopt; // today's teams, the pace and the money do not change the teams needed
    }
    if (!std::isfinite(value)) return std::nullopt;
    return BreakEven{value, value >= spec.min && value <= spec.max};
}

} // namespace

double TeamsNeeded(const Assumptions& assumptions) {
    const Assumptions a = Sanitised(assumptions);
    return ReachOf(a).to_reach / a[Key::caseload];
}

Results Estimate(const Assumptions& input, const Ranges& input_ranges) {
    const Assumptions a = Sanitised(input);
    Results r;
    const Reach reach = ReachOf(a);
    r.cohort_babies = reach.cohort;
    r.risk_capped = reach.capped;
    r.babies_at_risk = reach.at_risk;
    r.babies_at_risk_wider = reach.at_risk_wider;
    r.babies_to_reach = reach.to_reach;
    r.share_of_cohort = r.babies_to_reach / r.cohort_babies * 100.0;
    r.teams_needed = r.babies_to_reach / a[Key::caseload];
    // A hair below the next whole number still counts as that number (397.0000000001 is 397).
    r.teams_needed_whole = static_cast<long long>(std::ceil(r.teams_needed - 1e-9));

    r.current_teams = a.Get(Key::current_teams);
    r.teams_in_development = a.Get(Key::teams_in_development);
    // Nothing compares the need with today until today's teams are given (the range and the cost
    // of the need below do not depend on them).
    const bool known = r.current_teams.has_value();
    const double current = r.current_teams.value_or(0);
    if (known) {
        const double years = a[Key::years_to_target];
        const double gap = r.teams_needed - current;
        r.teams_gap = gap;
        r.teams_gap_whole = r.teams_needed_whole - static_cast<long long>(current);
        if (r.teams_in_development) r.teams_gap_after_development = gap - *r.teams_in_development;
        r.new_teams_per_year = gap / years;
        if (current > 0) {
            r.scale_factor = r.teams_needed / current;
            r.annual_growth_percent = (std::pow(*r.scale_factor, 1.0 / years) - 1.0) * 100.0;
        }

        const int whole_years = static_cast<int>(years);
        r.path.reserve(static_cast<std::size_t>(whole_years) + 1);
        for (int year = 0; year <= whole_years; ++year) {
            ScaleUpYear step{year, current + gap * year / years, std::nullopt};
            if (r.scale_factor) step.compound_teams = current * std::pow(*r.scale_factor, year / years);
            r.path.push_back(step);
        }
    }

    // [SECTION] The honest estimate
    const Ranges ranges = Sanitised(input_ranges);
    auto low_of = [&](Key key) { return ranges.IsRanged(key) ? ranges[key]->low : a[key]; };
    auto high_of = [&](Key key) { return ranges.IsRanged(key) ? ranges[key]->high : a[key]; };

    // Babies to reach at every corner of the ranged need keys (at most 2^7 = 128 corners).
    Key ranged[std::size(kNeedKeys)];
    int ranged_count = 0;
    for (const Key key : kNeedKeys)
        if (ranges.IsRanged(key)) ranged[ranged_count++] = key;
    double babies_low = r.babies_to_reach, babies_high = r.babies_to_reach;
    if (ranged_count > 0) {
        babies_low = INFINITY;
        babies_high = -INFINITY;
        Assumptions corner = a;
        for (unsigned mask = 0; mask < (1u << ranged_count); ++mask) {
            for (int i = 0; i < ranged_count; ++i)
                corner[ranged[i]] = (mask >> i) & 1u ? ranges[ranged[i]]->high : ranges[ranged[i]]->low;
            const double babies = ReachOf(corner).to_reach;
            babies_low = std::min(babies_low, babies);
            babies_high = std::max(babies_high, babies);
        }
    }
    r.range = {babies_low / high_of(Key::caseload), babies_high / low_of(Key::caseload)};

    if (known)
        for (const AssumptionSpec& spec : AssumptionTable())
            r.break_even[static_cast<int>(spec.id)] = SolveBreakEven(a, spec.id, current);

    for (const AssumptionSpec& spec : AssumptionTable()) {
        if (!ranges.IsRanged(spec.id)) continue;
        Assumptions moved = a;
        Sensitivity entry{spec.id, ranges[spec.id]->low, ranges[spec.id]->high, 0, 0};
        moved[spec.id] = entry.low;
        entry.teams_at_low = ReachOf(moved).to_reach / moved[Key::caseload];
        moved[spec.id] = entry.high;
        entry.teams_at_high = ReachOf(moved).to_reach / moved[Key::caseload];
        r.sensitivity.push_back(entry);
    }
    // Widest swing first; equal swings keep the table's order. An insertion sort: at most one entry per
    // assumption.
    const auto wider = [](const Sensitivity& x, const Sensitivity& y) { return x.Swing() > y.Swing(); };
    for (auto it = r.sensitivity.begin(); it != r.sensitivity.end(); ++it)
        std::rotate(std::upper_bound(r.sensitivity.begin(), it, *it, wider), it, it + 1);

    // [SECTION] Cost and value
    const double cost = a[Key::cost_per_baby];
    r.annual_cost = r.babies_to_reach * cost;
    r.lifetime_value = r.babies_to_reach * a[Key::value_per_child];
    r.annual_cost_range = {babies_low * low_of(Key::cost_per_baby), babies_high * high_of(Key::cost_per_baby)};
    r.lifetime_value_range = {babies_low * low_of(Key::value_per_child), babies_high * high_of(Key::value_per_child)};
    if (!known) return r; // the gap's cost is not known either
    r.babies_reached_today = current * a[Key::caseload];
    r.gap_annual_cost = std::max(0.0, r.babies_to_reach - *r.babies_reached_today) * cost;
    r.gap_annual_cost_range = Span{
        std::max(0.0, babies_low - high_of(Key::current_teams) * high_of(Key::caseload)) * low_of(Key::cost_per_baby),
        std::max(0.0, babies_high - low_of(Key::current_teams) * low_of(Key::caseload)) * high_of(Key::cost_per_baby)};
    return r;
}

} // namespace teams
