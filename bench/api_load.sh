#!/usr/bin/env bash
# The API load test: starts `parley serve` on 127.0.0.1 over a fresh SQLite
# store with the bundled example ingested (or over the store given as $1, e.g.
# a large generated one), then runs bench/api_load from this second process:
# 100 concurrent clients, a mix of GET queries, bounded by request count and
# time. Prints requests/s, latency median/p95/p99 and the errors; exits 1 on
# any error. Only ever talks to the loopback address.
#
#   bench/api_load.sh [STORE_URL] [-- api_load options, e.g. --requests 50000 --mix windowed]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PARLEY_BUILD_DIR:-$root/build}"
parley="$build/src/cli/parley"
load="$build/bench/api_load"
for f in "$parley" "$load"; do
  [ -x "$f" ] || { echo "api_load.sh: $f is missing: build first (scripts/build.sh)" >&2; exit 2; }
done

store=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then store="$1"; shift; fi
[ "${1:-}" = "--" ] && shift

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fresh_store=0
if [ -z "$store" ]; then store="$work/load.db"; fresh_store=1; fi
token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
threads="${PARLEY_SERVE_THREADS:-128}"

PARLEY_TOKEN="$token" "$parley" serve --store "$store" --host 127.0.0.1 --port 0 \
  --threads "$threads" --web "$work/no-dashboard" 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "api_load.sh: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
base="http://127.0.0.1:$port"

if [ "$fresh_store" = 1 ]; then
  curl -sS --fail-with-body -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$root/examples/sudan-talks-2025.jsonl" "$base/api/documents" >"$work/ingest.json"
  echo "ingested: $(cat "$work/ingest.json")"
fi
echo "store: $(curl -sS "$base/api/health")"
echo "machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"

"$load" --host 127.0.0.1 --port "$port" --clients 100 --requests 20000 --seconds 60 "$@"
