#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with CTest.
# Suites that need ../shared (the PETRARCH unit-test records) skip when it is absent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PARLEY_BUILD_DIR:-$root/build}"
"$root/scripts/install-browser-deps.sh"  # node, npm, chromium for the dashboard tests
"$root/scripts/build.sh" "$@"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
