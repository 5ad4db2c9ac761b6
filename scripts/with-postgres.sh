#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server.
#
# Starts a private cluster (initdb + pg_ctl) in a temporary directory on a free
# loopback port, exports DATABASE_URL for the command, and always stops and
# removes the cluster afterwards, whatever the command's outcome.
set -euo pipefail

find_pg_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

PG_BIN=$(find_pg_bin || true)
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL server not found: installing it with apt-get (postgresql)." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(find_pg_bin)
  else
    echo "PostgreSQL server binaries (initdb, pg_ctl) are missing." >&2
    echo "Install them, e.g. 'sudo apt-get install postgresql', then run again." >&2
    exit 1
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/intrum-pg.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

# initdb refuses to run as root: use the postgres system account then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$WORK"
fi

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
# A cluster thrown away after the run: no durability (fsync, commit waits, full
# pages, WAL beyond the minimum), no autovacuum working behind the tests, no JIT.
as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c autovacuum=off -c jit=off" \
  >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

# Through the cluster's Unix socket (its directory, URL-encoded, as the host):
# a query costs less than over loopback TCP, which the suite feels.
SOCKET_HOST=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$WORK")
export DATABASE_URL="postgres://postgres@$SOCKET_HOST:$PORT/intrum"
# The test suite ignores DATABASE_URL (tests/hermetic.py): it reads this one.
export TEST_DATABASE_URL="$DATABASE_URL"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PORT and its socket in $WORK" >&2
"$@"
