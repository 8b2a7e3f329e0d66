"""The review's lead adds several team members in one go without JavaScript: "Add another
member" and "Remove" post the page back; Enter in a field saves rather than removing a row."""

import re

import pytest
from playwright.sync_api import expect

from reviews.models import TeamMember
from tests.demo import load_demo_copy
from tests.e2e.conftest import ROOT
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = ROOT / "test-artifacts"


def open_the_team(page, live_server):
    sign_in(page, live_server, "peer.lead")
    page.get_by_role("link", name=re.compile("Walsall")).first.click()
    page.get_by_role("link", name="Team", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The review team", use_inner_text=True
    )


def row(page, number):
    return page.get_by_role("group", name=f"Team member {number}", exact=True)


def test_adds_and_removes_members_without_javascript(browser, live_server):
    load_demo_copy()
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    open_the_team(page, live_server)
    before = page.get_by_role("group", name=re.compile(r"^Team member \d+$")).count()

    page.get_by_role("button", name="Add another member").click()
    new = row(page, before + 1)
    new.get_by_label("Name").fill("Priya Patel")
    new.get_by_label("Role title (optional)").fill("Principal Social Worker, Dudley")
    page.get_by_role("button", name="Add another member").click()
    assert row(page, before + 1).get_by_label("Name").input_value() == "Priya Patel"
    row(page, before + 2).get_by_label("Name").fill("Not Needed")
    row(page, before + 2).get_by_role("button", name=f"Remove team member {before + 2}").click()
    assert page.get_by_role("group", name=re.compile(r"^Team member \d+$")).count() == before + 1
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "team-add-another.png", full_page=True)

    # Enter in a field saves the rows: it does not press the first row's Remove button.
    row(page, before + 1).get_by_label("Organisation").fill("Dudley Council")
    row(page, before + 1).get_by_label("Organisation").press("Enter")
    expect(page.get_by_text("The team was saved.")).to_be_visible()
    member = TeamMember.objects.get(name="Priya Patel")
    assert (member.role_title, member.organisation) == (
        "Principal Social Worker, Dudley",
        "Dudley Council",
    )
    assert not TeamMember.objects.filter(name="Not Needed").exists()
    expect(page.get_by_text("Priya Patel")).to_be_visible()
    context.close()


def test_the_team_page_with_an_error(page, live_server, check_accessibility):
    load_demo_copy()
    open_the_team(page, live_server)
    check_accessibility(page)
    before = page.get_by_role("group", name=re.compile(r"^Team member \d+$")).count()
    page.get_by_role("button", name="Add another member").click()
    check_accessibility(page)
    row(page, before + 1).get_by_label("Organisation").fill("Dudley Council")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_title(re.compile("^" + re.escape("Error: The team")))
    page.get_by_role("link", name=f"Team member {before + 1}: Enter the team member's name").click()
    check_accessibility(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "team-error.png", full_page=True)


def test_the_team_page_works_on_a_phone(phone_page, live_server, check_accessibility):
    load_demo_copy()
    open_the_team(phone_page, live_server)
    phone_page.get_by_role("button", name="Add another member").click()

    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, "The team page scrolls sideways at 320 px"
    check_accessibility(phone_page)
