#!/usr/bin/env bash
# Builds the dashboard's legacy WebAssembly (Chromium 86+, docs/FLEET.md)
# and writes it into a site built by trunk:
#   DIST/legacy.html + DIST/openness-app-legacy-HASH.{js,_bg.wasm.bin}
# and the no-modules glue the single file inlines, in target/legacy/no-modules/.
#
# Rust's std and rustc's defaults use reference types and multi-value
# (Chromium 96 / 86+) and the workspace adds SIMD128 (Chromium 91), none of
# which Chromium 86 runs. So this rebuilds std with the installed nightly
# for the WebAssembly MVP plus the four features Chromium 86 has, and
# wasm-opt is given only those features: a module using any other fails
# to validate there, so the build cannot quietly regress.
#
# Usage: scripts/build-legacy.sh [DIST]   (default dist/, after `trunk build --release`)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
dist="${1:-dist}"
out=target/legacy

# The machine's nightly as it is (an update could change the build), with
# the std sources that -Zbuild-std compiles.
if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
  rustup component add rust-src --toolchain nightly
fi

features="+mutable-globals,+sign-ext,+bulk-memory,+nontrapping-fptoint"
# RUSTFLAGS replaces .cargo/config.toml's +simd128 for this build.
RUSTFLAGS="-Ctarget-cpu=mvp -Ctarget-feature=$features" \
  cargo +nightly build -p openness-app --release --locked \
  --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort --target-dir "$out"

wasm="$out/wasm32-unknown-unknown/release/openness-app.wasm"
rm -rf "$out/web" "$out/no-modules"
wasm-bindgen --target web --no-typescript --out-dir "$out/web" --out-name openness-app "$wasm"
wasm-bindgen --target no-modules --no-typescript --out-dir "$out/no-modules" --out-name openness-app "$wasm"

# The same flags as the modern build's (index.html) without SIMD,
# reference types and multi-value.
wasm-opt -O3 --converge --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  "$out/web/openness-app_bg.wasm" -o "$out/opt.wasm"
if cmp -s "$out/web/openness-app_bg.wasm" "$out/no-modules/openness-app_bg.wasm"; then
  cp "$out/opt.wasm" "$out/no-modules/openness-app_bg.wasm"
else
  echo "build-legacy: wasm-bindgen's web and no-modules wasm differ" >&2
  exit 1
fi
mv "$out/opt.wasm" "$out/web/openness-app_bg.wasm"

python3 scripts/site.py legacy "$dist" "$out/web"
