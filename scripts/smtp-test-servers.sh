#!/usr/bin/env bash
# Starts the SMTP servers for the mail tests and prints the environment they need: two real ones
# (aiosmtpd), one plain on 127.0.0.1:18025, one on localhost:18026 that requires STARTTLS with a
# certificate signed by a throwaway test authority; and on localhost:18027 a hostile one
# (scripts/smtp_injecting_server.py) that appends a plaintext reply to its STARTTLS answer.
# usage: eval "$(scripts/smtp-test-servers.sh start)"; … ; scripts/smtp-test-servers.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-ci}
DIR=${SMTP_TEST_DIR:-/tmp/rounds-smtp-test}

if [[ "${1:-start}" == "stop" ]]; then
    [[ -f "$DIR/pids" ]] && kill $(cat "$DIR/pids") 2>/dev/null || true
    rm -rf "$DIR"
    exit 0
fi

for port in 18025 18026 18027; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use; stop the other SMTP server first" >&2
        exit 1
    fi
done
rm -rf "$DIR" && mkdir -p "$DIR"/plain/{tmp,new,cur} "$DIR"/tls/{tmp,new,cur} "$DIR"/inject/new
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Rounds test CA" \
    -keyout "$DIR/ca.key" -out "$DIR/ca.pem" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$DIR/server.key" -out "$DIR/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$DIR/server.ext"
openssl x509 -req -in "$DIR/server.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" -CAcreateserial -days 2 \
    -extfile "$DIR/server.ext" -out "$DIR/server.pem" 2>/dev/null

"$VENV/bin/python" -m aiosmtpd -n -l 127.0.0.1:18025 -c aiosmtpd.handlers.Mailbox "$DIR/plain" >"$DIR/plain.log" 2>&1 &
echo $! >> "$DIR/pids"
"$VENV/bin/python" -m aiosmtpd -n -l localhost:18026 --tlscert "$DIR/server.pem" --tlskey "$DIR/server.key" \
    -c aiosmtpd.handlers.Mailbox "$DIR/tls" >"$DIR/tls.log" 2>&1 &
echo $! >> "$DIR/pids"
"$VENV/bin/python" scripts/smtp_injecting_server.py 18027 "$DIR/server.pem" "$DIR/server.key" "$DIR/inject" >"$DIR/inject.log" 2>&1 &
echo $! >> "$DIR/pids"
for port in 18025 18026 18027; do
    for _ in $(seq 1 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        sleep 0.1
    done
done
for pid in $(cat "$DIR/pids"); do
    kill -0 "$pid" 2>/dev/null || { echo "an SMTP test server did not start:" >&2; cat "$DIR"/*.log >&2; exit 1; }
done
echo "export ROUNDS_TEST_SMTP_PORT=18025 ROUNDS_TEST_SMTP_MAILDIR=$DIR/plain"
echo "export ROUNDS_TEST_SMTP_TLS_PORT=18026 ROUNDS_TEST_SMTP_TLS_MAILDIR=$DIR/tls ROUNDS_TEST_SMTP_CA_FILE=$DIR/ca.pem"
echo "export ROUNDS_TEST_SMTP_INJECTING_PORT=18027 ROUNDS_TEST_SMTP_INJECTING_MAILDIR=$DIR/inject"
