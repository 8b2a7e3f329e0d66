"""A council's editor keeps the evidence library (issue 14, point 5): from the home page to the
library, a link added for a quality statement with no evidence of people's experience, the
coverage grid changing, and the evidence index downloaded and read back. Every page is checked
with axe at 1280 px and at 320 px, where the grid scrolls inside its own region."""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from improvement_plans.models import Action
from reviews.models import QualityStatement
from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in
from tests.e2e.test_pages_fit import PHONE, SCREEN, check_fits
from tests.factories import make_evidence, make_update

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EQUITY = "Equity in experience and outcomes"


def test_an_editor_adds_evidence_and_the_grid_and_index_follow(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "walsall.editor")
    page.get_by_role("link", name="Walsall Council: evidence library by quality statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ("Evidence library by quality statement"), use_inner_text=True
    )
    # The invented demo leaves three statements without people's experience.
    expect(page.get_by_text("3 quality statements have none", exact=False)).to_be_visible()
    grid = page.get_by_role(
        "region", name="Evidence for each quality statement by evidence category"
    )
    expect(grid.get_by_role("table")).to_be_visible()
    row = grid.get_by_role("row", name=re.compile(rf"^3\. {EQUITY}"))
    expect(row).to_contain_text("No people's experience", use_inner_text=True)
    check_fits(page, check_accessibility)

    # On a phone the grid scrolls inside its own region, which takes the keyboard's focus.
    page.set_viewport_size(PHONE)
    assert grid.evaluate("box => box.scrollWidth > box.clientWidth")
    grid.focus()
    assert grid.evaluate("box => document.activeElement === box")
    page.set_viewport_size(SCREEN)

    page.get_by_role("link", name="Add evidence", exact=True).click()
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Title").fill("Equality survey of people using services (test)")
    dates = page.get_by_role("group", name="Date of the evidence")
    dates.get_by_label("Day").fill("3")
    dates.get_by_label("Month").fill("11")
    dates.get_by_label("Year").fill("2026")
    page.get_by_label("Or give a link to a public document").fill(
        "https://www.example.org/walsall-demo/equality-survey"
    )
    page.get_by_role("checkbox", name=f"3. {EQUITY}").check()
    page.get_by_role("checkbox", name="People's experience").check()
    check_fits(page, check_accessibility)
    page.get_by_role("button", name="Add the evidence").click()

    expect(page.get_by_text("Evidence E11 was added to the library.")).to_be_visible()
    expect(page.get_by_text("2 quality statements have none", exact=False)).to_be_visible()
    row = grid.get_by_role("row", name=re.compile(rf"^3\. {EQUITY}"))
    expect(row).not_to_contain_text("No people's experience", use_inner_text=True)
    cell = row.get_by_role("link", name=f"1 piece of people's experience for {EQUITY}")
    cell.click()
    expect(page.get_by_text(f"Showing only: {EQUITY}; People's experience")).to_be_visible()
    expect(
        page.get_by_role(
            "link",
            name="Equality survey of people using services (test) (a link to a public document)",
        )
    ).to_be_visible()
    check_fits(page, check_accessibility)

    page.get_by_role("link", name="Show all the evidence").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the evidence index (spreadsheet, .xlsx)").click()
    with open(info.value.path(), "rb") as handle:
        rows = list(load_workbook(io.BytesIO(handle.read())).active.iter_rows(values_only=True))
    by_reference = {row[0]: row for row in rows[1:]}
    assert len(by_reference) == 11
    added = by_reference["E11"]
    assert added[1] == "Equality survey of people using services (test)"
    assert added[2].date().isoformat() == "2026-11-03"
    assert added[3:6] == (
        f"3. {EQUITY}",
        "People's experience",
        "https://www.example.org/walsall-demo/equality-survey",
    )

    # Changed, then removed: each page checked as the others.
    page.get_by_role("link", name=f"Change E11 under {EQUITY}").click()
    check_fits(page, check_accessibility)
    page.get_by_label("Title").fill("Equality survey, corrected title (test)")
    page.get_by_role("button", name="Save the evidence").click()
    expect(page.get_by_text("Evidence E11 was saved.")).to_be_visible()
    expect(
        page.get_by_text("Title: Equality survey of people using services (test)")
    ).to_be_visible()
    page.get_by_role("link", name=f"Remove E11 under {EQUITY}").click()
    check_fits(page, check_accessibility)
    page.get_by_role("button", name="Remove the evidence").click()
    expect(page.get_by_text("Evidence E11 was removed from the library.")).to_be_visible()
    expect(page.get_by_text("3 quality statements have none", exact=False)).to_be_visible()


def test_an_editor_chooses_the_category_of_progress_evidence(
    page, live_server, check_accessibility
):
    load_demo_copy()
    action = Action.objects.get(plan__council__name="Walsall Council", number=1)
    action.quality_statements.set([QualityStatement.objects.get(name=EQUITY)])
    make_evidence(update=make_update(action=action), description="Finance review (test)")
    sign_in(page, live_server, "walsall.editor")
    page.get_by_role("link", name="Walsall Council: evidence library by quality statement").click()
    grid = page.get_by_role(
        "region", name="Evidence for each quality statement by evidence category"
    )
    row = grid.get_by_role("row", name=re.compile(rf"^3\. {EQUITY}"))
    expect(row.get_by_role("link", name=f"1 piece not categorised for {EQUITY}")).to_be_visible()

    page.get_by_role("link", name=f"Choose categories of A1.1 under {EQUITY}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ("Which kind of evidence is “Finance review (test)”?"), use_inner_text=True
    )
    check_fits(page, check_accessibility)
    page.get_by_role("checkbox", name="Feedback from staff and leaders").check()
    page.get_by_role("button", name="Save the categories").click()

    expect(
        page.get_by_text("The categories of “Finance review (test)” were saved.")
    ).to_be_visible()
    expect(
        row.get_by_role("link", name=f"1 piece of feedback from staff and leaders for {EQUITY}")
    ).to_be_visible()
    expect(row).to_contain_text("No people's experience", use_inner_text=True)
