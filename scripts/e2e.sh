#!/usr/bin/env bash
# Starts Rounds on a fresh SQLite database with demo data, runs the browser journeys (e2e/) in headless
# Chromium and then schemathesis against the OpenAPI document. Needs: chromium, and a Python venv with
# playwright, pytest and schemathesis (scripts/python-tools.sh makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-ci}
PORT=${ROUNDS_E2E_PORT:-8099}
WORK=$(mktemp -d)
swift build --product rounds
BIN=$(swift build --show-bin-path)/rounds

# A real SMTP server whose mailbox the journeys read (the letter writer's link arrives only by e-mail).
SMTP_PORT=${ROUNDS_E2E_SMTP_PORT:-18125}
METRICS_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
mkdir -p "$WORK"/mail/{tmp,new,cur}
"$VENV/bin/python" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/mail" >"$WORK/smtp.log" 2>&1 &
SMTP=$!
ROUNDS_SQLITE_PATH="$WORK/rounds.sqlite" ROUNDS_STORAGE_DIR="$WORK/storage" ROUNDS_PORT=$PORT \
    ROUNDS_SMTP_HOST=127.0.0.1 ROUNDS_SMTP_PORT=$SMTP_PORT ROUNDS_MAIL_FROM='Rounds <no-reply@rounds.test>' \
    ROUNDS_SIGNUPS_PER_IP=1000 ROUNDS_CATALOG_RECHECK_SECONDS=0 ROUNDS_REMINDER_SWEEP_SECONDS=2 ROUNDS_ACCOUNT_DELETION_GRACE_HOURS=0 \
    ROUNDS_METRICS_TOKEN=$METRICS_TOKEN "$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER $SMTP 2>/dev/null || true; wait $SERVER $SMTP 2>/dev/null || true; rm -rf "$WORK"' EXIT
# Waits until URL answers /healthz (curl -k: the HTTPS server uses a throwaway certificate); else shows LOG.
wait_for() {
    for _ in $(seq 1 100); do
        curl -fsk "$1/healthz" >/dev/null && return 0
        sleep 0.3
    done
    cat "$2"
    exit 1
}
wait_for "http://127.0.0.1:$PORT" "$WORK/server.log"

export ROUNDS_E2E_URL="http://127.0.0.1:$PORT" ROUNDS_E2E_MAILDIR="$WORK/mail" ROUNDS_E2E_METRICS_TOKEN="$METRICS_TOKEN" \
    ROUNDS_E2E_SECRETS="$WORK/secrets.json"
"$VENV/bin/python" -m pytest -q e2e/journeys

# API fuzzing: a token for each demo role (e2e/schemathesis.toml says which operations use which; the
# journeys enrolled the staff accounts' two-factor sign-in and left their secrets in the work directory),
# then every operation with generated and invalid input. Not "created resource not found": it takes a
# resource another role created and this role may not see (404 by design) for a lost one; the Swift
# tests read back what each operation creates.
token_for() { "$VENV/bin/python" e2e/role_token.py "$ROUNDS_E2E_URL" "$1@rounds.test" "$WORK/secrets.json"; }
TOKEN=$(token_for applicant)
ROUNDS_FUZZ_HOST_TOKEN=$(token_for host)
ROUNDS_FUZZ_ADVISOR_TOKEN=$(token_for advisor)
ROUNDS_FUZZ_ADMIN_TOKEN=$(token_for admin)
ROUNDS_FUZZ_SPARE_TOKEN=$(token_for premed)
export ROUNDS_FUZZ_APPLICANT_TOKEN=$TOKEN ROUNDS_FUZZ_HOST_TOKEN ROUNDS_FUZZ_ADVISOR_TOKEN ROUNDS_FUZZ_ADMIN_TOKEN ROUNDS_FUZZ_SPARE_TOKEN
"$VENV/bin/schemathesis" --config-file e2e/schemathesis.toml run "$ROUNDS_E2E_URL/api/v1/openapi.json" \
    --checks all --exclude-checks positive_data_acceptance,ensure_resource_availability --max-examples "${SCHEMATHESIS_EXAMPLES:-100}"
# Schemathesis sends what the schema describes; this sends what it does not: wrong media types and
# bodies no parser can read, to every operation, signed in and not.
"$VENV/bin/python" e2e/fuzz_bodies.py "$ROUNDS_E2E_URL" "$TOKEN"

# Once over HTTPS, served by Rounds itself with a throwaway certificate: Secure __Host- cookies and HSTS
# as a real browser keeps them.
TLS_PORT=${ROUNDS_E2E_TLS_PORT:-8443}
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
ROUNDS_SQLITE_PATH="$WORK/tls.sqlite" ROUNDS_STORAGE_DIR="$WORK/tls-storage" ROUNDS_PORT=$TLS_PORT \
    ROUNDS_TLS_CERT_FILE="$WORK/tls.crt" ROUNDS_TLS_KEY_FILE="$WORK/tls.key" "$BIN" serve >"$WORK/tls-server.log" 2>&1 &
TLS_SERVER=$!
trap 'kill $SERVER $SMTP $TLS_SERVER 2>/dev/null || true; wait $SERVER $SMTP $TLS_SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
wait_for "https://127.0.0.1:$TLS_PORT" "$WORK/tls-server.log"
ROUNDS_E2E_URL="https://127.0.0.1:$TLS_PORT" "$VENV/bin/python" -m pytest -q e2e/tls
