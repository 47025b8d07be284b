#!/bin/sh
# Run the whole suite twice: on the embedded SQLite database, then on a throwaway PostgreSQL
# cluster started here in a temporary folder and stopped afterwards.
set -eu
sh scripts/system-packages.sh
BIN=$(pwd)/.venv/bin
export DJANGO_ALLOW_ASYNC_UNSAFE=true

# A throwaway Redis on a free loopback port for the job-queue tests (tests/jobs run on SQLite and on it).
REDIS_DIR=$(mktemp -d /tmp/accord-redis.XXXXXX)
REDIS_PORT=$($BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --save "" --appendonly no \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null
stop_redis() { [ -f "$REDIS_DIR/redis.pid" ] && kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true; rm -rf "$REDIS_DIR"; }
trap stop_redis EXIT INT TERM
export ACCORD_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"

echo "== Layers (import-linter contract in pyproject.toml) =="
PYTHONPATH=$(pwd) $BIN/lint-imports

echo "== Test suite on SQLite =="
unset ACCORD_DATABASE_URL || true
$BIN/pytest "$@"

echo "== Test suite on PostgreSQL =="
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDIR=$(mktemp -d /tmp/accord-pg.XXXXXX)
PORT=$($BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = "0" ] && chown postgres "$PGDIR"
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log"
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap 'stop_pg; stop_redis' EXIT INT TERM
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/data/server.log" -w \
    -o "-p $PORT -k $PGDIR/data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export ACCORD_DATABASE_URL="postgresql://postgres@127.0.0.1:$PORT/accord"
$BIN/pytest "$@"
