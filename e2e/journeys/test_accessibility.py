"""axe-core (bundled by axe-playwright-python; nothing from a CDN) on the main pages of every role: no
serious or critical violation."""
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import BASE_URL
from test_host_listing import sign_in_demo, sign_in_demo_admin
from test_messages import sign_in_demo_applicant

AXE = Axe()
PUBLIC = ["/", "/opportunities", "/opportunities?q=cardiology&near=10016", "/guides", "/newsletter", "/sign-in", "/sign-up",
          "/visa-paths", "/research-programs", "/newsletter/issues", "/password/forgot"]
APPLICANT = ["/profile", "/applications", "/documents", "/letters", "/portfolio", "/residency", "/residency/programs",
             "/residency/rank-list", "/residency/rank-list/couple", "/account", "/account/searches", "/account/favourites",
             "/notifications", "/statements", "/advising/sessions", "/cycles", "/account/data"]
HOST = ["/host/sites", "/host/applications", "/host/questions"]
ADMIN = ["/admin/users", "/admin/sites", "/admin/reports", "/admin/listing-reports", "/admin/audit", "/admin/newsletter",
         "/admin/directory", "/admin/season", "/admin/programs"]


def serious(page, path):
    page.goto(path)
    expect(page.locator("main")).to_be_visible()
    results = AXE.run(page)
    found = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    return [f"{path}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in found]


def test_the_check_finds_what_it_should(browser):
    # The same check on a page with an image without text and an unlabelled field must fail.
    page = browser.new_context(bypass_csp=True).new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><input type="text"></main></html>')
    ids = {v["id"] for v in AXE.run(page).response["violations"] if v["impact"] in ("serious", "critical")}
    assert {"image-alt", "label"} <= ids, ids


def test_no_serious_or_critical_violation_on_any_roles_pages(browser):
    problems = []
    visitor = browser.new_context(base_url=BASE_URL, bypass_csp=True).new_page()
    for path in PUBLIC:
        problems += serious(visitor, path)
    visitor.goto("/opportunities")
    opportunity = visitor.locator("main a[href^='/opportunities/']").first.get_attribute("href")
    problems += serious(visitor, opportunity)

    applicant = sign_in_demo_applicant(browser, bypass_csp=True)
    for path in APPLICANT + [opportunity]:
        problems += serious(applicant, path)

    # The demo host and admin sign in with two-factor codes; axe needs the page without CSP, so the
    # signed-in cookies move to a context that bypasses it.
    for signed_in, paths in [(sign_in_demo(browser, "host@rounds.test"), HOST), (sign_in_demo_admin(browser), ADMIN)]:
        context = browser.new_context(base_url=BASE_URL, bypass_csp=True)
        context.add_cookies(signed_in.context.cookies())
        page = context.new_page()
        for path in paths:
            problems += serious(page, path)
    assert not problems, "\n".join(problems)
