"""Kills the Rounds server with SIGKILL while it acknowledges writes, restarts it, and checks that every
acknowledged write survived and that SQLite's integrity check passes.

usage: crash_test.py ROUNDS_BINARY TRIALS
Each acknowledged write is an API token created on the account page (a signed-in browser session, so no
password hashing per write); its name is recorded only after the server answered 201.
"""
import http.cookiejar
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PORT = int(os.environ.get("ROUNDS_CRASH_PORT", "8097"))
BASE = f"http://127.0.0.1:{PORT}"
EMAIL, PASSWORD = "applicant@rounds.test", "rounds-demo-password"


def start(binary, workdir):
    env = dict(os.environ,
               ROUNDS_SQLITE_PATH=os.path.join(workdir, "rounds.sqlite"),
               ROUNDS_STORAGE_DIR=os.path.join(workdir, "storage"),
               ROUNDS_PORT=str(PORT))
    log = open(os.path.join(workdir, "server.log"), "a")
    server = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=log)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start; see server.log")


def signed_in_browser():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{BASE}/sign-in", timeout=5).read()
    form = {"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(jar)}
    opener.open(f"{BASE}/sign-in", data=urllib.parse.urlencode(form).encode(), timeout=10).read()
    return opener, jar


def csrf(jar):
    return next(cookie.value for cookie in jar if cookie.name == "rounds_csrf")


def writer(acknowledged, stop, trial):
    """Creates tokens as fast as the server answers; records a name only once it got 201."""
    try:
        opener, jar = signed_in_browser()
    except Exception:
        return
    n = 0
    while not stop.is_set() and n < 100_000:
        name = f"crash-{trial}-{n}"
        form = urllib.parse.urlencode({"name": name, "csrf_token": csrf(jar)}).encode()
        try:
            with opener.open(f"{BASE}/account/tokens", data=form, timeout=5) as response:
                if response.status == 201:
                    acknowledged.append(name)
        except Exception:
            return
        n += 1


def main(binary, trials):
    random.seed(int(os.environ.get("ROUNDS_CRASH_SEED", "1")))
    workdir = tempfile.mkdtemp(prefix="rounds-crash-")
    acknowledged = []
    for trial in range(trials):
        server = start(binary, workdir)
        stop = threading.Event()
        thread = threading.Thread(target=writer, args=(acknowledged, stop, trial))
        thread.start()
        time.sleep(random.uniform(0.5, 2.0))
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        thread.join(timeout=10)

        database = sqlite3.connect(os.path.join(workdir, "rounds.sqlite"))
        integrity = database.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {row[0] for row in database.execute("SELECT name FROM api_tokens")}
        database.close()
        missing = [name for name in acknowledged if name not in stored]
        print(f"trial {trial + 1}: {len(acknowledged)} acknowledged so far, integrity {integrity}, missing {len(missing)}")
        if integrity != "ok" or missing:
            raise SystemExit(f"FAILED: integrity {integrity}, missing acknowledged writes {missing[:5]}")
    print(f"{trials} passed, 0 failed: every acknowledged write survived SIGKILL")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
