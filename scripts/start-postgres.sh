#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store's tests and benchmark:
# installs PostgreSQL (Debian's apt) if missing, initialises a cluster in a
# temporary folder as a non-root user, starts it on 127.0.0.1 at a free port
# and creates the database parley_test. Prints the environment to use it:
#   eval "$(scripts/start-postgres.sh)"     # sets PARLEY_TEST_PG, PARLEY_PG_DIR
#   ...
#   scripts/stop-postgres.sh "$PARLEY_PG_DIR"
# Progress goes to stderr; stdout carries only the export lines.
set -euo pipefail

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "start-postgres: installing postgresql" >&2
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

# PostgreSQL refuses to run as root: as root, run it as the postgres user.
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  run_as=(runuser -u postgres --)
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/parley-pg.XXXXXX")"
chmod 755 "$dir"
[ ${#run_as[@]} -gt 0 ] && chown postgres "$dir"

port=""
for p in $(seq 54320 54399); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && [ ! -e "/tmp/.s.PGSQL.$p" ]; then
    port=$p
    break
  fi
done
[ -n "$port" ] || { echo "start-postgres: no free port in 54320-54399" >&2; exit 1; }

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U parley --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir -p $port -c listen_addresses=127.0.0.1" start >&2 ||
  { cat "$dir/server.log" >&2; exit 1; }
"${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U parley parley_test >&2

echo "start-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir" >&2
echo "export PARLEY_TEST_PG='postgresql://parley@127.0.0.1:$port/parley_test'"
echo "export PARLEY_PG_DIR='$dir'"
