#!/bin/sh
# Installs the Debian packages the build and the tests need, if any is missing. Fast when all are
# there. Runs apt-get as root (or through sudo when not root).
set -eu

PACKAGES="cmake make g++ python3 ca-certificates dpkg-dev debian-archive-keyring \
emscripten binaryen nlohmann-json3-dev doctest-dev \
fonts-inter python3-fonttools \
chromium clang-14 libclang-rt-14-dev \
firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth libgl1-mesa-dri fonts-dejavu-core \
poppler-utils zbar-tools tesseract-ocr"
# The line with firefox-esr is for the browser tests in Firefox and WebKit: WebKitWebDriver and
# MiniBrowser (libwebkit2gtk-4.1-0), a virtual display for both, Mesa's software OpenGL for their
# WebGL, and a font for the pages around the calculator. The last line reads the printed brief in
# the tests: its PDF's text and pages as images (poppler-utils) and its QR code (zbar-tools); and
# tesseract-ocr reads the summary card's PNG as a person would.

missing=""
for package in $PACKAGES; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $package"
done
# Node.js and npm may come from another source than Debian's packages; only add them when absent.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install_deps: installing$missing"
$SUDO apt-get update -q
# Waits for another apt-get on a shared machine instead of failing at once.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=600 $missing
