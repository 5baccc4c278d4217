#!/usr/bin/env bash
# Runs the whole test suite against a fresh local PostgreSQL 15 (each test gets its own database).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGPORT=${PGPORT:-55432}
DATABASE_URL=$(scripts/postgres.sh start)
export DATABASE_URL
trap 'scripts/postgres.sh stop' EXIT
swift test "$@"
