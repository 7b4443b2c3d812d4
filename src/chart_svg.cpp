// See chart_svg.h. Colours are the light theme's (web/theme: the canvas's palette), as paper is white.
#include "chart_svg.h"

#include "markup.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace teams {

namespace {

struct Paint {
    const char* colour;
    float opacity;
};

Paint PaintFor(ChartRole role) {
    switch (role) {
    case ChartRole::Text:
        return {"#1d1d1f", 1};
    case ChartRole::TextDim:
        return {"#565862", 1};
    case ChartRole::Accent:
        return {"#0b7a75", 1};
    case ChartRole::AccentSoft:
        return {"#0b7a75", 90.0f / 255};
    case ChartRole::Gap:
        return {"#d66c12", 1};
    case ChartRole::Risk:
        return {"#c83e5f", 1};
    case ChartRole::Grid:
        return {"#000000", 22.0f / 255};
    case ChartRole::Panel:
        return {"#ececE6", 1};
    }
    return {"#000000", 1};
}

// Up to two decimals, without trailing zeros: 12, 12.5, 12.25.
std::string Num(double v) {
    if (!std::isfinite(v)) v = 0;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string Opacity(const char* attribute, float opacity) {
    if (opacity >= 0.999f) return "";
    return std::string(" ") + attribute + "=\"" + Num(std::round(opacity * 1000) / 1000) + "\"";
}

} // namespace

std::string ChartsSvg(const std::vector<Chart>& charts, const std::string& subject) {
    const float pad = 16, heading = 28, gap = 20;
    float width = 0, height = pad;
    for (const Chart& chart : charts) {
        width = std::max(width, chart.width);
        height += heading + chart.height + gap;
    }
    width += 2 * pad;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " + Num(width) + " " + Num(height) +
                      "\" font-family=\"Inter, 'Helvetica Neue', Arial, sans-serif\">\n<title>" +
                      EscapeXml(subject.empty() ? "Pictures" : subject + ": pictures") +
                      "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    float y = pad;
    SvgOptions options;
    options.standalone = false;
    options.subject = subject;
    for (const Chart& chart : charts) {
        out += "<text x=\"" + Num(pad) + "\" y=\"" + Num(y + 18) +
               "\" font-size=\"18\" font-weight=\"600\" fill=\"#1d1d1f\">" + EscapeXml(chart.title) +
               "</text>\n<g transform=\"translate(" + Num(pad) + " " + Num(y + heading) + ")\">\n" +
               ChartSvg(chart, options) + "</g>\n";
        y += heading + chart.height + gap;
    }
    out += "</svg>\n";
    return out;
}

std::string ChartSvg(const Chart& chart, const SvgOptions& options) {
    const std::string title = options.subject.empty() ? chart.title : options.subject + ": " + chart.title;
    const std::string id = EscapeXml(chart.id);
    std::string out;
    if (options.standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(chart.width * options.scale) + "\" height=\"" +
           Num(chart.height * options.scale) + "\" viewBox=\"0 0 " + Num(chart.width) + " " + Num(chart.height) +
           "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" class=\"chart chart-" + id +
           "\" font-family=\"Inter, 'Helvetica Neue', Arial, sans-serif\" font-size=\"" + Num(chart.text_size) +
           "\">\n";
    out += "<title id=\"" + id + "-title\">" + EscapeXml(title) + "</title>\n";
    out += "<desc id=\"" + id + "-desc\">" + EscapeXml(chart.description) + "</desc>\n";
    const float ox = chart.origin_x, oy = chart.origin_y;
    for (const ChartMark& source : chart.marks) {
        ChartMark m = source; // in the chart's own frame
        m.x0 -= ox, m.x1 -= ox, m.ax -= ox;
        m.y0 -= oy, m.y1 -= oy;
        const Paint paint = PaintFor(m.role);
        const float opacity = paint.opacity * m.alpha;
        switch (m.kind) {
        case MarkKind::Rect: {
            const float w = std::fabs(m.x1 - m.x0), h = std::fabs(m.y1 - m.y0);
            const float rx = std::fmin(m.radius, std::fmin(w, h) * 0.5f);
            out += "<rect x=\"" + Num(std::fmin(m.x0, m.x1)) + "\" y=\"" + Num(std::fmin(m.y0, m.y1)) + "\" width=\"" +
                   Num(w) + "\" height=\"" + Num(h) + "\"" + (rx > 0 ? " rx=\"" + Num(rx) + "\"" : std::string()) +
                   " fill=\"" + paint.colour + "\"" + Opacity("fill-opacity", opacity) + "/>\n";
            break;
        }
        case MarkKind::Line:
            out += "<line x1=\"" + Num(m.x0) + "\" y1=\"" + Num(m.y0) + "\" x2=\"" + Num(m.x1) + "\" y2=\"" +
                   Num(m.y1) + "\" stroke=\"" + paint.colour + "\" stroke-width=\"" + Num(m.thickness) + "\"" +
                   Opacity("stroke-opacity", opacity) + " stroke-linecap=\"butt\"/>\n";
            break;
        case MarkKind::Circle:
            out += "<circle cx=\"" + Num(m.x0) + "\" cy=\"" + Num(m.y0) + "\" r=\"" + Num(m.radius) + "\"";
            if (m.thickness > 0)
                out += std::string(" fill=\"none\" stroke=\"") + paint.colour + "\" stroke-width=\"" +
                       Num(m.thickness) + "\"" + Opacity("stroke-opacity", opacity) + "/>\n";
            else
                out += std::string(" fill=\"") + paint.colour + "\"" + Opacity("fill-opacity", opacity) + "/>\n";
            break;
        case MarkKind::Label: {
            // The model's y is the top of the line; Inter's baseline sits at 0.8 of the line height.
            const char* anchor = m.anchor == TextAnchor::Middle ? "middle"
                                 : m.anchor == TextAnchor::End  ? "end"
                                                                : "start";
            out += "<text x=\"" + Num(m.ax) + "\" y=\"" + Num(m.y0 + chart.text_size * 0.8f) + "\" fill=\"" +
                   paint.colour + "\"" + Opacity("fill-opacity", opacity) +
                   (m.anchor == TextAnchor::Start ? std::string() : std::string(" text-anchor=\"") + anchor + "\"") +
                   ">";
            if (m.text.find('\n') == std::string::npos) {
                out += EscapeXml(m.text);
            } else { // one tspan a line
                size_t start = 0;
                for (bool first = true; start <= m.text.size(); first = false) {
                    const size_t end = std::min(m.text.find('\n', start), m.text.size());
                    out += "<tspan x=\"" + Num(m.ax) + "\"" +
                           (first ? std::string() : " dy=\"" + Num(chart.text_size) + "\"") + ">" +
                           EscapeXml(m.text.substr(start, end - start)) + "</tspan>";
                    start = end + 1;
                }
            }
            out += "</text>\n";
            break;
        }
        }
    }
    // Each point's band, invisible, with its readout as a tooltip (a viewer's hover).
    for (const ChartPoint& point : chart.points)
        out += "<rect x=\"" + Num(point.x0 - ox) + "\" y=\"" + Num(point.y0 - oy) + "\" width=\"" +
               Num(point.x1 - point.x0) + "\" height=\"" + Num(point.y1 - point.y0) +
               "\" fill=\"#000000\" fill-opacity=\"0\"><title>" + EscapeXml(point.text) + "</title></rect>\n";
    out += "</svg>\n";
    return out;
}

} // namespace teams
