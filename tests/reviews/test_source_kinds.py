"""Every kind of source of recommendations, each in the words its documents use."""

from django.test import TestCase
from django.urls import reverse

from recommendations.models import Recommendation
from reviews.models import SOURCE_KINDS, Review, source_kind_of
from tests.base import councillor_of, regional_lead_of
from tests.factories import make_council, make_recommendation, make_review


class EveryKindHasItsWordsTests(TestCase):
    def test_every_kind_is_an_entry_with_a_hint(self):
        for kind in Review.Kind:
            with self.subTest(kind):
                self.assertIn(kind, SOURCE_KINDS)
                self.assertTrue(source_kind_of(kind).hint.strip())

    def test_the_new_sources_write_their_own_document_without_a_team_or_letter(self):
        new = [
            Review.Kind.SAFEGUARDING_ADULTS_REVIEW,
            Review.Kind.INTERNAL_AUDIT,
            Review.Kind.OMBUDSMAN_DECISION,
            Review.Kind.DHSC_LETTER,
            Review.Kind.SCRUTINY_REVIEW,
            Review.Kind.SELF_ASSESSMENT,
        ]
        for kind in new:
            entry = source_kind_of(kind)
            with self.subTest(kind):
                self.assertFalse(entry.has_letter)
                self.assertFalse(entry.has_team_tasks)
                self.assertIn(entry.document, entry.confidential_until)
                self.assertIn(entry.document_title, entry.status_names["issued"])

    def test_an_unknown_word_is_refused(self):
        with self.assertRaises(TypeError):
            type(source_kind_of(Review.Kind.INTERNAL_AUDIT))(documnet="audit report")


class NewReviewFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.lead = regional_lead_of(cls.council.region)

    def test_each_kind_is_offered_with_its_hint_linked_to_its_radio(self):
        self.client.force_login(self.lead)
        html = self.client.get(reverse("reviews:new")).content.decode()
        for index, kind in enumerate(Review.Kind):
            with self.subTest(kind):
                self.assertIn(f'value="{kind.value}"', html)
                hint_id = f"id_kind_{index}-hint"
                self.assertIn(f'aria-describedby="{hint_id}"', html)
                self.assertIn(f'<div id="{hint_id}" class="govuk-hint govuk-radios__hint">', html)
        self.assertIn("SAR report with recommendations to the board&#x27;s partners", html)

    def test_a_safeguarding_adults_review_can_be_created(self):
        self.client.force_login(self.lead)
        data = {
            "kind": Review.Kind.SAFEGUARDING_ADULTS_REVIEW,
            "host_council": self.council.pk,
            "title": "Safeguarding adults review: Adult C",
            "visit_start_0": "1",
            "visit_start_1": "2",
            "visit_start_2": "2024",
            "visit_end_0": "1",
            "visit_end_1": "5",
            "visit_end_2": "2024",
        }
        response = self.client.post(reverse("reviews:new"), data)
        review = Review.objects.get(title="Safeguarding adults review: Adult C")
        self.assertRedirects(response, review.get_absolute_url())
        self.assertEqual(review.kind, Review.Kind.SAFEGUARDING_ADULTS_REVIEW)


class SourcePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.councillor = councillor_of(cls.council)
        cls.sar = make_review(
            host_council=cls.council,
            kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW,
            title="SAR Adult C",
        )
        make_recommendation(review=cls.sar, text="The board's partners share one referral form")
        cls.audit = make_review(
            host_council=cls.council, kind=Review.Kind.INTERNAL_AUDIT, title="Audit of DoLS"
        )
        make_recommendation(
            review=cls.audit,
            text="Management will review the DoLS waiting list monthly",
            response=Recommendation.Response.ACCEPTED,
        )

    def page(self, review):
        self.client.force_login(self.councillor)
        return self.client.get(review.get_absolute_url()).content.decode()

    def test_a_sar_page_speaks_of_the_boards_report_and_no_letter(self):
        html = self.page(self.sar)
        self.assertIn('<dt class="govuk-summary-list__key">SAR report</dt>', html)
        self.assertIn("Written by the Safeguarding Adults Board", html)
        self.assertIn("The board&#x27;s partners", html)
        self.assertIn("SAR report published", html)
        self.assertIn("The board&#x27;s partners share one referral form", html)
        self.assertNotIn("Read the letter", html)
        self.assertNotIn("Publish the letter", html)

    def test_an_audit_page_lists_management_actions(self):
        html = self.page(self.audit)
        self.assertIn('<dt class="govuk-summary-list__key">Audit report</dt>', html)
        self.assertIn('id="recommendations">Management actions</h2>', html)
        self.assertIn("Audit report issued", html)
        self.assertIn("Management will review the DoLS waiting list monthly", html)

    def test_a_draft_is_confidential_until_its_document_is_out(self):
        draft = make_review(
            host_council=self.council,
            kind=Review.Kind.OMBUDSMAN_DECISION,
            status=Review.Status.DRAFTING,
        )
        html = self.page(draft)
        self.assertIn("until the decision is published", html)
        self.assertIn("Not published yet", html)

    def test_a_peer_challenge_page_keeps_its_letter(self):
        html = self.page(make_review(host_council=self.council))
        self.assertIn('id="recommendations">Recommendations</h2>', html)
        self.assertIn('<dt class="govuk-summary-list__key">Letter</dt>', html)
