#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1:$PGPORT (default 25432, below Linux's ephemeral port range so
# a client socket in TIME_WAIT can never hold it) as the postgres user and prints
# the DATABASE_URL to use. Stop it with: scripts/postgres.sh stop
set -euo pipefail
PGPORT=${PGPORT:-25432}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDIR=${PGDIR:-/tmp/rounds-postgres-$PGPORT}

if [[ "${1:-start}" == "stop" ]]; then
    if [[ -d "$PGDIR/data" ]]; then su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -w stop -m fast" >/dev/null || true; fi
    rm -rf "$PGDIR"
    exit 0
fi

if [[ ! -x "$PGBIN/initdb" ]]; then
    echo "PostgreSQL 15 server binaries not found in $PGBIN; install the postgresql package" >&2
    exit 1
fi
if [[ -d "$PGDIR/data" ]]; then
    su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -w stop -m fast" >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
fi
mkdir -p "$PGDIR"
chown postgres "$PGDIR"
su postgres -c "$PGBIN/initdb -D $PGDIR/data -A trust -U postgres" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w start -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off'" >/dev/null
psql "postgres://postgres@127.0.0.1:$PGPORT/postgres" -qc "create database rounds_test" >/dev/null
echo "postgres://postgres@127.0.0.1:$PGPORT/rounds_test"
