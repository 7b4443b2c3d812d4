#!/usr/bin/env python3
"""Joins the page's deferred scripts into one file, page.js, and points the site's index.html at it.

Usage: bundle_scripts.py SITE_DIR

Every separate script is one more request before the WebAssembly module can start: on a connection
that fetches a few files at a time, seven small scripts put teams.wasm's download tens of
milliseconds behind a page with one script. The scripts run in the same order as before, each its
own function scope. The separate files then leave the site: no page loads them, and the service
worker would otherwise download them for nothing. Run after make_single_file.py, which reads the
separate tags and files, and before stamp_service_worker.py, which lists page.js for the offline copy.
"""
import pathlib
import re
import sys

BUNDLE = "page.js"
TAG = re.compile(r'[ \t]*<script src="([A-Za-z0-9_.-]+\.js)" defer></script>\n')


def main():
    site = pathlib.Path(sys.argv[1])
    index = site / "index.html"
    html = index.read_text(encoding="utf-8")
    names = TAG.findall(html)
    if not names:
        raise SystemExit(f"bundle_scripts: no deferred scripts in {index}")
    parts = []
    for name in names:
        text = (site / name).read_text(encoding="utf-8")
        parts.append(f"// ---- {name}\n{text.rstrip()}\n;\n")
    (site / BUNDLE).write_text("".join(parts), encoding="utf-8")
    first = TAG.search(html)
    html = html[: first.start()] + f'<script src="{BUNDLE}" defer></script>\n' + TAG.sub("", html[first.start():])
    index.write_text(html, encoding="utf-8")
    for name in names:
        (site / name).unlink()
    print(f"bundle_scripts: {len(names)} scripts in {BUNDLE}: {', '.join(names)}")


if __name__ == "__main__":
    main()
