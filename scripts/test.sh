#!/usr/bin/env bash
# Runs every test of tunewise, installing what is missing first:
# formatting, clippy (native and wasm32), native unit and property tests,
# wasm-bindgen-test in headless Chromium, the release build, and the
# Playwright end-to-end tests (including the download budget) against dist/,
# and the benchmarks (cost model; dataset validation natively, in Chromium
# and with the Python tiktoken reference on the same 100 MB file).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=tool-path.sh
source "$(dirname "${BASH_SOURCE[0]}")/tool-path.sh"

started=$SECONDS
stage() {
  printf '\n==> %s (at %ds)\n' "$1" "$((SECONDS - started))"
}

stage "install tools"
bash scripts/install-tools.sh --test

stage "cargo fmt --check"
cargo fmt --all -- --check

stage "clippy, native"
cargo clippy --all-targets --locked -- -D warnings

stage "clippy, wasm32"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings

stage "native tests (cargo test)"
cargo test --locked

stage "benchmark: cost model recompute + chart redraw, native (prints figures)"
cargo bench --bench cost_model --locked
stage "benchmark: dataset validation, native vs the Python tiktoken references (prints MB/s and peak memory)"
# The reference approaches: Python tiktoken (PyPI) with the vocabularies
# placed offline, used by both scripts/reference_minimal.py (the generated
# and the realistic file) and scripts/reference_validate.py (the generated
# file), which read the same TIKTOKEN_CACHE_DIR; a failure here only skips
# the comparison.
if reference="$(bash scripts/setup-tiktoken.sh | tail -n 1)"; then
  export TIKTOKEN_CACHE_DIR="${reference%% *}"
  TIKTOKEN_CACHE_DIR="${TIKTOKEN_CACHE_DIR#TIKTOKEN_CACHE_DIR=}"
  export TUNEWISE_REFERENCE_PYTHON="${reference##* }"
else
  echo "setup-tiktoken failed: the reference comparison is skipped" >&2
fi
cargo bench --bench dataset --locked
stage "benchmark: crafted 64 MiB lines, native (prints time and peak memory)"
cargo bench --bench crafted_line --locked

stage "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web --locked

stage "release build (scripts/build.sh: trunk build --release per page)"
bash scripts/build.sh

stage "end-to-end tests (Playwright + Chromium against dist/)"
PYTHON="$(python3 -c 'import sys; print(sys.executable)')"
export PYTHON
(cd tests/e2e && npx --no-install playwright test --grep-invert "benchmark")

stage "benchmarks in Chromium: cost page redraw, dataset validation (alone, print figures)"
(cd tests/e2e && npx --no-install playwright test --grep "benchmark" --workers 1)

printf '\nAll tests passed in %ds. Screenshots: target/screenshots/\n' "$((SECONDS - started))"
