#!/usr/bin/env bash
# Coverage-guided fuzzing of openness-core (docs/ROBUSTNESS.md, "Fuzzing").
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Installs cargo-fuzz if missing, then runs each target (default: all) for
# SECONDS_PER_TARGET (default 60) in one process (one core), starting from the committed
# seeds in fuzz/seeds/<target>/ plus whatever fuzz/corpus/<target>/ holds
# from earlier runs, and prints libFuzzer's final statistics. A crash stops
# that target and leaves its input in fuzz/artifacts/<target>/; minimise it
# with `cargo +nightly fuzz tmin <target> <file>` and add it to
# core/tests/fuzz-regressions/. Logs go to fuzz/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(csv_utf8 csv_encodings xlsx json dates rules)
fi

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

# Per target: the dictionary and the largest input worth trying.
options() {
    case "$1" in
        csv_utf8 | csv_encodings | json) echo "-dict=fuzz/dicts/tables.dict -max_len=8192" ;;
        xlsx) echo "-max_len=65536" ;;
        dates) echo "-dict=fuzz/dicts/tables.dict -max_len=256" ;;
        rules) echo "-dict=fuzz/dicts/rules.dict -max_len=4096" ;;
        *) echo "" ;;
    esac
}

mkdir -p fuzz/logs
status=0
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    echo "=== $t: ${seconds}s"
    # shellcheck disable=SC2046 # the options are words
    if ! (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- \
        $(options "$t" | sed 's#fuzz/##g') \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1) >"fuzz/logs/$t.log" 2>&1; then
        echo "!!! $t stopped with a finding: see fuzz/logs/$t.log and fuzz/artifacts/$t/"
        status=1
    fi
    grep -E '^(stat::|Done|#[0-9]+ +DONE)' "fuzz/logs/$t.log" || true
    tail -n 1 "fuzz/logs/$t.log" | grep -E 'cov:' || true
done
exit "$status"
