"""The North West lead completes a year's risk assessment of a council and chooses support."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from regional.models import RiskAssessment, SupportOffer
from sli.tooling.regional_demo import load_regional_demo
from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# The lead starts this year's assessments, from the home page.
YEAR = timezone.localdate().year


def test_lead_completes_a_risk_assessment_and_chooses_support(
    page, live_server, check_accessibility
):
    load_demo_copy()
    load_regional_demo()  # idempotent; until load_demo calls it itself
    sign_in(page, live_server, "nw.lead")

    page.get_by_role("link", name="Every council of North West").click()
    page.get_by_role("link", name="Triggers", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Risk triggers", use_inner_text=True)
    expect(page.get_by_role("heading", name="Resources: finance and people")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Menu of support").click()
    expect(page.get_by_role("heading", name="Targeted support")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Home").click()
    page.get_by_role("link", name=f"Assessments of {YEAR}").click()
    check_accessibility(page)
    page.get_by_label("Council", exact=True).select_option(
        label="Wirral Metropolitan Borough Council"
    )
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        (f"Risk assessment {YEAR}/{(YEAR + 1) % 100:02d}"), use_inner_text=True
    )
    check_accessibility(page)

    page.get_by_role("link", name="Rate the triggers").click()
    check_accessibility(page)
    first = page.get_by_role("group", name="Trigger 1: ASCOF Measures")
    first.get_by_label("Some concern", exact=True).check()
    first.get_by_label("Evidence", exact=True).fill(
        "Delayed transfers of care rose for a second year"
    )
    second = page.get_by_role("group", name="Trigger 2: TLAP Markers of Progress")
    second.get_by_label("No concern", exact=True).check()
    page.get_by_role("button", name="Save ratings").click()
    expect(page.get_by_text("The ratings were saved.")).to_be_visible()

    page.get_by_role("button", name="Finalise the assessment").click()
    expect(
        page.get_by_text("Record the discussion with the council before finalising")
    ).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Change the overall level of concern").click()
    check_accessibility(page)
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile("^" + re.escape("Error: ")))
    check_accessibility(page)
    page.get_by_label("Medium", exact=True).check()
    page.get_by_label("Reasons", exact=True).fill(
        "Outcomes are slipping; finances and leadership are stable"
    )
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Record the discussion").click()
    check_accessibility(page)
    page.get_by_label("Day", exact=True).fill("14")
    page.get_by_label("Month", exact=True).fill("6")
    page.get_by_label("Year", exact=True).fill("2024")
    page.get_by_label("What was discussed", exact=True).fill(
        "The DASS agreed delays are the main concern"
    )
    page.get_by_role("button", name="Record the discussion").click()
    expect(page.get_by_text("Discussed with the council", exact=True)).to_be_visible()

    page.get_by_role("button", name="Finalise the assessment").click()
    expect(page.get_by_text("The assessment is final.")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Choose support from the menu").click()
    check_accessibility(page)
    page.get_by_label("Peer Mentoring (targeted support)", exact=True).check()
    page.get_by_label("Council giving the support (optional)", exact=True).select_option(
        label="Sefton Metropolitan Borough Council"
    )
    page.get_by_label("Officer and member days", exact=True).fill("4")
    page.get_by_role("button", name="Offer this support").click()
    check_accessibility(page)

    page.get_by_role("link", name="Peer Mentoring (targeted support)").click()
    check_accessibility(page)
    page.get_by_label("Completed", exact=True).check()
    page.get_by_label("Day", exact=True).fill("30")
    page.get_by_label("Month", exact=True).fill("9")
    page.get_by_label("Year", exact=True).fill("2024")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The support was updated.")).to_be_visible()

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Home").click()
    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Wirral Metropolitan Borough Council").click()
    page.get_by_role("link", name="Risk assessments, year by year").click()
    expect(page.get_by_role("cell", name="Medium")).to_be_visible()
    check_accessibility(page)

    assessment = RiskAssessment.objects.get(council__name__startswith="Wirral", year=YEAR)
    assert assessment.status == RiskAssessment.Status.FINAL
    assert assessment.ratings.count() == 2
    offer = SupportOffer.objects.get(assessment=assessment)
    assert offer.status == SupportOffer.Status.COMPLETED
    assert offer.provider.name == "Sefton Metropolitan Borough Council"
