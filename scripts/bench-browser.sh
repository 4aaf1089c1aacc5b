#!/usr/bin/env bash
# Benchmarks the dashboard against in-browser peers on the same CSV file,
# in headless Chromium, and checks that they all compute the same thing:
#
#   ours         the dashboard's ?bench= hook: import + score + ranking rendered
#   ours-legacy  the same on the legacy build (legacy.html, Chromium 86+, no SIMD);
#                not run unless named
#   duckdb       DuckDB-WASM: read_csv, a working-day calendar table, SQL tallies
#   papa         PapaParse (header: true) and a plain JavaScript loop
#
# Every engine's per-department disclosure_timeliness {counted, passed,
# pending} and its accepted row count must equal the CLI's JSON on the same
# file (and on bench/browser/fixtures/messy.csv, which has rejected rows,
# duplicates, every date form, pending and overdue items); a mismatch
# exits 1. Timings are reported, never judged.
#
#   scripts/bench-browser.sh [--rows N] [--runs K] [--check-only]
#                            [--engines ours,duckdb,papa[,ours-legacy]] [--timeout SECONDS]
#
# --rows      data rows of the generated file bench-data/d<N>.csv (default
#             1000000 → d1m.csv; made by openness-samplegen when missing)
# --runs      runs per engine, a fresh page each, interleaved (default 5)
# --check-only  equality only, no table (CI: --rows 20000 --runs 1 --check-only)
#
# Builds only what is missing or stale: the file, dist/ (trunk build
# --release --offline when older than the sources), the CLI, and
# bench/browser/node_modules (npm ci from package-lock.json). The table is
# printed and written to target/bench-browser.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

rows=1000000
runs=5
check_only=
engines=ours,duckdb,papa
timeout=
from=2019-01-01
to=2019-12-31
as_of=2020-03-31

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=${2:?--rows needs a number}; shift 2 ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --check-only) check_only=--check-only; shift ;;
    --engines) engines=${2:?--engines needs a list}; shift 2 ;;
    --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "bench-browser.sh: unknown argument $1" >&2; usage 2 >&2 ;;
  esac
done
case "$rows" in ''|*[!0-9]*|0) echo "--rows must be a positive whole number" >&2; exit 2 ;; esac
case "$runs" in ''|*[!0-9]*|0) echo "--runs must be a positive whole number" >&2; exit 2 ;; esac

# 1000000 → 1m, 100000 → 100k, 12345 → 12345 (the names bench-data/ already uses).
if [ $((rows % 1000000)) -eq 0 ]; then name="d$((rows / 1000000))m"
elif [ $((rows % 1000)) -eq 0 ]; then name="d$((rows / 1000))k"
else name="d$rows"; fi
csv="bench-data/$name.csv"
# A page gets about 5 minutes per million rows, at least a minute.
: "${timeout:=$(( rows / 3333 > 60 ? rows / 3333 : 60 ))}"

step() { printf '\n== %s\n' "$*"; }

case ",$engines," in
  *,ours,*)
    if ! grep -rqs "__openness_bench" app/src; then
      echo "bench-browser.sh: the dashboard has no ?bench= hook yet (nothing in app/src sets" >&2
      echo "window.__openness_bench). To check the peers alone: --engines duckdb,papa" >&2
      exit 1
    fi ;;
esac

step "tools (scripts/setup.sh --browser)"
scripts/setup.sh --browser
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "bench-browser.sh: node and npm are needed (Node 20 or later)" >&2; exit 1; }

step "input $csv"
if [ -s "$csv" ]; then
  echo "present ($(du -h "$csv" | cut -f1))"
else
  mkdir -p bench-data
  cargo run --release -q -p openness-samplegen -- big --rows "$rows" --out "$csv.part"
  mv "$csv.part" "$csv"
fi

step "dashboard (dist/)"
sources=(app core index.html style Trunk.toml Cargo.toml Cargo.lock rust-toolchain.toml data)
if [ ! -f dist/index.html ]; then
  why="dist/ is missing"
else
  newer=$(find "${sources[@]}" -newer dist/index.html -type f -print -quit 2>/dev/null || true)
  why=${newer:+"$newer is newer than dist/"}
fi
case ",$engines," in *,ours,*|*,ours-legacy,*) ;; *) why= ;; esac
if [ -n "$why" ]; then
  echo "$why: trunk build --release --offline"
  # Another trunk writing dist/ at the same moment (scripts/test.sh, a
  # developer's trunk serve) can make a build fail; one retry settles it.
  trunk build --release --offline || { echo "retrying the trunk build once"; sleep 5; trunk build --release --offline; }
else
  echo "up to date"
fi
case ",$engines," in
  *,ours-legacy,*)
    if [ ! -f dist/legacy.html ] || [ dist/index.html -nt dist/legacy.html ]; then
      scripts/build-legacy.sh dist
    fi ;;
esac

step "CLI (the reference results)"
cargo build --release -q -p openness-cli
echo "target/release/openness"

step "bench/browser/node_modules"
if [ ! -f bench/browser/node_modules/.package-lock.json ] \
   || [ bench/browser/package-lock.json -nt bench/browser/node_modules/.package-lock.json ]; then
  (cd bench/browser && npm ci --ignore-scripts --no-audit --no-fund)
else
  echo "up to date with package-lock.json"
fi

step "runs"
exec node bench/browser/run.mjs --csv "$csv" --openness target/release/openness \
  --runs "$runs" --engines "$engines" --timeout "$timeout" \
  --from "$from" --to "$to" --asof "$as_of" $check_only
