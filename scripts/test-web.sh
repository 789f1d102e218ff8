#!/usr/bin/env bash
# Runs the dashboard's browser tests (web/test/*.test.mjs: node's test runner
# driving Debian's Chromium through playwright-core) against a real
# `parley serve` over a fresh SQLite store with the bundled examples ingested.
#
#   scripts/test-web.sh --parley build/src/cli/parley [--screenshots DIR]
#
# Exits 77 (CTest's "skipped") with the reason when node, Chromium, the npm
# packages or web/dist are missing, unless PARLEY_REQUIRE_BROWSER=1 (CI),
# where a missing piece is a failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
parley=""
screenshots=""
while [ $# -gt 0 ]; do
  case "$1" in
    --parley) parley="$2"; shift 2 ;;
    --screenshots) screenshots="$2"; shift 2 ;;
    *) echo "test-web: unknown argument $1" >&2; exit 2 ;;
  esac
done

skip() {
  if [ "${PARLEY_REQUIRE_BROWSER:-0}" = 1 ]; then
    echo "test-web: FAILED: $1 (PARLEY_REQUIRE_BROWSER=1)" >&2
    exit 1
  fi
  echo "test-web: SKIPPED: $1"
  exit 77
}

command -v node >/dev/null 2>&1 || skip "node not found (scripts/install-browser-deps.sh installs it)"
chromium="${PARLEY_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || skip "$chromium not found (scripts/install-browser-deps.sh installs it)"
[ -d "$root/web/node_modules/playwright-core" ] || skip "web/node_modules missing (run scripts/build-web.sh)"
[ -f "$root/web/dist/index.html" ] || skip "web/dist missing (run scripts/build-web.sh)"
[ -n "$parley" ] && [ -x "$parley" ] || { echo "test-web: --parley PATH to the parley binary is required" >&2; exit 2; }

export PARLEY_BIN="$(cd "$(dirname "$parley")" && pwd)/$(basename "$parley")"
export PARLEY_WEB_DIST="$root/web/dist"
export PARLEY_EXAMPLES="$root/examples"
if [ -n "$screenshots" ]; then mkdir -p "$screenshots"; PARLEY_SCREENSHOTS="$(cd "$screenshots" && pwd)"; export PARLEY_SCREENSHOTS; fi
cd "$root/web"
exec node --test test/*.test.mjs
