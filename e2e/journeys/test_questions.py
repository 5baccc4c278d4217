"""Before applying: the demo applicant asks the demo host about a listing that takes questions and the
host answers from their list of questions; the applicant reports a listing and an administrator keeps it."""
import re
import uuid

from playwright.sync_api import expect

from test_host_listing import sign_in_demo, sign_in_demo_admin
from test_messages import sign_in_demo_applicant


def test_applicant_asks_the_host_before_applying_and_reports_a_listing(browser, shot):
    marker = uuid.uuid4().hex[:6]
    host = sign_in_demo(browser, "host@rounds.test")
    host.goto("/host/questions")
    expect(host.get_by_role("heading", name="Questions before applying")).to_be_visible()
    thread_link = host.locator("main a[href*='/questions/']").first
    expect(thread_link).to_be_visible()
    opportunity = re.search(r"/opportunities/([0-9a-fA-F-]+)/questions/", thread_link.get_attribute("href")).group(1)

    applicant = sign_in_demo_applicant(browser)
    applicant.goto(f"/opportunities/{opportunity}")
    applicant.get_by_role("link", name=re.compile("Your conversation with the host")).click()
    expect(applicant.get_by_role("heading", name="Questions:")).to_be_visible()
    expect(applicant.get_by_text("Do you accept graduates from 2023")).to_be_visible()
    applicant.get_by_label("Message").fill(f"Is there a dress code for observers? ({marker})")
    applicant.get_by_role("button", name="Send").click()
    expect(applicant.get_by_role("status")).to_contain_text("Message sent.")
    shot(applicant, "question-asked")

    host.goto("/host/questions")
    expect(host.get_by_text("1 conversation awaits your answer.")).to_be_visible()
    host.get_by_role("link", name="Answer").first.click()
    expect(host.get_by_text(f"Is there a dress code for observers? ({marker})")).to_be_visible()
    host.get_by_label("Message").fill(f"Business casual and a white coat. ({marker})")
    host.get_by_role("button", name="Send").click()
    expect(host.get_by_role("status")).to_contain_text("Message sent.")
    shot(host, "question-answered")

    applicant.reload()
    expect(applicant.get_by_text(f"Business casual and a white coat. ({marker})")).to_be_visible()

    # Reporting a listing: any listing but the demo one, so other journeys keep theirs.
    applicant.goto("/opportunities?q=observership")
    other = applicant.locator(f"main a[href^='/opportunities/']:not([href*='{opportunity}'])").first
    other.click()
    applicant.get_by_text("Report this listing").click()
    applicant.get_by_label("What is wrong?").select_option("misleading")
    applicant.get_by_label("What did you see?").fill(f"The department named does not exist. ({marker})")
    applicant.get_by_role("button", name="Report").click()
    expect(applicant.get_by_role("status")).to_contain_text("Reported.")
    expect(applicant.get_by_text("You reported this listing")).to_be_visible()

    admin = sign_in_demo_admin(browser)
    admin.goto("/admin/listing-reports")
    report = admin.locator("li.report", has_text=f"({marker})")
    expect(report).to_be_visible()
    report.get_by_label("Decision").select_option("dismiss")
    report.get_by_role("button", name="Decide").click()
    expect(admin.get_by_role("status")).to_contain_text("Decided: keep the listing.")
    shot(admin, "listing-report-decided")
