"""A council's editor enters the CQC's assessment, starting at the home page and clicking;
every page is checked with axe and at 320 px wide."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.test_journey import sign_in
from tests.e2e.test_pages_fit import check_fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, group, day, month, year):
    dates = page.get_by_role("group", name=group)
    dates.get_by_label("Day").fill(day)
    dates.get_by_label("Month").fill(month)
    dates.get_by_label("Year").fill(year)


def test_the_editor_enters_a_cqc_assessment_and_its_scores(page, live_server, check_accessibility):
    call_command("load_demo", "--allow-production", verbosity=0)
    sign_in(page, live_server, "walsall.editor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Walsall Council").click()

    # The demo's (invented) published assessment, read first.
    page.get_by_role(
        "link", name="CQC local authority assessment, 2025 (invented for the demo)", exact=True
    ).click()
    expect(page.get_by_text("Published 20 June 2025 by the CQC")).to_be_visible()
    expect(page.get_by_role("heading", name="Areas by quality statement")).to_be_visible()
    check_fits(page, check_accessibility)
    page.get_by_role("link", name="The CQC's scores and findings by quality statement").click()
    expect(page.get_by_text("67% (worked out: the scores add up to 24 of 36)")).to_be_visible()
    expect(page.get_by_role("heading", name="Assessing needs")).to_be_visible()
    check_fits(page, check_accessibility)
    page.get_by_role(
        "link", name="CQC local authority assessment, 2025 (invented for the demo)", exact=True
    ).click()
    page.get_by_role("link", name="Factual accuracy comments on the draft report").click()
    check_fits(page, check_accessibility)

    page.get_by_role("link", name="Walsall Council").first.click()
    page.get_by_role(
        "link", name="Add the CQC's local authority assessment of Walsall Council"
    ).click()
    check_accessibility(page)
    page.get_by_role("button", name="Add the assessment").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    check_accessibility(page)
    fill_date(page, "First day of the CQC's on-site assessment", "6", "10", "2026")
    fill_date(page, "Last day of the CQC's on-site assessment", "8", "10", "2026")
    page.get_by_label("The CQC has sent its draft report for factual accuracy comments").check()
    page.get_by_role("button", name="Add the assessment").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Scores and rating", use_inner_text=True
    )
    check_fits(page, check_accessibility)
    fill_date(page, "Date of the CQC's e-mail with the draft report", "3", "12", "2026")
    for number in range(1, 10):
        group = page.get_by_role("group", name=re.compile(rf"^{number}\. "))
        score = (
            "Score 2 of 4: evidence shows some shortfalls"
            if number in (1, 3, 4, 6, 8)
            else ("Score 3 of 4: evidence shows a good standard")
        )
        group.get_by_label(score).check()
    page.get_by_role("button", name="Save the scores").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "CQC scores and findings", use_inner_text=True
    )
    expect(page.get_by_text("61% (worked out: the scores add up to 22 of 36)")).to_be_visible()
    expect(page.get_by_text(re.compile("moves the council to Good"))).to_be_visible()
    check_fits(page, check_accessibility)

    page.get_by_role("link", name="Enter the areas for Assessing needs").click()
    page.get_by_label("Areas for improvement").fill("Waiting times were too long.")
    page.get_by_role("button", name="Save the areas").click()
    page.get_by_role("button", name="Make it a recommendation").click()
    expect(page.get_by_role("link", name="Recommendation 1")).to_be_visible()
    check_accessibility(page)
