"""The council's editor responds to all of a review's recommendations on one page, on a desktop
and on a phone, found by clicking from the home page."""

import re

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.conftest import ROOT
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = ROOT / "test-artifacts"


def open_the_responses(page, live_server):
    sign_in(page, live_server, "walsall.editor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Walsall Council", exact=True).click()
    page.get_by_role("link", name=re.compile("Respond to its recommendations")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Respond to the recommendations", use_inner_text=True
    )


def test_responds_to_several_recommendations_at_once(page, live_server, check_accessibility):
    load_demo_copy()
    open_the_responses(page, live_server)
    check_accessibility(page)

    page.get_by_label("Response to recommendation 1", exact=True).select_option("Not accepted")
    page.get_by_label("Reason for the response to recommendation 2", exact=True).fill(
        "Covered by the new commissioning strategy."
    )
    page.get_by_label("Response to recommendation 2", exact=True).select_option("Partly accepted")
    page.get_by_role("button", name="Save the responses").click()

    expect(page).to_have_title(re.compile("^" + re.escape("Error: Respond to the recommendations")))
    summary_link = page.get_by_role(
        "link", name="Recommendation 1: Give the reason the recommendation is not fully accepted"
    )
    expect(summary_link).to_be_visible()
    check_accessibility(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "responses-table-error.png", full_page=True)

    summary_link.click()
    page.keyboard.type("The council has its own plan for this.")
    page.get_by_role("button", name="Save the responses").click()
    expect(page.get_by_text("The responses to 2 recommendations were saved.")).to_be_visible()
    check_accessibility(page)


def test_the_responses_page_works_on_a_phone(phone_page, live_server, check_accessibility):
    load_demo_copy()
    page = phone_page
    open_the_responses(page, live_server)
    page.get_by_label("Response to recommendation 1", exact=True).select_option("Not accepted")
    page.get_by_role("button", name="Save the responses").click()
    # A decline without its reason comes back with the error: wait for that page.
    page.wait_for_function("document.body !== null && document.title.startsWith('Error: ')")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, "The responses page scrolls sideways at 320 px"
    check_accessibility(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "responses-table-phone.png", full_page=True)
