"""An applicant signs up, fills the profile, signs out and signs in again; another changes their e-mail
address from the link sent to the new address."""
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_applications import sign_up_applicant
from test_letters import mailed_link


def test_applicant_signs_up_fills_profile_signs_out_and_in(page, shot):
    email = f"e2e-{uuid.uuid4().hex[:8]}@example.org"
    password = "a long and memorable phrase"

    page.goto("/")
    shot(page, "home")
    page.get_by_role("link", name="Sign up").first.click()
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    page.get_by_label("Your name").fill("Esperanza Test")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_label("I am joining as").select_option("applicant")
    shot(page, "sign-up")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", name="Your applicant profile")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Welcome to Rounds")
    page.get_by_label("Track").select_option("img_graduate")
    page.get_by_label("Medical school (or college)").fill("Universidad de Buenos Aires")
    page.get_by_label("Country of the school").fill("Argentina")
    page.get_by_label("Graduation year").fill("2023")
    page.get_by_label("Visa status").select_option("b1_b2")
    page.get_by_label("USMLE Step 1", exact=True).select_option("passed")
    page.get_by_label("USMLE Step 2 CK score").fill("250")
    page.get_by_label("Internal Medicine", exact=True).check()
    page.get_by_label("Neurology", exact=True).check()
    shot(page, "profile-filled")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Profile saved.")
    expect(page.get_by_label("Country of the school")).to_have_value("Argentina")
    shot(page, "profile-saved")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_contain_text("You are signed out.")
    shot(page, "signed-out")
    page.goto("/profile")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()

    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    shot(page, "sign-in")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your applicant profile")).to_be_visible()
    expect(page.get_by_label("Medical school (or college)")).to_have_value("Universidad de Buenos Aires")
    shot(page, "signed-in")


def test_profile_errors_are_shown_beside_the_fields(page, shot):
    email = f"e2e-{uuid.uuid4().hex[:8]}@example.org"
    page.goto("/sign-up")
    page.get_by_label("Your name").fill("Field Errors")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill("a long and memorable phrase")
    page.get_by_role("button", name="Create account").click()
    page.get_by_label("Track").select_option("pre_med")
    page.get_by_label("Visa status").select_option("us_citizen")
    page.get_by_label("USMLE Step 1", exact=True).select_option("passed")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("alert").first).to_contain_text("Pre-medical students have not taken USMLE Step 1.")
    # The summary opens focused (autofocus: no script needed), and each message leads to its field.
    expect(page.locator(".error-summary")).to_be_focused()
    page.locator(".error-summary a", has_text="Pre-medical students have not taken USMLE Step 1.").click()
    expect(page.get_by_label("USMLE Step 1", exact=True)).to_be_focused()
    shot(page, "profile-errors")

    # A Step 1 score only exists for exams taken up to 25 January 2022 (USMLE's pass/fail change).
    page.get_by_label("Track").select_option("img_student")
    page.get_by_label("Medical school (or college)").fill("University of Nairobi")
    page.get_by_label("Country of the school").fill("Kenya")
    page.get_by_label("Date you took Step 1").fill("2023-06-01")
    page.get_by_label("USMLE Step 1 score").fill("240")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("alert").first).to_contain_text("reported pass/fail only")
    expect(page.get_by_label("USMLE Step 1 score")).to_have_value("240")
    page.get_by_label("USMLE Step 1 score").fill("")
    page.get_by_label("COMLEX-USA Level 2-CE score").fill("560")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Profile saved.")
    expect(page.get_by_label("Date you took Step 1")).to_have_value("2023-06-01")
    shot(page, "profile-exams")


def test_change_email_from_the_link_sent_to_the_new_address(browser, shot):
    marker = uuid.uuid4().hex[:6]
    page = sign_up_applicant(browser, marker)
    new_address = f"moved-{marker}@example.org"
    page.get_by_role("link", name="Account").click()
    page.get_by_label("New e-mail address").fill(new_address)
    page.get_by_label("Your password").fill("a long and memorable phrase")
    page.get_by_role("button", name="Change e-mail address").click()
    expect(page.get_by_role("status")).to_contain_text("Check the new address")
    expect(page.locator("main")).to_contain_text(f"Waiting for {new_address} to confirm")

    # The link is opened in another browser, as from a phone's mail app.
    link = mailed_link(new_address, "/account/email/confirm?token=")
    phone = browser.new_context(base_url=BASE_URL).new_page()
    phone.goto(link)
    shot(phone, "confirm")
    phone.get_by_role("button", name="Use this address").click()
    expect(phone.get_by_role("status")).to_contain_text(f"Your account now uses {new_address}")
    phone.get_by_label("E-mail").fill(new_address)
    phone.get_by_label("Password").fill("a long and memorable phrase")
    phone.get_by_role("button", name="Sign in").click()
    expect(phone.get_by_role("button", name="Sign out")).to_be_visible()
