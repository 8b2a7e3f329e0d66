"""A chosen radio button looks chosen, on every kind of single-choice question (issue 12,
point 3), and a ticked checkbox still shows its tick.

Django gives a RadioSelect no ``widget.type``, and radios were once drawn inside
``govuk-checkboxes``: the input was checked but nothing on screen said so, and axe did not
notice. So each question is answered here as a person answers it, by clicking, and what the
browser draws is read back: GOV.UK Frontend draws the dot of a radio, and the tick of a
checkbox, as the label's ``::after``, shown (opacity 1) only when its input is ``:checked``.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.demo import load_demo_copy
from tests.e2e.test_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each input of a question: its label, whether it is checked, the GOV.UK wrapper it sits
# in and how opaque its label's mark (the dot or the tick) is drawn.
DRAWN = """inputs => inputs.map(input => ({
    label: input.labels[0].textContent.trim(),
    checked: input.checked,
    wrapper: input.closest(".govuk-radios, .govuk-checkboxes").className,
    mark: getComputedStyle(input.labels[0], "::after").opacity,
}))"""


def question(scope, name):
    return scope.get_by_role("group", name=name, exact=True)


def choose(scope, name, option):
    """Click ``option`` of the single-choice question ``name``: only it may look chosen."""
    group = question(scope, name)
    group.get_by_label(option, exact=True).click()
    drawn = group.locator("input").evaluate_all(DRAWN)
    assert drawn, f"{name} has no options"
    for item in drawn:
        chosen = item["label"] == option
        assert item["checked"] == chosen
        assert item["mark"] == ("1" if chosen else "0"), (
            f"{name}: “{item['label']}” is {'' if chosen else 'not '}chosen but its dot has "
            f"opacity {item['mark']} (drawn inside {item['wrapper']})"
        )
        assert item["wrapper"] == "govuk-radios", f"{name}: drawn inside {item['wrapper']}"


def tick(scope, name, option):
    """Tick ``option`` of the question ``name``: every ticked box shows its tick."""
    group = question(scope, name)
    group.get_by_label(option).check()
    drawn = group.locator("input").evaluate_all(DRAWN)
    assert any(item["checked"] for item in drawn)
    for item in drawn:
        assert item["wrapper"].split()[0] == "govuk-checkboxes", item
        assert item["mark"] == ("1" if item["checked"] else "0"), (
            f"{name}: “{item['label']}” ticked={item['checked']}, tick opacity {item['mark']}"
        )


def test_council_editor_sees_each_answer_chosen(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "sefton.editor")
    check_accessibility(page)
    page.get_by_role("link", name="Councils", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()
    check_accessibility(page)

    page.get_by_role("link", name="People with a role for", exact=False).click()
    check_accessibility(page)
    choose(page, "Role", "Viewer: reads everything, changes nothing")
    choose(page, "Role", "Editor: responds to recommendations and updates the improvement plan")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Sefton Metropolitan Borough Council"
    ).click()
    page.get_by_role(
        "link", name="Sefton adult social care improvement plan", exact=False
    ).first.click()
    check_accessibility(page)
    page.get_by_text("Quick update of an action").click()
    choose(page, "Status", "At risk")
    choose(page, "Your RAG rating", "Red")
    check_accessibility(page)

    page.get_by_role("link", name="Change the plan's details").click()
    check_accessibility(page)
    choose(page, "Status", "Draft")
    reviews = question(page, "Reviews it answers").locator("input").evaluate_all(DRAWN)
    assert reviews and all(r["mark"] == ("1" if r["checked"] else "0") for r in reviews)
    assert any(r["checked"] for r in reviews), "the plan answers the inspection: ticked"

    page.go_back()
    page.get_by_role("link", name="Update action 3", exact=True).click()
    check_accessibility(page)
    choose(page, "Status", "Off track")
    choose(page, "Your RAG rating", "Amber")
    tick(page, "Milestones reached", "Evaluation of training by satisfaction questionnaire")

    page.get_by_role("link", name="Councils", exact=True).click()
    page.get_by_role("link", name="Sefton Metropolitan Borough Council").click()
    page.get_by_role("link", name=re.compile("Service inspection")).first.click()
    check_accessibility(page)
    page.get_by_role("link", name="Recommendation 1", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Respond to recommendation 1").click()
    check_accessibility(page)
    choose(page, "The council's response", "Partly accepted")


def test_review_lead_sees_each_answer_chosen(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "peer.lead")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("peer challenge, Walsall")).first.click()
    check_accessibility(page)
    review = page.url

    page.get_by_role("link", name="Change the details").click()
    check_accessibility(page)
    choose(page, "Kind of review", "Interim peer challenge")
    tick(page, "Focus areas", "Participation")

    page.go_back()
    expect(page).to_have_url(review)
    page.get_by_role("link", name="Move the review on").click()
    check_accessibility(page)
    choose(page, "Move the review to", "Closed")

    page.go_back()
    page.get_by_role("link", name="Findings", exact=True).click()
    check_accessibility(page)
    choose(page, "Kind", "Area for consideration")
    choose(page, "Kind", "Strength")
    page.get_by_role("link", name="Paste several findings at once").click()
    check_accessibility(page)
    choose(
        page,
        "Findings under no “Strengths” or “Areas for consideration” heading are",
        "Area for consideration",
    )

    page.go_back()
    page.go_back()
    expect(page).to_have_url(review)
    page.get_by_role("link", name="Recommendation 1", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Assess progress on recommendation 1").click()
    check_accessibility(page)
    choose(page, "Progress made", "Some progress")


def test_regional_lead_sees_each_answer_chosen(page, live_server, check_accessibility):
    load_demo_copy()
    sign_in(page, live_server, "nw.lead")
    check_accessibility(page)

    def to_the_region():
        page.get_by_role("link", name="Home", exact=True).first.click()
        page.get_by_role("link", name="North West", exact=True).click()

    to_the_region()
    check_accessibility(page)
    page.get_by_role("link", name="Triggers", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Add a trigger").click()
    check_accessibility(page)
    choose(page, "Category", "Other intelligence")

    to_the_region()
    page.get_by_role("link", name="Menu of support", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Add support to the menu").click()
    check_accessibility(page)
    choose(page, "Kind of support", "Targeted support")

    to_the_region()
    page.get_by_role("link", name="Indicators", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Add a local measure").click()
    check_accessibility(page)
    choose(page, "Which direction is better?", "Lower is better")

    to_the_region()
    page.get_by_role("link", name="Thematic self-assessments").click()
    check_accessibility(page)
    page.get_by_role("link", name="Add a theme").click()
    check_accessibility(page)
    page.get_by_label("Year", exact=True).fill("2024")
    page.get_by_label("Theme", exact=True).fill("Carers")
    page.get_by_label("Standards", exact=True).fill("Carers are heard\nCarers get a break")
    page.get_by_role("button", name="Add the theme").click()
    check_accessibility(page)
    page.get_by_role("link", name="Wirral Metropolitan Borough Council").click()
    check_accessibility(page)
    choose(page, "Level for standard 1", "Level 2")
    choose(page, "Level for standard 2", "Level 0")

    to_the_region()
    page.get_by_role("link", name=re.compile(r"^Risk assessments \d{4}$")).click()
    check_accessibility(page)
    page.get_by_label("Council", exact=True).select_option(
        label="Wirral Metropolitan Borough Council"
    )
    page.get_by_role("button", name="Start the assessment").click()
    check_accessibility(page)
    page.get_by_role("link", name="Rate the triggers").click()
    check_accessibility(page)
    first = question(page, "Trigger 1: ASCOF Measures")
    choose(first, "Level of concern", "Significant concern")
    choose(question(page, "Trigger 2: TLAP Markers of Progress"), "Level of concern", "No concern")

    page.go_back()
    page.get_by_role("link", name="Change the overall level of concern").click()
    check_accessibility(page)
    choose(page, "Overall level of concern", "High")

    page.go_back()
    page.get_by_role("link", name="Choose support from the menu").click()
    check_accessibility(page)
    choose(page, "Support from the menu", "Peer Mentoring (targeted support)")
    page.get_by_label("Officer and member days", exact=True).fill("4")
    page.get_by_role("button", name="Offer this support").click()
    check_accessibility(page)
    page.get_by_role("link", name="Peer Mentoring (targeted support)").click()
    check_accessibility(page)
    choose(page, "Status", "In progress")
