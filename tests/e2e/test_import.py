"""An editor imports the council's own plan spreadsheet: from the plan page, choosing to import
the rows that are right, reading the preview on a desktop and on a 320 px phone, then
downloading the rows that were not imported."""

import re
from io import BytesIO

import openpyxl
import pytest
from playwright.sync_api import expect

from improvement_plans.models import Action
from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDING = "Strengthen recording and ensure that managers' decisions are clear."


def council_sheet():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Improvement plan"
    sheet.append(["Adult Social Care Improvement Plan 2010"])
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(
        [
            "Rec No",
            "Recommendation",
            "Action",
            "Lead Officer",
            "Timescale",
            "RAG",
            "Date of update",
            "Progress update",
        ]
    )
    sheet.append(["2", WORDING, "Monthly supervision audit", "Team managers", "June 2010", "Amber"])
    sheet.append(["2", WORDING, "Recording standards", "Head of service", "March 2011", "Complete"])
    sheet.append(
        ["2(i)", WORDING, "Recording training", "Workforce lead", "Q2 2010/11", "Complete"]
    )
    sheet.append(["21", "", "Something else", "", "March 2011", ""])
    sheet.append(["16", "", "Equality impact assessments", "", "Soonish", "Green"])
    sheet.append([])
    sheet.append(["Notes: RAG ratings are agreed monthly at DMT."])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_editor_imports_the_rows_that_are_right(page, live_server, check_accessibility, tmp_path):
    load_demo_copy()
    sign_in(page, live_server, "sefton.editor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()
    page.get_by_role(
        "link", name="Sefton adult social care improvement plan", exact=False
    ).first.click()
    before = Action.objects.filter(plan__council__slug__startswith="sefton").count()
    page.get_by_role("link", name="import a spreadsheet").click()
    check_accessibility(page)

    upload = {
        "name": "plan.xlsx",
        "mimeType": "application/octet-stream",
        "buffer": council_sheet(),
    }

    # All or nothing, as it starts: the problems, and nothing saved.
    page.get_by_label("The spreadsheet (.xlsx)").set_input_files(files=[upload])
    page.get_by_role("button", name="Check the spreadsheet").click()
    expect(page).to_have_title(re.compile("^" + re.escape("Error: ")))
    expect(page.get_by_role("heading", name="2 problems: nothing will be saved")).to_be_visible()
    expect(
        page.get_by_role("heading", name="The spreadsheet cannot be imported yet")
    ).to_be_visible()
    page.get_by_role("link", name="there is no recommendation 21", exact=False).click()
    expect(page.locator("#problem-1")).to_be_visible()
    check_accessibility(page)
    page.screenshot(path=tmp_path / "all-or-nothing.png", full_page=True)
    assert Action.objects.filter(plan__council__slug__startswith="sefton").count() == before

    page.get_by_label("The spreadsheet (.xlsx)").set_input_files(files=[upload])
    page.get_by_role("group", name="If some rows have problems").get_by_label(
        "Import the rows that are right", exact=False
    ).check()
    page.get_by_role("button", name="Check the spreadsheet").click()

    expect(page.get_by_role("heading", name="3 rows can be imported, 2 cannot")).to_be_visible()
    assert (
        page.get_by_role("group", name="If some rows have problems")
        .get_by_label("Import the rows that are right", exact=False)
        .is_checked()
    )
    check_accessibility(page)
    page.screenshot(path=tmp_path / "preview.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 640})
    # The page fits; the wide table scrolls inside its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    table_box = page.locator(".sli-table-wrap").first
    assert table_box.evaluate("box => box.scrollWidth > box.clientWidth")
    check_accessibility(page)
    page.screenshot(path=tmp_path / "preview-320.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name="Import 3 rows").click()
    expect(page.get_by_role("heading", name="2 rows were not imported")).to_be_visible()
    check_accessibility(page)
    page.screenshot(path=tmp_path / "result.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the rows not imported (.xlsx)").click()
    assert download.value.suggested_filename.endswith("-rows-not-imported.xlsx")
    given_back = openpyxl.load_workbook(BytesIO(download.value.path().read_bytes())).active
    rows = list(given_back.iter_rows(values_only=True))
    assert [row[3] for row in rows[1:]] == ["Something else", "Equality impact assessments"]
    assert Action.objects.filter(plan__council__slug__startswith="sefton").count() == before + 3
