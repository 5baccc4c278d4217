"""An applicant asks a physician for a letter, waiving the right to see it; the writer gets the link by
e-mail (through a real SMTP server), refuses nothing but a non-PDF, uploads the letter without an account;
the applicant assigns it to a program and still cannot open it."""
import email
import os
import pathlib
import re
import time
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_applications import PDF, sign_up_applicant


def mailed_link(address, marker, deadline_seconds=30):
    """The link containing `marker` in the newest message to `address` in the test SMTP server's mailbox.
    The outbox delivers every few seconds, so this polls until the message arrives or the deadline passes."""
    maildir = pathlib.Path(os.environ["ROUNDS_E2E_MAILDIR"]) / "new"
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        for path in sorted(maildir.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True):
            message = email.message_from_bytes(path.read_bytes())
            if address in message.get("To", ""):
                body = message.get_payload(decode=True).decode("utf-8")
                match = re.search(r"https?://\S+" + re.escape(marker) + r"\S+", body)
                assert match, body
                return match.group(0)
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} within {deadline_seconds} s")


def test_request_upload_assign(browser, shot):
    marker = uuid.uuid4().hex[:6]
    writer_email = f"writer-{marker}@example-hospital.org"
    applicant = sign_up_applicant(browser, f"letters-{marker}")

    applicant.get_by_role("link", name="Letters").click()
    applicant.get_by_label("Writer's name").fill("Dr. Maya Lindqvist")
    applicant.get_by_label("Writer's e-mail").fill(writer_email)
    applicant.get_by_label("Writer's title").fill("Attending physician, Internal Medicine")
    applicant.get_by_label("Institution").fill("Fictional General Hospital")
    applicant.get_by_label("Message to the writer").fill("Thank you for the four weeks on the wards in March.")
    # No waiver choice yet: the browser itself holds the form back (the radio group is required).
    applicant.get_by_label("I waive my right to see this letter").check()
    shot(applicant, "request-form")
    applicant.get_by_role("button", name="Send the request").click()
    expect(applicant.get_by_role("status")).to_contain_text("Request sent")
    expect(applicant.locator("dl.facts")).to_contain_text("Requested")
    letter_url = applicant.url

    # The writer, without an account, follows the e-mailed link.
    link = mailed_link(writer_email, "/letter-link?token=")
    assert link.startswith(BASE_URL)
    writer = browser.new_context(base_url=BASE_URL).new_page()
    writer.goto(link)
    expect(writer.get_by_role("heading", name="Letter of recommendation for")).to_be_visible()
    expect(writer.locator("main")).to_contain_text("waived the right to see this letter")
    writer.get_by_label("The letter").set_input_files({"name": "letter.pdf", "mimeType": "application/pdf", "buffer": b"<html>not a pdf</html>"})
    writer.get_by_role("button", name="Upload the letter").click()
    expect(writer.get_by_role("alert")).to_contain_text("PDF only")
    writer.get_by_label("The letter").set_input_files({"name": "letter.pdf", "mimeType": "application/pdf", "buffer": PDF})
    writer.get_by_role("button", name="Upload the letter").click()
    expect(writer.get_by_role("status")).to_contain_text("is uploaded")
    shot(writer, "writer-uploaded")

    # The applicant sends it to a program, and cannot read it: she waived.
    applicant.goto(letter_url)
    expect(applicant.locator("dl.facts")).to_contain_text("Uploaded")
    expect(applicant.get_by_role("link", name="Read the letter (PDF)")).to_have_count(0)
    applicant.get_by_label("Program").select_option(label="Harborview Fictional Medical Center Internal Medicine (Internal Medicine, Seattle, WA)")
    applicant.get_by_role("button", name="Send to this program").click()
    expect(applicant.get_by_role("status")).to_contain_text("Letter sent to the program")
    expect(applicant.locator("table")).to_contain_text("Harborview Fictional Medical Center Internal Medicine")
    shot(applicant, "assigned")
    response = applicant.request.get(letter_url + "/file")
    assert response.status == 403
    assert b"%PDF" not in response.body()

    # Sent but not applied with: as in ERAS, the writer may still replace it.
    writer.goto(link)
    expect(writer.locator("button[type=submit]", has_text="Replace the letter")).to_be_visible()

    # The applicant applies with it: it stays with the application, and the writer can no longer replace it.
    applicant.goto(letter_url)
    expect(applicant.locator("table")).to_contain_text("Not applied")
    applicant.get_by_role("button", name="Submit my application with the letters assigned here").click()
    expect(applicant.get_by_role("status")).to_contain_text("Application submitted")
    expect(applicant.locator("table")).to_contain_text("Locked: it stays with your application")
    expect(applicant.get_by_role("button", name="Take back")).to_have_count(0)
    writer.goto(link)
    expect(writer.locator("main")).to_contain_text("can no longer be replaced")
    shot(writer, "writer-locked")
