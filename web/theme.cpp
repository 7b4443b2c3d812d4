// Fonts and colours: the Inter subsets and the light and dark palettes (see theme.h).
// Plain Dear ImGui; no Emscripten, no browser calls here.
#include "theme.h"

#include "imgui_internal.h"

extern const unsigned char kFontRegular[];
extern const unsigned int kFontRegularSize;
extern const unsigned char kFontSemiBold[];
extern const unsigned int kFontSemiBoldSize;

namespace {

// Everything the calculator's own text uses: ASCII, the symbols of its sentences and the box below.
const ImWchar kTextRanges[] = {0x0020, 0x007E, 0x00A3, 0x00A3, 0x00D7, 0x00D7, 0x00F7, 0x00F7, 0x2013, 0x2014, 0x2018,
                               0x2019, 0x201C, 0x201D, 0x2022, 0x2022, 0x2026, 0x2026, 0x2212, 0x2212,
                               0x2248, 0x2248, 0x2260, 0x2260, 0x2264, 0x2265, 0x25A1, 0x25A1, 0};
const ImWchar kHeadingRanges[] = {0x0020, 0x007E, 0x00A3, 0x00A3, 0x00D7, 0x00D7, 0x2013, 0x2014, 0x2019,
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
    const float k = state.text_scale; // the browser's text size setting: 24 px draws text 1.5x as large
    state.fonts.body = AddFont(kFontRegular, kFontRegularSize, 16.0f * k, pixel_ratio, kTextRanges);
    if (names) AddFont(kFontRegular, kFontRegularSize, 16.0f * k, pixel_ratio, kNameRanges, true);
    state.fonts.small = AddFont(kFontRegular, kFontRegularSize, 13.5f * k, pixel_ratio, kTextRanges);
    if (names) AddFont(kFontRegular, kFontRegularSize, 13.5f * k, pixel_ratio, kNameRanges, true);
    state.fonts.heading = AddFont(kFontSemiBold, kFontSemiBoldSize, 20.0f * k, pixel_ratio, kHeadingRanges);
    AddFont(kFontRegular, kFontRegularSize, 20.0f * k, pixel_ratio, names ? kNameRanges : kBoxRange, true);
    state.fonts.big = AddFont(kFontSemiBold, kFontSemiBoldSize, 60.0f * k, pixel_ratio, kDigitRanges);
    io.Fonts->Build();
    state.fonts.glyphs = 0;
    for (ImFont* font : io.Fonts->Fonts) {
        UseBoxForMissingGlyphs(font);
        state.fonts.glyphs += font->Glyphs.Size;
    }
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = state.fonts.body;
    state.fonts.pixel_ratio = pixel_ratio;
    state.fonts.text_scale = k;
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
    const bool more = state.contrast == Contrast::More;
    if (state.contrast == Contrast::Forced) {
        // The system's own colours: CSS's Canvas, CanvasText, Highlight, ButtonFace, ButtonText, GrayText.
        const SystemColours& sc = state.system_colours;
        const ImU32 h = sc.highlight;
        p = {sc.canvas, sc.canvas_text, sc.canvas_text, h, (h & 0x00FFFFFF) | 0x80000000, sc.canvas_text,
             (sc.canvas_text & 0x00FFFFFF) | 0x40000000, sc.gray_text, (sc.gray_text & 0x00FFFFFF) | 0x80000000,
             sc.canvas};
        p.border = sc.button_text;
        p.focus = h;
        p.button = sc.button_face;
        p.button_text = sc.button_text;
    } else if (dark) {
        p = {more ? Rgb(0, 0, 0) : Rgb(21, 23, 26),
             more ? Rgb(255, 255, 255) : Rgb(236, 236, 236),
             more ? Rgb(222, 224, 228) : Rgb(168, 172, 180),
             more ? Rgb(96, 232, 216) : Rgb(53, 196, 181),
             more ? Rgb(96, 232, 216, 130) : Rgb(53, 196, 181, 110),
             more ? Rgb(255, 184, 118) : Rgb(242, 155, 75),
             more ? Rgb(255, 184, 118, 70) : Rgb(242, 155, 75, 60),
             more ? Rgb(255, 140, 162) : Rgb(229, 111, 136),
             more ? Rgb(255, 255, 255, 70) : Rgb(255, 255, 255, 28),
             more ? Rgb(28, 30, 34) : Rgb(36, 40, 46)};
        p.border = more ? Rgb(200, 204, 210) : Rgb(110, 116, 126);
        p.focus = p.gap;
        p.button = more ? Rgb(20, 22, 26) : Rgb(48, 53, 61);
        p.button_text = p.text;
    } else {
        p = {more ? Rgb(255, 255, 255) : Rgb(250, 250, 247),
             more ? Rgb(0, 0, 0) : Rgb(29, 29, 31),
             more ? Rgb(48, 48, 54) : Rgb(86, 88, 98),
             more ? Rgb(0, 90, 86) : Rgb(11, 122, 117),
             more ? Rgb(0, 90, 86, 110) : Rgb(11, 122, 117, 90),
             more ? Rgb(138, 60, 0) : Rgb(172, 80, 0), // 5.2:1 on the page (the old #D66C12 was 3.3:1)
             more ? Rgb(138, 60, 0, 50) : Rgb(172, 80, 0, 40),
             more ? Rgb(160, 30, 62) : Rgb(200, 62, 95),
             more ? Rgb(0, 0, 0, 60) : Rgb(0, 0, 0, 22),
             more ? Rgb(238, 238, 238) : Rgb(236, 236, 230)};
        p.border = more ? Rgb(60, 60, 64) : Rgb(128, 130, 136); // 3.7:1 on the page
        p.focus = p.gap;
        p.button = more ? Rgb(255, 255, 255) : Rgb(232, 233, 228);
        p.button_text = p.text;
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
    // Every control has a boundary at 3:1 against the page (WCAG 1.4.11): fills alone are too pale.
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(state.text_scale); // a larger browser font: larger padding and spacing too
    ImVec4* c = style.Colors;
    const bool forced = state.contrast == Contrast::Forced;
    const ImU32 frame = forced ? p.button : more ? p.panel : dark ? Rgb(44, 48, 55) : Rgb(226, 228, 222);
    const ImU32 frame_hover = forced ? p.button : dark ? Rgb(56, 61, 70) : Rgb(214, 217, 210);
    const ImU32 button = p.button;
    c[ImGuiCol_Text] = Vec(p.text);
    c[ImGuiCol_TextDisabled] = Vec(p.text_dim);
    c[ImGuiCol_WindowBg] = Vec(p.background);
    c[ImGuiCol_ChildBg] = Vec(p.panel);
    c[ImGuiCol_PopupBg] = Vec(dark ? Rgb(32, 35, 40) : Rgb(255, 255, 255));
    c[ImGuiCol_Border] = Vec(p.border);
    c[ImGuiCol_BorderShadow] = Vec(Rgb(0, 0, 0, 0));
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
    c[ImGuiCol_NavHighlight] = Vec(p.focus);
    c[ImGuiCol_TextSelectedBg] = Vec(p.accent_soft);
}
