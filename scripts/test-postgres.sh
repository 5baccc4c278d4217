#!/usr/bin/env bash
# Runs the whole test suite against a fresh local PostgreSQL 15 (each test gets its own database).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGPORT=${PGPORT:-25432}
DATABASE_URL=$(scripts/postgres.sh start)
export DATABASE_URL
trap 'scripts/postgres.sh stop' EXIT
# Only the app's tests touch the database; the libraries' tests ran in the SQLite pass. At most six
# tests at a time: unbounded, hundreds of tests each waiting for their own copied database outran
# connection timeouts on a 2-core machine; three left the machine half idle (385 s against 235 s for six).
swift test --filter RoundsAppTests --experimental-maximum-parallelization-width 6 "$@"
