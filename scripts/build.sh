#!/usr/bin/env bash
# Release build of every page into dist/: one Trunk build per HTML page
# (each page is its own WebAssembly bundle), merged into one folder, plus
# the tokenizer vocabularies the Dataset page's worker fetches.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=tool-path.sh
source "$(dirname "${BASH_SOURCE[0]}")/tool-path.sh"
PUBLIC_URL="${PUBLIC_URL:-/}"

mapfile -t pages < <(bash scripts/pages.sh)
trunk build --release --public-url "$PUBLIC_URL" --dist dist index.html
for page in "${pages[@]:1}"; do
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

# Trunk's JS minifier fails on wasm-bindgen's glue (it warns and ships it
# as is): terser minifies each page's hashed bundle, and the pages' subresource
# integrity hashes are written again for the new bytes.
python3 scripts/minify_js.py dist

# The o200k_base and cl100k_base vocabularies (tiktoken's files, gzipped as
# the bpe-openai crate ships them), fetched by the worker only when needed.
vocab_dir="$(bash scripts/vocabulary-dir.sh)"
for name in o200k_base cl100k_base; do
  cp "$vocab_dir/$name.tiktoken.gz" dist/
done
echo "dist/ ready: $(ls dist | tr '\n' ' ')"
