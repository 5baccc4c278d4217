"""An administrator rejects a new site with a reason; the host sees why, fixes it and asks again; the
administrator verifies it, and the audit log shows both decisions."""
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_host_listing import enrol_two_factor, sign_in_demo_admin


def test_admin_rejects_a_site_and_the_host_sees_why(browser, shot):
    marker = uuid.uuid4().hex[:6]
    site = f"Quay Street Clinic {marker}"
    host = browser.new_context(base_url=BASE_URL).new_page()
    host.goto("/sign-up")
    host.get_by_label("Your name").fill("Dr. Review Host")
    host.get_by_label("E-mail").fill(f"review-host-{marker}@example.org")
    host.get_by_label("Password").fill("a long and memorable phrase")
    host.get_by_label("I am joining as").select_option("host")
    host.get_by_role("button", name="Create account").click()
    enrol_two_factor(host)
    host.get_by_role("link", name="My sites").click()
    host.get_by_role("link", name="Add a site").click()
    host.get_by_label("Name").fill(site)
    host.get_by_label("Kind").select_option("clinic")
    host.get_by_label("Street address").fill("4 Quay Street")
    host.get_by_label("City").fill("Boston")
    host.get_by_label("State").fill("MA")
    host.get_by_label("ZIP code").fill("02114")
    host.get_by_role("button", name="Add site").click()

    admin = sign_in_demo_admin(browser)
    admin.goto("/admin/sites")
    row = admin.get_by_role("row").filter(has_text=site)
    row.get_by_label("Reason (the host sees it)").fill("The street address does not match the clinic's licence; use the licensed address.")
    row.get_by_role("button", name="Reject").click()
    expect(admin.get_by_role("status")).to_contain_text(f"{site} is rejected")

    host.goto("/host/sites")
    expect(host.locator("main")).to_contain_text("The administrators' reason: The street address does not match the clinic's licence")
    shot(host, "rejected")
    host.get_by_role("button", name="I have fixed it: ask for another review").click()
    expect(host.get_by_role("status")).to_contain_text("waiting for verification again")

    admin.goto("/admin/sites")
    admin.get_by_role("row").filter(has_text=site).get_by_role("button", name="Verify").click()
    expect(admin.get_by_role("status")).to_contain_text(f"{site} is verified")
    admin.get_by_role("link", name="Audit log of administrator actions").click()
    expect(admin.get_by_role("row").filter(has_text=f"site {site}")).to_have_count(2)
    shot(admin, "audit")
