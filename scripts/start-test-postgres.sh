#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the storage tests (Debian; run as root in CI).
#
#   eval "$(bash scripts/start-test-postgres.sh)"   # exports TEST_DATABASE_URL
#   bash "$PGTEST_DIR/stop.sh"                      # stops it and removes its data
#   bash "$(cat /tmp/moa-test-postgres.last)/stop.sh"   # same, from another shell (latest server)
#
# Only the export lines go to stdout; progress goes to stderr.
set -euo pipefail

log() { echo "start-test-postgres: $*" >&2; }

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

PG_BIN="$(find_pg_bin || true)"
if [[ -z "$PG_BIN" ]]; then
  log "PostgreSQL not found; installing it with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  PG_BIN="$(find_pg_bin)"
fi

# The server refuses to run as root: it runs as the `postgres` OS user the package creates.
if ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

as_postgres() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

DIR="$(mktemp -d /tmp/moa-pgtest.XXXXXX)"
chmod 755 "$DIR"
mkdir -p "$DIR/data" "$DIR/socket"
[[ "$(id -u)" == "0" ]] && chown -R postgres: "$DIR"

log "initdb in $DIR/data ($PG_BIN)"
as_postgres "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }

log "starting on 127.0.0.1:$PORT"
as_postgres "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2 || { cat "$DIR/server.log" >&2; exit 1; }

as_postgres "$PG_BIN/psql" -h "$DIR/socket" -p "$PORT" -U postgres -d postgres -qAt -c "create database moa_test" >&2

cat >"$DIR/stop.sh" <<STOP
#!/usr/bin/env bash
# Stops the test server started by start-test-postgres.sh and deletes its data.
if [[ "\$(id -u)" == "0" ]]; then
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
else
  "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
fi
rm -rf "$DIR"
STOP
chmod +x "$DIR/stop.sh"
head -1 "$DIR/data/postmaster.pid" >"$DIR/pid"
echo "$DIR" >/tmp/moa-test-postgres.last

log "ready; stop with: bash $DIR/stop.sh"
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/moa_test"
echo "export PGTEST_DIR=$DIR"
