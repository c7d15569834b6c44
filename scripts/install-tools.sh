#!/usr/bin/env bash
# Installs what tunewise needs to build and test, skipping whatever is already
# present at the pinned version. Safe to run again and again.
#
#   scripts/install-tools.sh          build tools (wasm target, Trunk, wasm-bindgen, wasm-opt)
#   scripts/install-tools.sh --test   also the browser test tools (Chromium, ChromeDriver, pdftoppm, npm packages)
#
# Pins come from ../shared/TOOLCHAIN.md: Trunk 0.22 needs a newer rustc than 1.95,
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, and only
# binaryen 132 from npm parses wasm-bindgen 0.2.130's output.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
# Minifies the wasm-bindgen JS glue after Trunk (whose own minifier fails on it).
TERSER_VERSION=5.51.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tool-path.sh
source "$(dirname "${BASH_SOURCE[0]}")/tool-path.sh"

say() { printf '[install-tools] %s\n' "$*" >&2; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

mkdir -p "$TOOLS_DIR"

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# Quick installs first, so a failure stops before the long compiles.
if ! has_version wasm-opt "version $BINARYEN_VERSION" && ! has_version wasm-opt "version ${BINARYEN_VERSION%%.*}"; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
  npm install --loglevel=error --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION" >&2
fi
if ! has_version terser "terser $TERSER_VERSION"; then
  say "installing terser $TERSER_VERSION from npm"
  npm install --loglevel=error --no-audit --no-fund --prefix "$TOOLS_DIR" "terser@$TERSER_VERSION" >&2
fi

if [[ "${1:-}" == "--test" ]]; then
  # poppler-utils: pdftoppm, which turns the printed report's PDFs into PNGs.
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver || ! -x /usr/bin/pdftoppm ]]; then
    say "installing Debian chromium, chromium-driver and poppler-utils"
    SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >&2
  fi
  if [[ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" || ! -d "$ROOT/tests/e2e/node_modules/axe-core" ]]; then
    say "installing the end-to-end test packages (playwright-core, axe-core)"
    (cd "$ROOT/tests/e2e" && npm ci --loglevel=error --no-audit --no-fund >&2)
  fi
fi

pids=()
if ! has_version trunk "$TRUNK_VERSION"; then
  say "compiling trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
  cargo install --root "$TOOL_ROOT" --locked trunk --version "=$TRUNK_VERSION" >&2 &
  pids+=($!)
fi
if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "compiling wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: a locked dependency (webpki-roots) is missing from the registry mirror.
  cargo install --root "$TOOL_ROOT" wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" >&2 &
  pids+=($!)
fi
for pid in "${pids[@]}"; do wait "$pid"; done
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
