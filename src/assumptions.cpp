// The assumption table and the checks every input goes through.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include "assumptions.h"

#include <cmath>
#include <cstdio>
#include <utility>

#include "working.h"

namespace teams {

namespace {

// clang-format off
std::array<AssumptionSpec, kAssumptionCount> Rows() {
    return {{
    {Key::births, "births", "Live births a year", "babies/year",
     "Babies born in the area in one year. The briefing used England's 2021 births; for another area, enter "
     "its own.",
     595948, 100, 2000000, 1000, 0, true, false,
     "ONS births 2021, England (derived)",
     "ONS Births in England and Wales 2021: 624,729 births to residents of England and Wales minus "
     "28,781 in Wales (StatsWales) = 595,948. Derived; confidence medium-high."},
    {Key::cohort_years, "cohort_years", "Years of births (2 = babies under two)", "years",
     "The briefing's \"babies aged 0-2\" are two years of births: its 59,600 babies are 5% of 1,192,000, "
     "two years of England's births.",
     2, 1, 3, 1, 0, true, false,
     "Parent-Infant Foundation briefing 2023",
     "59,600 / 5% = 1,192,000 = two years of England's 2021 births, so the briefing's 0-2 cohort is "
     "two years of births (ONS mid-2023 under-2s: 1,185,083)."},
    {Key::prevalence, "prevalence", "Babies at risk of disorganised attachment", "%",
     "The share of babies at risk of disorganised attachment, the measure of need the government uses. "
     "The briefing takes 15%; Start for Life uses 10%; a 2023 review of 285 studies found 23.5%.",
     15, 1, 50, 0.5, 1, false, true,
     "van IJzendoorn et al. 1999",
     "van IJzendoorn, Schuengel & Bakermans-Kranenburg (1999), Development and Psychopathology "
     "11:225-249: 15% in normal, middle-class families; Start for Life uses 10%; Madigan et al. 2023 "
     "pooled 23.5%.",
     true, 10, 23.5, "Start for Life, as the briefing quotes it", "Madigan et al. 2023",
     "on the published prevalences"},
    {Key::local_risk, "local_risk", "Local need against the national rate (1\xC3\x97 = the same)", "x",
     "Above 1\xC3\x97 where local risk factors make need higher than the national rate, below where they make "
     "it lower: 2\xC3\x97 doubles the babies at risk.",
     1, 0.5, 3, 0.05, 2, false, false,
     "Briefing 2023 (1 = national rate)",
     "The briefing asks local estimates to take account of other risk factors; van IJzendoorn et al. "
     "1999 found disorganised attachment \"twice or even three times higher\" in some contexts."},
    {Key::access, "access", "Share of at-risk babies teams should reach", "%",
     "A target, not today's reach: not every baby at risk is found and referred, so the briefing plans for "
     "teams to see one third of them.",
     100.0 / 3.0, 1, 100, 1, 1, false, true,
     "Parent-Infant Foundation briefing 2023",
     "\"Our estimate assumes only one third of babies at risk of disorganised attachment ... will "
     "access specialist services\" (exactly one third)."},
    {Key::wider_prevalence, "wider_prevalence", "Babies at risk of other insecure attachment", "%",
     "Babies at risk of avoidant or resistant attachment, whom teams also support. Counted only when the "
     "share below is above 0.",
     24.9, 0, 60, 0.5, 1, false, true,
     "Madigan et al. 2023",
     "Madigan et al. (2023), Psychological Bulletin 149:99-132: avoidant 14.7% + resistant 10.2% = "
     "24.9%. Counted only when the next value is above 0."},
    {Key::wider_access, "wider_access", "Share of those teams should also reach (0 = leave out)", "%",
     "The share of the babies at risk of other insecure attachment that teams should also see. 0 leaves "
     "them out, as the briefing does.",
     0, 0, 100, 1, 1, false, true,
     "Off by default (briefing 2023)",
     "The briefing's estimate counts disorganised attachment only, but says teams also support babies "
     "at risk of other insecure attachment. 0 reproduces the briefing."},
    {Key::caseload, "caseload", "Families one team supports a year", "families/team/year",
     "Families one specialised team supports directly each year. The briefing takes 150; teams report from "
     "under 25 to over 300.",
     150, 10, 1000, 5, 0, true, false,
     "Parent-Infant Foundation briefing 2023",
     "\"each team supporting on average 150 families directly each year\"; reported caseloads vary "
     "from under 25 to over 300."},
    {Key::current_teams, "current_teams", "Specialised teams today", "teams",
     "Specialised parent-infant relationship teams working today. The UK had 45 in September 2023; for a "
     "nation, region or local area, enter its own count, or leave it not known.",
     45, 0, 5000, 1, 0, true, false,
     "Parent-Infant Foundation, UK, Sept 2023",
     "45 teams across the UK in September 2023 (the briefing); 27 in 2019, 39 in March 2022, 49 in "
     "June 2025, about 51 in February 2026."},
    {Key::teams_in_development, "teams_in_development", "Teams in development", "teams",
     "Teams being set up, not yet seeing families: 14 across the UK in September 2023.",
     14, 0, 5000, 1, 0, true, false,
     "Parent-Infant Foundation, UK, Sept 2023",
     "\"45 teams now across the UK, and 14 more in development\" (the briefing, September 2023)."},
    {Key::years_to_target, "years_to_target", "Years to close the gap", "years",
     "How soon the teams needed should all be working. The briefing asks for \"a tenfold increase over the "
     "next five years\".",
     5, 1, 20, 1, 0, true, false,
     "Parent-Infant Foundation briefing 2023",
     "\"a tenfold increase over the next five years\"."},
    {Key::cost_per_baby, "cost_per_baby", "Cost a year for each baby a team supports", "£/baby/year",
     "What a team costs a year for each baby it supports.",
     73000000.0 / 39200.0, 100, 20000, 10, 0, false, false,
     "Parent-Infant Foundation 2026 (derived)",
     "\"£73m each financial year\" would let every local authority develop at least one team, reaching "
     "39,200 vulnerable babies a year by 2028-29 (Parent-Infant Foundation, response to the Health and "
     "Social Care Committee's First 1000 Days report, 22 January 2026): 73,000,000 / 39,200 = £1,862 "
     "a baby. Derived; confidence medium."},
    {Key::value_per_child, "value_per_child", "Lifetime value of support for each child", "£/child",
     "Value across a child's lifetime of a year's specialised support (a lower bound).",
     40000, 0, 1000000, 1000, 0, false, false,
     "Centre for Mental Health 2026 (lower bound)",
     "\"Over £40,000\" of value per child across their lifetime (Centre for Mental Health, Why babies' "
     "first relationships matter, February 2026, with the Parent-Infant Foundation); their cross-check, "
     "£1.15bn a year for 28,800 families, is £39,931 a family. A lower bound."},
}};
}
// clang-format on

// The flags most rows leave at their defaults, set by key so the rows above stay positional.
std::array<AssumptionSpec, kAssumptionCount> Table() {
    std::array<AssumptionSpec, kAssumptionCount> table = Rows();
    auto at = [&table](Key key) -> AssumptionSpec& { return table[static_cast<int>(key)]; };
    at(Key::current_teams).can_be_unknown = true; // counts nobody has published for most areas
    at(Key::teams_in_development).can_be_unknown = true;
    at(Key::local_risk).more = true; // refinements the briefing leaves at rest: "More assumptions"
    at(Key::wider_prevalence).more = true;
    at(Key::wider_access).more = true;
    // Addresses only where the briefing gives one or a DOI was checked against the publisher's record.
    at(Key::prevalence).source_url = kVanIJzendoorn1999Url;
    at(Key::wider_prevalence).source_url = kMadigan2023Url;
    at(Key::current_teams).source_url = kTeamsNetworkUrl; // the briefing's footnote 1 for "45 teams"
    at(Key::teams_in_development).source_url = kTeamsNetworkUrl;
    return table;
}

const std::array<AssumptionSpec, kAssumptionCount> kTable = Table();

std::string ValueText(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "infinity" : "-infinity";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

} // namespace

const std::array<AssumptionSpec, kAssumptionCount>& AssumptionTable() { return kTable; }

const AssumptionSpec& Spec(Key key) { return kTable[static_cast<int>(key)]; }

const AssumptionSpec* FindSpec(std::string_view key) {
    for (const AssumptionSpec& spec : kTable)
        if (key == spec.key) return &spec;
    return nullptr;
}

std::optional<double> Assumptions::Get(Key key) const {
    if (!Known(key)) return std::nullopt;
    return (*this)[key];
}

bool SetUnknown(Assumptions& assumptions, Key key) {
    if (!Spec(key).can_be_unknown) return false;
    assumptions.unknown[static_cast<int>(key)] = true;
    assumptions[key] = 0;
    return true;
}

Assumptions Assumptions::Defaults() {
    Assumptions result;
    for (const AssumptionSpec& spec : kTable) result[spec.id] = spec.default_value;
    return result;
}

Ranges Ranges::Defaults() {
    Ranges result;
    for (const AssumptionSpec& spec : kTable)
        if (spec.has_published_range) result[spec.id] = ValueRange{spec.published_low, spec.published_high};
    return result;
}

std::string RangeText(const AssumptionSpec& spec) {
    const int decimals = spec.whole_number ? 0 : 2;
    auto trim = [](std::string text) {
        if (text.find('.') != std::string::npos) {
            while (!text.empty() && text.back() == '0') text.pop_back();
            if (!text.empty() && text.back() == '.') text.pop_back();
        }
        return text;
    };
    std::string text = trim(FormatNumber(spec.min, decimals)) + " to " + trim(FormatNumber(spec.max, decimals));
    if (spec.is_percent)
        text += "%";
    else
        text += std::string(" ") + spec.unit;
    return text;
}

std::string DisplayValue(const AssumptionSpec& spec, double value) {
    std::string text = FormatNumber(value, spec.whole_number ? 0 : spec.decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text + (spec.is_percent ? "%" : "");
}

std::string CheckValue(const AssumptionSpec& spec, double value) {
    if (!std::isfinite(value))
        return std::string(spec.label) + ": " + ValueText(value) + " is not a number; valid range " + RangeText(spec) + ".";
    if (value < spec.min || value > spec.max)
        return std::string(spec.label) + ": " + ValueText(value) + " is outside the valid range " + RangeText(spec) + ".";
    return {};
}

bool ApplyValue(Assumptions& assumptions, Key key, double value, std::vector<Problem>* problems) {
    const AssumptionSpec& spec = Spec(key);
    if (!std::isfinite(value)) {
        if (problems)
            problems->push_back({spec.key, std::string(spec.label) + ": " + ValueText(value) +
                                                " is not a number; valid range " + RangeText(spec) + ". Kept " +
                                               DisplayValue(spec, assumptions[key]) + "."});
        return false;
    }
    double applied = value;
    if (applied < spec.min) applied = spec.min;
    if (applied > spec.max) applied = spec.max;
    if (spec.whole_number) applied = std::round(applied);
    if (applied != value && problems) {
        const bool out_of_range = value < spec.min || value > spec.max;
        problems->push_back(
            {spec.key, std::string(spec.label) + ": " + ValueText(value) +
                           (out_of_range ? " is outside the valid range " + RangeText(spec)
                                         : " must be a whole number (" + RangeText(spec) + ")") +
                           "; used " + DisplayValue(spec, applied) + "."});
    }
    assumptions[key] = applied;
    assumptions.unknown[static_cast<int>(key)] = false;
    return true;
}

bool IsValid(const Assumptions& assumptions) {
    for (const AssumptionSpec& spec : kTable) {
        if (!assumptions.Known(spec.id)) {
            if (!spec.can_be_unknown) return false;
            continue;
        }
        if (!CheckValue(spec, assumptions[spec.id]).empty()) return false;
    }
    return true;
}

} // namespace teams

namespace teams {

std::string RangeKey(const AssumptionSpec& spec, RangeEnd end) {
    return std::string(spec.key) + (end == RangeEnd::low ? "_low" : "_high");
}

std::string RangeLabel(const AssumptionSpec& spec, RangeEnd end) {
    return std::string(spec.label) + (end == RangeEnd::low ? ", low end of the range" : ", high end of the range");
}

bool ApplyRange(Ranges& ranges, const Assumptions& assumptions, Key key, std::optional<double> low,
                std::optional<double> high, std::vector<Problem>* problems) {
    const AssumptionSpec& spec = Spec(key);
    ValueRange range = ranges[key].value_or(ValueRange{assumptions[key], assumptions[key]});
    bool applied_any = false;
    for (const RangeEnd end : {RangeEnd::low, RangeEnd::high}) {
        const std::optional<double>& given = end == RangeEnd::low ? low : high;
        if (!given) continue;
        const std::string field = RangeKey(spec, end);
        const std::string label = RangeLabel(spec, end);
        double& target = end == RangeEnd::low ? range.low : range.high;
        const double value = *given;
        if (!std::isfinite(value)) {
            if (problems)
                problems->push_back({field, label + ": " + ValueText(value) + " is not a number; valid range " +
                                                RangeText(spec) + ". Kept " + DisplayValue(spec, target) + "."});
            continue;
        }
        double applied = value < spec.min ? spec.min : value > spec.max ? spec.max : value;
        if (spec.whole_number) applied = std::round(applied);
        if (applied != value && problems) {
            const bool out_of_range = value < spec.min || value > spec.max;
            problems->push_back({field, label + ": " + ValueText(value) +
                                            (out_of_range ? " is outside the valid range " + RangeText(spec)
                                                          : " must be a whole number (" + RangeText(spec) + ")") +
                                            "; used " + DisplayValue(spec, applied) + "."});
        }
        target = applied;
        applied_any = true;
    }
    if (!applied_any) return false;
    if (range.low > range.high) {
        if (problems)
            problems->push_back({RangeKey(spec, RangeEnd::low),
                                 RangeLabel(spec, RangeEnd::low) + ": " + DisplayValue(spec, range.low) +
                                     " is above the high end " + DisplayValue(spec, range.high) + "; swapped them (valid range " +
                                     RangeText(spec) + ")."});
        std::swap(range.low, range.high);
    }
    ranges[key] = range;
    return true;
}

std::string CheckRange(const AssumptionSpec& spec, double low, double high) {
    for (const RangeEnd end : {RangeEnd::low, RangeEnd::high}) {
        const double value = end == RangeEnd::low ? low : high;
        const std::string problem = CheckValue(spec, value);
        if (!problem.empty()) return RangeLabel(spec, end) + problem.substr(std::string(spec.label).size());
    }
    if (low > high)
        return RangeLabel(spec, RangeEnd::low) + ": " + DisplayValue(spec, low) + " is above the high end " +
               DisplayValue(spec, high) + "; the low must not be above the high (valid range " + RangeText(spec) + ").";
    return {};
}

} // namespace teams
