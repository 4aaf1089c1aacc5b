#!/usr/bin/env python3
"""Writes the dashboard's pages: the served site and the single file.

The dashboard ships in two WebAssembly builds (docs/FLEET.md):
- modern: rustc's defaults plus SIMD128 (Chromium 96+), built by trunk;
- legacy: the MVP plus sign-ext, bulk memory, non-trapping float-to-int
  and mutable globals (Chromium 86+), built by scripts/build-legacy.sh.

Every page starts with web/boot.js, which checks what the browser can run
and sends it to the right page, or shows a Chinese "too old" message. Each
page has its own Content Security Policy with its inline scripts pinned
by SHA-256. Every URL is relative, so the site works at a server's root or
under any sub-path; every file the page fetches ends in .js, .css or .bin,
extensions that nginx, IIS, Apache and `python3 -m http.server` serve
without configuration (IIS refuses unknown extensions such as .wasm).

Commands:
  site.py trunk-hook [DIR]   trunk's post-build hook: rewrite DIR/index.html
                             (DIR: $TRUNK_STAGING_DIR or dist) for the modern build
  site.py legacy DIR BINDGEN write DIR/legacy.html and its files from the
                             legacy build's wasm-bindgen output (--target web)
  site.py single OUT BINDGEN CSS
                             write the single self-contained HTML file from the
                             legacy build's wasm-bindgen output (--target no-modules)
  site.py check-css FILE...  fail if the CSS in FILE (.css, or <style> in .html)
                             uses what Chromium 86 lacks (docs/FLEET.md)
"""
import base64
import hashlib
import html
import os
import re
import shutil
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SAMPLE_DIR = os.path.join(ROOT, "data", "sample")
APP = "openness-app"


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(data)


def sha256_source(script):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def short_hash(data):
    return hashlib.sha256(data).hexdigest()[:16]


def sample_files():
    """The sample county's files in the order the app loads them (data/sample/sample.list)."""
    names = [l.strip() for l in read(os.path.join(SAMPLE_DIR, "sample.list")).splitlines()]
    return [n for n in names if n and not n.startswith("#")]


def copy_sample(site):
    """Copies the sample county into SITE/sample/ as 1.bin, 2.bin, … (ASCII
    names with an extension every server serves; the app knows the real names)."""
    out = os.path.join(site, "sample")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for i, name in enumerate(sample_files(), start=1):
        shutil.copyfile(os.path.join(SAMPLE_DIR, name), os.path.join(out, f"{i}.bin"))


# Shown before the app starts and instead of it: static HTML, so it shows
# in any browser (web/boot.js picks which by a class on <html>).
BOOT_STYLE = """
.boot-note{font:17px/1.7 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC",sans-serif;max-width:820px;margin:56px auto;padding:0 28px;color:#1b1f24}
.boot-note h1{font-size:26px;color:#8b1a1a;margin:0 0 12px}
.boot-note li{margin:6px 0}
.boot-note pre{white-space:pre-wrap;word-break:break-all;background:#f5f6f8;padding:10px;font-size:13px}
#too-old,#boot-failed{display:none}
.too-old #too-old,.boot-failed #boot-failed{display:block}
.too-old #boot,.boot-failed #boot{display:none}
""".strip()

BODY = """
<noscript><div class="boot-note"><h1>请启用 JavaScript</h1><p>政务公开考评看板在浏览器内计算，需要启用 JavaScript。The Openness Scorecard needs JavaScript.</p></div><style>#boot{display:none}</style></noscript>
<div id="boot" class="boot-note" role="status">正在载入政务公开考评看板…… Loading the Openness Scorecard…</div>
<div id="too-old" class="boot-note" role="alert">
<h1>当前浏览器无法运行政务公开考评看板</h1>
<p>看板需要较新的浏览器内核（Chromium 86 及以上）。请按下面的办法之一打开：</p>
<ul>
<li><b>360安全浏览器、360极速浏览器、QQ浏览器等双核浏览器：</b>点击地址栏右侧的闪电或「e」图标，选择<b>「极速模式」</b>，然后刷新本页。</li>
<li>或者换用：<b>360安全浏览器 13 及以上</b>（极速模式）、360极速浏览器X、奇安信可信浏览器、Chrome 或 Edge 86 及以上、Firefox 90 及以上。</li>
<li>没有合适的浏览器时，可以请信息化部门使用命令行工具 openness 计算得分（见部署说明）。</li>
</ul>
<p lang="en">This browser cannot run the Openness Scorecard. In 360 or another dual-kernel browser, switch to its fast mode (极速模式, the Chromium kernel); otherwise use Chromium 86 or later (Chrome, Edge, 360 13+, 奇安信), or Firefox 90 or later.</p>
<p>检测到的浏览器 Detected: <span id="too-old-ua">（未知 unknown）</span></p>
</div>
<div id="boot-failed" class="boot-note" role="alert">
<h1>看板未能启动</h1>
<p>请刷新页面重试。若仍不行，请换用较新的浏览器（见上），或把下面的错误信息告诉信息化部门。数据只在本机，没有上传。</p>
<p lang="en">The dashboard could not start. Reload the page; if that does not help, try a newer browser or report the error below. Your data stays on this device.</p>
<pre id="boot-error"></pre>
</div>
""".strip()


def page(*, build, needs, csp, head, scripts, body_extra="", legacy=None):
    """One page. SCRIPTS are (attributes, source) of inline scripts, after boot.js."""
    # Inlined without its opening comment (the why lives in web/boot.js).
    boot = re.sub(r"\A/\*.*?\*/\n", "", read(os.path.join(ROOT, "web", "boot.js")), flags=re.S)
    hashes = " ".join(sha256_source(s) for s in [boot] + [s for _, s in scripts])
    csp = csp.replace("{hashes}", hashes)
    legacy_attr = f' data-legacy="{html.escape(legacy)}"' if legacy else ""
    inline = "".join(f"<script{attrs}>{src}</script>\n" for attrs, src in scripts)
    return f"""<!DOCTYPE html>
<html lang="zh-CN" data-build="{build}" data-needs="{needs}"{legacy_attr}>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="renderer" content="webkit">
<meta name="force-rendering" content="webkit">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- Nothing the user loads leaves the browser: no request beyond this page's own files. -->
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>政务公开考评看板</title>
<style>{BOOT_STYLE}</style>
<script data-openness="boot">{boot}</script>
{head}{inline}</head>
<body>
{BODY}
{body_extra}</body>
</html>
"""


# The served site's policy: scripts only from this origin or pinned by
# hash, no request beyond the origin. WASM_EVAL is 'wasm-unsafe-eval' for
# the modern build; Chromium 86 ignores that keyword and compiles
# WebAssembly only under 'unsafe-eval', so the legacy page names that.
SITE_CSP = (
    "default-src 'self'; script-src 'self' {wasm_eval} {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)

# The single file has no origin to trust: everything it runs is inline and
# pinned by hash, and it may load nothing at all (connect-src 'none'), so
# even the 'unsafe-eval' that Chromium 86 needs for WebAssembly (it also
# covers WebAssembly in later browsers) leaves a script no way to send
# data anywhere.
SINGLE_CSP = (
    "default-src 'none'; script-src 'unsafe-eval' {hashes}; style-src 'unsafe-inline'; "
    "img-src data: blob:; connect-src 'none'; font-src 'none'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def loader(glue, wasm):
    """The module that starts a build: no top-level await (Chromium < 89
    rejects it), the glue imported dynamically (so a failed load is caught
    and shown), the wasm fetched as bytes (so a server that sends .bin as
    application/octet-stream is fine)."""
    return (
        "if (window.opennessBoot && window.opennessBoot.go) {\n"
        f"  import('./{glue}').then(function (m) {{\n"
        f"    return fetch('./{wasm}').then(function (r) {{\n"
        "      if (!r.ok) throw new Error(r.url + ': HTTP ' + r.status);\n"
        "      return r.arrayBuffer();\n"
        "    }).then(function (bytes) {\n"
        "      return m.default({ module_or_path: bytes });\n"
        "    }).then(function () { window.wasmBindings = m; });\n"
        "  }).then(window.opennessBoot.started, window.opennessBoot.failed);\n"
        "}\n"
    )


def find_one(directory, pattern):
    found = [f for f in os.listdir(directory) if re.fullmatch(pattern, f)]
    if len(found) != 1:
        sys.exit(f"site.py: expected one file matching {pattern} in {directory}, found {found}")
    return found[0]


def trunk_hook(site):
    """Replaces trunk's index.html (absolute URLs, a top-level-await loader)
    with ours, renames the wasm to .bin and copies the sample county."""
    glue = find_one(site, rf"{APP}-[0-9a-f]+\.js")
    wasm = find_one(site, rf"{APP}-[0-9a-f]+_bg\.wasm")
    css = find_one(site, r"main-[0-9a-f]+\.css")
    os.replace(os.path.join(site, wasm), os.path.join(site, wasm + ".bin"))
    copy_sample(site)
    index = page(
        build="modern",
        needs="modern",
        legacy="legacy.html",
        csp=SITE_CSP.replace("{wasm_eval}", "'wasm-unsafe-eval'"),
        head=f'<link rel="stylesheet" href="{css}">\n',
        scripts=[(' type="module" data-openness="loader"', loader(glue, wasm + ".bin"))],
    )
    write(os.path.join(site, "index.html"), index)
    print(f"site.py: index.html for {glue} ({wasm}.bin), relative URLs, CSP pinned by SHA-256")


def legacy_page(site, bindgen):
    """Copies the legacy build into SITE with hashed names and writes legacy.html."""
    js = read(os.path.join(bindgen, f"{APP}.js"), "rb")
    wasm = read(os.path.join(bindgen, f"{APP}_bg.wasm"), "rb")
    name = f"{APP}-legacy-{short_hash(js + wasm)}"
    for old in os.listdir(site):
        if old.startswith(f"{APP}-legacy-"):
            os.remove(os.path.join(site, old))
    write(os.path.join(site, f"{name}.js"), js)
    write(os.path.join(site, f"{name}_bg.wasm.bin"), wasm)
    css = find_one(site, r"main-[0-9a-f]+\.css")
    legacy = page(
        build="legacy",
        needs="legacy",
        csp=SITE_CSP.replace("{wasm_eval}", "'unsafe-eval'"),
        head=f'<link rel="stylesheet" href="{css}">\n',
        scripts=[(' type="module" data-openness="loader"', loader(f"{name}.js", f"{name}_bg.wasm.bin"))],
    )
    write(os.path.join(site, "legacy.html"), legacy)
    print(f"site.py: legacy.html for {name}")


def single_file(out, bindgen, css_path):
    """One HTML file with everything inline: the legacy build (it runs in
    Chromium 86 and every later browser), the CSS and the sample county,
    for a laptop with no server and no network (opened as file://)."""
    glue = read(os.path.join(bindgen, f"{APP}.js"))
    wasm = read(os.path.join(bindgen, f"{APP}_bg.wasm"), "rb")
    css = read(css_path)
    samples = "".join(
        f'<script type="application/octet-stream" class="openness-sample" data-index="{i}">'
        f'{base64.b64encode(read(os.path.join(SAMPLE_DIR, n), "rb")).decode()}</script>\n'
        for i, n in enumerate(sample_files(), start=1)
    )
    start = (
        "if (window.opennessBoot && window.opennessBoot.go) document.addEventListener('DOMContentLoaded', function () {\n"
        "  Promise.resolve().then(function () {\n"
        "    var text = atob(document.getElementById('openness-wasm').textContent);\n"
        "    var bytes = new Uint8Array(text.length);\n"
        "    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n"
        "    return wasm_bindgen({ module_or_path: bytes });\n"
        "  }).then(window.opennessBoot.started, window.opennessBoot.failed);\n"
        "});\n"
    )
    single = page(
        build="single",
        needs="legacy",
        csp=SINGLE_CSP,
        head=f"<style>{css}</style>\n",
        scripts=[(' data-openness="glue"', glue), (' data-openness="loader"', start)],
        body_extra=(
            f'<script type="application/octet-stream" id="openness-wasm">'
            f"{base64.b64encode(wasm).decode()}</script>\n{samples}"
        ),
    )
    write(out, single)
    print(f"site.py: {out} ({len(single.encode()):,} bytes)")


# CSS that Chromium 86 does not know, with the version that brought it.
NEWER_CSS = [
    (r"(?<![\w-])inset\s*:", "inset (Chromium 87)"),
    (r"aspect-ratio", "aspect-ratio (88)"),
    (r":is\(|:where\(", ":is()/:where() (88)"),
    (r"@layer", "@layer (99)"),
    (r":has\(", ":has() (105)"),
    (r"@container|container-type", "container queries (105)"),
    (r"\d(dvh|svh|lvh|dvw|svw|lvw)\b", "dynamic viewport units (108)"),
    (r"color-mix\(", "color-mix() (111)"),
    (r"text-wrap", "text-wrap (114)"),
    (r"(?<![\w-])(translate|rotate|scale)\s*:", "individual transform properties (104)"),
]


def check_css(paths):
    """Exits non-zero naming each use of CSS newer than Chromium 86."""
    found = []
    for path in paths:
        text = read(path)
        if path.endswith(".html"):
            text = "\n".join(re.findall(r"<style>(.*?)</style>", text, flags=re.S))
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        for pattern, what in NEWER_CSS:
            for m in re.finditer(pattern, text):
                line = text[: m.start()].count("\n") + 1
                found.append(f"{path}: line {line}: {what}: {m.group(0)!r}")
    if found:
        sys.exit("CSS newer than Chromium 86:\n  " + "\n  ".join(found))
    print(f"check-css: {len(paths)} file(s) use nothing newer than Chromium 86")


def main(argv):
    if len(argv) >= 1 and argv[0] == "trunk-hook":
        trunk_hook(argv[1] if len(argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist"))
    elif len(argv) == 3 and argv[0] == "legacy":
        legacy_page(argv[1], argv[2])
    elif len(argv) >= 2 and argv[0] == "check-css":
        check_css(argv[1:])
    elif len(argv) == 4 and argv[0] == "single":
        single_file(argv[1], argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
