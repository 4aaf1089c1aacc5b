#!/usr/bin/env bash
# Builds and serves the dashboard on the embedded sample county at
# http://127.0.0.1:8080/ (the README's first command). Installs the wasm32
# target, trunk and the matching wasm-bindgen-cli when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# No autoreload: its injected inline script is not in the page's CSP.
exec trunk serve --release --offline --no-autoreload "$@"
