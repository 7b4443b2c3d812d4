#!/bin/sh
# Fetches Nayuki's QR Code generator 1.8.0 from Debian 12's source package qr-code-generator
# (1.8.0-1.1, the source of libqrcodegen-dev and libqrcodegencpp-dev) into third_party/qrcodegen/.
# Its C edition (qrcodegen.c/.h: the same encoder, reporting errors as return values where the C++
# edition throws, which the WebAssembly build compiles without) is compiled into the estimator
# library for the CLI and the WebAssembly build alike, so no system header directory ever reaches
# the WebAssembly compiler.
# Downloads with a project-owned apt source list and state under third_party/apt-bookworm/
# (tools/apt_source.sh). Needs: apt-get, dpkg-source (dpkg-dev), debian-archive-keyring.
set -eu

VERSION="1.8.0-1.1"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
THIRD="$ROOT/third_party"
DEST="$THIRD/qrcodegen"
APT="$THIRD/apt-bookworm"
MIRROR="${QRCODEGEN_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
. "$ROOT/tools/apt_source.sh"

# Fast no-op when the right version is already there.
if [ -f "$DEST/.debian-version" ] && [ "$(cat "$DEST/.debian-version")" = "$VERSION" ] \
    && [ -f "$DEST/qrcodegen.h" ] && [ -f "$DEST/qrcodegen.c" ]; then
    exit 0
fi

if ! command -v dpkg-source >/dev/null 2>&1; then
    echo "fetch_qrcodegen: 'dpkg-source' is missing (apt-get install dpkg-dev)" >&2
    exit 1
fi

# Only the upstream tarball is needed (the Debian part is packaging). apt checks each file it fetches
# against the signed Sources index; should the Debian part be missing from a mirror, the upstream
# tarball is checked again below against the .dsc, whose own hash apt has checked.
apt_source_download fetch_qrcodegen "$APT" bookworm "$MIRROR" "qr-code-generator=$VERSION" || true

DSC="$APT/download/qr-code-generator_${VERSION}.dsc"
ORIG="$APT/download/qr-code-generator_${VERSION%-*}.orig.tar.gz"
if [ ! -f "$DSC" ] || [ ! -f "$ORIG" ]; then
    echo "fetch_qrcodegen: the source package was not downloaded" >&2
    exit 1
fi
expected=$(sed -n '/^Checksums-Sha256:/,/^[A-Z]/p' "$DSC" | awk -v f="$(basename "$ORIG")" '$3 == f { print $1 }')
actual=$(sha256sum "$ORIG" | cut -d' ' -f1)
if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    echo "fetch_qrcodegen: $(basename "$ORIG") does not match its .dsc (sha256 $actual)" >&2
    exit 1
fi

rm -rf "$THIRD/qrcodegen.tmp"
mkdir -p "$THIRD/qrcodegen.tmp"
TOP="QR-Code-generator-${VERSION%-*}"
tar -xzf "$ORIG" -C "$THIRD/qrcodegen.tmp" --strip-components=2 "$TOP/c/qrcodegen.h" "$TOP/c/qrcodegen.c"
tar -xzf "$ORIG" -C "$THIRD/qrcodegen.tmp" --strip-components=1 "$TOP/Readme.markdown"
rm -rf "$DEST"
mv "$THIRD/qrcodegen.tmp" "$DEST"
echo "$VERSION" > "$DEST/.debian-version"
echo "fetch_qrcodegen: QR Code generator $VERSION in $DEST"
