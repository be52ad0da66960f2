#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15: starts one on a free port in a temporary
# directory, creates the role and database gx/gx, exports
#   GX_TEST_PG_URL=postgres://gx:gx@127.0.0.1:PORT/gx
# runs the command, then stops PostgreSQL and removes the directory (also on failure or ^C).
# Usage: scripts/with-postgres.sh ctest --test-dir build -L pg --output-on-failure
# Needs postgresql-15 (Debian 12). As root it runs PostgreSQL as the postgres user (initdb
# refuses root).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
[ -x "$PGBIN/initdb" ] || { echo "with-postgres: $PGBIN/initdb not found (apt-get install postgresql-15)" >&2; exit 1; }

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

DIR=$(mktemp -d /tmp/gx-pg.XXXXXX)
chmod 755 "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DIR"; fi
started=0
cleanup() {
    status=$?
    if [ "$started" = 1 ]; then
        as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free port: a random one that nothing answers on; PostgreSQL cannot be given port 0, so a
# start that still loses a race for the port is retried with another. Each test server holds
# its writer's connection and one per read thread (serve --read-threads, up to 64), and tests
# run in parallel: max_connections is raised from PostgreSQL's 100 to 300.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
for _ in 1 2 3 4 5; do
    PORT=$((20000 + RANDOM % 40000))
    port_in_use "$PORT" && continue
    if as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null; then
        started=1
        break
    fi
done
[ "$started" = 1 ] || { echo "with-postgres: PostgreSQL did not start" >&2; cat "$DIR/server.log" >&2; exit 1; }
as_pg psql -q -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE gx LOGIN PASSWORD 'gx'" -c "CREATE DATABASE gx OWNER gx" >/dev/null

export GX_TEST_PG_URL="postgres://gx:gx@127.0.0.1:$PORT/gx"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$PORT ($DIR)" >&2
"$@"
