#!/usr/bin/env bash
# Coverage-guided fuzzing of openness-core (docs/ROBUSTNESS.md, "Fuzzing").
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]          a long run
#   scripts/fuzz.sh --runs N [TARGET...]                      N executions each
#   scripts/fuzz.sh --smoke [SECONDS_PER_TARGET] [TARGET...]  the CI run
#
# Installs the nightly toolchain and cargo-fuzz if missing, then runs each
# target (default: all) for SECONDS_PER_TARGET (default 60; 20 for the
# smoke) in one process (one core), from the kept corpus fuzz/corpus/<t>/
# (committed, minimised with `cargo fuzz cmin`) plus the seeds in
# fuzz/seeds/<t>/, and prints libFuzzer's final statistics (executions,
# coverage, corpus).
#
# A long run adds what it finds to fuzz/corpus/<t>/ and minimises it again
# at the end; commit the result. The smoke writes new inputs to a scratch
# folder, so it leaves the kept corpus as it is.
#
# A crash stops that target, fails the script and leaves its input in
# fuzz/artifacts/<t>/; minimise it with `cargo +nightly fuzz tmin <t> <file>`
# and add it to core/tests/fuzz-regressions/. Logs go to fuzz/logs/<t>.log.
#
# Targets are built without a sanitizer (`-s none`): openness-core forbids
# unsafe code, and the sanitizer halves the executions a run reaches.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
runs=""
if [ "${1:-}" = "--smoke" ]; then
    smoke=true
    shift
elif [ "${1:-}" = "--runs" ]; then
    runs="$2"
    shift 2
fi
if [ -n "$runs" ]; then
    seconds=86400
else
    seconds="${1:-$($smoke && echo 20 || echo 60)}"
    shift || true
fi
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(csv_utf8 csv_encodings xlsx json dates rules annual_tables annual_check)
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
        csv_utf8 | csv_encodings | json | annual_tables) echo "-dict=dicts/tables.dict -max_len=8192" ;;
        xlsx | annual_check) echo "-max_len=65536" ;;
        dates) echo "-dict=dicts/tables.dict -max_len=256" ;;
        rules) echo "-dict=dicts/rules.dict -max_len=4096" ;;
        *) echo "" ;;
    esac
}

cd fuzz
mkdir -p logs
echo "building the fuzz targets (nightly, no sanitizer)…"
cargo +nightly fuzz build -s none --release 2>&1 | tail -n 2
status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    if $smoke; then
        scratch=$(mktemp -d)
        dirs=("$scratch" "corpus/$t" "seeds/$t")
    else
        dirs=("corpus/$t" "seeds/$t")
    fi
    limit=(-max_total_time="$seconds")
    [ -n "$runs" ] && limit+=(-runs="$runs")
    echo "=== $t: ${runs:-${seconds}s}${runs:+ executions}"
    # shellcheck disable=SC2046 # the options are words
    if ! cargo +nightly fuzz run -s none --release "$t" "${dirs[@]}" -- \
        $(options "$t") \
        "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"logs/$t.log" 2>&1; then
        echo "!!! $t stopped with a finding: see fuzz/logs/$t.log and fuzz/artifacts/$t/"
        status=1
    fi
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "logs/$t.log" | tr '\n' ' ' || true
    echo
    grep -E '^#[0-9]+[[:space:]]+DONE' "logs/$t.log" || true
    if $smoke; then
        rm -rf "$scratch"
    elif [ "$status" -eq 0 ]; then
        # Keep the smallest inputs that reach the same coverage.
        cargo +nightly fuzz cmin -s none --release "$t" "corpus/$t" -- $(options "$t") >>"logs/$t.log" 2>&1 || true
        echo "    kept corpus: $(find "corpus/$t" -type f | wc -l) inputs, $(du -sh "corpus/$t" | cut -f1)"
    fi
done
exit "$status"
