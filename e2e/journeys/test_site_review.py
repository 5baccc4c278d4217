"""An administrator rejects a new site with a reason; the host sees why, fixes it and asks again; the
administrator verifies it, and the audit log shows both decisions."""
import uuid

from playwright.sync_api import expect

from test_host_listing import add_site, sign_in_demo_admin, sign_up_host


def test_admin_rejects_a_site_and_the_host_sees_why(browser, shot):
    marker = uuid.uuid4().hex[:6]
    site = f"Quay Street Clinic {marker}"
    host = sign_up_host(browser, f"review-host-{marker}@example.org")
    add_site(host, site, "clinic", "4 Quay Street")

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
