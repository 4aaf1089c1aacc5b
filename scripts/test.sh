#!/usr/bin/env bash
# Runs every check of the project; this is the README's test command and
# what CI runs (.ci/run). It installs what is missing on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "setup: wasm32 target, trunk, wasm-bindgen-cli, chromium, chromedriver, CJK fonts"
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"

step "format"
cargo fmt --all --check

# The dashboard (openness-app) runs in wasm32: it is linted and built for
# wasm32, and only its unit tests (pure functions) run natively.
step "clippy (native, -D warnings)"
cargo clippy --workspace --exclude openness-app --all-targets --locked -- -D warnings

step "clippy (wasm32: core and dashboard, -D warnings)"
cargo clippy -p openness-core -p openness-app --target wasm32-unknown-unknown --locked -- -D warnings

step "tests"
cargo test --workspace --exclude openness-app --locked

step "the dashboard's pure functions, natively (query parsing, playlist, KPIs; -D warnings)"
cargo clippy -p openness-app --tests --locked -- -D warnings
cargo test -p openness-app --locked

step "wasm32 build of the core"
cargo build -p openness-core --target wasm32-unknown-unknown --locked

step "dependency boundary: openness-core stays pure"
scripts/check-boundary.sh

step "docs (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --exclude openness-app --no-deps --locked

step "CLI on the sample county"
cargo run -q -p openness-cli --locked -- score data/sample --format json > target/sample-score.json
python3 - <<'PY'
import json
doc = json.load(open("target/sample-score.json"))
keys = ["disclosure_timeliness", "interpretation_coverage", "interpretation_sync", "interpretation_forms",
        "opinion_response", "message_response", "request_timeliness", "enforcement_timeliness", "platform_freshness"]
assert all(list(d["indicators"]) == keys for d in doc["departments"]), "every department has all nine keys"
print(f'{len(doc["departments"])} departments scored, window {doc["window"]["from"]}..{doc["window"]["to"]}')
PY
cargo run -q -p openness-cli --locked -- annual data/sample --format json > target/sample-annual.json
python3 - <<'PY'
import json
doc = json.load(open("target/sample-annual.json"))
kinds = sorted({f["problem"] for u in doc["units"] for f in u["findings"]})
failed = sum(not c["ok"] for c in doc["county"]["checks"])
print(f'年报 {doc["year"]}: {len(doc["units"])} units; county checks failing: {failed}; planted finding kinds: {", ".join(kinds)}')
assert len(kinds) == 4, "the sample plants every finding kind"
PY

step "package: modern (trunk) and legacy (Chromium 86) builds, the site, the single file, the zip"
scripts/package.sh

step "CSS for Chromium 86: nothing newer without a fallback (docs/FLEET.md)"
python3 scripts/site.py check-css dist/main-*.css dist/index.html dist/legacy.html target/package/openness-dashboard.html

step "dashboard: first-load transfer (gzip -9) of each build"
size() { gzip -9 -c "$1" | wc -c; }
for build in modern legacy; do
  if [ $build = modern ]; then
    page=index.html; files=(dist/openness-app-[0-9a-f]*.js dist/openness-app-[0-9a-f]*_bg.wasm.bin)
  else
    page=legacy.html; files=(dist/openness-app-legacy-*.js dist/openness-app-legacy-*_bg.wasm.bin)
  fi
  total=0
  for f in "dist/$page" "${files[@]}" dist/main-*.css; do
    gz=$(size "$f"); total=$((total + gz))
    printf '  %-52s %9d bytes  %8d gz\n' "$(basename "$f")" "$(stat -c %s "$f")" "$gz"
  done
  printf '  %-52s %9s        %8d gz (%d KiB)\n' "total, $build build" "" "$total" $((total / 1024))
done
f=target/package/openness-dashboard.html
printf '  %-52s %9d bytes  %8d gz\n' "single file $(basename "$f")" "$(stat -c %s "$f")" "$(size "$f")"

step "dashboard: end-to-end tests in headless Chromium, site under /apps/openness/ and the single file, axe-core on every page and slide, the keyboard (screenshots and axe-report.json in target/e2e-screenshots/)"
# axe-core (and, for the Chromium 86 step, puppeteer) from npm.
npm ci --prefix tests/fleet --ignore-scripts --no-audit --no-fund
rm -f target/e2e-chromedriver.pids
status=0
cargo test -p openness-e2e --locked -- --ignored --test-threads=1 || status=$?
# The harness leaves its chromedriver running when the test process exits:
# stop the ones it started (their ids are in target/e2e-chromedriver.pids).
if [ -f target/e2e-chromedriver.pids ]; then
  xargs -r kill < target/e2e-chromedriver.pids 2>/dev/null || true
fi
[ "$status" = 0 ] || exit "$status"

step "an independent reader: LibreOffice opens the dashboard's ranking XLSX and reads the CLI's numbers"
scripts/check-xlsx-libreoffice.sh

step "dashboard in a real Chromium 86 (360安全浏览器 13's kernel): site under /apps/openness/, single file, too-old page"
node tests/fleet/chromium86.mjs

step "benchmark harness: DuckDB-WASM, PapaParse and the dashboard give the CLI's results (20,000 rows; timings are not judged)"
scripts/bench-browser.sh --rows 20000 --runs 1 --check-only

step "fuzzing smoke: every target for 20 s from the kept corpus, without a sanitizer (executions per target below; scripts/fuzz.sh for long runs)"
scripts/fuzz.sh --smoke 20

printf '\nAll checks passed.\n'
