#!/usr/bin/env bash
# Sets up Python tiktoken for the reference scripts (scripts/reference_validate.py,
# scripts/token_fixture.py) without network access to OpenAI's blob storage.
# Safe to run again and again: every step is skipped when already done.
#
#   scripts/setup-tiktoken.sh
#
# Result (TOOLS = ${TUNEWISE_TOOLS:-$HOME/.cache/tunewise-tools}):
#   $TOOLS/py/                a venv with tiktoken==$TIKTOKEN_VERSION (from PyPI)
#   $TOOLS/tiktoken-cache/    o200k_base and cl100k_base vocabularies, named as
#                             tiktoken's cache expects (sha1 hex of the blob URL),
#                             decompressed from the bpe-openai crate's data/*.gz
# Use it as:
#   TIKTOKEN_CACHE_DIR=$TOOLS/tiktoken-cache $TOOLS/py/bin/python scripts/...
#
# tiktoken checks the sha256 of the vocabulary against the official file; the
# bpe-openai 0.3.x copies are byte-identical, and the final self-test confirms it.
set -euo pipefail

TIKTOKEN_VERSION=0.12.0
TOOLS_DIR="${TUNEWISE_TOOLS:-$HOME/.cache/tunewise-tools}"
VENV="$TOOLS_DIR/py"
CACHE="$TOOLS_DIR/tiktoken-cache"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL_BASE="https://openaipublic.blob.core.windows.net/encodings"
ENCODINGS=(o200k_base cl100k_base)

say() { printf '[setup-tiktoken] %s\n' "$*" >&2; }

mkdir -p "$TOOLS_DIR" "$CACHE"

if [[ ! -x "$VENV/bin/python" ]]; then
  say "creating venv $VENV"
  python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"

installed="$("$PY" -c 'import importlib.metadata as m; print(m.version("tiktoken"))' 2>/dev/null || true)"
if [[ "$installed" != "$TIKTOKEN_VERSION" ]]; then
  say "installing tiktoken==$TIKTOKEN_VERSION into $VENV"
  "$PY" -m pip install --quiet --disable-pip-version-check "tiktoken==$TIKTOKEN_VERSION" >&2
fi

# Where the bpe-openai crate's data lives (exact version in Cargo.lock).
find_data_dir() {
  bash "$ROOT/scripts/vocabulary-dir.sh" || true
}

# The sha256 tiktoken itself expects (tiktoken_ext/openai_public.py).
expected_sha256() {
  case "$1" in
    o200k_base) echo 446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d ;;
    cl100k_base) echo 223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7 ;;
  esac
}

DATA_DIR=""
for enc in "${ENCODINGS[@]}"; do
  url="$URL_BASE/$enc.tiktoken"
  key="$(printf '%s' "$url" | sha1sum | cut -d' ' -f1)"
  target="$CACHE/$key"
  want="$(expected_sha256 "$enc")"
  if [[ -f "$target" ]] && [[ "$(sha256sum "$target" | cut -d' ' -f1)" == "$want" ]]; then
    continue
  fi
  if [[ -z "$DATA_DIR" ]]; then
    DATA_DIR="$(find_data_dir)"
    if [[ -z "$DATA_DIR" || ! -d "$DATA_DIR" ]]; then
      say "cannot find the bpe-openai crate's data directory (run 'cargo fetch' first)"
      exit 1
    fi
  fi
  src="$DATA_DIR/$enc.tiktoken.gz"
  [[ -f "$src" ]] || { say "missing $src"; exit 1; }
  say "writing $enc vocabulary from $src"
  gunzip -c "$src" >"$target.tmp"
  got="$(sha256sum "$target.tmp" | cut -d' ' -f1)"
  if [[ "$got" != "$want" ]]; then
    rm -f "$target.tmp"
    say "$src decompresses to sha256 $got, but tiktoken expects $want"
    exit 1
  fi
  mv "$target.tmp" "$target"
done

# Self-test: load both encodings offline from the cache.
TIKTOKEN_CACHE_DIR="$CACHE" "$PY" - "${ENCODINGS[@]}" >&2 <<'EOF'
import sys, importlib.metadata, tiktoken
for name in sys.argv[1:]:
    enc = tiktoken.get_encoding(name)
    assert enc.decode(enc.encode("hello world")) == "hello world"
print(f"[setup-tiktoken] tiktoken {importlib.metadata.version('tiktoken')} loads "
      + ", ".join(sys.argv[1:]) + " offline")
EOF

echo "TIKTOKEN_CACHE_DIR=$CACHE $PY"
