#!/usr/bin/env bash
# Installs what the dashboard's build and browser tests need, if missing, on
# top of scripts/install-deps.sh: Node.js with npm (builds web/dist; runs
# web/test with playwright-core) and Debian's Chromium (the browser the tests
# drive). Safe to run repeatedly.
set -euo pipefail
extra=(chromium fonts-dejavu-core)
# A newer Node.js installed another way (e.g. NodeSource) is used as it is.
command -v node >/dev/null 2>&1 || extra+=(nodejs)
command -v npm >/dev/null 2>&1 || extra+=(npm)
exec "$(dirname "$0")/install-deps.sh" "${extra[@]}"
