#!/usr/bin/env bash
# openness-core must never depend, even transitively, on browser or UI
# crates: it is the pure engine shared by the CLI and the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
banned='^(leptos|leptos_[a-z_]+|web-sys|js-sys|wasm-bindgen|plotters|plotters-[a-z]+|gloo|gloo-[a-z]+) '
status=0
for target in x86_64-unknown-linux-gnu wasm32-unknown-unknown; do
  found=$(cargo tree -p openness-core -e normal,build --target "$target" --prefix none --locked | sort -u | grep -E "$banned" || true)
  if [ -n "$found" ]; then
    echo "openness-core depends on banned crates for $target:"
    echo "$found"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "openness-core: no leptos, web-sys, js-sys, wasm-bindgen, plotters or gloo (native and wasm32)"
exit "$status"
