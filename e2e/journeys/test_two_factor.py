"""A host signs up, must set up two-factor sign-in, scans the QR code the page draws (read here by
zxing from a screenshot), confirms with a code, and later signs in with password and code."""
import base64
import hashlib
import hmac
import io
import struct
import time
import urllib.parse
import uuid

import zxingcpp
from PIL import Image
from playwright.sync_api import expect


def totp(secret_base32, at=None, step_offset=0):
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    counter = int((at or time.time()) // 30) + step_offset
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def test_host_sets_up_two_factor_by_scanning_the_qr_code(page, shot):
    email = f"host-{uuid.uuid4().hex[:8]}@example.org"
    password = "a long and memorable phrase"
    page.goto("/sign-up")
    page.get_by_label("Your name").fill("Dr. Test Host")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_label("I am joining as").select_option("host")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    qr = page.get_by_role("img", name="QR code")
    expect(qr).to_be_visible()
    shot(page, "two-factor-set-up")
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    assert len(decoded) == 1, "the QR code on the page could not be read"
    uri = urllib.parse.urlparse(decoded[0].text)
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    secret = urllib.parse.parse_qs(uri.query)["secret"][0]
    typed = page.locator("code.secret").inner_text().replace(" ", "")
    assert typed == secret, "the typed key and the QR code disagree"

    page.get_by_label("Code from the app").fill(totp(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", name="Two-factor sign-in is on")).to_be_visible()
    expect(page.locator("ul.recovery-codes li")).to_have_count(10)
    shot(page, "recovery-codes")

    page.get_by_role("button", name="Sign out").click()
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    shot(page, "code-prompt")
    # The enrolment used the current step; the next step's code is valid now and not a replay.
    page.get_by_label("Code").fill(totp(secret, step_offset=1))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto("/account")
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    shot(page, "signed-in")
