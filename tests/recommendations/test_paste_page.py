"""The paste pages as a lead uses them: a whole section of a real letter pasted, checked on a
compact preview grouped by scope question, and added."""

from pathlib import Path

from django.test import TestCase

from councils.models import Membership
from recommendations.models import Recommendation
from reviews.models import Finding, Review, ScopeQuestion
from sli.tooling.demo_data import walsall
from tests.base import councillor_of, editor_of, lead_of
from tests.factories import (
    make_council,
    make_membership,
    make_recommendation,
    make_review,
    make_scope_question,
)
from tests.html_forms import form_data

Role = Membership.Role
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def corpus(name):
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8").partition("\n---\n")[2]


class PasteRecommendationsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.walsall = make_council(name="Walsall Council", slug="walsall")
        cls.review = make_review(host_council=cls.walsall, status=Review.Status.DRAFTING)
        for question in walsall.REVIEW["scope_questions"]:
            make_scope_question(review=cls.review, **question)
        cls.lead = lead_of(cls.review)
        cls.url = f"/recommendations/paste/{cls.review.pk}/"

    def setUp(self):
        self.client.force_login(self.lead)

    def preview(self, text, review=None):
        url = f"/recommendations/paste/{review.pk}/" if review else self.url
        response = self.client.post(url, {"text": text, "action": "preview"})
        self.assertEqual(response.status_code, 200)
        return response

    def add(self, preview, review=None, **changes):
        url = f"/recommendations/paste/{review.pk}/" if review else self.url
        data = form_data(preview.content, having="rows-TOTAL_FORMS") | {"action": "add"}
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        return self.client.post(url, data)

    def test_the_walsall_section_gives_its_8_recommendations_under_their_questions(self):
        preview = self.preview(corpus("walsall_letter"))

        self.assertContains(
            preview,
            "8 recommendations ticked, under 3 questions of the text; 27 other paragraphs listed "
            "but not ticked.",
        )
        rows = preview.context["rows"]
        ticked = [row for row in rows.initial if row["keep"]]
        self.assertEqual([row["label"] for row in ticked], [str(n) for n in range(1, 9)])
        self.assertContains(preview, "other paragraphs, not ticked", count=5)
        questions = {q.number: q.pk for q in ScopeQuestion.objects.filter(review=self.review)}
        chosen = [group["scope_question"] for group in preview.context["groups"].initial]
        self.assertEqual(
            chosen, ["", "", str(questions[1]), str(questions[2]), str(questions[3]), ""]
        )

        response = self.add(preview)

        self.assertRedirects(response, self.review.get_absolute_url() + "#recommendations")
        added = Recommendation.objects.filter(review=self.review).select_related("scope_question")
        self.assertEqual(
            [(r.number, r.scope_question and r.scope_question.number) for r in added],
            [(1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, None), (8, None)],
        )
        self.assertTrue(added.get(number=2).text.startswith("The Council should clearly set out"))

    def test_the_preview_is_compact_with_the_full_text_to_correct(self):
        preview = self.preview(corpus("walsall_letter"))

        rows = len(preview.context["rows"].initial)
        self.assertContains(preview, 'class="govuk-body-s sli-paste-row__clip"', count=rows)
        self.assertContains(preview, "<summary>Full text<span", count=rows)
        self.assertNotContains(preview, "<fieldset")
        self.assertContains(preview, "Scope question they answer", count=4)

    def test_questions_not_yet_in_the_review_are_added_as_scope_questions(self):
        review = make_review(host_council=self.walsall, status=Review.Status.DRAFTING)
        make_membership(self.lead, Role.REVIEW_LEAD, review)

        preview = self.preview(corpus("written_letter_34"), review)
        self.assertContains(preview, "Add it as a new scope question", count=4)
        self.assertContains(
            preview,
            "No number was written: 20 is inferred, as it comes between recommendations 19 and 21.",
        )
        response = self.add(preview, review)

        self.assertRedirects(response, review.get_absolute_url() + "#recommendations")
        self.assertEqual(
            list(review.scope_questions.values_list("number", flat=True)), [1, 2, 3, 4]
        )
        top = Recommendation.objects.filter(review=review, parent=None)
        self.assertEqual(top.count(), 34)
        self.assertEqual(top.filter(scope_question__number=2).count(), 8)
        self.assertEqual(top.filter(scope_question=None).count(), 3)
        labels = [
            r.label for r in Recommendation.objects.filter(review=review).select_related("parent")
        ]
        self.assertEqual(labels[4:7], ["5", "5(a)", "5(b)"])
        self.assertIn("16(iii)", labels)

    def test_a_report_numbered_by_section_keeps_its_references(self):
        preview = self.preview(corpus("written_report_sections"))
        self.assertContains(preview, "As written: 2.2(i)")
        self.add(preview)

        labels = [r.label for r in Recommendation.objects.filter(review=self.review)]
        self.assertEqual(
            labels,
            [
                "2.2(i)",
                "2.2(ii)",
                "2.2(iii)",
                "2.3(i)",
                "2.3(ii)",
                "3.1",
                "3.2",
                "3.2(a)",
                "3.2(b)",
            ],
        )
        page = self.client.get(self.review.get_absolute_url())
        self.assertContains(page, "Recommendation 2.2(iii)")

    def test_inspection_page_references_are_kept_apart_from_the_text(self):
        self.add(self.preview(corpus("sefton_appendix_a")))

        first = Recommendation.objects.get(review=self.review, number=1)
        self.assertEqual(first.page_reference, "11")
        self.assertTrue(first.text.endswith("implementation of protection plans."))

    def test_a_duplicate_number_is_proposed_unticked(self):
        preview = self.preview("1. Publish the vision.\n2. Review the plan.\n2. Review the plan.")

        self.assertEqual(
            [row["keep"] for row in preview.context["rows"].initial], [True, True, False]
        )
        self.assertContains(preview, "Number 2 is written twice: this one is left unticked.")
        self.add(preview)
        self.assertEqual(Recommendation.objects.filter(review=self.review).count(), 2)

    def test_a_paragraph_ticked_by_hand_needs_a_number(self):
        preview = self.preview(
            "The Team recommends:\n\n1. Publish the vision.\n\nThe Team heard many views.\n\n"
            "We hope this letter helps."
        )
        rows = preview.context["rows"].initial
        self.assertEqual(
            [(row["label"], row["keep"]) for row in rows], [("1", True), ("", False), ("", False)]
        )

        response = self.add(preview, **{"rows-1-keep": "on"})

        self.assertContains(response, "Enter the number, like 16 or 16(ii), or untick the row")
        self.assertContains(response, 'href="#id_rows-1-label"')
        self.assertFalse(Recommendation.objects.filter(review=self.review).exists())

    def test_rows_go_after_the_recommendations_already_there(self):
        make_recommendation(review=self.review)
        preview = self.preview("The Team recommends:\n\nPublish the vision.\n\nReview the plan.")
        self.assertEqual([row["label"] for row in preview.context["rows"].initial], ["2", "3"])
        self.assertContains(
            preview,
            "No numbers were written in the text: the recommendations are numbered from 2 in the "
            "order they were pasted.",
        )

    def test_outsiders_get_404_and_council_viewers_403(self):
        outsider = editor_of(make_council())
        self.client.force_login(outsider)
        self.assertEqual(self.client.post(self.url, {"text": "1. A"}).status_code, 404)

        viewer = councillor_of(self.walsall)
        self.client.force_login(viewer)
        self.assertEqual(self.client.post(self.url, {"text": "1. A"}).status_code, 403)


class PasteFindingsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.review = make_review(status=Review.Status.DRAFTING)
        for question in walsall.REVIEW["scope_questions"]:
            make_scope_question(review=cls.review, **question)
        cls.lead = lead_of(cls.review)
        cls.url = f"/reviews/{cls.review.pk}/findings/paste/"

    def setUp(self):
        self.client.force_login(self.lead)

    def test_the_walsall_section_gives_strengths_and_areas_under_their_questions(self):
        preview = self.client.post(
            self.url, {"text": corpus("walsall_letter"), "action": "preview"}
        )
        self.assertContains(preview, "They go under scope question 1.")
        data = form_data(preview.content, having="text") | {"action": "add"}

        response = self.client.post(self.url, data)

        self.assertRedirects(response, f"/reviews/{self.review.pk}/findings/")
        findings = Finding.objects.filter(review=self.review).select_related("scope_question")
        self.assertEqual(
            [(f.scope_question.number, f.kind[0]) for f in findings],
            [(1, "s")] + [(1, "a")] * 4 + [(2, "s")] + [(2, "a")] * 5 + [(3, "s")] + [(3, "a")] * 3,
        )
        self.assertFalse(findings.filter(text__startswith="The medium term financial").exists())

    def test_findings_under_no_heading_need_a_kind(self):
        text = "• Strong political leadership\n• A clear vision"
        preview = self.client.post(self.url, {"text": text, "action": "preview"})
        data = form_data(preview.content, having="text") | {"action": "add"}

        response = self.client.post(self.url, data)

        self.assertContains(
            response,
            "Choose whether the findings under no heading are strengths or areas for consideration",
        )
        data["kind"] = Finding.Kind.STRENGTH
        self.client.post(self.url, data)
        self.assertEqual(
            list(Finding.objects.filter(review=self.review).values_list("kind", flat=True)),
            ["strength", "strength"],
        )
