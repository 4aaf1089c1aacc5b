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

# The dashboard (openness-app) is a wasm32-only crate: it is linted and
# built for wasm32, never natively.
step "clippy (native, -D warnings)"
cargo clippy --workspace --exclude openness-app --all-targets --locked -- -D warnings

step "clippy (wasm32: core and dashboard, -D warnings)"
cargo clippy -p openness-core -p openness-app --target wasm32-unknown-unknown --locked -- -D warnings

step "tests"
cargo test --workspace --exclude openness-app --locked

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

step "dashboard: trunk release build"
trunk build --release --offline

step "dashboard: release bundle size (gzip -9)"
total=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
  printf '  %-48s %9d bytes  %8d gz\n' "$(basename "$f")" "$raw" "$gz"
done
printf '  %-48s %9s        %8d gz (%d KiB)\n' "total wasm + js + css" "" "$total" $((total / 1024))

step "dashboard: end-to-end tests in headless Chromium (screenshots in target/e2e-screenshots/)"
cargo test -p openness-e2e --locked -- --ignored --test-threads=1
# The harness leaves its chromedriver running when the test process exits.
pkill -x chromedriver || true

step "benchmark harness: DuckDB-WASM, PapaParse and the dashboard give the CLI's results (20,000 rows; timings are not judged)"
scripts/bench-browser.sh --rows 20000 --runs 1 --check-only

printf '\nAll checks passed.\n'
