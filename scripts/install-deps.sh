#!/usr/bin/env bash
# Installs the Debian 12 packages Parley needs to build and test, if missing.
# Safe to run repeatedly: it calls apt-get only when something is absent.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libgtest-dev libgmock-dev libbenchmark-dev
  libsimdjson-dev libcli11-dev libfmt-dev libpugixml-dev
  iso-codes ruby-countries wamerican  # data read by tools/gen-countries.py, gen-cameo-codes.py, gen-places.py
  zlib1g-dev
  wordnet-base  # WordNet's exception lists, read by parley train for irregular lemmas (models/README.md)
  libsqlite3-dev libpq-dev  # src/store: SQLite (embedded) and PostgreSQL (client) engines
  libcpp-httplib-dev curl  # src/server: HTTP server/client (parley serve, bench/api_load); curl for bench/api_load.sh
)
packages+=("$@")  # extra packages from a caller (scripts/install-browser-deps.sh)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
