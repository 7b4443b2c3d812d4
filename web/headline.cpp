// The headline and the sharing buttons (see headline.h). Plain Dear ImGui; no browser calls here.
#include "headline.h"

#include "range_panel.h"
#include "widgets.h"
#include "working.h"

#include <cmath>

using teams::Key;

void DrawHeadline(AppState& state) {
    const teams::Results& r = state.results;
    const teams::Assumptions& a = state.scenario.assumptions;
    const Palette& p = state.palette;

    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushFont(state.fonts.heading);
    WrappedText(p.text, state.scenario.area + " needs");
    ImGui::PopFont();
    ImGui::PushFont(state.fonts.big);
    ColouredText(p.accent, Whole(static_cast<double>(r.teams_needed_whole)));
    ImGui::PopFont();
    ImGui::PushFont(state.fonts.heading);
    WrappedText(p.text, "specialised parent-infant relationship teams");
    ImGui::PopFont();
    // The three lines are one heading for a screen reader.
    Control headline;
    headline.role = ControlRole::Heading;
    headline.key = "headline";
    headline.name = state.scenario.area + " needs " + Whole(static_cast<double>(r.teams_needed_whole)) +
                    " specialised parent-infant relationship teams";
    if (const std::string range = teams::RangeWords(state.scenario, r); !range.empty())
        headline.name += " (" + range + ")";
    DrawHeadlineRange(state);
    RecordControlArea(state.controls, std::move(headline), top,
                      ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y));

    std::string detail;
    const double about = AboutValue(r.teams_needed);
    if (r.teams_needed >= 20 && about != static_cast<double>(r.teams_needed_whole))
        detail = "About " + Whole(about) + ". ";
    detail += "They would reach " + Whole(r.babies_to_reach) + " babies a year, " +
              teams::FormatNumber(r.share_of_cohort, 1) + "% of the " + Whole(r.cohort_babies) +
              " babies aged 0\xE2\x80\x93"
              "2.";
    WrappedText(p.text_dim, detail);
    ImGui::Spacing();

    // The gap to today, or a request for today's teams when they are not known.
    ImGui::PushFont(state.fonts.heading);
    if (!r.current_teams || !r.teams_gap || !r.teams_gap_whole) {
        WrappedText(p.gap, teams::kTeamsTodayNotKnown);
        ImGui::PopFont();
        WrappedText(p.text_dim, "The gap to today shows once you enter today's teams under Assumptions.");
        return;
    }
    const double years = a[Key::years_to_target];
    std::string today = teams::TeamsTodayText(r);
    if (r.teams_in_development && *r.teams_in_development > 0)
        today += " (+" + Whole(*r.teams_in_development) + " in development)";
    std::string gap;
    if (*r.teams_gap > 0) {
        if (r.scale_factor)
            gap = teams::FormatNumber(*r.scale_factor, *r.scale_factor < 10 ? 1 : 0) + "\xC3\x97 today: ";
        gap += teams::CountText(static_cast<double>(*r.teams_gap_whole), "more team", "more teams") + ".";
    } else {
        gap = "Enough to meet the need (" + Whole(-*r.teams_gap) + " to spare).";
    }
    WrappedText(p.gap, today);
    WrappedText(p.gap, gap);
    ImGui::PopFont();
    if (*r.teams_gap > 0 && r.new_teams_per_year) {
        std::string pace = teams::NewTeamsPerYearText(*r.new_teams_per_year);
        if (r.annual_growth_percent)
            pace += ", or " + teams::FormatNumber(*r.annual_growth_percent, 0) + "% growth a year";
        pace += ", over " + teams::CountText(years, "year", "years") + ".";
        WrappedText(p.text, pace);
    }
}

// Copy link, share, downloads and embed code, in a row that wraps on narrow screens.
void DrawShareButtons(AppState& state, bool touch_sized) {
    struct ShareButton {
        const char* key;
        const char* label;
        PageAction action;
    };
    const ShareButton buttons[] = {
        {"copy_link", "Copy link", PageAction::CopyLink},
        {"share", "Share\xE2\x80\xA6", PageAction::Share},
        {"download_csv", "Download CSV", PageAction::DownloadCsv},
        {"download_png", "Download picture", PageAction::DownloadPng},
        {"download_svg", "Download pictures (SVG)", PageAction::DownloadSvg},
        {"print", "Print or save as PDF", PageAction::Print},
        {"copy_embed", "Copy embed code", PageAction::CopyEmbed},
    };
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = touch_sized ? 44.0f : ImGui::GetFrameHeight();
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const ShareButton& button : buttons) {
        // No embed code inside an embed: it would only embed the embed.
        if ((button.action == PageAction::Share && !state.can_share) ||
            (button.action == PageAction::CopyEmbed && (!state.can_embed || state.embed)))
            continue;
        const float width = ImGui::CalcTextSize(button.label).x + style.FramePadding.x * 2;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        first = false;
        const bool clicked = ImGui::Button(button.label, ImVec2(width, height));
        if (RecordButton(state, button.key, button.label) || clicked) {
            state.action = button.action;
            state.action_note.clear();
        }
    }
    if (!state.action_note.empty()) {
        ImGui::PushFont(state.fonts.small);
        WrappedText(state.palette.accent, state.action_note);
        ImGui::PopFont();
    }
}
