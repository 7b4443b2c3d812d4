# Sourced by tools/fetch_imgui.sh and tools/fetch_qrcodegen.sh: downloads a Debian source package
# with a project-owned apt source list and state, so the system's apt setup is never touched and apt
# still verifies the archive's signatures and the files' hashes.
#
#   apt_source_download TOOL STATE_DIR SUITE MIRROR PACKAGE=VERSION
#
# TOOL names the caller in messages; STATE_DIR (third_party/apt-<suite>/ or similar) holds the
# lists, the cache and download/, where the source package's files land. Returns apt-get's status.
# Needs apt-get and /usr/share/keyrings/debian-archive-keyring.gpg (debian-archive-keyring).

APT_SOURCE_KEYRING="/usr/share/keyrings/debian-archive-keyring.gpg"

apt_source_download() {
    _tool=$1 _state=$2 _suite=$3 _mirror=$4 _package=$5
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$_tool: 'apt-get' is missing" >&2
        return 1
    fi
    if [ ! -f "$APT_SOURCE_KEYRING" ]; then
        echo "$_tool: $APT_SOURCE_KEYRING is missing; install debian-archive-keyring" >&2
        return 1
    fi
    mkdir -p "$_state/sources.list.d" "$_state/lists/partial" "$_state/cache/archives/partial" "$_state/download"
    cat > "$_state/sources.list.d/$_suite-src.sources" <<SOURCES
Types: deb-src
URIs: $_mirror
Suites: $_suite
Components: main
Signed-By: $APT_SOURCE_KEYRING
SOURCES
    # apt options that point every list, cache and state file at STATE_DIR.
    set -- \
        -o Dir::Etc::SourceList=/dev/null \
        -o Dir::Etc::SourceParts="$_state/sources.list.d" \
        -o Dir::State::Lists="$_state/lists" \
        -o Dir::Cache="$_state/cache" \
        -o Dir::State::Status=/var/lib/dpkg/status \
        -o APT::Sandbox::User=root
    apt-get "$@" -q update || return 1
    (cd "$_state/download" && apt-get "$@" -q source --download-only "$_package")
}
