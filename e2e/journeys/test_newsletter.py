"""A visitor subscribes to the newsletter and confirms from the e-mail in the test SMTP server's mailbox;
an administrator sends an issue made of a guide; the issue arrives with the RFC 8058 unsubscribe headers,
and a mail program's one-click POST (no cookie, no sign-in) unsubscribes at once."""
import email
import os
import pathlib
import time
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_host_listing import sign_in_demo_admin
from test_letters import mailed_link


def mailed_message(address, subject, deadline_seconds=30):
    """The message to `address` with `subject`, once the outbox has delivered it."""
    maildir = pathlib.Path(os.environ["ROUNDS_E2E_MAILDIR"]) / "new"
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        for path in maildir.iterdir():
            message = email.message_from_bytes(path.read_bytes())
            if address in message.get("To", "") and subject in str(message.get("Subject", "")):
                return message
        time.sleep(0.5)
    raise AssertionError(f"no '{subject}' to {address} within {deadline_seconds} s")


def test_subscribe_confirm_receive_and_unsubscribe_with_one_click(browser, shot):
    marker = uuid.uuid4().hex[:6]
    reader_email = f"reader-{marker}@example.org"
    visitor = browser.new_context(base_url=BASE_URL).new_page()
    visitor.goto("/newsletter")
    visitor.get_by_label("E-mail").fill(reader_email)
    visitor.get_by_role("button", name="Subscribe").click()
    expect(visitor.get_by_role("status")).to_contain_text("Check your inbox")

    link = mailed_link(reader_email, "/newsletter/confirm?token=")
    assert link.startswith(BASE_URL)
    visitor.goto(link)
    shot(visitor, "confirm")
    visitor.get_by_role("button", name="Confirm subscription").click()
    expect(visitor.get_by_role("status")).to_contain_text("You are subscribed")

    subject = f"Rounds in December {marker}"
    admin = sign_in_demo_admin(browser)
    admin.goto("/admin/newsletter/new")
    admin.get_by_label("Subject").fill(subject)
    admin.get_by_label("Introduction (Markdown)").fill("This month: how to ask for **letters**.")
    admin.get_by_label("Asking for a letter of recommendation").check()
    admin.get_by_role("button", name="Save draft").click()
    expect(admin.get_by_role("heading", name="Preview")).to_be_visible()
    shot(admin, "preview")
    admin.get_by_role("button", name="Send to").click()
    expect(admin.get_by_role("status")).to_contain_text("queued for")

    message = mailed_message(reader_email, subject)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(BASE_URL + "/newsletter/unsubscribe?token=")
    body = message.get_payload(decode=True).decode("utf-8")
    assert unsubscribe in body and "/guides/asking-for-letters" in body

    # What a mail program does (RFC 8058): a POST with no cookie, no form token and no sign-in.
    mail_program = browser.new_context().request
    answer = mail_program.post(unsubscribe, data="List-Unsubscribe=One-Click", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 200
    visitor.goto(unsubscribe)
    expect(visitor.locator("main")).to_contain_text("already unsubscribed")
    shot(visitor, "unsubscribed")
