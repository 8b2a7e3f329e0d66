"""The account page's API tokens and the open data pages, as people reach them by clicking:
axe-clean and without sideways scrolling at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in
from tests.e2e.test_pages_fit import check_fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_makes_a_token_copies_it_once_and_revokes_it(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "sefton.editor")
    page.get_by_role("link", name="Your account").click()
    check_fits(page, check_accessibility)

    page.get_by_role("button", name="Make a token").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile("^" + re.escape("Error:")))
    check_accessibility(page)

    page.get_by_label("What is the token for?").fill("Power BI performance report")
    page.get_by_role("button", name="Make a token").click()
    expect(page.get_by_role("heading", name="Your new API token")).to_be_visible()
    token = page.locator(".sli-token").inner_text()
    assert token.startswith("sli_")
    check_fits(page, check_accessibility)

    page.get_by_role("link", name="Back to your account").click()
    expect(page.get_by_role("cell", name="Power BI performance report", exact=True)).to_be_visible()
    assert token not in page.content()
    check_fits(page, check_accessibility)

    page.get_by_role("link", name="API", exact=True).click()
    expect(page.get_by_role("heading", name="API", exact=True)).to_be_visible()
    check_fits(page, check_accessibility)
    page.get_by_role("link", name="your account page").click()
    page.get_by_role("button", name=re.compile("Revoke")).click()
    expect(page.get_by_text("no longer works")).to_be_visible()
    expect(page.get_by_text("You have no API tokens.")).to_be_visible()
    check_accessibility(page)


def test_the_public_finds_a_plans_open_data_and_its_dictionary(
    page, live_server, check_accessibility
):
    load_demo_copy()
    sign_in(page, live_server, "sefton.editor")
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Sefton", exact=False).first.click()
    page.get_by_role("link", name=re.compile("improvement plan", re.IGNORECASE)).first.click()
    page.get_by_role("button", name=re.compile("Publish")).click()
    page.get_by_role("button", name="Sign out").click()

    page.get_by_role("link", name="Published letters and plans").click()
    page.get_by_role("link", name=re.compile("improvement plan", re.IGNORECASE)).first.click()
    expect(page.get_by_role("heading", name="Open data")).to_be_visible()
    check_fits(page, check_accessibility)
    with page.expect_download() as download:
        page.get_by_role("link", name="OpenDocument spreadsheet (ODS)").click()
    assert download.value.suggested_filename.endswith(".ods")
    page.get_by_role("link", name="data dictionary").click()
    expect(page.get_by_role("heading", name="Open data: data dictionary")).to_be_visible()
    check_fits(page, check_accessibility)
