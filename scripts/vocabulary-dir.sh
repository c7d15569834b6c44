#!/usr/bin/env bash
# Prints the folder of the bpe-openai crate's data/ (the o200k_base and
# cl100k_base `.tiktoken.gz` vocabularies the Dataset page's worker fetches).
#
# Asks `cargo metadata` about this host's packages only (--filter-platform):
# without the filter cargo needs every platform's packages, which a fresh
# crate cache lacks. Without --offline it downloads what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host="$(rustc -vV | sed -n 's/^host: //p')"
dir="$(cd "$ROOT" && cargo metadata --format-version 1 --locked --filter-platform "$host" | python3 -c '
import json, os, sys
for p in json.load(sys.stdin)["packages"]:
    if p["name"] == "bpe-openai":
        print(os.path.join(os.path.dirname(p["manifest_path"]), "data"))
        break
')"
if [[ -z "$dir" || ! -f "$dir/o200k_base.tiktoken.gz" ]]; then
  echo "vocabulary-dir.sh: cargo metadata names no bpe-openai data/ folder with the vocabularies" >&2
  exit 1
fi
printf '%s\n' "$dir"
