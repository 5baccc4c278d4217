"""Shared fixtures for the browser journeys: a headless Debian Chromium driven by Playwright."""
import json
import os
import pathlib
import shutil
import sys

import pytest
from playwright.sync_api import expect, sync_playwright

BASE_URL = os.environ.get("ROUNDS_E2E_URL", "http://127.0.0.1:8099")
ARTIFACTS = pathlib.Path(__file__).parent / "artifacts"


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise RuntimeError("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # The HTTPS journey runs against a throwaway self-signed certificate.
    context = browser.new_context(base_url=BASE_URL, ignore_https_errors=BASE_URL.startswith("https://"))
    page = context.new_page()
    errors = []

    def record(message):
        # A page answered with a deliberate 4xx (a bad query, a form with errors, a refused sign-in) is logged by
        # Chromium as a failed load; anything else (a missing asset, a CSP violation) is a real error.
        expected = any(f"status of {code}" in message.text for code in (400, 401, 403, 422, 429))
        if message.type == "error" and not expected:
            errors.append(message.text)

    page.on("console", record)
    yield page
    context.close()
    # A Content-Security-Policy violation or a failed asset shows up as a console error.
    assert errors == [], f"browser console errors: {errors}"


PHONE = {"width": 390, "height": 844}


def menu_should_be(page, is_open):
    menu = page.locator("details.menu")
    if menu.count():
        expect(menu).to_have_js_property("open", is_open)


TABLES_STACKED = "Array.from(document.querySelectorAll('table.stacking tr')).every(row => getComputedStyle(row).display === 'block')"


@pytest.fixture
def shot():
    """Saves full-page screenshots under e2e/artifacts/<test>/: <nn>-<name>.png as the page is, and
    <nn>-<name>-390.png at a phone's 390 px width, where the page must not scroll sideways, the menu folds
    behind its button and table rows stack as cards (and the menu opens again back at desktop width)."""
    counter = {"n": 0}

    def take(page, name):
        test = os.environ.get("PYTEST_CURRENT_TEST", "journey").split(":")[-1].split(" ")[0]
        folder = ARTIFACTS / test
        folder.mkdir(parents=True, exist_ok=True)
        counter["n"] += 1
        page.screenshot(path=str(folder / f"{counter['n']:02d}-{name}.png"), full_page=True)
        desktop = page.viewport_size
        page.set_viewport_size(PHONE)
        try:
            # On a phone the menu folds behind its button (the script does it on the width change).
            menu_should_be(page, False)
            page.screenshot(path=str(folder / f"{counter['n']:02d}-{name}-390.png"), full_page=True)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{name}: the page is {width} px wide at {PHONE['width']} px"
            # Table rows stack as cards.
            assert page.evaluate(TABLES_STACKED), f"{name}: a table keeps its columns at {PHONE['width']} px"
        finally:
            page.set_viewport_size(desktop)
        menu_should_be(page, True)

    return take


def pytest_sessionfinish(session, exitstatus):
    """Hands the two-factor secrets the journeys enrolled for demo accounts to the API fuzzing that follows
    (scripts/e2e.sh sets ROUNDS_E2E_SECRETS), so it can make each role's token."""
    path = os.environ.get("ROUNDS_E2E_SECRETS")
    journeys = sys.modules.get("test_host_listing")
    if path and journeys is not None:
        with open(path, "w", encoding="utf-8") as file:
            json.dump({"secrets": journeys.DEMO_SECRETS, "last_step": journeys.LAST_STEP}, file)
