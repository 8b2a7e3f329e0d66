import re

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_publishes_the_letter_and_the_public_reads_it(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "walsall.editor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Walsall Council").click()
    page.get_by_role("link", name="People with a role for Walsall Council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People", use_inner_text=True)
    check_accessibility(page)

    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible(timeout=30_000)
    expect(page).to_have_title(re.compile("^" + re.escape("Error:")))
    check_accessibility(page)

    page.get_by_role("link", name="Walsall Council").first.click()
    page.get_by_role("link", name=re.compile("peer challenge, Walsall")).first.click()
    page.get_by_role("button", name="Publish the letter").click()
    expect(page.get_by_text("The letter is published")).to_be_visible(timeout=30_000)
    check_accessibility(page)

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Published letters and plans").click()
    page.get_by_role("link", name=re.compile("peer challenge, Walsall")).click()
    expect(page.get_by_role("heading", name="Recommendations")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Recommendation 8", exact=True)).to_be_visible(timeout=30_000)
    check_accessibility(page)


def test_account_pages_are_accessible(page, live_server, check_accessibility):
    load_demo_copy()
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Forgotten your password?").click()
    check_accessibility(page)
    sign_in(page, live_server, "sefton.councillor")
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account", use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Change your password", use_inner_text=True
    )
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible(timeout=30_000)
    check_accessibility(page)
