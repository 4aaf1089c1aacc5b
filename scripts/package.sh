#!/usr/bin/env bash
# Builds what an office can deploy (README: 部署 Deploy):
#   target/package/openness-dashboard/       the static site (any server, any sub-path)
#   target/package/openness-dashboard.html   one self-contained file for file:// (no server, no network)
#   target/package/openness-dashboard.zip    both, with 部署说明.txt and RULES.md
#   target/package/openness-linux-x86_64     the CLI, when target/release/openness is built
#                                            (`cargo build --release -p openness-cli`)
# Installs what is missing (scripts/setup.sh). Run it on a clean clone.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }

step "modern build (trunk)"
trunk build --release --offline

step "legacy build (Chromium 86+)"
scripts/build-legacy.sh dist

pkg=target/package
rm -rf "$pkg"
mkdir -p "$pkg"
cp -r dist "$pkg/openness-dashboard"
# Notepad on Windows 7 reads UTF-8 only with a BOM, and wants CRLF.
python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], "w", encoding="utf-8-sig", newline="\r\n").write(t)' \
  web/部署说明.txt "$pkg/openness-dashboard/部署说明.txt"
# The full scoring rules, which the page's footer points to.
cp docs/RULES.md "$pkg/openness-dashboard/RULES.md"

step "single file"
python3 scripts/site.py single "$pkg/openness-dashboard.html" target/legacy/no-modules "$(ls dist/main-*.css)"

if [ -x target/release/openness ]; then
  cp target/release/openness "$pkg/openness-linux-x86_64"
fi

step "zip"
python3 - "$pkg" <<'PY'
import os, sys, zipfile
pkg = sys.argv[1]
out = os.path.join(pkg, "openness-dashboard.zip")
# (path on disk, name in the zip): the site, the single file, the CLI if
# built, and the instructions and rules again at the top, where they are
# seen first.
entries = []
for dirpath, _, files in os.walk(os.path.join(pkg, "openness-dashboard")):
    entries += [(os.path.join(dirpath, f), os.path.relpath(os.path.join(dirpath, f), pkg)) for f in files]
for f in ("openness-dashboard.html", "openness-linux-x86_64"):
    if os.path.exists(os.path.join(pkg, f)):
        entries.append((os.path.join(pkg, f), f))
for f in ("部署说明.txt", "RULES.md"):
    entries.append((os.path.join(pkg, "openness-dashboard", f), f))
with zipfile.ZipFile(out, "w") as z:
    for path, name in sorted(entries, key=lambda e: e[1]):
        # Fixed times: the same inputs give the same zip.
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (0o755 if name == "openness-linux-x86_64" else 0o644) << 16
        with open(path, "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
print(f"{out}: {os.path.getsize(out):,} bytes, {len(entries)} files")
PY

step "package"
ls -l "$pkg"
