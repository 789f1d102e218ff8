#!/usr/bin/env bash
# `parley ingest` twice on the same file: the second run stores nothing and
# says so; the store holds each document and event once. SQLite always;
# `parley events` then reads events back. PostgreSQL too when
# $PARLEY_TEST_PG is set (in a schema of its own).
# Usage: ingest_cli_test.sh PARLEY_BINARY   (from the source root)
set -euo pipefail
parley="$1"
input=examples/sudan-talks-2025.jsonl
dir="$(mktemp -d)"
schema="parley_cli_test_$$"
cleanup() {
  rm -rf "$dir"
  if [ -n "${PARLEY_TEST_PG:-}" ]; then psql -q "$PARLEY_TEST_PG" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

check() {  # check STORE_URL
  "$parley" ingest -q --store "$1" "$input" 2>"$dir/first"
  "$parley" ingest -q --store "$1" "$input" 2>"$dir/second"
  grep -q '^parley ingest: 3 documents read, 3 stored, 0 already stored, 0 skipped; [1-9][0-9]* events' "$dir/first" ||
    { echo "first run of $1:"; cat "$dir/first"; exit 1; }
  grep -q '^parley ingest: 3 documents read, 0 stored, 3 already stored, 0 skipped; 0 events' "$dir/second" ||
    { echo "second run of $1:"; cat "$dir/second"; exit 1; }
  # `parley events` reads them back with their sentences.
  "$parley" events --store "$1" --country SDN --code 11 --limit 1 >"$dir/events" 2>"$dir/events.err"
  grep -q '^parley events: 1 of [1-9][0-9]* matching events$' "$dir/events.err" ||
    { echo "events on $1:"; cat "$dir/events.err"; exit 1; }
  grep -q '"event":{"code":"11[0-9]*".*"sentence_text":"[^"]' "$dir/events" ||
    { echo "events on $1:"; cat "$dir/events"; exit 1; }
  echo "ok: $1: $(head -1 "$dir/first")"
}

check "$dir/store.db"
if [ -n "${PARLEY_TEST_PG:-}" ]; then
  psql -q "$PARLEY_TEST_PG" -c "CREATE SCHEMA $schema" >/dev/null
  sep='?'; case "$PARLEY_TEST_PG" in *\?*) sep='&' ;; esac
  check "$PARLEY_TEST_PG${sep}options=-csearch_path%3D$schema"
fi
