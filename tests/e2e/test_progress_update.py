import time

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_records_an_update_with_evidence_in_under_a_minute(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "sefton.editor")
    started = time.monotonic()

    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()
    page.get_by_role(
        "link", name="Sefton adult social care improvement plan", exact=False
    ).first.click()
    page.get_by_role("link", name="Update action 3", exact=True).click()
    check_accessibility(page)

    page.get_by_label("On track", exact=True).check()
    page.get_by_role("group", name="Your RAG rating").get_by_label("Amber").check()
    page.get_by_label("Percent complete").fill("60")
    page.get_by_label("Progress since the last update").fill(
        "Audit of 30 protection plans completed – 21 reviewed within 28 days (70%)."
    )
    page.get_by_label("Latest reading of the measure (optional)").fill("70%")
    page.get_by_label("Evidence file (optional)").set_input_files(
        files=[{"name": "audit.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 audit"}]
    )
    page.get_by_label("What the evidence is").fill("Case file audit report to DMT")
    page.get_by_role("button", name="Save the update").click()

    expect(page.get_by_text("Action 3 was updated.")).to_be_visible()
    elapsed = time.monotonic() - started
    expect(
        page.get_by_role("link", name="Case file audit report to DMT (download)")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Measure over time")).to_be_visible()
    check_accessibility(page)
    print(f"\nRecorded an update with evidence in {elapsed:.1f} s of browser time")
    assert elapsed < 60


def test_a_wrong_file_is_refused_next_to_the_field(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "sefton.editor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()
    page.get_by_role(
        "link", name="Sefton adult social care improvement plan", exact=False
    ).first.click()
    page.get_by_role("link", name="Update action 1", exact=True).click()
    page.get_by_label("Completed", exact=True).check()
    page.get_by_role("group", name="Your RAG rating").get_by_label("Green").check()
    page.get_by_label("Evidence file (optional)").set_input_files(
        files=[{"name": "report.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00"}]
    )
    page.get_by_label("What the evidence is").fill("Report")
    page.get_by_role("button", name="Save the update").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible(timeout=30_000)
    expect(
        page.get_by_role("link", name="The file is called .pdf but is not a PDF", exact=False)
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Describe the evidence of improvement", exact=False)
    ).to_be_visible()
    check_accessibility(page)
