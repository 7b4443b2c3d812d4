// The QR code for the brief's link (Nayuki's QR Code generator) and its SVG.
#include <doctest/doctest.h>

#include <string>

#include "qr.h"

using namespace teams;

TEST_SUITE("qr") {
    TEST_CASE("a link becomes a code of a valid size with finder patterns in three corners") {
        const auto qr = EncodeQr("https://example.org/calc/?prevalence=10&area=Testshire");
        REQUIRE(qr);
        CHECK(qr->size >= 21);
        CHECK((qr->size - 17) % 4 == 0);
        REQUIRE(qr->dark.size() == static_cast<size_t>(qr->size * qr->size));
        auto at = [&](int x, int y) { return qr->dark[static_cast<size_t>(y * qr->size + x)]; };
        for (int corner : {0, 1, 2}) {
            const int x0 = corner == 1 ? qr->size - 7 : 0, y0 = corner == 2 ? qr->size - 7 : 0;
            CHECK(at(x0, y0));               // the finder's dark ring
            CHECK_FALSE(at(x0 + 1, y0 + 1)); // its light ring
            CHECK(at(x0 + 3, y0 + 3));       // its centre
        }
        // The fourth corner has no finder: its 7x7 block is not the ring-and-centre pattern.
        const int e = qr->size - 7;
        const bool finder = at(e, e) && !at(e + 1, e + 1) && at(e + 3, e + 3) && at(e + 6, e + 6);
        CHECK_FALSE(finder);
    }
    TEST_CASE("longer text needs a bigger code; too long gives none") {
        const auto small = EncodeQr("a");
        const auto big = EncodeQr(std::string(1000, 'a'));
        REQUIRE(small);
        REQUIRE(big);
        CHECK(big->size > small->size);
        CHECK(EncodeQr(std::string(kMaxQrBytes, 'a')));
        CHECK_FALSE(EncodeQr(std::string(kMaxQrBytes + 1, 'a')));
    }
    TEST_CASE("the SVG has a quiet zone and an escaped label") {
        const auto qr = EncodeQr("x");
        REQUIRE(qr);
        const std::string svg = QrSvg(*qr, 96, "QR \"code\" <link>");
        CHECK(svg.find("viewBox=\"0 0 " + std::to_string(qr->size + 8) + " " + std::to_string(qr->size + 8) + "\"") !=
              std::string::npos);
        CHECK(svg.find("aria-label=\"QR &quot;code&quot; &lt;link&gt;\"") != std::string::npos);
        CHECK(svg.find("<path fill=\"#000000\" d=\"M4 4h7v1h-7z") != std::string::npos); // the top-left finder
    }
}
