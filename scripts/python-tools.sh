#!/usr/bin/env bash
# Makes the Python virtual environment the browser journeys and API fuzzing use (no browser download:
# Playwright drives Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-ci}
[[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check -r e2e/requirements.txt
