"""A regional lead sets up two-factor authentication, then signs in with a code from the app
and with a recovery code: every page on the way checked by axe."""

import re

import pytest
from playwright.sync_api import expect

from sli.tooling.demo import DEMO_PASSWORD
from tests.demo import load_demo_copy
from tests.e2e.test_journey import fits_the_phone
from tests.e2e.two_factor import code_for, remember

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def enter_password(page, live_server, username):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page, live_server):
    page.get_by_role("button", name="Sign out").first.click()
    page.wait_for_url(re.compile(r"/sign-in/"))


def heading(page):
    return page.get_by_role("heading", level=1).inner_text()


def test_a_regional_lead_sets_up_two_factor_and_signs_in_with_it(
    page, live_server, check_accessibility
):
    load_demo_copy()
    enter_password(page, live_server, "nw.lead")

    # Enrolment: required of a regional lead before any page.
    page.wait_for_url(re.compile(r"/account/two-factor/set-up/"))
    assert heading(page) == "Set up two-factor authentication"
    expect(page.get_by_text("regional leads must use two-factor authentication")).to_be_visible()
    qr = page.get_by_role("img", name="QR code to scan with your authenticator app")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    check_accessibility(page)
    page.get_by_text("If you cannot scan the QR code").click()
    key = page.get_by_test_id("setup-key")
    expect(key).to_be_visible()
    remember("nw.lead", key.text_content())

    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile("^" + re.escape("Error: ")))
    error_summary = page.get_by_role("alert")
    expect(error_summary).to_contain_text("The code is not right", use_inner_text=True)
    check_accessibility(page)
    # One wrong code makes the next try wait a second (django-otp's throttle).
    page.wait_for_timeout(1100)
    page.get_by_label("Code from your authenticator app").fill(code_for("nw.lead"))
    page.get_by_role("button", name="Continue").click()

    # The recovery codes, shown once.
    assert heading(page) == "Your recovery codes"
    codes = [c.strip() for c in page.locator(".sli-recovery-codes code").all_inner_texts()]
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    check_accessibility(page)
    page.get_by_role("button", name="I have kept my recovery codes").click()
    page.wait_for_url(f"{live_server.url}/")

    # The account page says it is on; the codes are not shown again.
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Two-factor authentication for your account").click()
    assert heading(page) == "Two-factor authentication"
    expect(page.locator(".govuk-summary-list")).to_contain_text("On", use_inner_text=True)
    expect(page.get_by_role("button", name="Turn off two-factor authentication")).to_have_count(0)
    check_accessibility(page)
    page.get_by_role("link", name="Get new recovery codes").click()
    expect(page.locator("main")).to_contain_text(
        "You have 10 recovery codes left", use_inner_text=True
    )
    assert codes[0] not in page.content()
    check_accessibility(page)

    # Password, then the app's code.
    sign_out(page, live_server)
    enter_password(page, live_server, "nw.lead")
    page.wait_for_url(re.compile(r"/sign-in/code/"))
    assert heading(page) == "Enter your security code"
    check_accessibility(page)
    page.get_by_label("Security code").fill(code_for("nw.lead"))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page).to_have_title("Home – Sector-led improvement manager")

    # Password, then a recovery code: it works once.
    sign_out(page, live_server)
    enter_password(page, live_server, "nw.lead")
    page.get_by_label("Security code").fill(codes[0].upper())
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.locator("main")).to_contain_text("You used a recovery code", use_inner_text=True)
    expect(page.locator("main")).to_contain_text("You have 9 left", use_inner_text=True)
    check_accessibility(page)

    sign_out(page, live_server)
    enter_password(page, live_server, "nw.lead")
    page.get_by_label("Security code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("The code is not right", use_inner_text=True)
    check_accessibility(page)
    # Nothing but the code page until a right code is given.
    page.goto(f"{live_server.url}/councils/")
    expect(page).to_have_url(re.compile("^" + re.escape(f"{live_server.url}/sign-in/code/")))


def test_the_two_factor_pages_fit_a_phone(phone_page, live_server, check_accessibility):
    load_demo_copy()
    page = phone_page
    enter_password(page, live_server, "wm.lead")
    page.wait_for_url(re.compile(r"/account/two-factor/set-up/"))
    page.get_by_text("If you cannot scan the QR code").click()
    fits_the_phone(page, check_accessibility)
    remember("wm.lead", page.get_by_test_id("setup-key").text_content())
    page.get_by_label("Code from your authenticator app").fill(code_for("wm.lead"))
    page.get_by_role("button", name="Continue").click()
    assert heading(page) == "Your recovery codes"
    fits_the_phone(page, check_accessibility)
    page.get_by_role("button", name="I have kept my recovery codes").click()
    page.wait_for_url(f"{live_server.url}/")
    sign_out(page, live_server)
    enter_password(page, live_server, "wm.lead")
    page.wait_for_url(re.compile(r"/sign-in/code/"))
    fits_the_phone(page, check_accessibility)
