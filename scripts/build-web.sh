#!/usr/bin/env bash
# Builds the dashboard into web/dist: installs the locked npm packages
# (web/package-lock.json, `npm ci`; offline once npm's cache holds them), then
# copies the browser files Parley vendors (d3, topojson-client, world-atlas's
# countries-110m) and web/src into web/dist/assets. `parley serve --web
# web/dist` serves the result; nothing is fetched from the network at run time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
web="$root/web"
dist="$web/dist"

if ! command -v npm >/dev/null 2>&1; then
  echo "build-web: npm not found; install nodejs (scripts/install-browser-deps.sh) to build the dashboard" >&2
  exit 1
fi

cd "$web"
# Reinstall only when the lock file changed since the last install.
stamp="node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
fi

rm -rf "$dist.tmp"
mkdir -p "$dist.tmp/assets"
cp node_modules/d3/dist/d3.min.js \
   node_modules/topojson-client/dist/topojson-client.min.js \
   node_modules/world-atlas/countries-110m.json \
   "$dist.tmp/assets/"
cp src/*.js src/*.css "$dist.tmp/assets/"
cp src/index.html "$dist.tmp/index.html"
node tools/gen-meta.mjs \
  --iso /usr/share/iso-codes/json/iso_3166-1.json \
  --cameo "$root/data/cameo/cameo-events.tsv" \
  --out "$dist.tmp/assets/meta.js"
rm -rf "$dist"
mv "$dist.tmp" "$dist"
echo "build-web: dashboard in $dist ($(find "$dist" -type f | wc -l) files)"
