"""Prints a new API token for a demo account. Accounts with two-factor sign-in (every role but applicant)
send a code made from the secret the browser journeys enrolled, for a time step after the last one they
used: the server refuses a step used before.

Usage: python e2e/role_token.py BASE_URL EMAIL SECRETS_JSON"""
import json
import sys
import time
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/journeys")
from test_two_factor import totp  # noqa: E402


def main(base_url, email, secrets_path):
    with open(secrets_path, encoding="utf-8") as file:
        kept = json.load(file)
    body = {"email": email, "password": "rounds-demo-password", "name": "schemathesis"}
    secret = kept["secrets"].get(email)
    if secret:
        last = kept["last_step"].get(email, 0)
        while int(time.time()) // 30 <= last:
            time.sleep(1)
        body["totp_code"] = totp(secret)
    request = urllib.request.Request(
        f"{base_url}/api/v1/tokens", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request) as response:
        print(json.load(response)["token"])


if __name__ == "__main__":
    main(*sys.argv[1:4])
