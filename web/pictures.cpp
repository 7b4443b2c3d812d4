// The pictures section (see pictures.h): headings and the three charts of charts.cpp, each in the
// control list as a picture with a text alternative that gives its numbers.
#include "pictures.h"

#include "charts.h"
#include "widgets.h"
#include "working.h"

#include <cmath>
#include <string>

using teams::Key;

namespace {

// The pictures' text alternatives: the numbers each one shows, in the words drawn on it.
std::string GapChartText(const AppState& state) {
    const teams::Results& r = state.results;
    std::string text = "Bar chart. ";
    text += r.current_teams ? "Today: " + teams::CountText(*r.current_teams, "team", "teams")
                            : std::string(teams::kTeamsTodayNotKnown);
    if (r.current_teams && r.teams_in_development && *r.teams_in_development > 0)
        text += " (+" + Whole(*r.teams_in_development) + " in development)";
    text += ". Needed: " + teams::CountText(static_cast<double>(r.teams_needed_whole), "team", "teams") + ". ";
    if (!r.teams_gap || !r.teams_gap_whole) return text + "The gap shows once today's teams are entered.";
    if (*r.teams_gap > 0) {
        text += "Gap: " + teams::CountText(static_cast<double>(*r.teams_gap_whole), "more team", "more teams");
        if (r.scale_factor)
            text += " (" + teams::FormatNumber(*r.scale_factor, *r.scale_factor < 10 ? 1 : 0) + "\xC3\x97 today)";
        return text + ".";
    }
    return text + "Today's teams meet the need (" + Whole(-*r.teams_gap) + " to spare).";
}

std::string PathChartText(const AppState& state) {
    const teams::Results& r = state.results;
    const double years = state.scenario.assumptions[Key::years_to_target];
    if (!r.current_teams || !r.teams_gap || !r.new_teams_per_year)
        return "Line chart of teams by year: it shows once today's teams are entered.";
    std::string text = "Line chart of teams by year, from " + Whole(*r.current_teams) + " now to the " +
                       Whole(static_cast<double>(r.teams_needed_whole)) + " needed in " +
                       teams::CountText(years, "year", "years") + ".";
    if (*r.teams_gap <= 0) return text + " Today's teams already meet the need.";
    text += " Straight line: " + teams::NewTeamsPerYearText(*r.new_teams_per_year) + ".";
    if (r.annual_growth_percent)
        text += " Steady growth: " + teams::FormatNumber(*r.annual_growth_percent, 0) + "% more teams each year.";
    return text;
}

std::string BabiesChartText(const AppState& state) {
    const teams::Results& r = state.results;
    const double cohort = r.cohort_babies > 0 ? r.cohort_babies : 1;
    const bool wider = state.scenario.assumptions[Key::wider_access] > 0;
    const double at_risk = (r.babies_at_risk + (wider ? r.babies_at_risk_wider : 0.0)) / cohort * 100.0;
    auto percent = [](double v) { return teams::FormatNumber(v, std::fabs(v - std::round(v)) < 0.05 ? 0 : 1); };
    return "Grid of 100 babies aged 0\xE2\x80\x93"
           "2: " +
           percent(at_risk) + " are at risk and " + percent(r.share_of_cohort) +
           " would be reached by a team each year.";
}

// A picture and its entry in the control list, with its text alternative.
template <typename DrawFn>
void Picture(AppState& state, const char* title, const std::string& text, DrawFn draw) {
    Heading(state, title);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw();
    Control picture;
    picture.role = ControlRole::Image;
    picture.key = std::string("picture_") + title;
    picture.name = title;
    picture.value_text = text;
    RecordControlArea(state.controls, std::move(picture), top,
                      ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y));
}

} // namespace

void DrawGapPicture(AppState& state, float width) {
    Picture(state, "Today against the need", GapChartText(state), [&] { DrawGapChart(state, width); });
}

void DrawPictures(AppState& state, float width, bool with_gap) {
    if (with_gap) {
        DrawGapPicture(state, width);
        ImGui::Spacing();
        ImGui::Spacing();
    }
    // A compact embed draws the others only when its link asks (AppState::shown).
    if (state.shown.pictures) {
        Picture(state, "Scaling up", PathChartText(state), [&] { DrawPathChart(state, width, teams::kScaleUpHeight * state.text_scale); });
        ImGui::Spacing();
        ImGui::Spacing();
        Picture(state, "100 babies", BabiesChartText(state), [&] { DrawBabiesChart(state, width); });
    }
    if (!state.results.sensitivity.empty() && state.shown.ranges) {
        if (state.shown.pictures) {
            ImGui::Spacing();
            ImGui::Spacing();
        }
        const teams::Chart tornado = teams::TornadoChart(state.scenario, state.results, width, CanvasChartLayout(state));
        Picture(state, "Which assumption matters most", "Bar chart. " + tornado.description,
                [&] { DrawTornadoChart(state, width); });
    }
}
