"""A lead pastes the Walsall letter's whole "main comments and recommendations" section into a
new draft review, checks the preview on a desktop and on a 320 px phone, and adds the eight
recommendations; then pastes the same section as findings. Screenshots of the previews go to
test-artifacts/ for a person to look at."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
WALSALL = (ROOT / "tests" / "corpus" / "walsall_letter.txt").read_text(encoding="utf-8")
WALSALL = WALSALL.partition("\n---\n")[2]


def fits_the_width(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_lead_pastes_the_walsall_section(page, live_server, check_accessibility):
    load_demo_copy()
    ARTIFACTS.mkdir(exist_ok=True)
    sign_in(page, live_server, "wm.lead")

    page.goto(f"{live_server.url}/reviews/new/")
    page.get_by_label("Peer challenge", exact=True).check()
    page.get_by_label("Host council").select_option(label="Walsall Council")
    page.get_by_label("Council of the review's lead").select_option(label="Shropshire Council")
    page.get_by_label("Title").fill("Adult social care peer challenge, Walsall (May 2026)")
    for group, day in (("Visit start date", "5"), ("Visit end date", "7")):
        dates = page.get_by_role("group", name=group)
        dates.get_by_label("Day").fill(day)
        dates.get_by_label("Month").fill("5")
        dates.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Create the review").click()

    page.get_by_role("link", name="Paste recommendations").click()
    page.get_by_label("Paste the recommendations").fill(WALSALL)
    page.get_by_role("button", name="Show the recommendations").click()
    expect(page.get_by_role("heading", name="Check them before they are added")).to_be_visible()
    check_accessibility(page)
    expect(page.locator(".sli-paste-row__keep input:checked")).to_have_count(8)
    question = page.get_by_role("heading", name="1. How are the Medium and Short Term Plans")
    expect(question).to_be_visible()
    # Each row is a line or two, not a form of its own.
    heights = page.locator(".sli-paste-rows:not(.sli-paste-rows--others) > li").evaluate_all(
        "rows => rows.map(row => row.getBoundingClientRect().height)"
    )
    assert len(heights) == 8 and max(heights) < 130, heights
    page.locator("#rows-preview").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "paste-preview-desktop.png", full_page=True)

    page.set_viewport_size({"width": 320, "height": 640})
    assert fits_the_width(page)
    check_accessibility(page)
    page.screenshot(path=ARTIFACTS / "paste-preview-320.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    # A paragraph ticked by hand needs a number: the error is linked to its field.
    page.get_by_text("7 other paragraphs, not ticked").click()
    page.get_by_label("Add row 2", exact=True).check()
    page.get_by_role("button", name="Add the ticked recommendations").click()
    summary = page.get_by_role("alert")
    expect(summary.get_by_text("There is a problem with the recommendations")).to_be_visible()
    summary.get_by_role("link", name="Row 2: Enter the number").click()
    assert page.evaluate("document.activeElement.id") == "id_rows-1-label"
    check_accessibility(page)
    page.get_by_label("Add row 2", exact=True).uncheck()

    page.get_by_role("button", name="Add the ticked recommendations").click()
    expect(page.get_by_text("8 recommendations added")).to_be_visible()
    expect(page.get_by_role("link", name="Recommendation 8", exact=True)).to_be_visible()

    page.get_by_role("link", name="Findings", exact=True).first.click()
    page.get_by_role("link", name="Paste several findings at once").click()
    page.get_by_label("Paste the findings").fill(WALSALL)
    page.get_by_role("button", name="Show the findings").click()
    expect(
        page.get_by_role("heading", name="Check the findings before adding them")
    ).to_be_visible()
    check_accessibility(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert fits_the_width(page)
    page.screenshot(path=ARTIFACTS / "paste-findings-320.png", full_page=True)
    page.get_by_role("button", name="Add the ticked findings").click()
    expect(page.get_by_text("15 findings added")).to_be_visible()
