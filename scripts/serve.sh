#!/usr/bin/env bash
# Installs whatever is missing, builds every page of tunewise (release) and
# serves dist/ on http://127.0.0.1:8080. Ctrl-C stops it; run it again to
# rebuild after a change.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"
bash scripts/install-tools.sh
bash scripts/build.sh
echo "Serving tunewise on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
