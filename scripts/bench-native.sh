#!/usr/bin/env bash
# The native performance benchmark in one command: openness-core and the
# `openness score` process against the same aggregation written with
# polars' lazy API (bench/native, a workspace of its own), on generated
# disclosure CSVs of 1 and 10 million rows by default.
#
#   scripts/bench-native.sh [--rows N]... [--runs K]
#
# Builds what is needed (release), writes bench-data/d<N>.csv when missing
# (d1m.csv, d10m.csv; the 10M file is about 1.2 GB), checks that every
# engine counts the same per department (exit 1 with the differences if
# not), then prints the timings and writes them to target/bench-native.md.
# The first build of polars takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '7p' "$0" | sed 's/^#  *//'; }
rows=()
runs=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) [ $# -ge 2 ] || { usage >&2; exit 2; }; rows+=("$2"); shift 2 ;;
        --runs) [ $# -ge 2 ] || { usage >&2; exit 2; }; runs=(--runs "$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ ${#rows[@]} -gt 0 ] || rows=(1000000 10000000)

# 1000000 → 1m, 100000 → 100k, 1234 → 1234
label() {
    local n=$1
    if [ $((n % 1000000)) -eq 0 ]; then echo "$((n / 1000000))m"
    elif [ $((n % 1000)) -eq 0 ]; then echo "$((n / 1000))k"
    else echo "$n"; fi
}

for n in "${rows[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "--rows needs a positive whole number, not $n" >&2; exit 2; }
done

echo "==> build (release): openness, openness-samplegen, polars-vs-core"
cargo build --release --locked -p openness-cli -p openness-samplegen
cargo build --release --locked --manifest-path bench/native/Cargo.toml --bin polars-vs-core

files=()
mkdir -p bench-data
for n in "${rows[@]}"; do
    f="bench-data/d$(label "$n").csv"
    if [ ! -s "$f" ]; then
        need=$((n * 125 / 1000000 + 1))   # MB, about 125 bytes a row
        avail=$(df -Pm bench-data | awk 'NR==2 {print $4}')
        if [ "$avail" -lt $((need * 2)) ]; then
            echo "$f needs about $need MB; only $avail MB free" >&2
            exit 2
        fi
        echo "==> generate $f ($n rows)"
        target/release/openness-samplegen big --rows "$n" --out "$f"
    fi
    files+=("$f")
done

echo "==> run"
bench/native/target/release/polars-vs-core "${runs[@]}" "${files[@]}"
