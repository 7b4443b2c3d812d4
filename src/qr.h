// A QR code for the scenario's link, from Nayuki's QR Code generator (third_party/qrcodegen, fetched
// from Debian's source package by tools/fetch_qrcodegen.sh), drawn as SVG for the printed brief.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace teams {

// The most bytes a QR code holds (version 40, low error correction, byte mode).
inline constexpr std::size_t kMaxQrBytes = 2953;

struct QrModules {
    int size = 0;           // modules a side (21 to 177)
    std::vector<bool> dark; // row by row, size x size
};

// None when the text is longer than kMaxQrBytes. Error correction is raised as far as the
// version the text needs allows (at least low, 7%).
std::optional<QrModules> EncodeQr(std::string_view text);

// An <svg> of the code with its 4-module quiet zone, `side` CSS pixels a side; `label` is its
// accessible name (escaped).
std::string QrSvg(const QrModules& qr, float side, std::string_view label);

} // namespace teams
