"""A host lists an observership: site, opportunity, session, publish; an admin verifies the site; a
visitor then finds it in the catalog."""
import datetime
import time
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_two_factor import totp


def enrol_two_factor(page):
    """Sets up two-factor sign-in from the typed key on the set-up page; returns the secret."""
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    secret = page.locator("code.secret").inner_text().replace(" ", "")
    page.get_by_label("Code from the app").fill(totp(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", name="Two-factor sign-in is on")).to_be_visible()
    return secret


# Demo accounts' two-factor secrets, once a journey has enrolled them (journeys share one process),
# and the last time step each one's code was used: the server refuses a step used before.
DEMO_SECRETS = {}
LAST_STEP = {}


def next_code(address):
    """A code for a step after the last one used: this step or the next (the server accepts one step of
    clock drift); when both are spent, the next step has to begin."""
    while True:
        now = int(time.time()) // 30
        step = max(now, LAST_STEP.get(address, now - 1) + 1)
        if step <= now + 1:
            LAST_STEP[address] = step
            return totp(DEMO_SECRETS[address], step_offset=step - now)
        time.sleep(1)


def sign_in_demo(browser, address):
    """A page signed in as a demo account that must use two-factor sign-in (admin, advisor): enrols it
    the first time, then uses the secret kept from then (the next step's code, so a code used at
    enrolment is never replayed)."""
    page = browser.new_context(base_url=BASE_URL).new_page()
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(address)
    page.get_by_label("Password").fill("rounds-demo-password")
    page.get_by_role("button", name="Sign in").click()
    if address in DEMO_SECRETS:
        expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
        page.get_by_label("Code").fill(next_code(address))
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    elif page.get_by_role("heading", name="Set up two-factor sign-in").is_visible():
        DEMO_SECRETS[address] = enrol_two_factor(page)
        LAST_STEP[address] = int(time.time()) // 30
    else:
        raise AssertionError(f"{address} already has two-factor sign-in; run against a fresh database")
    return page


def sign_in_demo_admin(browser):
    return sign_in_demo(browser, "admin@rounds.test")


def sign_up_host(browser, address):
    """A new host's page, signed up and enrolled in two-factor sign-in (hosts must use it)."""
    host = browser.new_context(base_url=BASE_URL).new_page()
    host.goto("/sign-up")
    host.get_by_label("Your name").fill("Dr. Journey Host")
    host.get_by_label("E-mail").fill(address)
    host.get_by_label("Password").fill("a long and memorable phrase")
    host.get_by_label("I am joining as").select_option("host")
    host.get_by_role("button", name="Create account").click()
    enrol_two_factor(host)
    return host


def add_site(host, name, kind, street, before_saving=None):
    """Adds a site in Boston from the host's sites page."""
    host.get_by_role("link", name="My sites").click()
    host.get_by_role("link", name="Add a site").click()
    host.get_by_label("Name").fill(name)
    host.get_by_label("Kind").select_option(kind)
    host.get_by_label("Street address").fill(street)
    host.get_by_label("City").fill("Boston")
    host.get_by_label("State").fill("MA")
    host.get_by_label("ZIP code").fill("02114")
    if before_saving:
        before_saving(host)
    host.get_by_role("button", name="Add site").click()


def test_host_lists_an_opportunity_that_admin_verifies_and_visitor_finds(browser, shot):
    marker = uuid.uuid4().hex[:6]
    title = f"Nocturnist Observership {marker}"
    host = sign_up_host(browser, f"listing-{marker}@example.org")
    add_site(host, f"Harbor Light Hospital {marker}", "hospital", "12 Harbor Way", before_saving=lambda page: shot(page, "new-site"))

    expect(host.get_by_role("heading", name=f"New opportunity at Harbor Light Hospital {marker}")).to_be_visible()
    host.get_by_label("Title").fill(title)
    host.get_by_label("Type").select_option("observership")
    host.get_by_label("Specialty").select_option("hospital-medicine")
    host.get_by_label("Setting").select_option("inpatient")
    host.get_by_label("International medical graduate").check()
    host.get_by_label("B1/B2 visitor visa").check()
    host.get_by_label("Fee").fill("1200")
    host.get_by_label("Letter of recommendation").select_option("on_request")
    host.get_by_label("Description").fill("Overnight admissions with the nocturnist team.")
    shot(host, "new-opportunity")
    host.get_by_role("button", name="Save").click()

    start = datetime.date.today() + datetime.timedelta(days=60)
    host.get_by_label("First day").fill(start.isoformat())
    host.get_by_label("Last day").fill((start + datetime.timedelta(days=27)).isoformat())
    host.get_by_label("Application deadline").fill((start - datetime.timedelta(days=21)).isoformat())
    host.get_by_label("Seats").fill("2")
    host.get_by_role("button", name="Add session").click()
    expect(host.get_by_role("status")).to_contain_text("Session added.")
    host.get_by_role("button", name="Publish").click()
    expect(host.get_by_role("status")).to_contain_text("Published.")
    shot(host, "published")

    admin = sign_in_demo_admin(browser)
    admin.goto("/admin/sites")
    row = admin.get_by_role("row").filter(has_text=f"Harbor Light Hospital {marker}")
    shot(admin, "verify-sites")
    row.get_by_role("button", name="Verify").click()
    expect(admin.get_by_role("status")).to_contain_text("is verified")

    visitor = browser.new_context(base_url=BASE_URL).new_page()
    # Search follows the catalog within about a second (the index is checked at most once a second and
    # rebuilt in the background), so a search right after the change may still show the old catalog.
    for _ in range(40):
        visitor.goto("/opportunities?q=nocturnist+" + marker)
        if visitor.locator(".result-list > li", has_text=title).count():
            break
        visitor.wait_for_timeout(250)
    expect(visitor.locator(".result-list > li").first).to_contain_text(title)
    shot(visitor, "found")
