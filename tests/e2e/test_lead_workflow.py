import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASTED = """\
1. The Team recommends that the Council ensures its financial plans are robust and
deliverable.
2. The Team recommends that: i) the front door is reviewed; ii) the core offer is published.
3. The Team recommends that carers are offered an assessment (see also recommendations 1 and 2).
"""


def test_lead_creates_a_review_pastes_recommendations_issues_and_downloads_the_letter(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "wm.lead")

    page.get_by_role("link", name="Plan a review", exact=True).click()
    check_accessibility(page)
    page.get_by_role("button", name="Create the review").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Enter the title of the review")).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Peer challenge", exact=True).check()
    page.get_by_label("Host council").select_option(label="Dudley Metropolitan Borough Council")
    page.get_by_label("Council of the review's lead").select_option(label="Shropshire Council")
    page.get_by_label("Title").fill("Adult social care peer challenge, Dudley (March 2026)")
    start = page.get_by_role("group", name="Visit start date")
    start.get_by_label("Day").fill("3")
    start.get_by_label("Month").fill("3")
    start.get_by_label("Year").fill("2026")
    end = page.get_by_role("group", name="Visit end date")
    end.get_by_label("Day").fill("5")
    end.get_by_label("Month").fill("3")
    end.get_by_label("Year").fill("2026")
    page.get_by_label("Working Together").check()
    page.get_by_role("button", name="Create the review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ("Adult social care peer challenge, Dudley (March 2026)"), use_inner_text=True
    )
    check_accessibility(page)

    page.get_by_role("link", name="Paste recommendations").click()
    page.get_by_label("Paste the recommendations").fill(PASTED)
    page.get_by_role("button", name="Show the recommendations").click()
    expect(page.get_by_role("heading", name="Check them before they are added")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Add the ticked recommendations").click()
    expect(page.get_by_text("5 recommendations added")).to_be_visible()
    expect(page.get_by_role("link", name="Recommendation 2(ii)", exact=True)).to_be_visible()
    check_accessibility(page)

    for stage in ("Fieldwork", "Drafting", "Factual accuracy check", "Issued"):
        page.get_by_role("link", name="Move the review on").click()
        page.get_by_label(stage, exact=True).check()
        if stage == "Issued":
            check_accessibility(page)
        page.get_by_role("button", name="Move the review on").click()
    expect(page.get_by_text("The review is now at “Issued”")).to_be_visible()

    page.get_by_role("link", name="Read the letter").click()
    check_accessibility(page)
    with page.expect_download() as download_info:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = ''; "
            "document.body.appendChild(a); a.click(); }",
            page.get_by_role("link", name="Download the letter as a PDF").get_attribute("href"),
        )
    pdf = download_info.value
    with open(pdf.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Recommendation 2(ii)" in text
    assert text.index("Recommendation 1") < text.index("Recommendation 3")
