"""An anonymous visitor searches the demo catalog, narrows it by place and type, and opens an opportunity."""
from playwright.sync_api import expect


def test_visitor_searches_filters_and_opens_an_opportunity(page, shot):
    page.goto("/")
    page.get_by_role("link", name="Find opportunities").click()
    expect(page.get_by_role("heading", name="Find US clinical experience")).to_be_visible()
    shot(page, "catalog")

    page.get_by_label("Search").fill("cardiology")
    page.get_by_role("button", name="Search").click()
    results = page.locator(".result-list > li")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("Cardiology")
    shot(page, "search-cardiology")

    page.get_by_label("Search").fill("")
    page.get_by_label("Near ZIP code").fill("10016")
    page.get_by_label("Within miles").fill("300")
    page.get_by_label("Sort by").select_option("distance")
    page.get_by_role("button", name="Search").click()
    expect(results.first).to_contain_text("mi")
    distances = [float(text.split(" · ")[-1].replace(" mi", "")) for text in results.locator("p").filter(has_text=" mi").all_inner_texts()]
    assert distances == sorted(distances) and distances[-1] <= 300, distances
    shot(page, "near-10016")

    page.get_by_label("Type").select_option("observership")
    page.get_by_role("button", name="Search").click()
    expect(results.first).to_contain_text("Observership")
    first_title = results.first.get_by_role("link").inner_text()
    results.first.get_by_role("link").click()
    expect(page.get_by_role("heading", name=first_title)).to_be_visible()
    expect(page.get_by_role("heading", name="Sessions")).to_be_visible()
    shot(page, "opportunity")

    page.goto("/opportunities?near=99999")
    expect(page.get_by_role("alert")).to_contain_text("unknown ZIP code 99999")
    shot(page, "bad-zip")


def test_applicant_saves_a_search_with_a_weekly_alert(browser, shot):
    from test_messages import sign_in_demo_applicant

    page = sign_in_demo_applicant(browser)
    page.goto("/opportunities?q=cardiology&type=observership")
    save = page.locator("section.save-search")
    save.get_by_label("Name").fill("Cardiology observerships")
    save.get_by_label("Alert").select_option("weekly")
    save.get_by_role("button", name="Save this search").click()
    expect(page.get_by_role("status")).to_contain_text("Saved “Cardiology observerships”")
    expect(page.get_by_role("heading", name="Saved searches")).to_be_visible()
    shot(page, "saved-searches")
    page.get_by_label("Alert for “Cardiology observerships”").select_option("off")
    page.get_by_role("button", name="Save the alert").first.click()
    expect(page.get_by_role("status")).to_contain_text("No e-mail")
    page.get_by_role("link", name="Cardiology observerships").click()
    expect(page.get_by_label("Search")).to_have_value("cardiology")
    page.goto("/account/searches")
    page.get_by_role("button", name="Remove “Cardiology observerships”").click()
    expect(page.get_by_role("status")).to_contain_text("Removed")
