"""An IMG builds a rank order list of 12 programs from the program list, reorders it with the
script-free controls (to position N, up), certifies it by typing their name, links a supplemental PGY-1
list to a ranked program, sees that a change asks for certification again, downloads the CSV and runs
the Match simulator (chart and table)."""
import uuid

from playwright.sync_api import expect

from test_applications import sign_up_applicant
from test_residency import fill_profile


def rank_programs(browser, marker, names):
    """A new IMG adds `names` to their 2027 program list and ranks them in that order; returns the page."""
    page = sign_up_applicant(browser, marker)
    fill_profile(page)
    page.get_by_role("link", name="Residency", exact=True).click()
    page.get_by_role("link", name="Program list and interviews").click()
    for name in names:
        page.get_by_label("Program name").fill(name)
        page.get_by_label("Specialty").select_option("Internal Medicine")
        page.get_by_label("Status").select_option("applied")
        page.get_by_role("button", name="Add to my list").click()
        expect(page.get_by_role("status")).to_contain_text(f"{name} added")
    page.get_by_role("link", name="Rank order list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rank order list for the 2027 Match")
    for name in names:
        page.get_by_role("button", name=f"Rank {name}").click()
        expect(page.get_by_role("status")).to_contain_text("Rank order list saved.")
    return page


def test_rank_twelve_reorder_and_certify(browser, shot):
    marker = uuid.uuid4().hex[:6]
    names = [f"Fictional Rank {n:02d} {marker}" for n in range(1, 13)]
    page = rank_programs(browser, f"ranks-{marker}", names)
    rows = page.locator("table.rank-list tbody tr")
    expect(rows).to_have_count(12)

    page.get_by_label(f"Move {names[11]} to rank").fill("1")
    page.get_by_label(f"Move {names[11]} to rank").press("Enter")
    expect(rows.first).to_contain_text(names[11])
    page.get_by_role("button", name=f"Up: {names[5]}").click()
    expect(rows.nth(5)).to_contain_text(names[5])
    expect(page.locator("main")).to_contain_text("Not certified")
    shot(page, "ranked")

    page.get_by_label("Type your name to certify").fill("Someone Else")
    page.get_by_role("button", name="Certify the list").click()
    expect(page.get_by_role("alert")).to_contain_text("Type your name exactly as your account shows it")
    page.get_by_label("Type your name to certify").fill(f"Journey Applicant ranks-{marker}")
    page.get_by_role("button", name="Certify the list").click()
    expect(page.get_by_role("status")).to_contain_text("Rank order list certified.")
    expect(page.locator("main")).to_contain_text(f"Certified by Journey Applicant ranks-{marker}")
    shot(page, "certified")

    # A supplemental PGY-1 list linked to a ranked program; certification then goes stale.
    page.get_by_label("Ranked program the list belongs to").select_option(label=names[0])
    page.get_by_label("PGY-1 program to add").select_option(label=f"{names[10]} (Internal Medicine)")
    page.get_by_role("button", name="Add to a supplemental list").click()
    expect(page.get_by_role("status")).to_contain_text("Supplemental list saved.")
    expect(page.locator("main")).to_contain_text(f"Supplemental list for {names[0]} (1 program)")
    expect(page.locator("main")).to_contain_text("certify again")
    shot(page, "supplemental")

    page.get_by_role("button", name=f"Down: {names[11]}").click()
    expect(page.locator("main")).to_contain_text("certify again")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.splitlines()[0] == "rank,program,specialty,city,state,nrmp_code"
    assert text.splitlines()[1].startswith(f"1,{names[0]}")
    assert text.splitlines()[2].startswith(f"1.1,{names[10]}")
    assert text.splitlines()[3].startswith(f"2,{names[11]}")

    page.get_by_role("link", name="Simulate the Match for this list").click()
    expect(page.locator("main")).to_contain_text("Chance of matching: ")
    expect(page.locator("main")).to_contain_text("Uncalibrated model")
    expect(page.get_by_role("img", name="Chance of matching at each rank")).to_be_visible()
    expect(page.locator("table").first).to_contain_text(names[0])
    shot(page, "simulator")


def test_drag_a_row_to_reorder(browser):
    """With the script, dragging a row onto another moves it there (the row's own form is sent)."""
    marker = uuid.uuid4().hex[:6]
    names = [f"Fictional Drag {n} {marker}" for n in range(1, 4)]
    page = rank_programs(browser, f"drag-{marker}", names)
    rows = page.locator("table.rank-list tbody tr")
    rows.nth(2).drag_to(rows.nth(0))
    expect(page.get_by_role("status")).to_contain_text("Rank order list saved.")
    expect(rows.first).to_contain_text(names[2])


def add_programs(page, names):
    page.get_by_role("link", name="Residency", exact=True).click()
    page.get_by_role("link", name="Program list and interviews").click()
    for name in names:
        page.get_by_label("Program name").fill(name)
        page.get_by_label("Specialty").select_option("Pediatrics")
        page.get_by_label("Status").select_option("applied")
        page.get_by_role("button", name="Add to my list").click()
        expect(page.get_by_role("status")).to_contain_text(f"{name} added")


def test_a_couple_links_and_ranks_pairs_side_by_side(browser, shot):
    marker = uuid.uuid4().hex[:6]
    mine = [f"Fictional IM Boston {marker}", f"Fictional IM Denver {marker}"]
    theirs = [f"Fictional Peds Boston {marker}", f"Fictional Peds Denver {marker}"]
    partner = sign_up_applicant(browser, f"partner-{marker}")
    fill_profile(partner)
    add_programs(partner, theirs)
    page = rank_programs(browser, f"couple-{marker}", mine)

    page.get_by_role("link", name="Rank as a couple").click()
    page.get_by_label("Your partner's e-mail").fill(f"apply-partner-{marker}@example.org")
    page.get_by_role("button", name="Ask to rank as a couple").click()
    expect(page.get_by_role("status")).to_contain_text("Asked.")

    partner.goto("/residency/rank-list/couple?year=2027")
    partner.get_by_role("button", name=f"Confirm: rank pairs with Journey Applicant couple-{marker}").click()
    expect(partner.get_by_role("status")).to_contain_text("Confirmed")

    page.reload()
    for (me, them) in [(mine[0], theirs[0]), (mine[1], theirs[1]), (mine[0], None)]:
        page.get_by_label("Your program", exact=True).select_option(label=me)
        page.get_by_label(f"Journey Applicant partner-{marker}'s program").select_option(label=them or "No match")
        page.get_by_role("button", name="Add the pair").click()
        expect(page.get_by_role("status")).to_contain_text("Pair added.")
    rows = page.locator("table.couple tbody tr")
    expect(rows).to_have_count(3)
    page.get_by_role("button", name="Up: pair 3").click()
    expect(rows.nth(1)).to_contain_text("No match")
    shot(page, "couple-pairs")

    partner.reload()
    partner_rows = partner.locator("table.couple tbody tr")
    expect(partner_rows).to_have_count(3)
    expect(partner_rows.first).to_contain_text(theirs[0])
    expect(partner_rows.nth(1)).to_contain_text("No match")
    shot(partner, "partner-sees-pairs")

    # Each partner certifies the pairs with their own name; the other sees it.
    partner.get_by_label(f"Type your name to certify: Journey Applicant partner-{marker}").fill(f"Journey Applicant partner-{marker}")
    partner.get_by_role("button", name="Certify our pairs").click()
    expect(partner.get_by_role("status")).to_contain_text("Certified.")
    page.reload()
    expect(page.get_by_role("listitem").filter(has_text=f"Journey Applicant partner-{marker}:")).to_contain_text("Certified")
    page.get_by_label(f"Type your name to certify: Journey Applicant couple-{marker}").fill(f"Journey Applicant couple-{marker}")
    page.get_by_role("button", name="Certify our pairs").click()
    expect(page.get_by_role("status")).to_contain_text("Certified.")
    expect(page.get_by_role("button", name="Certify our pairs")).to_have_count(0)
    shot(page, "couple-certified")
