#!/usr/bin/env bash
# Installs what building and testing the dashboard needs, when missing:
# the wasm32 target, trunk 0.21.14, the wasm-bindgen-cli matching
# Cargo.lock, wasm-opt 132, and (with --browser) Chromium, chromedriver and CJK fonts.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
  echo "installing trunk 0.21.14 (about 4 minutes)…"
  cargo install trunk --version 0.21.14 --locked
fi

want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$want"; then
  echo "installing wasm-bindgen-cli $want (about 2 minutes)…"
  cargo install wasm-bindgen-cli --version "$want"
fi

# wasm-opt 132 from npm's binaryen (Debian's 108 cannot read current rustc
# output); trunk finds it on PATH by the version Trunk.toml names.
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  echo "installing wasm-opt 132 (npm binaryen)…"
  npm install -g binaryen@132
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-noto-cjk
  fi
fi
