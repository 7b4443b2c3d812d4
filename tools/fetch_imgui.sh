#!/bin/sh
# Fetches Dear ImGui 1.90.1 from Debian 13's source package (imgui 1.90.1+ds-1) into third_party/imgui/
# and applies tools/imgui_size.patch (opt-in build options; see the patch's header).
# Downloads with a project-owned apt source list and state under third_party/apt/ (tools/apt_source.sh).
# Needs: apt-get, dpkg-source (dpkg-dev), and the trixie archive keys (Debian 12's
# debian-archive-keyring 2023.3+deb12u1 or later ships them in /usr/share/keyrings/).
set -eu

VERSION="1.90.1+ds-1"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
THIRD="$ROOT/third_party"
DEST="$THIRD/imgui"
APT="$THIRD/apt"
MIRROR="${IMGUI_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

PATCH="$ROOT/tools/imgui_size.patch"
. "$ROOT/tools/apt_source.sh"
# The stamp names the version and the patch's hash: a tree unpacked before the patch existed, or
# patched with an older one, is unpacked again from the downloaded source and patched.
STAMP="$VERSION $(sha256sum "$PATCH" | cut -d' ' -f1)"

# Fast no-op when the right version is already unpacked and patched.
if [ -f "$DEST/.debian-version" ] && [ "$(cat "$DEST/.debian-version")" = "$STAMP" ] \
    && [ -f "$DEST/imgui.h" ] && [ -f "$DEST/backends/imgui_impl_opengl3.cpp" ]; then
    exit 0
fi

for tool in dpkg-source patch; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "fetch_imgui: '$tool' is missing (apt-get install dpkg-dev)" >&2
        exit 1
    fi
done

# Downloads the source package into third_party/apt/download/ (skipped when it is already there).
download_source() {
    if ! ls /usr/share/keyrings/debian-archive-trixie-*.gpg >/dev/null 2>&1; then
        echo "fetch_imgui: the Debian 13 (trixie) archive keys are missing;" \
             "install or upgrade debian-archive-keyring (2023.3+deb12u1 or later)" >&2
        exit 1
    fi
    apt_source_download fetch_imgui "$APT" trixie "$MIRROR" "imgui=$VERSION" || exit 1
}

DSC="$APT/download/imgui_${VERSION#*:}.dsc"
[ -f "$DSC" ] || download_source
if [ ! -f "$DSC" ]; then
    echo "fetch_imgui: $DSC was not downloaded" >&2
    exit 1
fi

# Unpack into a temporary folder, then move it into place, so a half-unpacked tree never looks done.
rm -rf "$THIRD/imgui.tmp"
# --no-check: the .dsc is signed by its uploader, whose key is in debian-keyring, not installed here;
# its hash was already checked by apt against the archive-signed Sources index.
dpkg-source --no-check -x "$DSC" "$THIRD/imgui.tmp" >/dev/null
if ! patch -d "$THIRD/imgui.tmp" -p1 --batch --forward --silent < "$PATCH"; then
    echo "fetch_imgui: $PATCH does not apply to Dear ImGui $VERSION" >&2
    rm -rf "$THIRD/imgui.tmp"
    exit 1
fi
rm -rf "$DEST"
mv "$THIRD/imgui.tmp" "$DEST"
echo "$STAMP" > "$DEST/.debian-version"
echo "fetch_imgui: Dear ImGui $VERSION in $DEST, patched with $(basename "$PATCH")"
