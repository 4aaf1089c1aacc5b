#!/usr/bin/env bash
# Runs every check of the project; this is the README's test command and
# what CI runs (.ci/run). It installs what is missing on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "toolchain: wasm32 target"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "format"
cargo fmt --all --check

step "clippy (native, -D warnings)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32 core, -D warnings)"
cargo clippy -p openness-core --target wasm32-unknown-unknown --locked -- -D warnings

step "tests"
cargo test --workspace --locked

step "wasm32 build of the core"
cargo build -p openness-core --target wasm32-unknown-unknown --locked

step "dependency boundary: openness-core stays pure"
scripts/check-boundary.sh

step "docs (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

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

printf '\nAll checks passed.\n'
