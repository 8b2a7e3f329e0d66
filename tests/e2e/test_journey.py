import re

import pytest
from playwright.sync_api import expect

from sli.tooling.demo import DEMO_PASSWORD
from tests.demo import load_demo_copy
from tests.e2e.two_factor import pass_second_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile("^" + re.escape(f"{live_server.url}/sign-in/")))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Site administrators and regional leads give a code from their authenticator app too.
    pass_second_step(page, username)
    page.wait_for_url(f"{live_server.url}/")


def test_councillor_follows_a_recommendation_to_its_action(page, live_server, check_accessibility):
    load_demo_copy()

    page.goto(f"{live_server.url}/sign-in/")
    check_accessibility(page)
    sign_in(page, live_server, "sefton.councillor")
    expect(page).to_have_title("Home – Sector-led improvement manager")
    check_accessibility(page)

    page.get_by_role("link", name="Councils", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ("Sefton Metropolitan Borough Council"), use_inner_text=True
    )
    check_accessibility(page)

    page.get_by_role("link", name=re.compile("Service inspection")).first.click()
    expect(page.get_by_role("heading", name="Judgements")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Recommendation 1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Recommendation 1", use_inner_text=True
    )
    check_accessibility(page)

    page.get_by_role("link", name="Action 1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("^" + re.escape("Action 1:")), use_inner_text=True
    )
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumb.get_by_role("link", name="Recommendation 1")).to_be_visible()
    expect(breadcrumb.get_by_role("link", name=re.compile("Service inspection"))).to_be_visible()
    check_accessibility(page)


def test_skip_link_is_the_first_stop_for_keyboard_users(page, live_server):
    page.goto(f"{live_server.url}/sign-in/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_pages_work_on_a_phone(phone_page, live_server, check_accessibility):
    load_demo_copy()
    page = phone_page
    sign_in(page, live_server, "sefton.editor")
    fits_the_phone(page, check_accessibility)
    page.get_by_role("link", name="Councils", exact=True).click()
    fits_the_phone(page, check_accessibility)
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()
    fits_the_phone(page, check_accessibility)
    page.get_by_role("link", name=re.compile("Service inspection")).first.click()
    fits_the_phone(page, check_accessibility)
    page.get_by_role("link", name=re.compile("improvement plan", re.I)).first.click()
    fits_the_phone(page, check_accessibility)


def fits_the_phone(page, check_accessibility):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, f"{page.url} scrolls sideways at 320 px"
    check_accessibility(page)


def test_the_accessibility_check_catches_a_violation(page, live_server, check_accessibility):
    page.goto(f"{live_server.url}/accessibility/")
    check_accessibility(page)
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<img src="data:,"><input type="text">\')'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        check_accessibility(page)
