"""Sends malformed bodies and wrong content types to every operation in the OpenAPI document of a running
Rounds (issue 13, defect 2), and heads too large to parse (defect 3): nothing may answer 5xx or close
the connection without an answer, and every refusal is the JSON error shape. Signed in, each operation
gets the token of the role that may use it, as e2e/schemathesis.toml assigns them (TOKEN otherwise), so
the bodies reach the parser instead of stopping at 403.
Usage: python e2e/fuzz_bodies.py BASE_URL TOKEN"""
import json
import os
import re
import sys
import tomllib
import urllib.error
import urllib.request
import uuid

BODIES = [
    ("broken multipart", "multipart/form-data; boundary=x", b"--x--"),
    ("multipart with UTF-8 header name", "multipart/form-data; boundary=x", "--x\r\nCont\u00e9nt: y\r\n\r\nz\r\n--x--\r\n".encode()),
    ("multipart without boundary", "multipart/form-data", b"--x--"),
    ("plain text", "text/plain", b"hello"),
    ("bad form", "application/x-www-form-urlencoded", b"a=%ZZ&b[=1"),
    ("no content type", None, b"{}"),
    ("truncated JSON", "application/json", b'{"name": '),
    ("deep JSON", "application/json", b"[" * 5000 + b"]" * 5000),
    ("huge numbers", "application/json", b'{"graduation_year": 1e400, "hours": 99999999999999999999999}'),
    ("not UTF-8", "application/json", b'{"\xff\xfe":1}'),
    ("JSON null", "application/json", b"null"),
]


def send(url, method, content_type, body, token):
    request = urllib.request.Request(url, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def role_tokens(config_path):
    """(path pattern, token) for each [[operations]] block of the schemathesis configuration that sets
    an Authorization header, which names the environment variable holding the token. Blocks that only
    tune checks carry no header and keep the default token."""
    with open(config_path, "rb") as file:
        config = tomllib.load(file)
    rules = []
    for block in config.get("operations", []):
        if "Authorization" not in block.get("headers", {}):
            continue
        name = re.fullmatch(r"Bearer \$\{(\w+)\}", block["headers"]["Authorization"]).group(1)
        rules.append((re.compile(block["include-path-regex"]), os.environ[name]))
    return rules


def main(base, token):
    document = json.load(urllib.request.urlopen(f"{base}/api/v1/openapi.json"))
    rules = role_tokens(os.path.join(os.path.dirname(__file__), "schemathesis.toml"))
    passed = failed = 0
    for path, item in document["paths"].items():
        for method in item:
            if method.upper() not in ("POST", "PUT", "PATCH", "DELETE"):
                continue
            concrete = "/".join(str(uuid.uuid4()) if part.startswith("{") else part for part in path.split("/"))
            role_token = next((value for pattern, value in rules if pattern.search(path)), token)
            for auth in (None, role_token):
                for label, content_type, body in BODIES:
                    status, answer_type, answer = send(base + concrete, method.upper(), content_type, body, auth)
                    ok = status < 500
                    if ok and status >= 400:
                        ok = answer_type.startswith("application/json") and json.loads(answer).get("error") is True
                    if ok:
                        passed += 1
                    else:
                        failed += 1
                        print(f"FAIL {method.upper()} {concrete} ({label}, {'signed in' if auth else 'anonymous'}): {status} {answer[:200]!r}")
    # Heads too large to parse (defect 3): a 100 kB address is 414 and 100 kB of headers 431, each with
    # the usual JSON error body, never a closed connection.
    for label, url, headers, expected in [
        ("100 kB query string", f"{base}/api/v1/opportunities?q={'a' * 100 * 1024}", {}, 414),
        ("100 kB cookie", f"{base}/", {"Cookie": "c=" + "b" * 100 * 1024}, 431),
    ]:
        request = urllib.request.Request(url, headers=headers)
        try:
            status, body = urllib.request.urlopen(request, timeout=30).status, b""
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except OSError as error:
            status, body = 0, str(error).encode()
        if status == expected and json.loads(body).get("error") is True:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {label}: {status} {body[:200]!r}")
    print(f"bodies: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/"), sys.argv[2]))
