"""The peer challenge lead's workflow, end to end through the web forms."""

import io

from django.core import mail  # noqa: F401  (mail outbox is reset per test)
from django.test import TestCase
from pypdf import PdfReader

from councils.models import Membership
from recommendations.models import Recommendation
from reviews.models import AccuracyComment, Finding, Review, TeamMember
from tests.base import councillor_of, editor_of, lead_of, regional_lead_of
from tests.factories import make_council, make_region, make_review, make_user
from tests.html_forms import form_data
from tests.improvement_plans.test_half_written import failing_on_call, raise_error

Role = Membership.Role

WALSALL_RECOMMENDATIONS = """\
1. The Team recommends that the Council ensures the 2016-2020 financial plans are robust,
deliverable and are consistently understood across the Council.
2. The Team recommends that: i) the Council reviews its front door arrangements; ii) the
Council publishes its core offer.

The Team recommends that carers are offered an assessment (see also recommendations 1 and 2).
"""


def date_fields(name, day, month, year):
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


class LeadWorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="West Midlands", slug="west-midlands")
        cls.walsall = make_council(name="Walsall Council", slug="walsall", region=cls.region)
        cls.shropshire = make_council(
            name="Shropshire Council",
            slug="shropshire",
            region=cls.region,
            address="Shirehall\nAbbey Foregate\nShrewsbury",
        )
        cls.regional_lead = regional_lead_of(cls.region)
        cls.lead = make_user(email="stephen.chandler@shropshire.gov.uk", first_name="Stephen")
        cls.editor = editor_of(cls.walsall)
        cls.viewer = councillor_of(cls.walsall)

    def create_review(self):
        self.client.force_login(self.regional_lead)
        response = self.client.post(
            "/reviews/new/",
            {
                "kind": Review.Kind.PEER_CHALLENGE,
                "host_council": self.walsall.pk,
                "lead_council": self.shropshire.pk,
                "title": "Adult social care peer challenge, Walsall (November 2015)",
                "lead_email": "Stephen.Chandler@shropshire.gov.uk",
                **date_fields("visit_start", 2, 11, 2015),
                **date_fields("visit_end", 4, 11, 2015),
            },
        )
        review = Review.objects.get(host_council=self.walsall)
        self.assertRedirects(response, review.get_absolute_url())
        return review

    def paste(self, review, text, **extra):
        preview = self.client.post(
            f"/recommendations/paste/{review.pk}/", {"text": text, "action": "preview", **extra}
        )
        self.assertEqual(preview.status_code, 200)
        data = form_data(preview.content, having="rows-TOTAL_FORMS") | {"action": "add"}
        return preview, self.client.post(f"/recommendations/paste/{review.pk}/", data)

    def test_from_planning_to_the_issued_letter(self):
        review = self.create_review()
        self.assertTrue(
            Membership.objects.filter(user=self.lead, role=Role.REVIEW_LEAD, review=review).exists()
        )

        self.client.force_login(self.lead)
        response = self.client.post(
            f"/reviews/{review.pk}/scope/",
            {
                "scope-TOTAL_FORMS": "3",
                "scope-INITIAL_FORMS": "0",
                "scope-0-number": "1",
                "scope-0-text": "Is the council’s use of resources sustainable?",
            },
        )
        self.assertRedirects(response, review.get_absolute_url())
        question = review.scope_questions.get()

        response = self.client.post(
            f"/reviews/{review.pk}/team/",
            {
                "team-TOTAL_FORMS": "3",
                "team-INITIAL_FORMS": "0",
                "team-0-name": "Dafydd ap Gwilym",
                "team-0-role": "expert_by_experience",
                "team-0-organisation": "Cyngor Sir Ynys Môn",
                # The browser sends the default role of the empty rows too.
                "team-1-role": "peer",
                "team-2-role": "peer",
            },
        )
        self.assertRedirects(response, review.get_absolute_url())

        response = self.client.post(
            f"/reviews/{review.pk}/findings/paste/",
            {
                "kind": Finding.Kind.STRENGTH,
                "scope_question": question.pk,
                "text": "• Strong political leadership\n• A clear vision – “Walsall Together”",
                "action": "add",
                "keep-0": "on",
                "keep-1": "on",
            },
        )
        self.assertRedirects(response, f"/reviews/{review.pk}/findings/")
        self.assertEqual(
            list(review.findings.values_list("text", flat=True)),
            ["Strong political leadership", "A clear vision – “Walsall Together”"],
        )

        preview, response = self.paste(review, WALSALL_RECOMMENDATIONS)
        self.assertContains(
            preview, "No number was written: 3 is inferred, as it comes after recommendation 2."
        )
        self.assertRedirects(response, review.get_absolute_url() + "#recommendations")
        labels = [
            r.label for r in Recommendation.objects.filter(review=review).select_related("parent")
        ]
        self.assertEqual(labels, ["1", "2", "2(i)", "2(ii)", "3"])

        page = self.client.get(review.get_absolute_url())
        first = Recommendation.objects.get(review=review, number=1, parent=None)
        self.assertContains(page, f'<a class="govuk-link" href="{first.get_absolute_url()}">1</a>')

        for stage in ("fieldwork", "drafting", "factual_accuracy"):
            response = self.client.post(f"/reviews/{review.pk}/stage/", {"status": stage})
            self.assertRedirects(response, review.get_absolute_url())

        self.client.force_login(self.editor)
        response = self.client.post(
            f"/reviews/{review.pk}/comments/new/",
            {"about": "Recommendation 1", "text": "The plans run to 2020, not 2019."},
        )
        self.assertRedirects(response, review.get_absolute_url() + "#comments")
        comment = AccuracyComment.objects.get()

        self.client.force_login(self.lead)
        response = self.client.post(
            f"/reviews/comments/{comment.pk}/answer/", {"answer": "Corrected, thank you."}
        )
        self.assertRedirects(response, review.get_absolute_url() + "#comments")
        comment.refresh_from_db()
        self.assertEqual(comment.answered_by, self.lead)

        response = self.client.post(f"/reviews/{review.pk}/stage/", {"status": "issued"})
        review.refresh_from_db()
        self.assertEqual(review.status, Review.Status.ISSUED)
        self.assertEqual(review.issued_by, self.lead)
        self.assertIsNotNone(review.issued_at)
        self.assertIsNotNone(review.letter_date)

        # Issued: numbering frozen, no more pasting or moving.
        self.assertEqual(self.client.get(f"/recommendations/paste/{review.pk}/").status_code, 403)
        self.assertEqual(
            self.client.post(
                f"/recommendations/{first.pk}/move/", {"direction": "down"}
            ).status_code,
            403,
        )

        pdf = self.client.get(f"/reviews/{review.pk}/letter.pdf")
        self.assertEqual(pdf["Content-Type"], "application/pdf")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
        self.assertIn("Shropshire Council", text)
        positions = [
            text.index(f"Recommendation {label}") for label in ["1", "2", "2(i)", "2(ii)", "3"]
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Dafydd ap Gwilym", text)
        self.assertNotIn("Draft", text)

    def test_a_council_viewer_may_not_read_the_draft_letter(self):
        review = self.create_review()
        self.client.force_login(self.viewer)
        self.assertEqual(self.client.get(f"/reviews/{review.pk}/letter.pdf").status_code, 403)
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(f"/reviews/{review.pk}/letter.pdf").status_code, 200)

    def test_stages_cannot_be_skipped(self):
        review = self.create_review()
        self.client.force_login(self.lead)
        response = self.client.post(f"/reviews/{review.pk}/stage/", {"status": "issued"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Select a valid choice")
        review.refresh_from_db()
        self.assertEqual(review.status, Review.Status.PLANNED)


class RecommendationFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        region = make_region()
        cls.review = Review.objects.create(
            kind=Review.Kind.PEER_CHALLENGE,
            host_council=make_council(region=region),
            title="Draft review",
            visit_start="2025-01-06",
            visit_end="2025-01-08",
            status=Review.Status.DRAFTING,
        )
        cls.lead = lead_of(cls.review)

    def setUp(self):
        self.client.force_login(self.lead)

    def add(self, text, number=""):
        return self.client.post(
            f"/recommendations/new/{self.review.pk}/", {"text": text, "number": number}
        )

    def numbers(self):
        return list(
            Recommendation.objects.filter(review=self.review, parent=None).values_list(
                "text", flat=True
            )
        )

    def test_inserting_moving_and_deleting_keep_the_numbering_running_on(self):
        for text in ("first", "second", "third"):
            self.add(text)
        self.add("inserted", number="2")
        self.assertEqual(self.numbers(), ["first", "inserted", "second", "third"])

        third = Recommendation.objects.get(review=self.review, text="third")
        self.client.post(f"/recommendations/{third.pk}/move/", {"direction": "up"})
        self.assertEqual(self.numbers(), ["first", "inserted", "third", "second"])

        inserted = Recommendation.objects.get(review=self.review, text="inserted")
        self.client.post(f"/recommendations/{inserted.pk}/delete/")
        self.assertEqual(self.numbers(), ["first", "third", "second"])
        self.assertEqual(
            list(
                Recommendation.objects.filter(review=self.review).values_list("number", flat=True)
            ),
            [1, 2, 3],
        )

    def test_text_is_kept_exactly_and_shown_as_text(self):
        text = "Cyngor’s £2.5m – “plan” <script>alert(1)</script> & Ŵyn"
        self.add(text)
        recommendation = Recommendation.objects.get(review=self.review)
        self.assertEqual(recommendation.text, text)
        page = self.client.get(self.review.get_absolute_url()).content.decode()
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page)
        self.assertNotIn("<script>alert(1)", page)

    def test_missing_text_is_named_next_to_the_field_and_nothing_saved(self):
        response = self.add("")
        self.assertContains(response, "Enter the text of the recommendation")
        self.assertFalse(Recommendation.objects.exists())

    def test_pasted_duplicate_numbers_are_refused(self):
        self.add("existing")
        response = self.client.post(
            f"/recommendations/paste/{self.review.pk}/",
            {
                "text": "1. Duplicate",
                "action": "add",
                "rows-TOTAL_FORMS": "1",
                "rows-INITIAL_FORMS": "1",
                "rows-0-label": "1",
                "rows-0-text": "Duplicate",
                "rows-0-keep": "on",
            },
        )
        self.assertContains(response, "Recommendation 1 already exists")
        self.assertEqual(Recommendation.objects.count(), 1)


class TeamFormsetTests(TestCase):
    def test_a_failure_part_way_through_the_team_saves_none_of_it(self):
        review = make_review(status=Review.Status.PLANNED)
        lead = lead_of(review)
        self.client.force_login(lead)
        team = {
            "team-TOTAL_FORMS": "3",
            "team-INITIAL_FORMS": "0",
            "team-0-name": "Dafydd ap Gwilym",
            "team-0-role": "expert_by_experience",
            "team-0-organisation": "Cyngor Sir Ynys Môn",
            "team-1-name": "Helen Coombes",
            "team-1-role": "peer",
            "team-1-organisation": "West Midlands ADASS",
            "team-2-role": "peer",
        }

        with failing_on_call("reviews.models.TeamMember.save", 2, raise_error, autospec=True):
            with self.assertRaises(RuntimeError):
                self.client.post(f"/reviews/{review.pk}/team/", team)

        self.assertFalse(TeamMember.objects.filter(review=review).exists())
        response = self.client.post(f"/reviews/{review.pk}/team/", team)
        self.assertRedirects(response, review.get_absolute_url())
        self.assertEqual(TeamMember.objects.filter(review=review).count(), 2)
