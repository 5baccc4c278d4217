"""An applicant uploads documents and applies to a session; the host reviews and offers; the applicant
accepts. Also: a file far over the upload limit is cut off by the server with 413."""
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_host_listing import sign_in_demo

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def sign_up_applicant(browser, marker):
    page = browser.new_context(base_url=BASE_URL).new_page()
    page.goto("/sign-up")
    page.get_by_label("Your name").fill(f"Journey Applicant {marker}")
    page.get_by_label("E-mail").fill(f"apply-{marker}@example.org")
    page.get_by_label("Password").fill("a long and memorable phrase")
    page.get_by_role("button", name="Create account").click()
    return page


def upload(page, kind, name):
    page.get_by_label("What is it?").select_option(kind)
    page.get_by_label("File").set_input_files({"name": name, "mimeType": "application/pdf", "buffer": PDF})
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status")).to_contain_text(f"Uploaded {name}")


def test_apply_offer_accept(browser, shot):
    marker = uuid.uuid4().hex[:6]
    applicant = sign_up_applicant(browser, marker)

    applicant.get_by_role("link", name="Documents").click()
    upload(applicant, "cv", "cv.pdf")
    upload(applicant, "immunization_record", "immunizations.pdf")
    upload(applicant, "insurance", "insurance.pdf")
    # A web page renamed .pdf is refused for what it is.
    applicant.get_by_label("What is it?").select_option("other")
    applicant.get_by_label("File").set_input_files({"name": "notes.pdf", "mimeType": "application/pdf", "buffer": b"<html>hi</html>"})
    applicant.get_by_role("button", name="Upload").click()
    expect(applicant.get_by_role("alert")).to_contain_text("Only PDF, PNG and JPEG files are accepted")
    shot(applicant, "vault")

    # The demo host's catalog: the first result with an open session.
    applicant.goto("/opportunities?q=observership")
    applicant.locator(".result-list > li a").first.click()
    applicant.get_by_role("link", name="Apply").first.click()
    expect(applicant.get_by_role("heading", name="Apply:")).to_be_visible()
    title = applicant.get_by_role("heading", name="Apply:").inner_text().removeprefix("Apply: ")
    applicant.get_by_label("Statement").fill(
        "I am an international medical graduate preparing for internal medicine, eager to learn US inpatient care."
    )
    for name in ("cv.pdf", "immunizations.pdf", "insurance.pdf"):
        applicant.get_by_label(name).check()
    for requirement in ("Immunization records", "Background check", "Health and liability insurance"):
        box = applicant.get_by_label(requirement)
        if box.count() > 0:
            box.check()
    shot(applicant, "apply-form")
    applicant.get_by_role("button", name="Submit application").click()
    expect(applicant.get_by_role("status")).to_contain_text("Application sent to the host.")
    application_url = applicant.url
    shot(applicant, "submitted")

    # Enrols the demo host's two-factor sign-in the first time and keeps the secret for later journeys.
    host = sign_in_demo(browser, "host@rounds.test")
    host.get_by_role("link", name="Inbox").click()
    host.get_by_role("link", name=f"Journey Applicant {marker}").click()
    expect(host.get_by_role("heading", name="Applicant profile")).to_be_visible()
    host.get_by_role("button", name="Start review").click()
    host.get_by_label("Offer open for (days)").fill("5")
    host.get_by_label("Message to the applicant (optional)").fill("We look forward to meeting you.")
    shot(host, "offer")
    host.get_by_role("button", name="Offer a place").click()
    expect(host.get_by_role("heading", name=f"{title}: Offered")).to_be_visible()

    applicant.goto(application_url)
    expect(applicant.get_by_text("We look forward to meeting you.")).to_be_visible()
    shot(applicant, "offered")
    applicant.get_by_role("button", name="Accept the offer").click()
    expect(applicant.get_by_role("heading", name=f"{title}: Accepted")).to_be_visible()
    shot(applicant, "accepted")

    applicant.goto("/notifications")
    expect(applicant.get_by_text(f"Offer: {title}")).to_be_visible()


def test_an_upload_over_the_limit_is_cut_off(browser):
    page = sign_up_applicant(browser, uuid.uuid4().hex[:6])
    page.goto("/documents")
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    response = page.request.post(
        "/documents",
        multipart={
            "csrf_token": token,
            "kind": "cv",
            "file": {"name": "huge.pdf", "mimeType": "application/pdf", "buffer": PDF + b" " * (11 * 1024 * 1024)},
        },
    )
    assert response.status == 413
