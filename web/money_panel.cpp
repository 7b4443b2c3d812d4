// The money panel (see money_panel.h). Plain Dear ImGui over the estimator; no browser calls here.
#include "money_panel.h"

#include "presets.h"
#include "widgets.h"
#include "working.h"

using teams::Key;

void DrawMoneyPanel(AppState& state) {
    const teams::Results& r = state.results;
    const Palette& p = state.palette;
    Heading(state, "What it costs, and what it returns");
    std::string main = "About " + teams::RoundedPounds(r.annual_cost) + " a year in all";
    if (!r.gap_annual_cost)
        main += "; the cost beyond today's teams is not known until today's teams are entered";
    else if (*r.gap_annual_cost <= 0)
        main += ", which today's teams already cover";
    else
        main += ", " + teams::RoundedPounds(*r.gap_annual_cost) + " more than today's teams";
    main += ". One year's support is worth over " + teams::RoundedPounds(r.lifetime_value, true) +
            " across those children's lives.";
    WrappedText(p.text, main);
    if (!r.sensitivity.empty() && r.annual_cost_range.high > r.annual_cost_range.low) {
        std::string range = "Over the ranges: " + teams::RoundedPounds(r.annual_cost_range.low) + " to " +
                            teams::RoundedPounds(r.annual_cost_range.high) + " a year in all";
        if (r.gap_annual_cost_range)
            range += ", " + teams::RoundedPounds(r.gap_annual_cost_range->low) + " to " +
                     teams::RoundedPounds(r.gap_annual_cost_range->high) + " beyond today's teams";
        range += "; lifetime value " + teams::RoundedPounds(r.lifetime_value_range.low, true) + " to " +
                 teams::RoundedPounds(r.lifetime_value_range.high, true) + ".";
        WrappedText(p.text_dim, range);
    }
    ImGui::PushFont(state.fonts.small);
    WrappedText(p.text_dim, "Cost: " + teams::Pounds(state.scenario.assumptions[Key::cost_per_baby]) +
                                " a baby a year (" + teams::SourceFor(state.scenario, Key::cost_per_baby) +
                                "; the Foundation's \xC2\xA3" "73m a year for 39,200 babies). Value: over " +
                                teams::Pounds(state.scenario.assumptions[Key::value_per_child]) + " a child (" +
                                teams::SourceFor(state.scenario, Key::value_per_child) +
                                "). The two figures come from different studies; compare them with care.");
    ImGui::PopFont();
}
