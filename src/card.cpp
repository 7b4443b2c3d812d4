// The summary card's words and colours (see card.h).
#include "card.h"

#include "json_writer.h"
#include "presets.h"
#include "working.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace teams {

const CardPalette& CardColours() {
    static const CardPalette palette;
    return palette;
}

namespace {

bool ParseColour(const char* hex, double rgb[3]) {
    if (!hex || std::strlen(hex) != 7 || hex[0] != '#') return false;
    for (int i = 0; i < 3; ++i) {
        int value = 0;
        for (int j = 1; j <= 2; ++j) {
            const char c = hex[i * 2 + j];
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        rgb[i] = value / 255.0;
    }
    return true;
}

double RelativeLuminance(const double rgb[3]) {
    double linear[3];
    for (int i = 0; i < 3; ++i)
        linear[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : std::pow((rgb[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

// The assumptions the card may name besides births, in the order they are filled when the scenario
// changed none of them.
constexpr Key kCardFallbacks[] = {Key::prevalence, Key::caseload, Key::access};

// Those whose change moves the answer (the pace, the counts and the money do not).
bool MovesTheAnswer(Key key) {
    switch (key) {
    case Key::cohort_years:
    case Key::prevalence:
    case Key::local_risk:
    case Key::access:
    case Key::wider_prevalence:
    case Key::wider_access:
    case Key::caseload:
        return true;
    default:
        return false;
    }
}

CardKeyAssumption KeyAssumption(const Scenario& scenario, Key key) {
    const AssumptionSpec& spec = Spec(key);
    return {spec.label, scenario.assumptions.Known(key) ? DisplayValue(spec, scenario.assumptions[key]) : kNotKnown};
}

} // namespace

double ContrastRatio(const char* a, const char* b) {
    double first[3], second[3];
    if (!ParseColour(a, first) || !ParseColour(b, second)) return 1;
    const double la = RelativeLuminance(first), lb = RelativeLuminance(second);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Card MakeCard(const Scenario& scenario, const Results& results, const Scenario* pinned, const Results* pinned_results) {
    const Results& r = results;
    Card card;
    card.question_before = "How many parent-infant relationship teams does ";
    card.area = scenario.area.empty() ? "your area" : scenario.area;
    card.question_after = " need?";
    card.answer = CountText(static_cast<double>(r.teams_needed_whole), "team", "teams");
    if (!r.current_teams || !r.teams_gap || !r.teams_gap_whole) {
        card.against = "teams today not known";
    } else {
        card.against = "against " + TeamsTodayText(r) + ": " +
                       (*r.teams_gap > 0 ? CountText(static_cast<double>(std::max(*r.teams_gap_whole, 1LL)), "more needed",
                                                     "more needed")
                                         : std::string("enough for the need"));
    }
    card.today = r.current_teams;
    card.developing = r.current_teams ? r.teams_in_development.value_or(0) : 0;
    card.needed = r.teams_needed;
    if (r.current_teams) {
        card.today_label = "Today: " + CountText(*r.current_teams, "team", "teams");
        if (card.developing > 0) card.today_label += " (+" + FormatNumber(card.developing) + " in development)";
    } else {
        card.today_label = "Today: not known";
    }
    card.needed_label = "Needed: " + card.answer;

    // Births, then what this scenario changed, then the briefing's main figures.
    std::vector<Key> keys = {Key::births};
    for (const AssumptionSpec& spec : AssumptionTable())
        if (keys.size() < 3 && MovesTheAnswer(spec.id) && SourceFor(scenario, spec.id) == "your value" &&
            (spec.id != Key::wider_prevalence || scenario.assumptions[Key::wider_access] > 0))
            keys.push_back(spec.id);
    for (Key key : kCardFallbacks)
        if (keys.size() < 3 && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    // The sources of the figures shown (the briefing's own are the method's), once each.
    std::vector<std::string> sources;
    bool yours = false;
    const auto cite = [&](Key key) {
        const std::string source = SourceFor(scenario, key);
        if (source == "your value")
            yours = true;
        else if (source.rfind("Parent-Infant Foundation briefing", 0) != 0 &&
                 std::find(sources.begin(), sources.end(), source) == sources.end())
            sources.push_back(source);
    };
    for (Key key : keys) {
        card.key_assumptions.push_back(KeyAssumption(scenario, key));
        cite(key);
    }
    if (r.current_teams) cite(Key::current_teams);
    card.source = "Method: Parent-Infant Foundation briefing (2023).";
    if (!sources.empty() || yours) {
        card.source += " Figures:";
        for (std::size_t i = 0; i < sources.size(); ++i) card.source += (i ? "; " : " ") + sources[i];
        if (yours) card.source += sources.empty() ? " your own" : "; your own";
        card.source += ".";
    }
    if (pinned && pinned_results)
        card.compared = "Compared with A, " + pinned->name + ": " +
                        CountText(static_cast<double>(pinned_results->teams_needed_whole), "team", "teams");
    return card;
}

ShareWords MakeShareWords(const Scenario& scenario, const Results& r, const Scenario* pinned,
                          const Results* pinned_results) {
    ShareWords words;
    words.headline = scenario.area + " needs";
    words.number = FormatNumber(static_cast<double>(r.teams_needed_whole), 0);
    words.detail = "specialised parent-infant relationship teams, to reach " + FormatNumber(r.babies_to_reach, 0) +
                   " babies a year (" + FormatNumber(r.share_of_cohort, 1) +
                   "% of babies aged 0\xE2\x80\x93"
                   "2)";
    if (const std::string range = RangeWords(scenario, r); !range.empty()) words.detail += "; " + range;
    if (pinned && pinned_results) // the side-by-side pair: A's answer beside this one
        words.detail += ". A (" + pinned->name +
                        "): " + FormatNumber(static_cast<double>(pinned_results->teams_needed_whole), 0) + " teams";
    return words;
}

std::string CardJson(const Scenario& scenario, const Results& results, const Scenario* pinned,
                     const Results* pinned_results, const std::string& query) {
    const Card made = MakeCard(scenario, results, pinned, pinned_results);
    const ShareWords words = MakeShareWords(scenario, results, pinned, pinned_results);
    const CardPalette& colours = CardColours();
    JsonWriter card;
    card.Object()
        .Field("headline", words.headline)
        .Field("number", words.number)
        .Field("detail", words.detail)
        .Key("question")
        .Strings({made.question_before, made.area, made.question_after})
        .Field("answer", made.answer)
        .Field("against", made.against);
    card.Field("today", made.today) // null: no bar
        .Field("developing", made.developing)
        .Field("needed", made.needed)
        .Field("today_label", made.today_label)
        .Field("needed_label", made.needed_label);
    card.Key("assumptions").Array();
    for (const CardKeyAssumption& a : made.key_assumptions) card.Strings({a.label, a.value});
    card.End();
    card.Field("source", made.source).Field("compared", made.compared);
    card.Key("colours")
        .Object()
        .Field("background", colours.background)
        .Field("text", colours.text)
        .Field("muted", colours.muted)
        .Field("answer", colours.answer)
        .Field("gap", colours.gap)
        .Field("today_bar", colours.today_bar)
        .Field("developing_bar", colours.developing_bar)
        .Field("needed_bar", colours.needed_bar)
        .Field("track", colours.track)
        .End();
    card.Field("query", query);
    return card.End().Text();
}

} // namespace teams
