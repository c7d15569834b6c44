#!/usr/bin/env bash
# Release build of every page into dist/: one Trunk build per HTML page
# (each page is its own WebAssembly bundle), merged into one folder, plus
# the tokenizer vocabularies the Dataset page's worker fetches.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS_DIR="${TUNEWISE_TOOLS:-$HOME/.cache/tunewise-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
PUBLIC_URL="${PUBLIC_URL:-/}"

trunk build --release --public-url "$PUBLIC_URL" --dist dist index.html
for page in costs dataset; do
  rm -rf "target/dist-$page"
  trunk build --release --public-url "$PUBLIC_URL" --dist "target/dist-$page" "$page.html"
  # Trunk names every page's output index.html; hashed assets never collide.
  for f in "target/dist-$page"/*; do
    case "$(basename "$f")" in
      index.html) cp "$f" "dist/$page.html" ;;
      *) cp "$f" dist/ ;;
    esac
  done
done

# The o200k_base and cl100k_base vocabularies (tiktoken's files, gzipped as
# the bpe-openai crate ships them), fetched by the worker only when needed.
vocab_dir="$(cargo metadata --format-version 1 --frozen 2>/dev/null | python3 -c '
import json, os, sys
for p in json.load(sys.stdin)["packages"]:
    if p["name"] == "bpe-openai":
        print(os.path.join(os.path.dirname(p["manifest_path"]), "data"))
')"
for name in o200k_base cl100k_base; do
  cp "$vocab_dir/$name.tiktoken.gz" dist/
done
echo "dist/ ready: $(ls dist | tr '\n' ' ')"
