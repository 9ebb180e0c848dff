#!/usr/bin/env bash
# Build the linklens CLI from the action's own checkout, once per version
# (the directory is cached by the action), and put it on PATH.
set -euo pipefail
home="${LINKLENS_ACTION_HOME:-$HOME/.cache/linklens-action}"
if [[ ! -x "$home/bin/linklens" ]]; then
  cargo install --locked --quiet --path "$GITHUB_ACTION_PATH/crates/linklens-cli" --root "$home"
fi
echo "$home/bin" >> "$GITHUB_PATH"
