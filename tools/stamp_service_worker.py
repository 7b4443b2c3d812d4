#!/usr/bin/env python3
"""Stamps the built site's service worker (SITE/sw.js) with the files it keeps for offline use and
their SHA-256, and a cache version derived from them, so every build that changes any file gets a
new cache and no file is ever served from an older build's set.

    python3 tools/stamp_service_worker.py build/wasm/site

Kept: index.html and every script, WebAssembly, style, manifest and icon file of the site.
Not kept: sw.js itself; embed.js and embed-example.css (host pages', never the calculator's); og-card.png
(fetched only by link previews); the font
files (only the summary picture loads them, when asked for; offline it uses the system's fonts); other HTML
pages (the single-file copy, the embed example); the module as a script (teams.wasm.js: only
sandboxed frames load it, and they cannot use a service worker); hidden files."""
import hashlib
import json
import re
import sys
from pathlib import Path

KEPT_SUFFIXES = {".js", ".wasm", ".css", ".webmanifest", ".png", ".svg", ".ico", ".json"}
# Run or used on host pages, never on the calculator's own; og-card.png is for link previews only.
NOT_KEPT = {"sw.js", "embed.js", "embed-example.css", "og-card.png"}


def site_files(site):
    names = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if any(part.startswith(".") for part in name.split("/")) or name in NOT_KEPT or name.endswith(".wasm.js"):
            continue
        if name == "index.html" or path.suffix.lower() in KEPT_SUFFIXES:
            names.append(name)
    return names


def replace_line(text, name, value):
    pattern = re.compile(r"^const " + name + r" = .*;$", re.MULTILINE)
    if len(pattern.findall(text)) != 1:
        raise SystemExit(f"stamp_service_worker: sw.js must have exactly one 'const {name} = ...;' line")
    return pattern.sub(lambda _: f"const {name} = {value};", text)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: stamp_service_worker.py SITE_DIR")
    site = Path(sys.argv[1])
    worker = site / "sw.js"
    if not worker.is_file() or not (site / "index.html").is_file():
        raise SystemExit(f"stamp_service_worker: {site} has no sw.js or index.html; assemble the site first")
    files = {name: hashlib.sha256((site / name).read_bytes()).hexdigest() for name in site_files(site)}
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    text = worker.read_text(encoding="utf-8")
    text = replace_line(text, "CACHE_VERSION", json.dumps(version))
    text = replace_line(text, "SITE_FILES", json.dumps(files, separators=(", ", ": ")))
    worker.write_text(text, encoding="utf-8")
    print(f"{worker}: cache version {version}, {len(files)} files")


if __name__ == "__main__":
    main()
