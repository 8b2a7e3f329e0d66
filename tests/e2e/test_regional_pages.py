import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regional_lead_walks_the_regional_programme(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "wm.lead")
    page.get_by_role("link", name="Every council of West Midlands").click()
    for link in (
        "Triggers",
        "Menu of support",
        "Thematic self-assessments",
        "Indicators",
        "Good-practice directory",
        "Reciprocity",
    ):
        page.get_by_role("link", name=link, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        check_accessibility(page)
        page.go_back()

    page.get_by_role("link", name="Good-practice directory", exact=True).click()
    page.get_by_role("textbox", name="Search the directory").fill("workforce")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("Herefordshire", exact=False).first).to_be_visible()
    check_accessibility(page)


def test_council_editor_finds_who_could_help(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "walsall.editor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Walsall Council").click()
    page.get_by_role("link", name="Who could help: good practice elsewhere").click()
    expect(page.get_by_text("Herefordshire", exact=False).first).to_be_visible()
    check_accessibility(page)
