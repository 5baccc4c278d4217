"""Over HTTPS with a throwaway certificate (issue 13, item 8): the cookies a real browser keeps are
__Host- prefixed, Secure and HttpOnly, every answer carries HSTS, and a password change in one browser
signs the other out."""
import os
import uuid

from playwright.sync_api import expect

BASE_URL = os.environ.get("ROUNDS_E2E_URL", "")

PASSWORD = "a long and memorable phrase"
NEW_PASSWORD = "another memorable phrase entirely"


def sign_in(page, email, password):
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_cookies_hsts_and_password_change_over_https(browser, page, shot):
    assert BASE_URL.startswith("https://"), "run this journey against the TLS server"
    email = f"tls-{uuid.uuid4().hex[:8]}@example.org"

    home = page.goto("/")
    assert home.headers.get("strict-transport-security", "").startswith("max-age=")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Your name").fill("Teodora Tls")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("I am joining as").select_option("applicant")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Your applicant profile")).to_be_visible()
    shot(page, "signed-up-over-https")

    cookies = page.context.cookies()
    names = sorted(cookie["name"] for cookie in cookies)
    assert names == ["__Host-rounds_csrf", "__Host-rounds_device", "__Host-rounds_session"], names
    for cookie in cookies:
        assert cookie["secure"] and cookie["httpOnly"] and cookie["path"] == "/", cookie
        assert "domain" not in cookie or not cookie["domain"].startswith("."), cookie
    same_site = {cookie["name"]: cookie["sameSite"] for cookie in cookies}
    assert same_site == {"__Host-rounds_csrf": "Strict", "__Host-rounds_device": "Strict", "__Host-rounds_session": "Lax"}

    # A second browser signs in; changing the password in the first signs the second out.
    other_context = browser.new_context(base_url=BASE_URL, ignore_https_errors=True)
    other = other_context.new_page()
    sign_in(other, email, PASSWORD)
    other.goto("/account")
    expect(other.get_by_role("heading", name="Change password")).to_be_visible()

    page.goto("/account")
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("status")).to_contain_text("Your other sessions were signed out.")
    shot(page, "password-changed")

    other.goto("/account")
    expect(other.get_by_role("heading", name="Sign in")).to_be_visible()
    other_context.close()
