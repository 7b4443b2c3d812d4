// The calculator's state: one struct for everything on screen, and the few functions that change it
// (the link in and out, Recalculate, SetValue). Every section of the screen includes this; it
// includes no section. Knows nothing of the browser (no Emscripten here).
#pragma once

#include "controls.h"
#include "estimator.h"
#include "scenario.h"

#include "imgui.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct AppFonts {
    ImFont* body = nullptr;    // 16 px Inter Regular: labels, values, working
    ImFont* small = nullptr;   // 13.5 px Inter Regular: sources and notes
    ImFont* heading = nullptr; // 20 px Inter SemiBold: headings and the headline's words
    ImFont* big = nullptr;     // 60 px Inter SemiBold, digits only: the headline's number
    float pixel_ratio = 0;     // the device pixel ratio the atlas was rasterised for
    float text_scale = 0;      // and the text scale (AppState::text_scale)
    bool name_letters = false; // the atlas also holds the letters of kNameRanges (see NeedsNameLetters)
    int glyphs = 0;            // glyphs in the atlas, all fonts
};

// Colours of one theme, shared by the widgets and the charts. Text colours reach 4.5:1 against the
// background, and border (every control's boundary) and focus (the keyboard's ring) 3:1.
struct Palette {
    ImU32 background, text, text_dim, accent, accent_soft, gap, gap_soft, risk, grid, panel;
    ImU32 border = 0, focus = 0, button = 0, button_text = 0;
};

// How the visitor's system asks for contrast: as designed, more contrast (prefers-contrast: more),
// or its own colours (forced-colors: active, e.g. Windows' contrast themes).
enum class Contrast { Normal, More, Forced };

// The system's colours under forced-colors (CSS system colours), read by the page.
struct SystemColours {
    ImU32 canvas = 0, canvas_text = 0, highlight = 0, highlight_text = 0, button_face = 0, button_text = 0,
          gray_text = 0;
};

// What a compact embed (?embed=1) shows beyond its headline, gap picture, sliders and footer: each
// section only when the link's show= names it (README, "Embedding"). The full page shows them all.
struct ShownSections {
    bool presets = true;  // show=presets: the "Start from" menu
    bool share = true;    // show=share: copy link, share, downloads, print (never "Copy embed code" in an embed)
    bool compare = true;  // show=compare: pin A to compare with B
    bool money = true;    // show=money: what it costs and what it returns
    bool ranges = true;   // show=ranges: the range rows, the break-even line, "Which assumption matters most"
    bool pictures = true; // show=pictures: "Scaling up" and "100 babies"
    bool working = true;  // show=working: the working, open
};

// What a sharing button asks the page to do.
enum class PageAction { None, CopyLink, Share, DownloadCsv, DownloadPng, DownloadSvg, Print, CopyEmbed, OpenLink };

struct AppState {
    // What the visitor is looking at.
    teams::Scenario scenario;
    teams::Results results;
    std::vector<teams::Problem> notices; // problems with the page's link, shown until dismissed
    // Link parameters that are not the estimator's (embed=1, theme=dark ...): kept in the address bar.
    std::vector<std::pair<std::string, std::string>> other_params;

    // Display options.
    bool embed = false;                    // ?embed=1: compact layout without page chrome (issue 4)
    std::vector<std::string> only_sliders; // ?sliders=prevalence,access: just these (empty: all)
    ShownSections shown;                   // in an embed, the sections show= names (all on the full page)
    int theme_override = 0;                // ?theme=: 0 follows the system, 1 light, 2 dark
    bool dark = false;                     // the theme in use
    Contrast contrast = Contrast::Normal;  // with the contrast the system asks for
    SystemColours system_colours;          // used when contrast is Forced
    float text_scale = 1;                  // the browser's root font size / 16 px: text and spacing scale with it
    bool show_working = true;              // "Show the working" is open
    bool show_more = false;                // "More assumptions" is open (OpenMoreIfChanged opens it)
    std::vector<std::string> open_about;   // assumptions whose explanation (the ⓘ beside the label) is open
    int scale_up_point = -1;               // the scale-up chart's year tapped or clicked (its readout stays), or -1
    Palette palette{};
    AppFonts fonts;

    // Layout, in CSS pixels.
    float scroll_offset = 0;                         // set by the glue each frame from the page's scroll position
    float content_height = 0;                        // measured by DrawApp: the page makes room for this much
    float scroll_request = -1;                       // DrawApp asks the page to scroll here (keyboard focus off screen)
    // Every control drawn this frame, and the page's requests for them (controls.h): the accessible
    // layer, widgetRect() and the tests read it. A section adds each control it draws.
    ControlList controls;

    // Set when the scenario changed (by a widget or the page's API); the glue then updates the
    // address bar and the accessible mirror.
    bool scenario_changed = false;
    bool publish_now = false; // skip the throttle for the next update (page API, presets)
    double last_change_time = -1;

    // Sharing and keeping: DrawApp sets the action; the glue carries it out and reports back a note.
    PageAction action = PageAction::None;
    bool can_share = false;  // the browser has navigator.share
    bool can_embed = false;  // the page can build an embed code (not on file://)
    std::string action_note; // "Link copied." until the next action
    std::string open_value_field; // an assumption's key: open its number field after this frame
    std::string link_to_open;     // PageAction::OpenLink: a source's address, opened in a new tab

    // Two scenarios side by side: the one pinned as A (the visitor goes on changing B, the current
    // one). Travels in the link as pin=<A's own query>.
    std::optional<teams::Scenario> pinned;
    teams::Results pinned_results;

    // Statistics for the page's API.
    long long frames_drawn = 0;
    double last_frame_ms = 0;
};

// Startup: the link's scenario (bad values are clamped or ignored and become notices).
void LoadScenarioFromLink(AppState& state, const std::string& query);
// The address bar's query for the current scenario, with the non-estimator parameters kept.
std::string CurrentQuery(const AppState& state);
// Recomputes the results after the scenario changed.
void Recalculate(AppState& state);
// Sets one assumption as a control asks (clamped into range like every input, problems reported
// when asked for); a count becomes known. Births other than the preset's make the scenario a local
// one whose counts, unless given, are not known (teams::KeepAreaFiguresApart). When anything
// changed, marks the scenario changed and recalculates.
void SetValue(AppState& state, teams::Key key, double value, std::vector<teams::Problem>* problems = nullptr);
// Marks a count not known again (the "Not known" button beside its slider, or "unknown" typed).
void SetNotKnown(AppState& state, teams::Key key);
// Sets or removes one assumption's range (ends clamped and ordered like every input), marking the
// scenario changed and recalculating when it changed.
void SetRange(AppState& state, teams::Key key, std::optional<teams::ValueRange> range);
// True when the scenario sets an assumption under "More assumptions" away from its default (or gives
// it a range), so that the group must be open: a changed value is never hidden.
bool MoreAssumptionsChanged(const teams::Scenario& scenario);
// Opens "More assumptions" when a scenario that replaced the current one (a link, a file, a preset)
// sets one of them; never closes it.
void OpenMoreIfChanged(AppState& state);
// Pins the current scenario as A, or clears the pin (std::nullopt).
void SetPinned(AppState& state, std::optional<teams::Scenario> pinned);
// The values the current preset starts from (the defaults when there is none): what Reset returns to.
teams::Assumptions PresetValues(const AppState& state);
