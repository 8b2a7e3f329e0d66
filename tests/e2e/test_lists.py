import re

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def rows_of(page):
    return page.locator(".sli-table-wrap tbody tr")


def test_regional_lead_filters_sorts_and_pages_the_actions(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "nw.lead")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Actions").click()
    page.wait_for_url(f"{live_server.url}/actions/")
    expect(page).to_have_title("Actions – Sector-led improvement manager")
    check_accessibility(page)

    page.get_by_text("Filter the actions").click()
    page.get_by_label("Status").select_option(label="Not started")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"status=not_started"))
    expect(rows_of(page)).to_have_count(25)
    statuses = page.locator(".sli-table-wrap tbody td:nth-child(7)").all_inner_texts()
    assert set(statuses) == {"Not started"}
    check_accessibility(page)

    due_date = page.get_by_role("columnheader", name=re.compile("^Due date"))
    assert due_date.get_attribute("aria-sort") == "none"
    due_date.get_by_role("link").click()
    page.wait_for_url(re.compile(r"sort=due_date"))
    due_date = page.get_by_role("columnheader", name=re.compile("^Due date"))
    expect(due_date).to_have_attribute("aria-sort", "ascending")
    assert "status=not_started" in page.url
    # The panel folds away once applied, and says what the list is filtered by.
    expect(page.get_by_text("Filter the actions: filtered by status")).to_be_visible()
    assert page.get_by_label("Status").input_value() == "not_started"
    check_accessibility(page)

    page.get_by_role("link", name="Next page").click()
    page.wait_for_url(re.compile(r"page=2"))
    expect(page).to_have_title(re.compile("^" + re.escape("Actions, page 2 of ")))
    assert page.get_by_role("link", name="Page 2").get_attribute("aria-current") == "page"
    assert rows_of(page).count() >= 1
    assert (
        page.get_by_role("columnheader", name=re.compile("^Due date")).get_attribute("aria-sort")
        == "ascending"
    )
    check_accessibility(page)

    page.get_by_text("Filter the actions").click()
    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(f"{live_server.url}/actions/")


def test_recommendations_list_and_a_mistake_in_a_date(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "nw.lead")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Recommendations").click()
    page.wait_for_url(f"{live_server.url}/recommendations/")
    expect(page).to_have_title("Recommendations – Sector-led improvement manager")
    assert rows_of(page).count() > 1
    check_accessibility(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Actions").click()
    page.get_by_text("Filter the actions").click()
    due_from = page.get_by_role("group", name="Due on or after")
    due_from.get_by_label("Day").fill("31")
    due_from.get_by_label("Month").fill("2")
    due_from.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"due_from_0=31"))
    expect(page).to_have_title(re.compile("^" + re.escape("Error: ")))
    expect(page.get_by_role("link", name="The due on or after must be a real date")).to_be_visible()
    check_accessibility(page)


def test_the_lists_work_on_a_phone(phone_page, live_server, check_accessibility):
    load_demo_copy()
    page = phone_page
    sign_in(page, live_server, "nw.lead")
    for name, path in (("Actions", "/actions/"), ("Recommendations", "/recommendations/")):
        # On a phone the header's links wrap, but they are all there.
        page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()
        page.wait_for_url(f"{live_server.url}{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
        assert not overflow, f"{path} scrolls sideways at 320 px"
        check_accessibility(page)
