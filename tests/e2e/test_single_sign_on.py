"""Signing in with a council account in the browser, through a real OpenID provider on
127.0.0.1 (tests/oidc/provider.mjs), and the administrators' audit of it."""

import re

import pytest
from django.test import RequestFactory
from playwright.sync_api import expect

from councils.models import Membership
from councils.services import add_person
from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in
from tests.e2e.test_pages_fit import check_fits
from tests.e2e.test_refusal_pages import forgive_the_refusals
from tests.factories import make_council, make_user
from tests.oidc import CALLBACK_PATH, running_provider, sso_settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SUFFIX = " – Sector-led improvement manager"


@pytest.fixture
def sso(settings, live_server, page):
    with running_provider(f"{live_server.url}{CALLBACK_PATH}") as discovery:
        for name, value in sso_settings(discovery).items():
            setattr(settings, name, value)
        # The provider's development sign-in page asks Google for a font and itself for an
        # icon it has not got: neither is ours, and nothing here reaches the internet.
        page.route("https://fonts.googleapis.com/**", lambda route: route.fulfill(body=""))
        issuer = discovery.removesuffix("/.well-known/openid-configuration")
        page.route(f"{issuer}/favicon.ico", lambda route: route.fulfill(status=204))
        yield discovery


def sign_in_at_the_provider(page, login):
    """The provider's own (development) sign-in form: the login is the test user's address."""
    page.get_by_placeholder("Enter any login").fill(login)
    page.get_by_placeholder("and password").fill("any password")
    page.get_by_role("button", name="Sign-in").click()


def test_an_invited_officer_signs_in_with_their_council_account(
    page, live_server, sso, check_accessibility
):
    council = make_council(name="Sefton Council")
    editor = make_user(email="editor@sefton.gov.uk", first_name="Eda", last_name="Itor")
    Membership.objects.create(user=editor, role=Membership.Role.COUNCIL_EDITOR, council=council)
    add_person(
        council=council,
        email="invited.officer@sefton.gov.uk",
        full_name="Ina Vited",
        role=Membership.Role.COUNCIL_EDITOR,
        by=editor,
        request=RequestFactory().post("/"),
    )

    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile("^" + re.escape(f"{live_server.url}/sign-in/")))
    check_accessibility(page)
    page.get_by_role("button", name="Sign in with your council account").click()
    sign_in_at_the_provider(page, "invited.officer@sefton.gov.uk")

    page.wait_for_url(f"{live_server.url}/")
    expect(page).to_have_title("Home" + SUFFIX)
    expect(page.get_by_role("heading", name="Sefton Council: what needs doing")).to_be_visible()
    expect(page.get_by_text("Ina Vited")).to_be_visible()
    check_accessibility(page)


def test_a_person_from_another_domain_is_told_why_not(page, live_server, sso, check_accessibility):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Sign in with your council account").click()
    sign_in_at_the_provider(page, "someone@elsewhere.example")

    page.wait_for_url(f"{live_server.url}{CALLBACK_PATH}*")
    expect(page).to_have_title("You could not sign in with your council account" + SUFFIX)
    expect(page.get_by_text("Only accounts at sefton.gov.uk or walsall.gov.uk")).to_be_visible()
    check_accessibility(page)
    forgive_the_refusals(page, expected=1)
    page.get_by_role("link", name="Sign in with a username and password instead").click()
    page.wait_for_url(f"{live_server.url}/sign-in/")


def test_a_new_starter_without_an_invitation_is_told_whom_to_ask(
    page, live_server, sso, check_accessibility
):
    make_user(email="ada@example.org", first_name="Ada", last_name="Admin", is_staff=True)
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Sign in with your council account").click()
    sign_in_at_the_provider(page, "new.starter@sefton.gov.uk")

    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_text("you do not have access to any council")).to_be_visible()
    assert page.get_by_role("link", name="Ada Admin").get_attribute("href") == (
        "mailto:ada@example.org"
    )
    check_fits(page, check_accessibility)


def test_the_administrator_reads_the_audit_from_the_home_page(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "sefton.editor")
    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("sefton.editor")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Enter a correct username and password").first.wait_for()
    sign_in(page, live_server, "admin")

    page.get_by_role("link", name="Audit of sign-ins and roles").click()
    expect(page).to_have_title("Sign-ins – Audit" + SUFFIX)
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(4)  # the header and three attempts
    check_fits(page, check_accessibility)

    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Username or e-mail address").fill("sefton.editor")
    page.get_by_label("Outcome").select_option("failed")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("table", name="1 sign-in attempt")).to_be_visible()
    expect(table.get_by_text("Wrong username or password")).to_be_visible()
    check_fits(page, check_accessibility)

    page.get_by_role("link", name="Roles given and removed").click()
    expect(page).to_have_title("Roles given and removed – Audit" + SUFFIX)
    check_fits(page, check_accessibility)
