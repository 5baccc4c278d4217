"""An advisor imports two fictional residency programs from a CSV file (a file missing a source is
refused first, naming the cell), records a fact with its source and sees it in the change log; an IMG
then screens the directory (visa filter, verdicts with their reasons and sources) and adds both
programs to the program list."""
import uuid

from playwright.sync_api import expect

from conftest import BASE_URL
from test_applications import sign_up_applicant
from test_host_listing import sign_in_demo
from test_residency import fill_profile

COLUMNS = (
    "name,specialty,sponsoring_institution,city,state,zip,acgme_id,nrmp_code,application_service,positions,ccn,"
    "accepts_j1,accepts_j1_source,accepts_j1_verified_on,accepts_j1_verified_by,"
    "sponsors_h1b,sponsors_h1b_source,sponsors_h1b_verified_on,sponsors_h1b_verified_by,"
    "max_years_since_graduation,max_years_since_graduation_source,max_years_since_graduation_verified_on,max_years_since_graduation_verified_by,"
    "min_step2_ck,min_step2_ck_source,min_step2_ck_verified_on,min_step2_ck_verified_by,"
    "first_attempt_only,first_attempt_only_source,first_attempt_only_verified_on,first_attempt_only_verified_by,"
    "usce_months,usce_months_source,usce_months_verified_on,usce_months_verified_by,usce_hands_on"
)
SOURCE = "https://example.org/fictional-journey/eligibility"


def directory_csv(marker, source=SOURCE):
    fact = lambda value: f"{value},{source},2026-11-20,Journey Advisor"
    empty = ",,,"
    first = ",".join([
        f"Fictional Journey IM {marker},Internal Medicine,Fictional Journey Health,Brooklyn,NY,11201,,,eras,12,",
        fact("yes"), empty, fact("8"), empty, empty, empty, "no",
    ])
    second = ",".join([
        f"Fictional Journey FM {marker},Family Medicine,Fictional Journey Clinic,Newark,NJ,07103,,,eras,6,",
        fact("yes"), fact("no"), empty, empty, empty, empty, "no",
    ])
    return f"{COLUMNS}\n{first}\n{second}\n"


def test_advisor_imports_and_an_img_screens_and_adds_two(browser, shot, tmp_path):
    marker = uuid.uuid4().hex[:6]
    advisor = sign_in_demo(browser, "advisor@rounds.test")
    advisor.get_by_role("link", name="Program directory").click()
    expect(advisor.get_by_role("heading", level=1)).to_have_text("Program directory")

    bad = tmp_path / "bad.csv"
    bad.write_text(directory_csv(marker, source=""))
    advisor.get_by_label("CSV file").set_input_files(str(bad))
    advisor.get_by_role("button", name="Import").click()
    expect(advisor.get_by_role("alert")).to_contain_text("line 2, accepts_j1_source: a value needs the web address it was read from")
    expect(advisor.locator("main")).not_to_contain_text(f"Fictional Journey IM {marker}")

    good = tmp_path / "directory.csv"
    good.write_text(directory_csv(marker))
    advisor.get_by_label("CSV file").set_input_files(str(good))
    advisor.get_by_role("button", name="Import").click()
    expect(advisor.get_by_role("status")).to_contain_text("Imported: 2 programs added")
    shot(advisor, "imported")

    advisor.get_by_role("link", name=f"Fictional Journey IM {marker}").click()
    h1b = advisor.get_by_role("group", name="Sponsors the H-1B")
    h1b.get_by_label("Value").select_option("yes")
    h1b.get_by_label("Source (web address)").fill(SOURCE)
    advisor.get_by_role("button", name="Save").click()
    expect(advisor.get_by_role("status")).to_contain_text("Saved.")
    log = advisor.locator("table").last
    expect(log).to_contain_text("sponsors_h1b")
    expect(log).to_contain_text("yes (checked")
    shot(advisor, "change-log")

    page = sign_up_applicant(browser, f"directory-{marker}")
    fill_profile(page)
    page.goto(f"/residency/directory?visa=j1&state=NY")
    im = page.locator("li.directory-program").filter(has_text=f"Fictional Journey IM {marker}")
    expect(im).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(f"Fictional Journey FM {marker}")
    im.get_by_text("Why").click()
    # Not ECFMG certified yet: the J-1 is borderline, with ECFMG's page as the source.
    expect(im).to_contain_text("needs ECFMG certification before training starts")
    expect(im.get_by_role("link", name="www.ecfmg.org")).to_be_visible()
    expect(im).to_contain_text("The directory does not know whether the program has a minimum Step 2 CK score.")
    shot(page, "screened")
    im.get_by_role("button", name=f"Add Fictional Journey IM {marker} to my list").click()
    expect(page.get_by_role("status")).to_contain_text("added to your 2027 program list")

    page.goto(f"/residency/directory?state=NJ&specialty=Family+Medicine")
    fm = page.locator("li.directory-program").filter(has_text=f"Fictional Journey FM {marker}")
    fm.get_by_role("button", name=f"Add Fictional Journey FM {marker} to my list").click()
    expect(page.get_by_role("status")).to_contain_text("added to your 2027 program list")
    expect(page.locator("main")).to_contain_text("On your program list.")

    page.get_by_role("link", name="Residency", exact=True).click()
    page.get_by_role("link", name="Program list and interviews").click()
    table = page.locator("table.program-list")
    expect(table).to_contain_text(f"Fictional Journey IM {marker}")
    expect(table).to_contain_text(f"Fictional Journey FM {marker}")
    shot(page, "list")
