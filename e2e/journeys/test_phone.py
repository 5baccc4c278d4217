"""A visitor on a phone: the menu folds behind its button, opens on a tap and leads on; a listing's
sessions table reads as stacked cards, each value under its column's heading."""
from playwright.sync_api import expect

from conftest import BASE_URL, PHONE


def test_phone_menu_and_stacked_tables(browser):
    context = browser.new_context(base_url=BASE_URL, viewport=PHONE, ignore_https_errors=True)
    page = context.new_page()
    page.goto("/")
    expect(page.locator("details.menu")).to_have_js_property("open", False)
    expect(page.get_by_role("link", name="Find opportunities")).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Find opportunities").click()
    expect(page.get_by_role("heading", name="Find US clinical experience")).to_be_visible()
    expect(page.locator("details.menu")).to_have_js_property("open", False)

    page.locator(".result-list li").first.get_by_role("link").first.click()
    first_cell = page.locator("table.stacking tbody tr").first.locator("td").first
    expect(first_cell).to_have_attribute("data-label", "Starts")
    label = first_cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Starts"', label
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
