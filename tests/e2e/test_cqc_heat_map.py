"""The West Midlands lead reads the councils' CQC ratings on the region page, follows one to
its assessment, then cites it in Walsall's risk assessment: from the home page, by clicking,
axe on every page, at 1280 px and at 320 px."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in
from tests.e2e.test_pages_fit import check_fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts"
YEAR = timezone.localdate().year


def test_lead_reads_the_heat_map_and_cites_walsalls_cqc_rating(
    page, live_server, check_accessibility
):
    load_demo_copy()
    SCREENSHOTS.mkdir(exist_ok=True)
    sign_in(page, live_server, "wm.lead")

    page.get_by_role("link", name="Every council of West Midlands").click()
    heat_map = page.get_by_role("table", name="Latest CQC assessment of each council")
    expect(heat_map).to_be_visible()
    rows = heat_map.locator("tbody tr")
    expect(rows).to_have_count(14)
    # Weakest first: Dudley's invented 47% leads, the councils not yet assessed come last.
    expect(rows.first.get_by_role("rowheader")).to_have_text(
        ("Dudley Metropolitan Borough Council"), use_inner_text=True
    )
    expect(rows.last).to_contain_text("Not yet assessed", use_inner_text=True)
    walsall = heat_map.get_by_role("row", name="Walsall Council", exact=False)
    expect(walsall).to_contain_text("67% (computed)", use_inner_text=True)
    check_fits(page, check_accessibility)
    heat_map.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "cqc-heat-map.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 640})
    heat_map.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "cqc-heat-map-phone.png", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Council name").click()
    expect(page).to_have_url(re.compile(re.escape("cqc_order=name#cqc") + "$"))
    first = page.get_by_role("table", name="Latest CQC assessment of each council").locator(
        "tbody tr"
    )
    expect(first.first.get_by_role("rowheader")).to_have_text(
        "Birmingham City Council", use_inner_text=True
    )
    check_accessibility(page)

    # The link says the rating, and (to screen readers) whose assessment it leads to.
    page.get_by_role("link", name="the CQC assessment of Walsall Council", exact=False).click()
    expect(page).to_have_title(re.compile("^" + re.escape("CQC scores and findings")))
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text(
        "Walsall Council", use_inner_text=True
    )
    check_accessibility(page)

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Home").click()
    page.get_by_role("link", name=f"Assessments of {YEAR}").click()
    page.get_by_label("Council", exact=True).select_option(label="Walsall Council")
    page.get_by_role("button", name="Start the assessment").click()
    check_accessibility(page)
    assert "Not cited. The latest CQC assessment: Good, 67%" in page.inner_text("main")

    page.get_by_role("link", name="Cite the CQC assessment as a reason").click()
    expect(page.get_by_role("table", name="Scores of the quality statements")).to_be_visible()
    check_fits(page, check_accessibility)
    page.get_by_label("Medium", exact=True).check()
    page.get_by_label("Reasons", exact=True).fill(
        "Waiting lists for assessments are long, as the CQC found"
    )
    page.get_by_label("Cite the latest assessment", exact=False).check()
    statements = page.get_by_role("group", name="Quality statements that bear on the concern")
    statements.get_by_label("Assessing needs", exact=True).check()
    statements.get_by_label("Safe systems, pathways and transitions", exact=True).check()
    page.screenshot(path=SCREENSHOTS / "cqc-cite-form.png", full_page=True)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("The overall level of concern was saved.")).to_be_visible()
    cited = page.locator("#cqc-cited").inner_text()
    assert "Good, 67% (computed), report of 20 June 2025" in cited
    assert "Assessing needs: 2 – some shortfalls" in cited
    assert "Safe systems, pathways and transitions: 2 – some shortfalls" in cited
    check_fits(page, check_accessibility)
    page.screenshot(path=SCREENSHOTS / "cqc-cited-risk-assessment.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download this risk assessment", exact=False).click()
    sheet = load_workbook(BytesIO(Path(download.value.path()).read_bytes()), read_only=True)
    rows = [tuple(c for c in row if c is not None) for row in sheet.active.values]
    assert ("CQC assessment cited", "Good, 67% (computed), report of 20 June 2025") in rows
    assert ("Assessing needs (cited)", "2 – some shortfalls") in rows
