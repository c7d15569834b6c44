#!/usr/bin/env bash
# Runs every test of tunewise, installing what is missing first:
# formatting, clippy (native and wasm32), native unit and property tests,
# wasm-bindgen-test in headless Chromium, the release build, and the
# Playwright end-to-end tests (including the download budget) against dist/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS_DIR="${TUNEWISE_TOOLS:-$HOME/.cache/tunewise-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

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
stage "benchmark: dataset validation, native (prints MB/s and peak memory)"
cargo bench --bench dataset --locked

stage "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web --locked

stage "release build (scripts/build.sh: trunk build --release per page)"
bash scripts/build.sh

stage "end-to-end tests (Playwright + Chromium against dist/)"
PYTHON="$(python3 -c 'import sys; print(sys.executable)')"
export PYTHON
(cd tests/e2e && npx --no-install playwright test --grep-invert "benchmark")

stage "benchmark: cost page recompute + redraw in Chromium (alone, prints figures)"
(cd tests/e2e && npx --no-install playwright test --grep "benchmark" --workers 1)

printf '\nAll tests passed in %ds. Screenshots: target/screenshots/\n' "$((SECONDS - started))"
