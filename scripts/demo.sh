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

# The same from raw news text: Parley's own tokenizer, tagger and parser, and
# its own dictionaries (dictionaries/), on three articles written for this
# project, scored against the events a person coded by hand.
echo
echo "== parley code examples/sudan-talks-2025.jsonl (raw text, Parley's own dictionaries) =="
events="$(mktemp)"
trap 'rm -f "$events"' EXIT
"$build/src/cli/parley" code examples/sudan-talks-2025.jsonl -o "$events"
head -n 3 "$events"
echo "... ($(wc -l < "$events") events in all)"
echo "== parley eval events examples/sudan-talks-2025.expected.tsv examples/sudan-talks-2025.jsonl =="
"$build/src/cli/parley" eval events examples/sudan-talks-2025.expected.tsv examples/sudan-talks-2025.jsonl
