// See qr.h. Nayuki's C edition: it reports text too long for any version by returning false.
#include "qr.h"

#include "markup.h"

#include <qrcodegen.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace teams {

std::optional<QrModules> EncodeQr(std::string_view text) {
    if (text.size() > kMaxQrBytes) return std::nullopt;
    // The library's buffers: the data (also its scratch space) and the code, each of the largest size.
    std::vector<std::uint8_t> data(qrcodegen_BUFFER_LEN_MAX), code(qrcodegen_BUFFER_LEN_MAX);
    std::copy(text.begin(), text.end(), data.begin());
    if (!qrcodegen_encodeBinary(data.data(), text.size(), code.data(), qrcodegen_Ecc_LOW, qrcodegen_VERSION_MIN,
                                qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true))
        return std::nullopt;
    QrModules out;
    out.size = qrcodegen_getSize(code.data());
    out.dark.resize(static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size));
    for (int y = 0; y < out.size; ++y)
        for (int x = 0; x < out.size; ++x)
            out.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(out.size) + static_cast<std::size_t>(x)] =
                qrcodegen_getModule(code.data(), x, y);
    return out;
}

std::string QrSvg(const QrModules& qr, float side, std::string_view label) {
    const int border = 4;
    const int total = qr.size + 2 * border;
    char number[32];
    std::snprintf(number, sizeof number, "%.2f", static_cast<double>(side));
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"" + std::string(number) +
                      "\" height=\"" + number + "\" viewBox=\"0 0 " + std::to_string(total) + " " +
                      std::to_string(total) + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" +
                      EscapeXml(label) + "\">";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"";
    // One run of dark modules a subpath: short, and no hairlines between neighbours.
    for (int y = 0; y < qr.size; ++y) {
        int x = 0;
        while (x < qr.size) {
            if (!qr.dark[static_cast<std::size_t>(y * qr.size + x)]) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.size && qr.dark[static_cast<std::size_t>(y * qr.size + end)])
                ++end;
            out += "M" + std::to_string(x + border) + " " + std::to_string(y + border) + "h" + std::to_string(end - x) +
                   "v1h-" + std::to_string(end - x) + "z";
            x = end;
        }
    }
    out += "\"/></svg>";
    return out;
}

} // namespace teams
