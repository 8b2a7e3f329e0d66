"""Two council officers change the same action in two browsers at once."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from councils.models import Council, Membership
from improvement_plans.models import Action
from sli.tooling.demo import DEMO_PASSWORD
from tests.demo import load_demo_copy
from tests.e2e.conftest import open_page
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_second_officer_sees_the_first_ones_change_and_saves_both(
    page, browser, live_server, check_accessibility
):
    load_demo_copy()
    sefton = Council.objects.get(slug="sefton-metropolitan-borough-council")
    colleague = get_user_model().objects.create_user(
        "sefton.colleague", password=DEMO_PASSWORD, first_name="Chris", last_name="Colleague"
    )
    Membership.objects.create(user=colleague, council=sefton, role=Membership.Role.COUNCIL_EDITOR)
    action = Action.objects.get(plan__council=sefton, number=3)

    context, other = open_page(browser, viewport={"width": 1280, "height": 900})
    try:
        sign_in(page, live_server, "sefton.editor")
        sign_in(other, live_server, "sefton.colleague")
        for officer in (page, other):
            open_the_action_to_edit(officer, action)

        other.get_by_label("Owner", exact=True).fill("Head of Safeguarding")
        other.get_by_role("button", name="Save the action").click()
        expect(other.get_by_text("Action 3 was saved.")).to_be_visible(timeout=30_000)

        page.get_by_label("Action", exact=True).fill(
            "Train all social workers in risk and protection"
        )
        page.get_by_role("button", name="Save the action").click()

        expect(
            page.get_by_text("Someone else saved a change while you were editing")
        ).to_be_visible(timeout=30_000)
        changes = page.get_by_role("table", name="What changed since you opened the form")
        assert changes.get_by_role("row", name="Owner").get_by_text("Head of Safeguarding").count()
        assert page.get_by_label("Action", exact=True).input_value() == (
            "Train all social workers in risk and protection"
        )
        assert page.get_by_label("Owner", exact=True).input_value() == "Head of Safeguarding"
        check_accessibility(page)

        page.get_by_role("button", name="Save the action").click()
        expect(page.get_by_text("Action 3 was saved.")).to_be_visible(timeout=30_000)
    finally:
        context.close()

    action.refresh_from_db()
    assert action.title == "Train all social workers in risk and protection"
    assert action.owner_name == "Head of Safeguarding"


def open_the_action_to_edit(page, action):
    """From the home page, as an officer would: the council, its plan, the action, edit."""
    page.get_by_role("link", name=f"{action.plan.council.name}: plans, reviews and figures").click()
    page.get_by_role("link", name=action.plan.title).first.click()
    page.get_by_role("link", name=f"Action {action.number}", exact=True).first.click()
    page.get_by_role("link", name="Change the action").click()
