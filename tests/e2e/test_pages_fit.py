"""The dashboards and data pages fit the screen (issue 13): each is reached by clicking from
the home page, checked at 1280 × 900 and at 320 px wide for sideways scrolling (WCAG 1.4.10:
a wide table scrolls inside its own box), measured against its height budget, and run through
axe at both widths."""

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREEN = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}


def check_fits(page, check_accessibility, *, most_screens=None):
    """No sideways scroll at either width, axe at both, and at most ``most_screens`` screens
    of 1280 × 900 from top to bottom."""
    for size in (SCREEN, PHONE):
        page.set_viewport_size(size)
        scrolls_sideways = page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
        assert not scrolls_sideways, f"{page.url} scrolls sideways at {size['width']} px"
        check_accessibility(page)
    page.set_viewport_size(SCREEN)
    if most_screens:
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= most_screens * SCREEN["height"], (
            f"{page.url} is {height} px tall: more than {most_screens} screens"
        )


def test_a_councillors_pages_fit(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "sefton.councillor")
    check_fits(page, check_accessibility, most_screens=3)

    page.get_by_role("link", name="What changed since", exact=False).click()
    expect(page.get_by_role("heading", name="At a glance")).to_be_visible()
    check_fits(page, check_accessibility, most_screens=4)

    page.get_by_role("link", name="Sefton adult social care improvement plan", exact=False).click()
    check_fits(page, check_accessibility)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Actions").click()
    check_fits(page, check_accessibility)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Recommendations").click()
    check_fits(page, check_accessibility)


def test_a_regional_leads_pages_fit(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "wm.lead")
    check_fits(page, check_accessibility, most_screens=3)

    page.get_by_role("link", name="Every council of West Midlands").click()
    expect(page.get_by_role("table", name="Councils with a review or a plan")).to_be_visible()
    # Three tables since the CQC heat map joined the councils and the focus-area grid (issue
    # 14): the heat map has a row for every council of the region, assessed or not.
    check_fits(page, check_accessibility, most_screens=4)

    page.get_by_role("link", name="Needs attention", exact=False).click()
    assert page.get_by_role("columnheader", name="Needs attention", exact=False).get_attribute(
        "aria-sort"
    ) in {"ascending", "descending"}
    page.get_by_label("Year of the visit").select_option("2015")
    page.get_by_role("button", name="Apply filters").click()
    # The filters keep the sort and bring the reader back to the table.
    assert "sort=" in page.url and page.url.endswith("#councils")
    check_fits(page, check_accessibility, most_screens=4)

    page.get_by_role("link", name="Walsall Council").first.click()
    check_fits(page, check_accessibility, most_screens=4)
