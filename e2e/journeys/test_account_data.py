"""An applicant downloads their data and opens the ZIP, then deletes the account: the deletion is stated
first, confirmed with the password, carried out after the grace period (zero hours on the journey server)
and the old password no longer signs in."""
import email
import io
import json
import os
import pathlib
import time
import uuid
import zipfile

from playwright.sync_api import expect

from test_applications import sign_up_applicant, upload

PASSWORD = "a long and memorable phrase"


def wait_for_mail(address, subject, deadline_seconds=30):
    maildir = pathlib.Path(os.environ["ROUNDS_E2E_MAILDIR"]) / "new"
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        for path in maildir.iterdir():
            message = email.message_from_bytes(path.read_bytes())
            if address in message.get("To", "") and subject in message.get("Subject", ""):
                return message
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} with {subject!r} within {deadline_seconds} s")


def test_download_the_data_then_delete_the_account(browser, shot):
    marker = f"data-{uuid.uuid4().hex[:6]}"
    address = f"apply-{marker}@example.org"
    page = sign_up_applicant(browser, marker)
    page.goto("/documents")
    upload(page, "cv", "my cv.pdf")

    page.goto("/account")
    page.get_by_role("link", name="Download your data or delete your account").click()
    expect(page.get_by_role("heading", name="Your data", exact=True)).to_be_visible()
    page.locator("#export-current-password").fill(PASSWORD)
    shot(page, "data-page")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    archive = zipfile.ZipFile(io.BytesIO(pathlib.Path(download.value.path()).read_bytes()))
    names = archive.namelist()
    assert "README.txt" in names, names
    assert json.loads(archive.read("account.json"))["email"] == address
    cv = [name for name in names if name.startswith("documents/") and name.endswith("my cv.pdf")]
    assert len(cv) == 1, names
    assert archive.read(cv[0]).startswith(b"%PDF-")
    assert len(json.loads(archive.read("documents.json"))) == 1

    # What deleting does is on the page before anything is confirmed.
    expect(page.get_by_text("Your 1 document is deleted")).to_be_visible()
    page.locator("#delete-current-password").fill(PASSWORD)
    page.get_by_label("I have read what deleting my account does.").check()
    shot(page, "deletion-confirmed")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("status")).to_contain_text("Your account will be deleted on")
    wait_for_mail(address, "will be deleted on")

    # The journey server's grace period is zero: the sweep deletes it within seconds and e-mails.
    wait_for_mail(address, "Your Rounds account is deleted")
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(address)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_text("E-mail or password is wrong.")).to_be_visible()
    shot(page, "signed-in-refused")
