// The calculator's screen (see app.h): headline, sliders from the assumption table, pictures and the
// working. Plain Dear ImGui over the estimator; no Emscripten, no browser calls here.
//
// Index:
//  [SECTION] Scenario and link
//  [SECTION] Fonts and theme
//  [SECTION] Small helpers
//  [SECTION] Headline
//  [SECTION] Assumptions: presets and sliders
//  [SECTION] Pictures and working
//  [SECTION] DrawApp
//  [SECTION] Accessible mirror
#include "app.h"

#include "charts.h"
#include "presets.h"
#include "text_wrap.h"
#include "url_codec.h"
#include "value_field.h"
#include "working.h"

#include "imgui_internal.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

extern const unsigned char kFontRegular[];
extern const unsigned int kFontRegularSize;
extern const unsigned char kFontSemiBold[];
extern const unsigned int kFontSemiBoldSize;

using teams::AssumptionSpec;
using teams::Key;

// [SECTION] Scenario and link

namespace {

// "prevalence,access" -> the assumption keys it names; unknown names are left out and named in a
// notice (the first few, shortened), with the keys that exist.
std::vector<std::string> SliderKeys(const std::string& param, const std::string& list,
                                    std::vector<teams::Problem>& notices) {
    std::vector<std::string> keys;
    std::string unknown;
    int unknown_count = 0;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string key = list.substr(start, comma - start);
        if (teams::FindSpec(key)) {
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
        } else if (!key.empty() && ++unknown_count <= 5) {
            unknown += (unknown.empty() ? "\"" : ", \"") + teams::CleanLabel(key, 40) + "\"";
        }
        start = comma + 1;
    }
    if (unknown_count > 0) {
        std::string known;
        for (const teams::AssumptionSpec& spec : teams::AssumptionTable())
            known += (known.empty() ? "" : ", ") + std::string(spec.key);
        notices.push_back({param, param + ": " + unknown + (unknown_count > 5 ? " and others" : "") +
                                      (unknown_count == 1 ? " is not an assumption" : " are not assumptions") +
                                      "; the keys are " + known + "."});
    }
    return keys;
}

} // namespace

void LoadScenarioFromLink(AppState& state, const std::string& query) {
    teams::QueryResult parsed = teams::ScenarioFromQuery(query, teams::Scenario{});
    state.scenario = parsed.scenario;
    state.notices = parsed.problems;
    state.other_params = parsed.other;
    for (const auto& [key, value] : state.other_params) {
        if (key == "embed")
            state.embed = value == "1" || value == "true";
        else if (key == "theme")
            state.theme_override = value == "light" ? 1 : (value == "dark" ? 2 : 0);
        else if (key == "show" || key == "sliders") // show= as in the README; sliders= also works
            state.only_sliders = SliderKeys(key, value, state.notices);
    }
    state.show_working = !state.embed; // embeds start compact
    Recalculate(state);
}

std::string CurrentQuery(const AppState& state) {
    std::string query = teams::ScenarioToQuery(state.scenario);
    for (const auto& [key, value] : state.other_params)
        query += (query.empty() ? "" : "&") + teams::PercentEncode(key) + "=" + teams::PercentEncode(value);
    return query;
}

void Recalculate(AppState& state) {
    state.results = teams::Estimate(state.scenario.assumptions);
}

// [SECTION] Fonts and theme

namespace {

// Everything the calculator's own text uses: ASCII, the symbols of its sentences and the box below.
const ImWchar kTextRanges[] = {0x0020, 0x007E, 0x00D7, 0x00D7, 0x00F7, 0x00F7, 0x2013, 0x2014, 0x2018,
                               0x2019, 0x201C, 0x201D, 0x2022, 0x2022, 0x2026, 0x2026, 0x2212, 0x2212,
                               0x2248, 0x2248, 0x2260, 0x2260, 0x2264, 0x2265, 0x25A1, 0x25A1, 0};
const ImWchar kHeadingRanges[] = {0x0020, 0x007E, 0x00D7, 0x00D7, 0x2013, 0x2014, 0x2019,
                                  0x2019, 0x2212, 0x2212, 0x2248, 0x2248, 0};
// Letters and signs a name from a link, a file or the page's API may need beyond those: Latin-1
// (French, Irish, Scottish Gaelic), Welsh's circumflexed w and y, quotes, the euro, arrows.
// Rasterised only once such a name is on screen. The headings' SemiBold subset has none of them (nor
// the box): they come from Regular, merged in.
const ImWchar kNameRanges[] = {0x00A0, 0x00FF, 0x0152, 0x0153, 0x0174, 0x0178, 0x201A, 0x201A,
                               0x201E, 0x201E, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x25A1, 0x25A1, 0};
const ImWchar kBoxRange[] = {0x25A1, 0x25A1, 0};
// Drawn for characters the fonts lack (emoji, other scripts): a box reads as "cannot show", a '?'
// as part of the name.
constexpr ImWchar kMissingGlyph = 0x25A1;

void UseBoxForMissingGlyphs(ImFont* font) {
    const ImFontGlyph* box = font->FindGlyphNoFallback(kMissingGlyph);
    if (!box) return;
    font->FallbackChar = kMissingGlyph;
    font->FallbackGlyph = box;
    font->FallbackAdvanceX = box->AdvanceX;
    for (int c = 0; c < font->IndexLookup.Size; ++c)
        if (font->IndexLookup[c] == static_cast<ImWchar>(-1)) font->IndexAdvanceX[c] = box->AdvanceX;
}
const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x002C, 0x002E, 0x0030, 0x0039, 0};

ImFont* AddFont(const unsigned char* data, unsigned int size, float css_px, float ratio, const ImWchar* ranges,
                bool merge = false) {
    ImFontConfig config;
    config.MergeMode = merge;
    config.FontDataOwnedByAtlas = false; // the bytes are a constant array in the binary
    config.OversampleH = 1;              // rasterised at the device's own pixel size: no oversampling
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // ImGui does not write to the data; the cast only satisfies its signature.
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                      css_px * ratio, &config, ranges);
}

ImU32 Rgb(int r, int g, int b, int a = 255) {
    return IM_COL32(r, g, b, a);
}

ImVec4 Vec(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

} // namespace

void LoadFonts(AppState& state, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const bool names = state.fonts.name_letters;
    state.fonts.body = AddFont(kFontRegular, kFontRegularSize, 16.0f, pixel_ratio, kTextRanges);
    if (names) AddFont(kFontRegular, kFontRegularSize, 16.0f, pixel_ratio, kNameRanges, true);
    state.fonts.small = AddFont(kFontRegular, kFontRegularSize, 13.5f, pixel_ratio, kTextRanges);
    if (names) AddFont(kFontRegular, kFontRegularSize, 13.5f, pixel_ratio, kNameRanges, true);
    state.fonts.heading = AddFont(kFontSemiBold, kFontSemiBoldSize, 20.0f, pixel_ratio, kHeadingRanges);
    AddFont(kFontRegular, kFontRegularSize, 20.0f, pixel_ratio, names ? kNameRanges : kBoxRange, true);
    state.fonts.big = AddFont(kFontSemiBold, kFontSemiBoldSize, 60.0f, pixel_ratio, kDigitRanges);
    io.Fonts->Build();
    state.fonts.glyphs = 0;
    for (ImFont* font : io.Fonts->Fonts) {
        UseBoxForMissingGlyphs(font);
        state.fonts.glyphs += font->Glyphs.Size;
    }
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = state.fonts.body;
    state.fonts.pixel_ratio = pixel_ratio;
}

bool NeedsNameLetters(const AppState& state) {
    if (state.fonts.name_letters) return false;
    for (const std::string* text : {&state.scenario.area, &state.scenario.name, &state.action_note}) {
        const char* p = text->c_str();
        const char* end = p + text->size();
        while (p < end) {
            unsigned int c = 0;
            p += ImTextCharFromUtf8(&c, p, end);
            for (const ImWchar* range = kNameRanges; range[0]; range += 2)
                if (c >= range[0] && c <= range[1] && c != kMissingGlyph) return true;
        }
    }
    return false;
}

void ApplyTheme(AppState& state, bool dark) {
    state.dark = dark;
    Palette& p = state.palette;
    if (dark) {
        p = {Rgb(21, 23, 26),        Rgb(236, 236, 236), Rgb(168, 172, 180),    Rgb(53, 196, 181),
             Rgb(53, 196, 181, 110), Rgb(242, 155, 75),  Rgb(242, 155, 75, 60), Rgb(229, 111, 136),
             Rgb(255, 255, 255, 28), Rgb(36, 40, 46)};
    } else {
        p = {Rgb(250, 250, 247), Rgb(29, 29, 31),       Rgb(86, 88, 98),  Rgb(11, 122, 117), Rgb(11, 122, 117, 90),
             Rgb(214, 108, 18),  Rgb(214, 108, 18, 40), Rgb(200, 62, 95), Rgb(0, 0, 0, 22),  Rgb(236, 236, 230)};
    }
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.PopupRounding = 6;
    style.ChildRounding = 8;
    style.GrabMinSize = 22;
    style.ItemSpacing = ImVec2(10, 8);
    style.FramePadding = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 6);
    style.ScrollbarSize = 12;
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    ImVec4* c = style.Colors;
    const ImU32 frame = dark ? Rgb(44, 48, 55) : Rgb(226, 228, 222);
    const ImU32 frame_hover = dark ? Rgb(56, 61, 70) : Rgb(214, 217, 210);
    const ImU32 button = dark ? Rgb(48, 53, 61) : Rgb(232, 233, 228);
    c[ImGuiCol_Text] = Vec(p.text);
    c[ImGuiCol_TextDisabled] = Vec(p.text_dim);
    c[ImGuiCol_WindowBg] = Vec(p.background);
    c[ImGuiCol_ChildBg] = Vec(p.panel);
    c[ImGuiCol_PopupBg] = Vec(dark ? Rgb(32, 35, 40) : Rgb(255, 255, 255));
    c[ImGuiCol_Border] = Vec(dark ? Rgb(70, 75, 84) : Rgb(200, 202, 196));
    c[ImGuiCol_FrameBg] = Vec(frame);
    c[ImGuiCol_FrameBgHovered] = Vec(frame_hover);
    c[ImGuiCol_FrameBgActive] = Vec(frame_hover);
    c[ImGuiCol_SliderGrab] = Vec(p.accent);
    c[ImGuiCol_SliderGrabActive] = Vec(p.accent);
    c[ImGuiCol_Button] = Vec(button);
    c[ImGuiCol_ButtonHovered] = Vec(frame_hover);
    c[ImGuiCol_ButtonActive] = Vec(p.accent_soft);
    c[ImGuiCol_Header] = Vec(button);
    c[ImGuiCol_HeaderHovered] = Vec(frame_hover);
    c[ImGuiCol_HeaderActive] = Vec(p.accent_soft);
    c[ImGuiCol_CheckMark] = Vec(p.accent);
    c[ImGuiCol_Separator] = Vec(p.grid);
    c[ImGuiCol_TableRowBg] = Vec(Rgb(0, 0, 0, 0));
    c[ImGuiCol_TableRowBgAlt] = Vec(p.panel);
    c[ImGuiCol_TableBorderLight] = Vec(p.grid);
    c[ImGuiCol_TableBorderStrong] = Vec(p.grid);
    c[ImGuiCol_NavHighlight] = Vec(p.gap);
    c[ImGuiCol_TextSelectedBg] = Vec(p.accent_soft);
}

// [SECTION] Small helpers

void RecordWidgetRect(AppState& state, const std::string& key) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImVec2 window = ImGui::GetWindowPos();
    const float scroll = ImGui::GetScrollY();
    ContentRect rect;
    rect.x = min.x - window.x;
    rect.y = min.y - window.y + scroll;
    rect.width = max.x - min.x;
    rect.height = max.y - min.y;
    state.widget_rects[key] = rect;

    // Keyboard focus moved here while off screen: ask the page to scroll it into view.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (ImGui::IsItemFocused() && g.NavId != state.last_focus_id) {
        state.last_focus_id = g.NavId;
        const float view_height = ImGui::GetIO().DisplaySize.y;
        if (!g.NavDisableHighlight &&
            (rect.y < state.scroll_offset || rect.y + rect.height > state.scroll_offset + view_height))
            state.scroll_request = std::max(0.0f, rect.y - view_height * 0.3f);
    }
}

// The value as the sliders show it: "15%", "595,948 babies/year", "2 years", "1.5×".
std::string ValueText(const AssumptionSpec& spec, double value) {
    int decimals = spec.whole_number ? 0 : spec.decimals;
    if (!spec.whole_number && std::fabs(value - std::round(value)) < 1e-9) decimals = 0;
    std::string text = teams::FormatNumber(value, decimals);
    if (spec.is_percent) return text + "%";
    if (std::strcmp(spec.unit, "x") == 0) return text + "\xC3\x97"; // ×
    return text + " " + spec.unit;
}

namespace {

std::string Whole(double value) {
    return teams::FormatNumber(value, 0);
}

// Two significant figures: 398 -> 400, 264.9 -> 260, 1234 -> 1,200.
double AboutValue(double value) {
    if (!(value > 0)) return 0;
    const double power = std::pow(10.0, std::floor(std::log10(value)) - 1);
    return std::round(value / power) * power;
}

// Snaps a value from a slider or a - / + button onto the table's step grid, with no binary-fraction
// tails (0.15, not 0.15000000000000002), so the link stays short.
double SnapToStep(const AssumptionSpec& spec, double value) {
    if (!(spec.step > 0)) return value;
    int decimals = 0;
    while (decimals < 6 &&
           std::fabs(spec.step * std::pow(10.0, decimals) - std::round(spec.step * std::pow(10.0, decimals))) > 1e-9)
        ++decimals;
    const double scale = std::pow(10.0, decimals);
    return std::round(std::round(value / spec.step) * spec.step * scale) / scale;
}

// Sliders over a wide range move on a log scale so that Wales' 26,832 births are as easy to set
// as England's 595,948.
bool IsLogScale(const AssumptionSpec& spec) {
    return spec.max - spec.min >= 500 && spec.max >= 100 * std::max(spec.min, 1.0);
}

float SliderPosition(const AssumptionSpec& spec, double value) {
    if (IsLogScale(spec))
        return static_cast<float>((std::log1p(value) - std::log1p(spec.min)) /
                                  (std::log1p(spec.max) - std::log1p(spec.min)));
    return static_cast<float>((value - spec.min) / (spec.max - spec.min));
}

double SliderValue(const AssumptionSpec& spec, float position) {
    const double t = std::clamp(static_cast<double>(position), 0.0, 1.0);
    double value;
    if (IsLogScale(spec)) {
        value = std::expm1(std::log1p(spec.min) + t * (std::log1p(spec.max) - std::log1p(spec.min)));
        // Three significant figures, at least the step's precision for small values.
        if (value >= 1000) {
            const double unit = std::pow(10.0, std::floor(std::log10(value)) - 2);
            value = std::round(value / unit) * unit;
        } else {
            value = std::round(value);
        }
    } else {
        value = SnapToStep(spec, spec.min + t * (spec.max - spec.min));
    }
    return std::clamp(value, spec.min, spec.max);
}

teams::Assumptions PresetValues(const AppState& state) {
    const teams::Preset* preset = teams::FindPreset(state.scenario.preset);
    return preset ? preset->assumptions : teams::Assumptions::Defaults();
}

void SetValue(AppState& state, Key key, double value) {
    const double before = state.scenario.assumptions[key];
    teams::ApplyValue(state.scenario.assumptions, key, value, nullptr);
    if (state.scenario.assumptions[key] != before) {
        state.scenario_changed = true;
        Recalculate(state);
    }
}

void ColouredText(ImU32 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

void Heading(const AppState& state, const char* text) {
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

} // namespace

void WrappedText(ImU32 colour, const std::string& text) {
    // Inside the wrap position the caller pushed, or the column's end when there is none.
    const float wrap_pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    const float width = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_pos < 0.0f ? 0.0f : wrap_pos);
    const std::string lines = teams::WrapAtSpaces(text, width, [](std::string_view piece) {
        return ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x;
    });
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    ImGui::PopStyleColor();
}

// [SECTION] Headline

namespace {

void DrawHeadline(AppState& state) {
    const teams::Results& r = state.results;
    const teams::Assumptions& a = state.scenario.assumptions;
    const Palette& p = state.palette;

    ImGui::PushFont(state.fonts.heading);
    WrappedText(p.text, state.scenario.area + " needs");
    ImGui::PopFont();
    ImGui::PushFont(state.fonts.big);
    ColouredText(p.accent, Whole(static_cast<double>(r.teams_needed_whole)));
    ImGui::PopFont();
    ImGui::PushFont(state.fonts.heading);
    WrappedText(p.text, "specialised parent-infant relationship teams");
    ImGui::PopFont();

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

    // The gap to today.
    const double current = a[Key::current_teams];
    const double developing = a[Key::teams_in_development];
    const double years = a[Key::years_to_target];
    std::string today = Whole(current) + (current == 1 ? " team" : " teams") + " today";
    if (developing > 0) today += " (+" + Whole(developing) + " in development)";
    std::string gap;
    if (r.teams_gap > 0) {
        if (r.scale_factor)
            gap = teams::FormatNumber(*r.scale_factor, *r.scale_factor < 10 ? 1 : 0) + "\xC3\x97 today: ";
        gap += Whole(static_cast<double>(r.teams_gap_whole)) + " more teams.";
    } else {
        gap = "Enough to meet the need (" + Whole(-r.teams_gap) + " to spare).";
    }
    ImGui::PushFont(state.fonts.heading);
    WrappedText(p.gap, today);
    WrappedText(p.gap, gap);
    ImGui::PopFont();
    if (r.teams_gap > 0) {
        std::string pace = "About " + Whole(std::ceil(r.new_teams_per_year)) + " new teams a year";
        if (r.annual_growth_percent)
            pace += ", or " + teams::FormatNumber(*r.annual_growth_percent, 0) + "% growth a year";
        pace += ", over " + Whole(years) + (years == 1 ? " year." : " years.");
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
        {"copy_embed", "Copy embed code", PageAction::CopyEmbed},
    };
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = touch_sized ? 44.0f : ImGui::GetFrameHeight();
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const ShareButton& button : buttons) {
        if ((button.action == PageAction::Share && !state.can_share) ||
            (button.action == PageAction::CopyEmbed && !state.can_embed)) {
            state.widget_rects.erase(button.key);
            continue;
        }
        const float width = ImGui::CalcTextSize(button.label).x + style.FramePadding.x * 2;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        first = false;
        if (ImGui::Button(button.label, ImVec2(width, height))) {
            state.action = button.action;
            state.action_note.clear();
        }
        RecordWidgetRect(state, button.key);
    }
    if (!state.action_note.empty()) {
        ImGui::PushFont(state.fonts.small);
        WrappedText(state.palette.accent, state.action_note);
        ImGui::PopFont();
    }
}

// [SECTION] Assumptions: presets and sliders

void DrawPresetPicker(AppState& state) {
    const std::vector<teams::Preset>& presets = teams::Presets();
    const teams::Preset* current = teams::FindPreset(state.scenario.preset);
    ImGui::TextUnformatted("Start from");
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string preview = current ? current->label : std::string("Your own values");
    // At least 44 px tall on a touch-sized layout, like every touch target there.
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const bool touch_sized = ImGui::GetIO().DisplaySize.x < 600;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x, touch_sized ? (46.0f - ImGui::GetFontSize()) * 0.5f : padding.y));
    const bool combo_open = ImGui::BeginCombo("##preset", preview.c_str(), ImGuiComboFlags_HeightLarge);
    ImGui::PopStyleVar();
    if (combo_open) {
        for (const teams::Preset& preset : presets) {
            const bool selected = current && current->id == preset.id;
            if (ImGui::Selectable(preset.label.c_str(), selected)) {
                state.scenario = teams::ScenarioFromPreset(preset);
                state.scenario_changed = true;
                state.publish_now = true;
                Recalculate(state);
            }
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    RecordWidgetRect(state, "preset");
    if (current && !current->note.empty()) {
        ImGui::PushFont(state.fonts.small);
        WrappedText(state.palette.text_dim, current->note);
        ImGui::PopFont();
    }
}

void DrawAssumption(AppState& state, const AssumptionSpec& spec, bool touch_sized) {
    const Palette& p = state.palette;
    const double value = state.scenario.assumptions[spec.id];
    const double preset_value = PresetValues(state)[spec.id];
    ImGui::PushID(spec.key);

    // Label on the left, value on the right.
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string value_text = ValueText(spec, value);
    const float value_w = ImGui::CalcTextSize(value_text.c_str()).x;
    const float start_x = ImGui::GetCursorPosX();
    ImGui::PushTextWrapPos(start_x + std::max(width - value_w - 16, width * 0.4f));
    ImGui::TextUnformatted(spec.label);
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) ImGui::SetTooltip("%s", spec.help);
    ImGui::SameLine();
    ImGui::SetCursorPosX(start_x + width - value_w);
    ColouredText(p.accent, value_text);
    RecordValueTarget(state, spec.key, touch_sized); // a tap on the value opens a number field

    // [-] slider [+]
    const float height = touch_sized ? 44.0f : ImGui::GetFrameHeight();
    const float button_w = touch_sized ? 44.0f : height + 4;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.6f;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, ImGui::GetStyle().ItemSpacing.y));
    ImGui::PushFont(state.fonts.heading);
    if (ImGui::Button("\xE2\x88\x92##minus", ImVec2(button_w, height))) // − (minus sign)
        SetValue(state, spec.id, SnapToStep(spec, value - spec.step));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(width - 2 * (button_w + spacing), 60.0f));
    float position = SliderPosition(spec, value);
    const float pad_y = (height - ImGui::GetFontSize()) * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad_y));
    // Activated from the keyboard (Space), the arrow keys step by the table's step, not by ImGui's
    // 1% of the slider's travel.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID slider_id = ImGui::GetID("##slider");
    const bool keyboard_active = g.ActiveId == slider_id && g.ActiveIdSource != ImGuiInputSource_Mouse;
    const bool moved =
        ImGui::SliderFloat("##slider", &position, 0.0f, 1.0f, "",
                           ImGuiSliderFlags_NoInput | ImGuiSliderFlags_NoRoundToFormat | ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopStyleVar();
    RecordWidgetRect(state, spec.key);
    // Enter on a slider that has the keyboard's focus opens the number field, as a click on the value
    // does, so an exact value can be typed without a pointer. Enter also took hold of the slider (as
    // Space does): let go, as the field has the keyboard.
    if (ImGui::IsItemFocused() &&
        (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))) {
        state.open_value_field = spec.key;
        if (g.ActiveId == slider_id) ImGui::ClearActiveID();
    }
    if (keyboard_active) {
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            SetValue(state, spec.id, SnapToStep(spec, value - spec.step));
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow))
            SetValue(state, spec.id, SnapToStep(spec, value + spec.step));
    } else if (moved) {
        SetValue(state, spec.id, SliderValue(spec, position));
    }
    ImGui::SameLine();
    ImGui::PushFont(state.fonts.heading);
    if (ImGui::Button("+##plus", ImVec2(button_w, height)))
        SetValue(state, spec.id, SnapToStep(spec, value + spec.step));
    ImGui::PopFont();
    ImGui::PopStyleVar();

    // Source, and a reset to the preset's value when it differs.
    // On a touch-sized layout Reset is a 44 px target. Its row grows when it appears; only what lies
    // below the slider being dragged moves, never the slider under the finger.
    ImGui::PushFont(state.fonts.small);
    const bool changed = state.scenario.assumptions[spec.id] != preset_value;
    const char* reset = "Reset";
    const float reset_pad = ImGui::GetStyle().FramePadding.x * (touch_sized ? 3.0f : 2.0f);
    const float reset_w = changed ? ImGui::CalcTextSize(reset).x + reset_pad * 2 : 0;
    ImGui::PushTextWrapPos(start_x + width - reset_w - 8);
    WrappedText(p.text_dim, "Source: " + teams::SourceFor(state.scenario, spec.id));
    ImGui::PopTextWrapPos();
    if (changed) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(start_x + width - reset_w);
        const bool pressed = touch_sized ? ImGui::Button(reset, ImVec2(reset_w, 44.0f)) : ImGui::SmallButton(reset);
        if (pressed) SetValue(state, spec.id, preset_value);
        RecordWidgetRect(state, std::string("reset_") + spec.key);
    }
    ImGui::PopFont();
    ImGui::PopID();
}

void DrawAssumptions(AppState& state, bool touch_sized) {
    Heading(state, "Assumptions");
    DrawPresetPicker(state);
    ImGui::Spacing();
    for (const AssumptionSpec& spec : teams::AssumptionTable()) {
        const std::vector<std::string>& only = state.only_sliders;
        if (!only.empty() && std::find(only.begin(), only.end(), spec.key) == only.end()) continue;
        ImGui::Spacing();
        DrawAssumption(state, spec, touch_sized);
    }
}

// [SECTION] Pictures and working

void DrawPictures(AppState& state, float width) {
    Heading(state, "Today against the need");
    DrawGapChart(state, width);
    ImGui::Spacing();
    ImGui::Spacing();
    Heading(state, "Scaling up");
    DrawPathChart(state, width, 220);
    ImGui::Spacing();
    ImGui::Spacing();
    Heading(state, "100 babies");
    DrawBabiesChart(state, width);
}

void DrawWorking(AppState& state, bool wide) {
    const Palette& p = state.palette;
    ImGui::PushFont(state.fonts.heading);
    ImGui::SetNextItemOpen(state.show_working);
    const ImVec2 padding = ImGui::GetStyle().FramePadding; // at least 44 px tall on a touch-sized layout
    const bool touch_sized = ImGui::GetIO().DisplaySize.x < 600;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x, touch_sized ? (46.0f - ImGui::GetFontSize()) * 0.5f : padding.y));
    state.show_working = ImGui::CollapsingHeader("Show the working");
    ImGui::PopStyleVar();
    ImGui::PopFont();
    RecordWidgetRect(state, "show_working");
    if (!state.show_working) return;
    const std::vector<teams::WorkingStep> steps = teams::ShowWorking(state.scenario, state.results);
    if (wide) {
        // Step | calculation | result | source, one row per step.
        const float total = ImGui::GetContentRegionAvail().x;
        ImGui::Columns(4, "working", false);
        const float shares[4] = {0.2f, 0.38f, 0.16f, 0.26f};
        for (int i = 0; i < 4; ++i)
            ImGui::SetColumnWidth(i, total * shares[i]);
        const char* headings[4] = {"Step", "Calculation", "Result", "Source"};
        for (const char* heading : headings) {
            ColouredText(p.text_dim, heading);
            ImGui::NextColumn();
        }
        ImGui::Separator();
        for (const teams::WorkingStep& step : steps) {
            WrappedText(p.text, step.label);
            ImGui::NextColumn();
            WrappedText(p.text, step.formula);
            ImGui::NextColumn();
            WrappedText(p.accent, step.value);
            ImGui::NextColumn();
            ImGui::PushFont(state.fonts.small);
            WrappedText(p.text_dim, step.source);
            ImGui::PopFont();
            ImGui::NextColumn();
            ImGui::Separator();
        }
        ImGui::Columns(1);
    } else {
        for (const teams::WorkingStep& step : steps) {
            ImGui::Spacing();
            WrappedText(p.text, step.label + ": " + step.value);
            WrappedText(p.text_dim, step.formula);
            ImGui::PushFont(state.fonts.small);
            WrappedText(p.text_dim, "Source: " + step.source);
            ImGui::PopFont();
        }
    }
    ImGui::Spacing();
    ImGui::PushFont(state.fonts.small);
    WrappedText(p.text_dim,
                "Method: Parent-Infant Foundation, \xE2\x80\x9C"
                "400 specialised parent-infant relationship teams needed "
                "for England\xE2\x80\x9D (2023). Teams needed = births \xC3\x97 years \xC3\x97 % at risk \xC3\x97 "
                "% reached \xC3\xB7 families per team.");
    ImGui::PopFont();
}

} // namespace

// [SECTION] DrawApp

void DrawApp(AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    const float width = io.DisplaySize.x;
    const bool wide = width >= 860;
    const bool touch_sized = width < 600;
    const float max_content = 1180;
    const float side = std::max(wide ? 32.0f : 16.0f, (width - max_content) * 0.5f);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::SetNextWindowScroll(ImVec2(0, state.scroll_offset));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, wide ? 24.0f : 16.0f));
    // No window background: the frame is cleared to the same colour. A blended quad over the whole
    // canvas is the costliest thing in a frame where the GPU is slow to fill (software WebGL doubled
    // its time per frame, and the delay before a dragged slider follows the pointer).
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("Calculator", nullptr, flags);
    ImGui::PopStyleVar();

    if (wide) {
        // Two columns: the answer and its pictures on the left, the assumptions on the right.
        const float column_gap = 40.0f;
        const float total = ImGui::GetContentRegionAvail().x;
        ImGui::Columns(2, "layout", false);
        ImGui::SetColumnWidth(0, (total + column_gap) * 0.5f);
        const float left_width = ImGui::GetContentRegionAvail().x - column_gap;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_width);
        DrawHeadline(state);
        ImGui::Spacing();
        DrawShareButtons(state, touch_sized);
        ImGui::Spacing();
        ImGui::Spacing();
        DrawPictures(state, left_width);
        ImGui::PopTextWrapPos();
        ImGui::NextColumn();
        DrawAssumptions(state, touch_sized);
        ImGui::Columns(1);
    } else {
        DrawHeadline(state);
        ImGui::Spacing();
        DrawShareButtons(state, touch_sized);
        ImGui::Spacing();
        ImGui::Spacing();
        DrawAssumptions(state, touch_sized);
        ImGui::Spacing();
        ImGui::Spacing();
        DrawPictures(state, ImGui::GetContentRegionAvail().x);
    }
    ImGui::Spacing();
    ImGui::Spacing();
    DrawWorking(state, wide);

    state.content_height = std::ceil(ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y);
    ImGui::End();
}

// [SECTION] Accessible mirror

std::string MirrorJson(const AppState& state) {
    nlohmann::ordered_json mirror;
    const std::string summary = teams::SummarySentence(state.scenario, state.results);
    mirror["summary"] = summary;
    mirror["canvasLabel"] = "Parent-infant relationship teams calculator. " + summary;
    nlohmann::ordered_json assumptions = nlohmann::ordered_json::array();
    for (const AssumptionSpec& spec : teams::AssumptionTable())
        assumptions.push_back({spec.label, ValueText(spec, state.scenario.assumptions[spec.id]),
                               teams::SourceFor(state.scenario, spec.id)});
    mirror["assumptions"] = assumptions;
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const teams::WorkingStep& step : teams::ShowWorking(state.scenario, state.results))
        results.push_back({step.label, step.value, step.formula});
    mirror["results"] = results;
    return mirror.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string NoticeJson(const AppState& state) {
    nlohmann::ordered_json notice = nlohmann::ordered_json::array();
    for (const teams::Problem& problem : state.notices)
        notice.push_back(problem.message);
    return notice.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string CardJson(const AppState& state) {
    const teams::Results& r = state.results;
    const teams::Assumptions& a = state.scenario.assumptions;
    nlohmann::ordered_json card;
    card["headline"] = state.scenario.area + " needs";
    card["number"] = Whole(static_cast<double>(r.teams_needed_whole));
    card["detail"] = "specialised parent-infant relationship teams, to reach " + Whole(r.babies_to_reach) +
                     " babies a year (" + teams::FormatNumber(r.share_of_cohort, 1) +
                     "% of babies aged 0\xE2\x80\x93"
                     "2)";
    std::string gap;
    if (r.teams_gap > 0) {
        gap = Whole(a[Key::current_teams]) + " teams today: " + Whole(static_cast<double>(r.teams_gap_whole)) +
              " more needed";
        if (r.scale_factor)
            gap += " (" + teams::FormatNumber(*r.scale_factor, *r.scale_factor < 10 ? 1 : 0) + "\xC3\x97 today)";
    } else {
        gap = Whole(a[Key::current_teams]) + " teams today: enough to meet the need";
    }
    card["gap"] = gap;
    std::string pace;
    if (r.teams_gap > 0) {
        pace = "About " + Whole(std::ceil(r.new_teams_per_year)) + " new teams a year";
        if (r.annual_growth_percent)
            pace += ", or " + teams::FormatNumber(*r.annual_growth_percent, 0) + "% growth a year";
        pace += ", over " + Whole(a[Key::years_to_target]) + " years";
    }
    card["pace"] = pace;
    card["today"] = a[Key::current_teams];
    card["developing"] = a[Key::teams_in_development];
    card["needed"] = r.teams_needed;
    nlohmann::ordered_json assumptions = nlohmann::ordered_json::array();
    for (const AssumptionSpec& spec : teams::AssumptionTable())
        assumptions.push_back({spec.label, ValueText(spec, a[spec.id])});
    card["assumptions"] = assumptions;
    card["query"] = CurrentQuery(state);
    card["source"] = "Method: Parent-Infant Foundation briefing (2023). Figures: ONS, StatsWales, NRS, NISRA, "
                     "Parent-Infant Foundation and the studies cited in the calculator.";
    return card.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
