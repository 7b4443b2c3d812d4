// Small drawing helpers every section shares (see widgets.h). Plain Dear ImGui over the estimator.
#include "widgets.h"

#include "text_wrap.h"
#include "working.h"

#include "imgui_internal.h"

#include <algorithm>
#include <cmath>
#include <cstring>

using teams::AssumptionSpec;

// The value as the sliders show it: "15%", "595,948 babies/year", "2 years", "1.5×".
std::string ValueText(const AssumptionSpec& spec, double value) {
    int decimals = spec.whole_number ? 0 : spec.decimals;
    if (!spec.whole_number && std::fabs(value - std::round(value)) < 1e-9) decimals = 0;
    std::string text = teams::FormatNumber(value, decimals);
    if (spec.is_percent) return text + "%";
    if (std::strcmp(spec.unit, "x") == 0) return text + "\xC3\x97"; // ×
    if (std::strncmp(spec.unit, "\xC2\xA3/", 3) == 0) return "\xC2\xA3" + text + (spec.unit + 2); // £1,862/baby/year
    return text + " " + spec.unit;
}

std::string ValueText(const AssumptionSpec& spec, const teams::Assumptions& assumptions) {
    if (!assumptions.Known(spec.id)) return teams::kNotKnown;
    return ValueText(spec, assumptions[spec.id]);
}

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

namespace {

// Sliders over a wide range move on a log scale so that Wales' 26,832 births are as easy to set
// as England's 595,948.
bool IsLogScale(const AssumptionSpec& spec) {
    return spec.max - spec.min >= 500 && spec.max >= 100 * std::max(spec.min, 1.0);
}

} // namespace

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

void ColouredText(ImU32 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

void Heading(AppState& state, const char* text) {
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    Control heading;
    heading.role = ControlRole::Heading;
    heading.key = std::string("heading_") + text;
    heading.name = text;
    RecordControl(state.controls, std::move(heading));
}

bool RecordButton(AppState& state, const std::string& key, const std::string& name, const std::string& text) {
    Control button;
    button.role = ControlRole::Button;
    button.key = key;
    button.name = name;
    button.value_text = text;
    return RecordControl(state.controls, std::move(button)).action == ControlAction::Press;
}

void LinkText(AppState& state, const std::string& key, const std::string& text, const std::string& url) {
    const float wrap_pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    const float width = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_pos < 0.0f ? 0.0f : wrap_pos);
    const std::string lines = teams::WrapAtSpaces(text, width, [](std::string_view piece) {
        return ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x;
    });
    const ImVec2 size = ImGui::CalcTextSize(lines.c_str(), lines.c_str() + lines.size());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(("##" + key).c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = state.palette.accent;
    const float line_height = ImGui::GetTextLineHeight();
    float y = at.y;
    for (std::size_t start = 0; start <= lines.size();) {
        std::size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size();
        const char* first = lines.c_str() + start;
        const char* last = lines.c_str() + end;
        draw->AddText(ImVec2(at.x, y), colour, first, last);
        const float line_width = ImGui::CalcTextSize(first, last).x;
        draw->AddLine(ImVec2(at.x, y + line_height - 1.0f), ImVec2(at.x + line_width, y + line_height - 1.0f), colour, 1.0f);
        y += line_height;
        start = end + 1;
    }
    Control link;
    link.role = ControlRole::Link;
    link.key = key;
    link.name = text;
    link.href = url;
    const bool stand_in = RecordControl(state.controls, std::move(link)).action == ControlAction::Press;
    if (pressed || stand_in) {
        state.link_to_open = url;
        state.action = PageAction::OpenLink;
    }
}

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
