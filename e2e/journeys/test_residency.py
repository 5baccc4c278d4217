"""An IMG plans the 2027 Match: sees the tasks with their sources, adds programs, schedules two
interviews on one day and sees the clash, signals within the budget and is refused past it, reads the
fee estimate, subscribes to the calendar feed, which parses as iCalendar and holds the interview, and
turns on the weekly digest, which arrives at the test SMTP server."""
import datetime
import email
import os
import pathlib
import time
import urllib.request
import uuid

import icalendar
from playwright.sync_api import expect

from test_applications import sign_up_applicant


def fill_profile(page):
    page.get_by_role("link", name="My profile").click()
    page.get_by_label("Track").select_option("img_graduate")
    page.get_by_label("Medical school (or college)").fill("University of Lagos College of Medicine")
    page.get_by_label("Country of the school").fill("Nigeria")
    page.get_by_label("Graduation year").fill("2022")
    page.get_by_label("Visa status").select_option("needs_visa")
    page.get_by_label("USMLE Step 1", exact=True).select_option("passed")
    page.get_by_label("Target Match year").fill("2027")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Profile saved")


def add_program(page, name, date=None, signal=None):
    page.get_by_label("Program name").fill(name)
    page.get_by_label("Specialty").select_option("Internal Medicine")
    page.get_by_label("City").fill("Boston")
    page.get_by_label("State").fill("MA")
    page.get_by_label("Status").select_option("interview_scheduled" if date else "applied")
    if date:
        page.get_by_label("Date").fill(date)
        page.get_by_label("Start time").fill("09:00")
    if signal:
        page.get_by_label("Signal").select_option(signal)
    page.get_by_role("button", name="Add to my list").click()


def mailed_subjects(address, deadline_seconds=30):
    """Subjects of the messages to `address` in the test SMTP server's mailbox, once one has arrived."""
    maildir = pathlib.Path(os.environ["ROUNDS_E2E_MAILDIR"]) / "new"
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        subjects = []
        for path in maildir.iterdir():
            message = email.message_from_bytes(path.read_bytes())
            if address in message.get("To", ""):
                subjects.append(message.get("Subject", ""))
        if subjects:
            return subjects
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} within {deadline_seconds} s")


def test_plan_the_2027_match(browser, shot):
    marker = uuid.uuid4().hex[:6]
    page = sign_up_applicant(browser, f"residency-{marker}")
    fill_profile(page)

    page.get_by_role("link", name="Residency", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your 2027 Match plan")
    tasks = page.locator("table.plan-tasks")
    expect(tasks).to_contain_text("ECFMG certification")
    expect(tasks).to_contain_text("Date not published yet (Rank order list certification deadline)")
    expect(tasks.get_by_role("link", name="www.nrmp.org").first).to_be_visible()
    shot(page, "plan")

    page.get_by_role("link", name="Program list and interviews").click()
    interview_day = (datetime.date.today() + datetime.timedelta(days=45)).isoformat()
    add_program(page, "Harbor Fictional IM", date=interview_day, signal="gold")
    expect(page.get_by_role("status")).to_contain_text("Harbor Fictional IM added")
    add_program(page, "Lakeside Example IM", date=interview_day, signal="gold")
    expect(page.locator("main")).to_contain_text("both interview you that day")
    add_program(page, "Riverbend Demo IM", signal="gold")
    add_program(page, "Mesa Sample IM", signal="gold")
    expect(page.get_by_role("alert")).to_contain_text("Internal Medicine allows 3 gold signals (2025 season); all 3 are used.")
    page.get_by_label("Signal").select_option("silver")
    page.get_by_role("button", name="Add to my list").click()
    expect(page.locator("main")).to_contain_text("Internal Medicine: 3 of 3 gold, 1 of 12 silver used.")
    shot(page, "programs-with-clash")

    page.get_by_role("link", name="Back to your 2027 plan").click()
    expect(page.locator("main")).to_contain_text("ERAS fees for the 2027 season are not published")
    expect(page.locator("main")).to_contain_text("Total: $")
    page.get_by_role("button", name="Make a feed address").click()
    address = page.get_by_label("Calendar feed address").input_value()
    shot(page, "fees-and-calendar")
    with urllib.request.urlopen(address) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.read())
    summaries = [str(event.get("summary")) for event in calendar.walk("VEVENT")]
    assert "Interview: Harbor Fictional IM (Internal Medicine)" in summaries
    assert "2027 Match: Match Day" in summaries
    interview = next(event for event in calendar.walk("VEVENT") if str(event.get("summary")).startswith("Interview: Harbor"))
    assert interview.decoded("dtstart").date().isoformat() == interview_day

    # The weekly digest goes out through the outbox (the e2e server looks for reminders every 2 s).
    page.get_by_label("Reminders").select_option("14")
    page.get_by_label("Send me a weekly digest of open tasks").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Settings saved")
    assert "Rounds: your 2027 Match week ahead" in mailed_subjects(f"apply-residency-{marker}@example.org")
