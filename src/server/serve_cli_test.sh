#!/usr/bin/env bash
# `parley serve` end to end, as a separate process: it starts on a free
# loopback port and says where, refuses writes without the token, ingests
# the example through the API, answers queries, and stops cleanly on
# SIGTERM. SQLite always; PostgreSQL too when $PARLEY_TEST_PG is set (in a
# schema of its own). A store it cannot open stops it at once, with why.
# Usage: serve_cli_test.sh PARLEY_BINARY   (from the source root)
set -euo pipefail
parley="$1"
dir="$(mktemp -d)"
schema="parley_serve_test_$$"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
  if [ -n "${PARLEY_TEST_PG:-}" ]; then psql -q "$PARLEY_TEST_PG" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
fail() { echo "serve_cli_test: $*" >&2; cat "$dir/log" >&2 2>/dev/null || true; exit 1; }

check() {  # check STORE_URL
  : >"$dir/log"
  PARLEY_TOKEN=cli-test-token "$parley" serve --store "$1" --host 127.0.0.1 --port 0 --threads 4 \
    --web "$dir/none" 2>"$dir/log" &
  pid=$!
  port=""
  for _ in $(seq 1 300); do
    port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$dir/log")"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || fail "exited before listening"
    sleep 0.1
  done
  [ -n "$port" ] || fail "did not say where it listens"
  base="http://127.0.0.1:$port"
  code="$(curl -s -o "$dir/out" -w '%{http_code}' --data-binary @examples/sudan-talks-2025.jsonl "$base/api/documents")"
  [ "$code" = 401 ] || fail "write without token: $code"
  curl -sS --fail-with-body -H 'Authorization: Bearer cli-test-token' \
    --data-binary @examples/sudan-talks-2025.jsonl "$base/api/documents" >"$dir/out"
  grep -q '"stored":3,' "$dir/out" || fail "ingest: $(cat "$dir/out")"
  curl -sS "$base/api/health" >"$dir/out"
  grep -q '"documents":3,' "$dir/out" || fail "health: $(cat "$dir/out")"
  curl -sS "$base/api/events?country=SDN&limit=1" >"$dir/out"
  grep -q '"sentence_text":' "$dir/out" || fail "events: $(cat "$dir/out")"
  kill -TERM "$pid"
  wait "$pid" || fail "exit status $? after SIGTERM"
  pid=""
  grep -q 'parley serve: stopped' "$dir/log" || fail "no clean stop"
}

check "$dir/store.db"
if [ -n "${PARLEY_TEST_PG:-}" ]; then
  psql -q "$PARLEY_TEST_PG" -c "CREATE SCHEMA $schema" >/dev/null
  sep='?'; case "$PARLEY_TEST_PG" in *\?*) sep='&' ;; esac
  check "$PARLEY_TEST_PG${sep}options=-csearch_path%3D$schema"
fi

if "$parley" serve --store "$dir/no/such/dir/x.db" --port 0 2>"$dir/log"; then fail "served a store it cannot open"; fi
grep -q "parley serve: .*no/such/dir" "$dir/log" || fail "no reason given for the store"
echo "serve_cli_test: ok"
