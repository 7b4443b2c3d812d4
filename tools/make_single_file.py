#!/usr/bin/env python3
"""Builds SITE/teams-calculator.html: the whole calculator in one self-contained file (styles,
scripts, icons and the WebAssembly inlined), which works when saved and opened from disk (file://),
link parameters included, so it can be emailed.

    python3 tools/make_single_file.py build/wasm/site [OUTPUT_NAME]

The hosted site's strict Content-Security-Policy does not apply to this file: it needs inline scripts,
so any CSP meta tag is dropped. Left out, as they cannot work from file://: the web app manifest and
the service worker's registration (offline.js), and the sandboxed-frame loader (sandbox_loader.js). The WebAssembly goes in as a base64 data: URL that
the module's locateFile hook returns, so the module never fetches a file; the printed brief's module
(brief.js, its bytes inside) goes in as one more script. The accessibility statement goes in as a
section of its own, shown in place of the calculator while its link is followed (the links point at
#accessibility-statement), so the statement opens from disk too."""
import base64
import gzip
import re
import sys
from pathlib import Path

LEFT_OUT_SCRIPTS = {"offline.js", "sandbox_loader.js"}
# Scripts the hosted page adds only later (script_loader.js): here inline, after the page's own, as
# the single file travels alone, with no brief.js beside it.
LATER_SCRIPTS = ["brief.js"]
MIME = {".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".ttf": "font/ttf",
        ".woff2": "font/woff2", ".jpg": "image/jpeg", ".webp": "image/webp"}

ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+))?')


def attributes(tag):
    """The attributes of one start tag, names lower-cased, values unquoted."""
    body = re.sub(r"^<\w+|/?>$", "", tag)
    found = {}
    for name, value in ATTRIBUTE.findall(body):
        found[name.lower()] = value[1:-1] if value[:1] in "\"'" else value
    return found


def local_file(site, url):
    """The site file a relative URL names, or None for anything absolute or missing."""
    if not url or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^/", url):
        return None
    path = (site / url.split("?")[0].split("#")[0]).resolve()
    if site.resolve() not in path.parents or not path.is_file():
        return None
    return path


def data_url(path):
    mime = MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def inline_css(site, css):
    def replace(match):
        path = local_file(site, match.group(2))
        return f'url("{data_url(path)}")' if path else match.group(0)

    css = re.sub(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""", replace, css)
    return re.sub(r"</style", r"<\\/style", css, flags=re.IGNORECASE)


def script_text(js):
    js = re.sub(r"</script", r"<\\/script", js, flags=re.IGNORECASE)
    return js.replace("<!--", "<\\!--")


def wasm_loader(js, site, name):
    """For an Emscripten MODULARIZE script with a .wasm beside it: a script that hands the factory a
    locateFile hook returning the module as a data: URL. None for any other script."""
    wasm_name = re.search(r'wasmBinaryFile\s*=\s*"([^"]+\.wasm)"', js)
    factory = re.match(r"\s*var\s+([A-Za-z_$][\w$]*)\s*=", js)
    if not wasm_name or not factory:
        return None
    wasm_path = local_file(site, wasm_name.group(1))
    if not wasm_path:
        raise SystemExit(f"make_single_file: {name} loads {wasm_name.group(1)}, which is not in {site}")
    # Emscripten treats exactly this prefix as an embedded module (no streaming compile, no file fetch).
    wasm_url = "data:application/octet-stream;base64," + base64.b64encode(wasm_path.read_bytes()).decode("ascii")
    return f"""(function () {{
  var wasmUrl = "{wasm_url}";
  var factory = window.{factory.group(1)};
  if (typeof factory !== 'function') return;
  window.{factory.group(1)} = function (options) {{
    options = options || {{}};
    var locate = options.locateFile;
    options.locateFile = function (path, prefix) {{
      if (path === {wasm_name.group(1)!r}) return wasmUrl;
      return locate ? locate(path, prefix) : prefix + path;
    }};
    return factory(options);
  }};
}})();"""


STATEMENT_ID = "accessibility-statement"
# Shown only while its address is followed, and then alone, as its own page would be.
STATEMENT_STYLE = f"""<style>
#{STATEMENT_ID}:not(:target) {{ display: none; }}
body:has(#{STATEMENT_ID}:target) > :not(#{STATEMENT_ID}) {{ display: none; }}
</style>"""


def inline_statement(site, html):
    """accessibility.html's body as a section at the end of the page, its links made #fragments."""
    path = site / "accessibility.html"
    if not path.is_file():
        raise SystemExit(f"make_single_file: {path} is missing; the page links to it")
    body = re.search(r"<body\b[^>]*>(.*)</body>", path.read_text(encoding="utf-8"), flags=re.S | re.I)
    if not body:
        raise SystemExit("make_single_file: accessibility.html has no <body>")
    statement = re.sub(r"<!--.*?-->\s*", "", body.group(1), flags=re.S)
    statement = re.sub(r'href="index\.html"', 'href="#"', statement)
    # The page's links to the statement: within this file, and in this tab (it is part of the file).
    html, links = re.subn(r'<a href="accessibility\.html"(?:\s+target="_blank")?(?:\s+rel="noopener")?',
                          f'<a href="#{STATEMENT_ID}"', html)
    if links == 0:
        raise SystemExit("make_single_file: index.html has no link to accessibility.html")
    html = html.replace("</head>", STATEMENT_STYLE + "\n</head>", 1)
    head, tail = html.rsplit("</body>", 1)
    section = f'<div id="{STATEMENT_ID}" class="statement" tabindex="-1">{statement}</div>\n'
    return head + section + "</body>" + tail


def build(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    scripts = []  # inline scripts for the end of <body>, in the page's order

    def replace_link(match):
        tag = match.group(0)
        attrs = attributes(tag)
        rel = attrs.get("rel", "").lower().split()
        path = local_file(site, attrs.get("href"))
        if "manifest" in rel:
            return ""
        if "stylesheet" in rel and path:
            return "<style>\n" + inline_css(site, path.read_text(encoding="utf-8")) + "\n</style>"
        if path and ("icon" in rel or "apple-touch-icon" in rel):
            return tag.replace(attrs["href"], data_url(path), 1)
        return tag

    def replace_meta(match):
        attrs = attributes(match.group(0))
        return "" if attrs.get("http-equiv", "").lower() == "content-security-policy" else match.group(0)

    def take_script(match):
        attrs = attributes(match.group(1))
        src = attrs.get("src")
        if src is None:
            return match.group(0)
        name = src.split("?")[0]
        if name in LEFT_OUT_SCRIPTS:
            return ""
        path = local_file(site, src)
        if not path:
            raise SystemExit(f"make_single_file: index.html loads {src}, which is not a file of the site")
        js = path.read_text(encoding="utf-8")
        kind = ' type="module"' if attrs.get("type") == "module" else ""
        if "defer" not in attrs and not kind:
            # A script that must run before the first paint (first_paint.js) stays where it is.
            return f"<script>\n{script_text(js)}\n</script>"
        scripts.append(f"<script{kind}>\n{script_text(js)}\n</script>")
        loader = wasm_loader(js, site, name)
        if loader:
            scripts.append(f"<script>\n{loader}\n</script>")
        return ""

    html = re.sub(r"<link\b[^>]*>", replace_link, html, flags=re.IGNORECASE)
    # The module is inside the file: nothing for first_paint.js to preload.
    html = re.sub(r'\s+data-module="[^"]*"', "", html, count=1)
    html = re.sub(r"<meta\b[^>]*>", replace_meta, html, flags=re.IGNORECASE)
    html = re.sub(r"<script\b([^>]*)>\s*</script>", take_script, html, flags=re.IGNORECASE)
    html = re.sub(r"\n?[ \t]*<!--\s*No inline scripts:.*?-->", "", html)
    if "</body>" not in html:
        raise SystemExit("make_single_file: index.html has no </body>")
    for name in LATER_SCRIPTS:
        path = local_file(site, name)
        if not path:
            raise SystemExit(f"make_single_file: {name} is not a file of {site}")
        scripts.append(f"<script>\n{script_text(path.read_text(encoding='utf-8'))}\n</script>")
    # Deferred scripts ran after the document was parsed; at the end of <body> they still do.
    head, tail = html.rsplit("</body>", 1)
    return inline_statement(site, head + "\n".join(scripts) + "\n</body>" + tail)


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit("usage: make_single_file.py SITE_DIR [OUTPUT_NAME]")
    site = Path(sys.argv[1])
    if not (site / "index.html").is_file():
        raise SystemExit(f"make_single_file: {site}/index.html is missing; assemble the site first")
    out = site / (sys.argv[2] if len(sys.argv) == 3 else "teams-calculator.html")
    data = build(site).encode("utf-8")
    out.write_bytes(data)
    gzipped = len(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{out}: {len(data) / 1024:.1f} KiB, {gzipped / 1024:.1f} KiB gzipped")


if __name__ == "__main__":
    main()
