"""An applicant writes two versions of a personal statement, compares them and asks the demo advisor
for a review; the advisor comments on a passage and suggests a replacement; the applicant accepts it
into a third version. Then the advisor publishes a slot: one applicant books it, and a second, who saw
it free a moment before, is refused with the reason."""
import datetime
import uuid

from playwright.sync_api import expect

from test_applications import sign_up_applicant
from test_host_listing import sign_in_demo

FIRST = "I first saw family medicine in a rural clinic. The clinic taught me patience. I want to serve rural patients."
SECOND = "I first saw family medicine in a rural clinic in Ohio. The clinic taught me patience. I want to serve rural patients."


def test_statement_versions_review_and_an_accepted_suggestion(browser, shot):
    marker = uuid.uuid4().hex[:6]
    applicant = sign_up_applicant(browser, marker)
    applicant.get_by_role("link", name="Statements").click()
    applicant.get_by_label("Title (only you see it)").fill(f"Family medicine {marker}")
    applicant.get_by_label("Specialty").select_option("family-medicine")
    applicant.get_by_label("Statement", exact=True).fill(FIRST)
    # The page script counts words and characters as the server does.
    expect(applicant.locator("p.counter")).to_contain_text("20 words · ERAS: 109 / 28000")
    applicant.get_by_role("button", name="Save version 1").click()
    expect(applicant.get_by_role("status")).to_contain_text("Saved version 1")

    applicant.get_by_label("Statement", exact=True).fill(SECOND)
    applicant.get_by_label("Version note").fill("where the clinic was")
    applicant.get_by_role("button", name="Save as version 2").click()
    expect(applicant.get_by_role("status")).to_contain_text("Saved version 2")
    applicant.get_by_role("button", name="Show changes").click()
    expect(applicant.locator(".word-diff ins")).to_have_text("clinic in Ohio. ")
    shot(applicant, "diff")
    applicant.go_back()

    applicant.get_by_label("Advisor's e-mail").fill("advisor@rounds.test")
    applicant.get_by_label("Note to the advisor").fill("Is the opening strong?")
    applicant.get_by_role("button", name="Request a review").click()
    expect(applicant.get_by_role("status")).to_contain_text("Sent to")
    review_url = applicant.url

    advisor = sign_in_demo(browser, "advisor@rounds.test")
    advisor.get_by_role("link", name="Reviews", exact=True).click()
    advisor.get_by_role("link", name=f"Family medicine {marker}, version 2").click()
    advisor.get_by_role("button", name="Start the review").click()
    advisor.get_by_label("Passage").fill("taught me patience")
    advisor.get_by_label("Comment", exact=True).fill("Show it with one moment instead.")
    advisor.get_by_label("Suggest a replacement").check()
    advisor.get_by_label("Replacement", exact=True).fill("taught me to listen")
    advisor.get_by_role("button", name="Add comment").click()
    expect(advisor.locator("mark")).to_contain_text("taught me patience")
    shot(advisor, "commented")
    advisor.get_by_label("Overall note (optional)").fill("Good bones.")
    advisor.get_by_role("button", name="Return to the applicant").click()
    expect(advisor.get_by_role("status")).to_contain_text("Returned to")

    applicant.goto(review_url)
    expect(applicant.locator("main")).to_contain_text("Good bones.")
    applicant.get_by_label("Accept").check()
    applicant.get_by_role("button", name="Save decisions").click()
    expect(applicant.get_by_role("status")).to_contain_text("Saved version 3 with the accepted suggestions")
    expect(applicant.locator(".statement-text")).to_contain_text("taught me to listen")
    expect(applicant.locator("main")).to_contain_text("Outdated comments")
    shot(applicant, "version-3")


def test_the_last_slot_is_booked_once(browser, shot):
    marker = uuid.uuid4().hex[:6]
    advisor = sign_in_demo(browser, "advisor@rounds.test")
    advisor.get_by_role("link", name="My slots").click()
    day = (datetime.date.today() + datetime.timedelta(days=9)).isoformat()
    advisor.get_by_label("Kind").select_option("mock-interview")
    advisor.get_by_label("Date").fill(day)
    advisor.get_by_label("Start time").fill("07:15")
    advisor.get_by_label("Length (minutes)").fill("45")
    advisor.get_by_label("Video link or place").fill(f"https://meet.example.org/{marker}")
    advisor.get_by_label("Note for applicants (optional)").fill(f"Journey slot {marker}")
    advisor.get_by_role("button", name="Publish slot").click()
    expect(advisor.get_by_role("status")).to_contain_text("Published: Mock interview")

    first = sign_up_applicant(browser, f"{marker}a")
    second = sign_up_applicant(browser, f"{marker}b")
    for page in (first, second):
        page.get_by_role("link", name="Advisor sessions").click()
        expect(page.locator("tr", has_text=f"Journey slot {marker}")).to_be_visible()

    first.locator("tr", has_text=f"Journey slot {marker}").get_by_role("button", name="Book").click()
    expect(first.get_by_role("status")).to_contain_text("Booked: Mock interview")
    expect(first.get_by_role("link", name="Video call link")).to_have_attribute("href", f"https://meet.example.org/{marker}")

    # The second applicant's page still shows the slot; pressing Book now is refused, with the reason.
    second.locator("tr", has_text=f"Journey slot {marker}").get_by_role("button", name="Book").click()
    expect(second.get_by_role("alert")).to_contain_text("This slot is no longer free")
    expect(second.locator("main")).not_to_contain_text(f"Journey slot {marker}")
    shot(second, "refused")

    advisor.reload()
    expect(advisor.locator("tr", has_text=f"apply-{marker}a@example.org")).to_be_visible()
