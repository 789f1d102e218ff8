#!/usr/bin/env bash
# Installs what is missing, builds, and codes the bundled example article
# (examples/ceasefire-2025.conllu) with the bundled example dictionaries.
# Prints the events (JSON Lines, stdout) and the run summary (stderr).
# Works from any directory; builds into ./build (or $PARLEY_BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PARLEY_BUILD_DIR:-$root/build}"
"$root/scripts/build.sh" "$@"
# Relative paths from the repository root keep the output (its "pattern"
# field names the dictionary line) the same on every machine.
cd "$root"
dicts="examples/dictionaries"
echo "== parley code examples/ceasefire-2025.conllu =="
"$build/src/cli/parley" code examples/ceasefire-2025.conllu \
  --verbs "$dicts/verbs.txt" --actors "$dicts/actors.txt" \
  --agents "$dicts/agents.txt" --discards "$dicts/discards.txt"
