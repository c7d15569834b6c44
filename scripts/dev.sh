#!/usr/bin/env bash
# Development mode: rebuilds every page when a source file changes and
# serves them all on http://127.0.0.1:${PORT:-8080}/ (plain `trunk serve`
# builds index.html only). One `trunk watch` per page writes to its own
# folder under target/dev/; scripts/dev_server.py serves those folders as
# one site, with the tokenizer vocabularies. Debug builds, no wasm-opt:
# reload the page after a rebuild. Ctrl-C stops everything.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=tool-path.sh
source "$(dirname "${BASH_SOURCE[0]}")/tool-path.sh"
PORT="${PORT:-8080}"

bash scripts/install-tools.sh
mapfile -t pages < <(bash scripts/pages.sh)
vocab_dir="$(bash scripts/vocabulary-dir.sh)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
roots=()
for page in "${pages[@]}"; do
  mkdir -p "target/dev/$page"
  # Each page's watcher ignores the other pages' output and generated HTML.
  trunk watch --dist "target/dev/$page" --ignore target --ignore dist "$page.html" &
  pids+=($!)
  roots+=("$page=target/dev/$page")
done
python3 scripts/dev_server.py "$PORT" "$vocab_dir" "${roots[@]}" &
pids+=($!)
echo "Development build of ${pages[*]} on http://127.0.0.1:$PORT/ (rebuilds on change; Ctrl-C stops)"
wait -n "${pids[@]}"
