# Sourced by the other scripts: where tunewise's pinned tools live, and
# PATH with them first.
#   TOOLS_DIR  npm tools (wasm-opt), the tiktoken venv: ${TUNEWISE_TOOLS:-~/.cache/tunewise-tools}
#   TOOL_ROOT  Trunk and wasm-bindgen-cli (cargo install --root): ${TUNEWISE_TOOL_ROOT:-the crate home},
#              kept apart so CI can empty its crate cache and keep the tools.
TOOLS_DIR="${TUNEWISE_TOOLS:-$HOME/.cache/tunewise-tools}"
TOOL_ROOT="${TUNEWISE_TOOL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}"
export PATH="$TOOLS_DIR/node_modules/.bin:$TOOL_ROOT/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
