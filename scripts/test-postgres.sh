#!/usr/bin/env bash
# Runs the whole test suite against a fresh local PostgreSQL 15 (each test gets its own database).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGPORT=${PGPORT:-25432}
DATABASE_URL=$(scripts/postgres.sh start)
export DATABASE_URL
trap 'scripts/postgres.sh stop' EXIT
# One test at a time: on a 2-core machine, parallel tests each waiting for their own copied database
# outran connection timeouts now and then; serial runs are steady and take about a minute.
swift test --no-parallel "$@"
