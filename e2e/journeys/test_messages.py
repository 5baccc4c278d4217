"""The demo applicant and the demo host talk about the applicant's application; a message with a patient
identifier is refused; the applicant reports the host's reply and an administrator removes it."""
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_host_listing import sign_in_demo, sign_in_demo_admin


def sign_in_demo_applicant(browser, **context_options):
    page = browser.new_context(base_url=BASE_URL, **context_options).new_page()
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill("applicant@rounds.test")
    page.get_by_label("Password").fill("rounds-demo-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


def test_applicant_and_host_exchange_messages_and_a_report_is_decided(browser, shot):
    marker = uuid.uuid4().hex[:6]
    applicant = sign_in_demo_applicant(browser)
    applicant.goto("/applications")
    applicant.locator("main a[href^='/applications/']:not([href$='/edit'])").first.click()
    applicant.get_by_role("link", name="Write to the host").click()
    expect(applicant.get_by_role("heading", name="Messages:")).to_be_visible()
    expect(applicant.get_by_text("is there a dress code on the wards")).to_be_visible()
    conversation = applicant.url

    applicant.get_by_label("Message").fill("My patient, MRN 48213377, asked about you.")
    applicant.get_by_role("button", name="Send").click()
    expect(applicant.locator(".error-summary")).to_contain_text("48213377")
    applicant.get_by_label("Message").fill(f"Can I bring my own stethoscope? ({marker})")
    applicant.get_by_role("button", name="Send").click()
    expect(applicant.get_by_role("status")).to_contain_text("Message sent.")
    shot(applicant, "applicant-sent")

    host = sign_in_demo(browser, "host@rounds.test")
    host.goto(conversation)
    expect(host.get_by_text(f"Can I bring my own stethoscope? ({marker})")).to_be_visible()
    host.get_by_label("Message").fill(f"Yes, please do. Bring cash for the parking, 20 dollars. ({marker})")
    host.get_by_role("button", name="Send").click()
    expect(host.get_by_role("status")).to_contain_text("Message sent.")
    shot(host, "host-replied")

    applicant.reload()
    reply = applicant.locator("li.message", has_text=f"Bring cash for the parking, 20 dollars. ({marker})")
    expect(reply).to_be_visible()
    reply.get_by_text("Report this message").click()
    reply.get_by_label("What is wrong with it?").fill("Asks for cash.")
    reply.get_by_role("button", name="Report").click()
    expect(applicant.get_by_role("status")).to_contain_text("Reported.")

    admin = sign_in_demo_admin(browser)
    admin.goto("/admin/reports")
    report = admin.locator("li.report", has_text=f"({marker})").filter(has_text="Asks for cash.")
    expect(report).to_be_visible()
    report.get_by_label("Decision").select_option("remove")
    report.get_by_role("button", name="Decide").click()
    expect(admin.get_by_role("status")).to_contain_text("Decided: remove the message.")
    shot(admin, "report-decided")

    applicant.reload()
    expect(applicant.get_by_text(f"Bring cash for the parking, 20 dollars. ({marker})")).to_have_count(0)
    expect(applicant.get_by_text("An administrator removed this message after a report.").first).to_be_visible()
