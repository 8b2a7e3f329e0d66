"""Radios render as GOV.UK radios and checkboxes as GOV.UK checkboxes (issue 12, point 3).

Django gives a RadioSelect no ``widget.type`` (only each option has one), so a template that
guessed the wrapper from it drew radios inside ``govuk-checkboxes``: the GOV.UK styles for a
chosen radio never matched and a chosen option did not look chosen. axe does not notice, so
the markup is checked here for every single-choice question in the product.
"""

import re

from django import forms
from django.test import TestCase

from councils.forms import AddPersonForm
from councils.models import Council, Membership
from improvement_plans.forms import PlanForm, ProgressUpdateForm
from recommendations.forms import AssessmentForm, ResponseForm
from recommendations.models import Recommendation
from regional.indicators.forms import MeasureForm
from regional.models import Standard, SupportType, Theme
from regional.risk.forms import (
    ConcernForm,
    OfferForm,
    OfferStatusForm,
    RatingForm,
    SupportTypeForm,
    TriggerForm,
)
from regional.thematic.forms import SelfAssessmentForm
from reviews.forms import FindingForm, LetterForm, NewReviewForm, PasteFindingsForm, StatusForm
from reviews.models import Review
from tests.factories import make_action, make_council, make_milestone, make_review, make_user


def items(html, kind):
    """[(classes of the input, its label's classes)] for each option drawn as ``kind``."""
    return re.findall(
        rf'<div class="govuk-{kind}__item">\s*<input [^>]*class="([^"]*)"[^>]*>\s*'
        rf'<label class="([^"]*)"',
        html,
    )


class SingleChoiceQuestionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.review = make_review(host_council=cls.council)
        cls.user = make_user(is_staff=True)  # reads every issued review, for the plan form
        cls.action = make_action()
        make_milestone(action=cls.action)
        SupportType.objects.create(
            region=cls.council.region, tier=SupportType.Tier.TARGETED, name="Peer mentoring"
        )
        theme = Theme.objects.create(region=cls.council.region, year=2024, title="Carers")
        cls.standard = Standard.objects.create(theme=theme, number=1, text="Carers are heard")

    def product_forms(self):
        """Every form of the product that asks a single-choice question as radios."""
        region, council = self.council.region, self.council
        return {
            "review kind": NewReviewForm(host_councils=Council.objects.all()),
            "finding kind": FindingForm(review=self.review),
            "pasted findings kind": PasteFindingsForm(review=self.review),
            "review stage": StatusForm(choices=Review.Status.choices),
            "person's role": AddPersonForm(council=council, roles=list(Membership.COUNCIL_ROLES)),
            "plan status": PlanForm(council=council, user=self.user),
            "action status and RAG": ProgressUpdateForm(action=self.action),
            "progress made": AssessmentForm(),
            "council's response": ResponseForm(instance=Recommendation()),
            "trigger category": TriggerForm(),
            "kind of support": SupportTypeForm(),
            "trigger rating": RatingForm(),
            "overall concern": ConcernForm(),
            "support from the menu": OfferForm(region=region, council=council),
            "support status": OfferStatusForm(),
            "better direction": MeasureForm(region=region),
            "self-assessment level": SelfAssessmentForm(standards=[self.standard], levels={}),
            "what the letter includes": LetterForm(instance=self.review),
        }

    def test_every_single_choice_question_is_drawn_as_radios(self):
        for name, form in self.product_forms().items():
            # Django's CheckboxSelectMultiple is a subclass of RadioSelect: radios are the
            # RadioSelects (ours with hints too) that are not checkboxes.
            radio_fields = [
                f
                for f in form
                if isinstance(f.field.widget, forms.RadioSelect)
                and not isinstance(f.field.widget, forms.CheckboxSelectMultiple)
            ]
            with self.subTest(name):
                self.assertTrue(radio_fields, f"{name} asks no single-choice question")
            for field in radio_fields:
                with self.subTest(name, field=field.name):
                    html = str(field.as_field_group())
                    self.assertIn('<div class="govuk-radios" data-module="govuk-radios">', html)
                    self.assertNotIn("govuk-checkboxes", html)
                    drawn = items(html, "radios")
                    self.assertEqual(len(drawn), html.count('type="radio"'))
                    for input_classes, label_classes in drawn:
                        self.assertEqual(input_classes, "govuk-radios__input")
                        self.assertEqual(label_classes, "govuk-label govuk-radios__label")

    def test_the_chosen_option_is_checked_inside_the_radios(self):
        form = StatusForm(
            choices=Review.Status.choices, initial={"status": Review.Status.ISSUED.value}
        )
        html = str(form["status"].as_field_group())
        checked = re.findall(r'<input type="radio"[^>]* value="([^"]*)"[^>]*\bchecked\b', html)
        self.assertEqual(checked, [Review.Status.ISSUED.value])

    def test_questions_with_several_answers_stay_checkboxes(self):
        for name, field in [
            ("reviews a plan answers", PlanForm(council=self.council, user=self.user)["reviews"]),
            ("milestones reached", ProgressUpdateForm(action=self.action)["milestones_done"]),
            (
                "review focus areas",
                NewReviewForm(host_councils=Council.objects.all())["focus_areas"],
            ),
        ]:
            with self.subTest(name):
                html = str(field.as_field_group())
                self.assertIn('class="govuk-checkboxes govuk-checkboxes--small"', html)
                self.assertNotIn("govuk-radios", html)
                self.assertTrue(items(html, "checkboxes"), f"{name} offers nothing to tick")
                for input_classes, label_classes in items(html, "checkboxes"):
                    self.assertEqual(input_classes, "govuk-checkboxes__input")
                    self.assertEqual(label_classes, "govuk-label govuk-checkboxes__label")

    def test_a_yes_or_no_question_stays_one_checkbox(self):
        class ExemptForm(forms.Form):
            exempt = forms.BooleanField(label="Exempt information", required=False)

        html = str(ExemptForm()["exempt"].as_field_group())
        self.assertEqual(
            items(html, "checkboxes"),
            [("govuk-checkboxes__input", "govuk-label govuk-checkboxes__label")],
        )
        self.assertNotIn("govuk-radios", html)
