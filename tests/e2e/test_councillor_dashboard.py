import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in
from tests.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def download(page, link):
    with page.expect_download() as info:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = ''; "
            "document.body.appendChild(a); a.click(); }",
            link.get_attribute("href"),
        )
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def test_councillor_reads_the_dashboard_and_the_report(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "sefton.councillor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()

    expect(page.get_by_role("heading", name="At a glance")).to_be_visible()
    expect(page.get_by_role("img", name="Actions by status", exact=False)).to_be_visible()
    # The whole page in at most four screens of 1280 × 900, and nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollHeight") <= 4 * 900
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    check_accessibility(page)

    changes = page.get_by_role("group", name="Show what changed since")
    changes.get_by_label("Day").fill("1")
    changes.get_by_label("Month").fill("1")
    changes.get_by_label("Year").fill("2010")
    page.get_by_role("button", name="Compare with this date").click()
    expect(page.get_by_role("heading", name="What changed since 1 January 2010")).to_be_visible()
    page.get_by_text("Show the changes").click()
    check_accessibility(page)

    # A figure leads to the list of its rows.
    late = page.get_by_role("link", name="late", exact=False).first
    count = late.locator(".sli-figures__number").inner_text()
    late.click()
    expect(page.get_by_role("table").locator("caption")).to_have_text(
        re.compile("^" + re.escape(f"{count} action")), use_inner_text=True
    )
    check_accessibility(page)
    page.go_back()

    page.get_by_role(
        "link", name="Sefton adult social care improvement plan", exact=False
    ).first.click()
    # The demo's plan is long enough for its report to be prepared in the background.
    page.get_by_role("link", name="Progress report for scrutiny (PDF)").click()
    expect(page.get_by_role("heading", name="Preparing your file")).to_be_visible()
    check_accessibility(page)
    run_worker()
    # The page looks again by itself every few seconds.
    link = page.get_by_role("link", name="Download", exact=False)
    link.wait_for(timeout=10_000)
    expect(page.get_by_role("heading", name="Your file is ready")).to_be_visible()
    check_accessibility(page)
    pdf = download(page, link)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Sefton" in text
    assert "Recommendation 1" in text


def test_regional_lead_reads_the_region(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "wm.lead")
    page.get_by_role("link", name="Every council of West Midlands").click()
    expect(page.get_by_role("table", name="Councils with a review or a plan")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Year of the visit").select_option("2015")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Walsall Council").first).to_be_visible()
    check_accessibility(page)
