"""A council's editor makes a self-assessment against the CQC framework through its task
list and submits it; the region's lead challenges a rating. Every page starts from the home
page by clicking, and is checked with axe and at 320 px wide."""

import os
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in
from tests.e2e.test_pages_fit import check_fits

# A folder to save screenshots in, when looking at the pages by eye.
SHOTS = os.environ.get("SLI_SCREENSHOTS")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATEMENTS = [
    "Assessing needs",
    "Supporting people to live healthier lives",
    "Equity in experience and outcomes",
    "Care provision, integration and continuity",
    "Partnerships and communities",
    "Safe systems, pathways and transitions",
    "Safeguarding",
    "Governance, management and sustainability",
    "Learning, improvement and innovation",
]


def open_self_assessments(page):
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Walsall Council").click()
    page.get_by_role("link", name="Self-assessments against the CQC framework").click()


def test_the_editor_completes_and_submits_and_the_regional_lead_challenges(
    page, live_server, check_accessibility
):
    load_demo_copy()
    today = timezone.localdate()
    sign_in(page, live_server, "walsall.editor")
    open_self_assessments(page)
    check_fits(page, check_accessibility)

    # The demo's (invented) submitted self-assessment, with the lead's challenge to answer.
    page.get_by_role("link", name="Self-assessment of 2 March 2026").click()
    expect(page.get_by_text("Up 1 from 2 in February 2025").first).to_be_visible()
    expect(page.get_by_text("Awaiting the council's answer")).to_be_visible()
    check_fits(page, check_accessibility)
    page.get_by_role("link", name="Self-assessments", exact=True).click()

    page.get_by_role("link", name="Start a self-assessment").click()
    dates = page.get_by_role("group", name="Date of the self-assessment")
    dates.get_by_label("Day").fill(str(today.day))
    dates.get_by_label("Month").fill(str(today.month))
    dates.get_by_label("Year").fill(str(today.year))
    check_accessibility(page)
    page.get_by_role("button", name="Start the self-assessment").click()

    heading = f"Self-assessment of {today.day} {today:%B %Y}"
    expect(page.get_by_role("heading", level=1)).to_have_text(heading, use_inner_text=True)
    expect(page.get_by_text("Not started")).to_have_count(9)
    check_fits(page, check_accessibility)

    # One statement with everything, its errors first.
    page.get_by_role("link", name="Assessing needs", exact=True).first.click()
    check_fits(page, check_accessibility)
    page.get_by_label("Yes, I’ve completed this statement").check()
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    check_fits(page, check_accessibility)
    page.get_by_label("No, I’ll come back to it later").check()
    page.get_by_label("Title of a public document (optional)").fill("Carers' strategy")
    page.get_by_label("Its web address").fill("https://www.example.org/carers")
    page.get_by_role("button", name="Add the link").click()
    expect(page.get_by_text("The link was added")).to_be_visible()
    page.get_by_label("Score 3 of 4: evidence shows a good standard").check()
    page.get_by_label("Narrative").fill("Waits for assessments keep falling.")
    page.get_by_label("Yes, I’ve completed this statement").check()
    page.get_by_role("button", name="Save and return to the task list").click()
    item = page.locator(".govuk-task-list__item").filter(has_text="Assessing needs")
    expect(item.locator(".govuk-task-list__status")).to_have_text("Completed", use_inner_text=True)

    for name in STATEMENTS[1:]:
        page.get_by_role("link", name=name, exact=True).first.click()
        page.get_by_label("Score 3 of 4: evidence shows a good standard").check()
        page.get_by_label("Narrative").fill(f"What we do about {name.lower()}.")
        page.get_by_label("Yes, I’ve completed this statement").check()
        page.get_by_role("button", name="Save and return to the task list").click()
    check_fits(page, check_accessibility)
    page.get_by_role("button", name="Submit the self-assessment").click()
    expect(page.get_by_text("The self-assessment was submitted")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"75%, Good \(the self-ratings add up to 27 of 36"))
    ).to_be_visible()
    expect(page.get_by_text("No change from 3 in March 2026").first).to_be_visible()
    check_fits(page, check_accessibility)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "wm.lead")
    open_self_assessments(page)
    page.get_by_role("link", name=heading).click()
    check_fits(page, check_accessibility)
    page.get_by_role("link", name="Challenge this rating of Safeguarding").click()
    check_fits(page, check_accessibility)
    page.get_by_label("Score 2 of 4: evidence shows some shortfalls").check()
    page.get_by_label("Why the rating should be different").fill(
        "Two safeguarding adults reviews this year found delays."
    )
    page.get_by_role("button", name="Record the challenge").click()
    expect(page.get_by_text("Your challenge was recorded")).to_be_visible()
    section = page.locator("#statement-7")
    expect(section.get_by_text("proposed score 2 of 4 (the council's: 3)")).to_be_visible()
    check_fits(page, check_accessibility)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/detail-1280.png", full_page=True)
        page.set_viewport_size({"width": 320, "height": 900})
        page.screenshot(path=f"{SHOTS}/detail-320.png", full_page=True)
