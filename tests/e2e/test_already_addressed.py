"""A council's editor adds a recommendation of a safeguarding adults review, is offered the
plan's action worded alike, links it and sees "Already addressed by Action N": from the home
page, clicking; axe on every page and no sideways scroll at 320 px."""

import pytest
from playwright.sync_api import expect

from councils.models import Membership
from reviews.models import Review
from sli.tooling.demo import DEMO_PASSWORD
from tests.base import editor_of
from tests.demo import put_back_migration_rows
from tests.e2e.test_journey import sign_in
from tests.e2e.test_pages_fit import check_fits
from tests.factories import make_action, make_council, make_membership, make_plan, make_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_editor_links_a_sar_recommendation_to_the_action_already_in_hand(
    page, live_server, check_accessibility
):
    put_back_migration_rows()  # the CQC framework's statements, which the form offers
    council = make_council(name="Demoshire Council", slug="demoshire")
    plan = make_plan(council=council, title="Demoshire improvement plan")
    make_action(plan=plan, title="Publish the market position statement for providers")
    training = make_action(
        plan=plan, title="Safeguarding training for all staff, with making safeguarding personal"
    )
    sar = make_review(
        host_council=council,
        kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW,
        title="Safeguarding adults review: Adult G",
        status=Review.Status.DRAFTING,
    )
    editor = editor_of(council, username="demoshire.editor", password=DEMO_PASSWORD)
    make_membership(editor, Membership.Role.REVIEW_LEAD, sar)

    sign_in(page, live_server, "demoshire.editor")
    page.get_by_role("link", name="Demoshire Council: plans, reviews and figures").click()
    page.get_by_role("link", name="Safeguarding adults review: Adult G").click()
    check_fits(page, check_accessibility)
    page.get_by_role("link", name="Add a recommendation").click()
    check_accessibility(page)
    page.get_by_label("Recommendation", exact=True).fill(
        "The board's partners should make sure all staff are trained in making safeguarding "
        "personal."
    )
    page.get_by_role("group", name="Ensuring safety within the system").get_by_label(
        "Safeguarding", exact=True
    ).check()
    page.get_by_role("button", name="Save the recommendation").click()

    # expect() waits for the page the button led to (the machine may be busy).
    expect(page.get_by_role("heading", level=1)).to_have_text("Recommendation 1", timeout=30_000)
    expect(page.get_by_role("heading", name="Is this already being done?")).to_be_visible()
    # The market statement is not worded alike: only the training is offered.
    expect(page.get_by_role("button", name="Link to Action 1")).to_have_count(0)
    check_fits(page, check_accessibility)
    page.get_by_role("button", name=f"Link to Action {training.number}").click()

    expect(
        page.get_by_text(f"Recommendation 1 is linked to Action {training.number}")
    ).to_be_visible(timeout=30_000)
    addressed = page.get_by_text(f"Already addressed by Action {training.number}")
    expect(addressed).to_be_visible()
    expect(page.get_by_role("heading", name="Is this already being done?")).to_have_count(0)
    check_fits(page, check_accessibility)
    page.get_by_role("link", name=f"Action {training.number}", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        f"Action {training.number}", timeout=30_000
    )
    expect(page.get_by_role("link", name="Recommendation 1").first).to_be_visible()
