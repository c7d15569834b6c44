#!/usr/bin/env bash
# Release build of every page into dist/: one Trunk build per HTML page
# (each page is its own WebAssembly bundle), merged into one folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS_DIR="${TUNEWISE_TOOLS:-$HOME/.cache/tunewise-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
PUBLIC_URL="${PUBLIC_URL:-/}"

trunk build --release --public-url "$PUBLIC_URL" --dist dist index.html
trunk build --release --public-url "$PUBLIC_URL" --dist target/dist-costs costs.html
# Trunk names every page's output index.html; hashed assets never collide.
for f in target/dist-costs/*; do
  case "$(basename "$f")" in
    index.html) cp "$f" dist/costs.html ;;
    *) cp "$f" dist/ ;;
  esac
done
echo "dist/ ready: $(ls dist | tr '\n' ' ')"
