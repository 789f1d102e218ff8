#!/usr/bin/env bash
# Configures and builds Parley into ./build (or $PARLEY_BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PARLEY_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${PARLEY_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
# The dashboard (web/dist) when npm is there (scripts/install-browser-deps.sh installs it).
if command -v npm >/dev/null 2>&1; then "$root/scripts/build-web.sh"; else echo "build: npm not found; the dashboard (web/dist) is not built"; fi
