"""Recommendations tagged to one or more of the CQC's quality statements."""

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from recommendations.models import Recommendation
from reviews.models import Framework, Review
from tests.base import editor_of, lead_of
from tests.factories import make_recommendation, make_review
from tests.html_forms import form_data


class RecommendationStatementsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.review = make_review(
            kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW, status=Review.Status.DRAFTING
        )
        cls.lead = lead_of(cls.review)
        cls.framework = Framework.objects.applying_on(timezone.localdate())
        cls.statements = list(cls.framework.statements().order_by("number"))

    def add(self, **changes):
        url = reverse("recommendations:new", args=[self.review.pk])
        data = form_data(self.client.get(url).content, having="text")
        data.update(changes)
        return self.client.post(url, data)

    def test_the_form_offers_every_statement_in_force_under_its_theme(self):
        self.client.force_login(self.lead)
        html = self.client.get(reverse("recommendations:new", args=[self.review.pk])).content
        html = html.decode()
        self.assertIn("Quality statements it answers (optional)", html)
        for theme in self.framework.themes.all():
            self.assertIn(f"{theme.name}</legend>", html)
        self.assertEqual(html.count('name="quality_statements"'), len(self.statements))

    def test_a_recommendation_answers_several_statements_and_history_keeps_each_set(self):
        self.client.force_login(self.lead)
        first, last = self.statements[0], self.statements[-1]
        self.add(text="Train staff in making safeguarding personal.", quality_statements=[first.pk])
        recommendation = Recommendation.objects.get(review=self.review)
        self.assertEqual(list(recommendation.quality_statements.all()), [first])
        url = reverse("recommendations:edit", args=[recommendation.pk])
        data = form_data(self.client.get(url).content)
        data["quality_statements"] = [str(first.pk), str(last.pk)]
        self.client.post(url, data)
        self.assertEqual(set(recommendation.quality_statements.all()), {first, last})
        sets = [
            sorted(record.quality_statements.values_list("qualitystatement", flat=True))
            for record in Recommendation.history.filter(id=recommendation.pk).order_by(
                "history_date"
            )
        ]
        # Created, then tagged; the edit is one record holding both statements.
        self.assertEqual(sets, [[], [first.pk], sorted([first.pk, last.pk])])
        page = self.client.get(recommendation.get_absolute_url())
        self.assertContains(page, "Quality statements it answers")
        self.assertContains(page, last.name)

    def test_the_list_filters_by_statement_counting_sub_items_under_their_parent(self):
        council = self.review.host_council
        editor = editor_of(council)
        issued = make_review(host_council=council)
        tagged = make_recommendation(review=issued, text="Tagged to the first statement")
        tagged.quality_statements.set([self.statements[0]])
        sub_item = make_recommendation(parent=tagged, text="Its untagged sub-item")
        other = make_recommendation(review=issued, text="Tagged to another")
        other.quality_statements.set([self.statements[1]])
        self.client.force_login(editor)
        response = self.client.get(
            reverse("recommendations:list"), {"quality_statement": self.statements[0].pk}
        )
        shown = {r.pk for r in response.context["table"].data}
        self.assertEqual(shown, {tagged.pk, sub_item.pk})
        export = self.client.get(
            reverse("recommendations:list"),
            {"quality_statement": self.statements[0].pk, "export": "csv"},
        )
        self.assertIn(self.statements[0].name, export.content.decode())
