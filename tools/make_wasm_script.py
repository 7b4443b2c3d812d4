#!/usr/bin/env python3
"""Writes SITE/teams.wasm.js: the WebAssembly module as a base64 string in a script, for pages that
cannot fetch teams.wasm. A frame sandboxed without allow-same-origin has an opaque origin, so its
fetch of the module is cross-origin and needs CORS headers from the server; a script needs none.
Only shell/sandbox_loader.js loads it, and only there.

    python3 tools/make_wasm_script.py build/wasm/site [teams.wasm]

With --join, writes one script that is an Emscripten module's JavaScript followed by its WebAssembly
as a base64 string in the global NAME: brief.js, which the page adds after its first frame, the same
way on a site, in a sandboxed frame and in the single file, never fetching a .wasm.

    python3 tools/make_wasm_script.py --join brief_glue.js brief_glue.wasm brief.js teamsBriefWasmBase64"""
import base64
import sys
from pathlib import Path


def join(glue, wasm, out, name):
    if not name.isidentifier():
        raise SystemExit(f"make_wasm_script: {name!r} is not a JavaScript name")
    encoded = base64.b64encode(Path(wasm).read_bytes()).decode("ascii")
    text = Path(glue).read_text(encoding="utf-8").rstrip("\n")
    Path(out).write_text(
        f"{text}\n// {Path(wasm).name} as base64: the page hands it to the factory as wasmBinary.\n"
        f'self.{name} = "{encoded}";\n',
        encoding="utf-8",
    )
    print(f"{out}: {Path(out).stat().st_size / 1024:.1f} KiB")


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "--join":
        join(*sys.argv[2:])
        return
    if len(sys.argv) not in (2, 3):
        raise SystemExit("usage: make_wasm_script.py SITE_DIR [WASM_NAME]")
    site = Path(sys.argv[1])
    wasm = site / (sys.argv[2] if len(sys.argv) == 3 else "teams.wasm")
    if not wasm.is_file():
        raise SystemExit(f"make_wasm_script: {wasm} is missing; assemble the site first")
    out = site / (wasm.name + ".js")
    encoded = base64.b64encode(wasm.read_bytes()).decode("ascii")
    out.write_text(
        f"// {wasm.name} as base64, for sandboxed frames (see sandbox_loader.js).\n"
        f'self.teamsCalculatorWasmBase64 = "{encoded}";\n',
        encoding="ascii",
    )
    print(f"{out}: {out.stat().st_size / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
