"""An applicant records an experience, logs hours (a log naming a patient's phone number is refused),
asks the supervisor to verify; the supervisor confirms through the e-mailed link without an account;
the applicant exports the AMCAS CSV with the verification on it."""
import datetime
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_applications import sign_up_applicant
from test_letters import mailed_link


def test_log_verify_export(browser, shot):
    marker = uuid.uuid4().hex[:6]
    supervisor_email = f"supervisor-{marker}@example-hospital.org"
    today = datetime.date.today()
    start, end = today - datetime.timedelta(days=60), today - datetime.timedelta(days=33)
    applicant = sign_up_applicant(browser, f"portfolio-{marker}")

    applicant.get_by_role("link", name="Portfolio", exact=True).click()
    applicant.get_by_role("link", name="Add an experience").click()
    applicant.get_by_label("Position or title").fill("Observer, Internal Medicine")
    applicant.get_by_label("Organization").fill("Fictional General Hospital")
    applicant.get_by_label("AMCAS experience type").select_option("physician_shadowing_clinical_observation")
    applicant.get_by_label("Supervisor's name").fill("Dr. Maya Lindqvist")
    applicant.get_by_label("Supervisor's e-mail").fill(supervisor_email)
    applicant.get_by_label("Description").fill("Followed the inpatient team on daily rounds and presented at morning report.")
    expect(applicant.locator(".counter").first).to_contain_text("AMCAS: 76 / 700")
    applicant.locator('input[name="ranges[0][start]"]').fill(start.isoformat())
    applicant.locator('input[name="ranges[0][end]"]').fill(end.isoformat())
    shot(applicant, "experience-form")
    applicant.get_by_role("button", name="Save the experience").click()
    expect(applicant.get_by_role("status")).to_contain_text("Experience added")

    # Hours by the day; a log that identifies a patient is refused with the reason.
    applicant.get_by_label("Day").fill((start + datetime.timedelta(days=1)).isoformat())
    applicant.get_by_label("Hours", exact=True).fill("6")
    applicant.get_by_label("Activities").fill("Called the patient back at 617-555-0142")
    applicant.get_by_role("button", name="Log hours").click()
    expect(applicant.get_by_role("alert")).to_contain_text("patient identifiers")
    applicant.get_by_label("Day").fill((start + datetime.timedelta(days=1)).isoformat())
    applicant.get_by_label("Hours", exact=True).fill("6")
    applicant.get_by_label("Activities").fill("Rounds and two admissions")
    applicant.get_by_role("button", name="Log hours").click()
    expect(applicant.get_by_role("status")).to_contain_text("Logged 6 hours")
    expect(applicant.locator("main")).to_contain_text("6 completed hours in all")
    shot(applicant, "hours-logged")

    applicant.get_by_role("button", name="Ask the supervisor to verify").click()
    expect(applicant.get_by_role("status")).to_contain_text("has been e-mailed a link")

    # The supervisor follows the e-mailed link; it works once.
    link = mailed_link(supervisor_email, "/verify-experience?token=")
    supervisor = browser.new_context(base_url=BASE_URL).new_page()
    supervisor.goto(link)
    expect(supervisor.locator("main")).to_contain_text("Observer, Internal Medicine")
    supervisor.get_by_label("I confirm the experience and its 6 hours").check()
    supervisor.get_by_label("Type your full name to sign").fill("Maya Lindqvist")
    shot(supervisor, "supervisor-confirms")
    supervisor.get_by_role("button", name="Send my answer").click()
    expect(supervisor.get_by_role("heading", name="Answer recorded")).to_be_visible()
    supervisor.goto(link)
    expect(supervisor.get_by_role("heading", name="Link used or expired")).to_be_visible()

    applicant.get_by_role("link", name="Portfolio", exact=True).click()
    expect(applicant.locator("main")).to_contain_text("Verified by Maya Lindqvist on")
    applicant.get_by_role("link", name="AMCAS Work/Activities").click()
    shot(applicant, "amcas-export")
    with applicant.expect_download() as download:
        applicant.get_by_role("link", name="Download CSV").click()
    csv = open(download.value.path(), encoding="utf-8").read()
    assert "Physician Shadowing/Clinical Observation" in csv
    assert "Observer, Internal Medicine" in csv
    assert "Verified by Maya Lindqvist" in csv
