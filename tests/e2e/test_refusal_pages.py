"""Refusals in the browser (issue 12, point 7): the 403 page and the stale-form page look like
the rest of the site, say why in plain words, pass axe and lead back."""

import pytest
from playwright.sync_api import expect

from sli.tooling.demo import DEMO_PASSWORD
from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUFFIX = " – Sector-led improvement manager"
REFUSED = "console error: Failed to load resource: the server responded with a status of 403"


def forgive_the_refusals(page, expected):
    """Chromium logs a console error for any page answered with a 403, as these are meant to
    be; any other problem the page fixture collected still fails the test."""
    refused = [problem for problem in page.problems if problem.startswith(REFUSED)]
    assert len(refused) == expected, page.problems
    page.problems[:] = [problem for problem in page.problems if problem not in refused]


def test_a_councillor_refused_a_page_is_told_why_and_led_back(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "sefton.councillor")
    # No link leads a councillor to a page they may not use (tests/test_reachable.py checks
    # that), so the address is typed, as when a colleague passes on a link.
    page.get_by_role("link", name="North West", exact=True).click()
    region = page.url
    page.goto(f"{region}reciprocity/", referer=region)

    expect(page).to_have_title("You cannot do this" + SUFFIX)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You cannot do this", use_inner_text=True
    )
    expect(page.get_by_text("Reciprocity is for the regional lead.")).to_be_visible()
    assert page.get_by_text("ask one of your council's editors or the site administrator").count()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Go back to the page you were on").click()
    # A click returns once the next page starts loading: its title comes with the load.
    page.wait_for_url(region)
    expect(page).to_have_url(region)
    page.goto(f"{region}reciprocity/")
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page).to_have_title("Home" + SUFFIX)
    forgive_the_refusals(page, expected=2)


def test_a_stale_form_says_what_to_do(page, live_server, check_accessibility):
    load_demo_copy()
    page.goto(f"{live_server.url}/")
    sign_in_page = page.url
    # As if the form had been open too long: its security cookie is gone.
    page.context.clear_cookies(name="csrftoken")
    page.get_by_label("Username").fill("sefton.editor")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_title("The form has expired" + SUFFIX)
    expect(page.get_by_text("Nothing you entered was saved.")).to_be_visible()
    expect(page.get_by_text("Go back to the form, reload the page and try again.")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Go back to the form").click()
    expect(page).to_have_url(sign_in_page)
    sign_in(page, live_server, "sefton.editor")  # a fresh form works
    forgive_the_refusals(page, expected=1)
