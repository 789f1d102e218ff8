#!/usr/bin/env bash
# Stops the cluster scripts/start-postgres.sh started and removes its folder.
#   scripts/stop-postgres.sh "$PARLEY_PG_DIR"
set -euo pipefail
dir="${1:?usage: stop-postgres.sh DIR (the PARLEY_PG_DIR start-postgres.sh printed)}"
[ -f "$dir/data/PG_VERSION" ] || { echo "stop-postgres: $dir holds no cluster" >&2; exit 1; }
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
run_as=()
[ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
rm -rf "$dir"
