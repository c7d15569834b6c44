#!/usr/bin/env bash
# Installs whatever is missing, then builds tunewise and serves it on
# http://127.0.0.1:8080 (rebuilding on change). Ctrl-C stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS_DIR="${TUNEWISE_TOOLS:-$HOME/.cache/tunewise-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
bash scripts/install-tools.sh
echo "Serving tunewise on http://127.0.0.1:8080 (first build takes about a minute)"
exec trunk serve --release --address 127.0.0.1 --port 8080 "$@"
