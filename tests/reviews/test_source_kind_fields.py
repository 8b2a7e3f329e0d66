"""What a kind of source gives besides its recommendations: its date in its own words, an
internal audit's assurance opinion and the Ombudsman's date to comply by, counted down on the
council's home page. Each is an entry's behaviour (reviews.kinds), not a branch in the views."""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from councils.models import Membership
from reviews.models import SOURCE_KINDS, Review, source_kind_of
from tests.base import building_pages, councillor_of, editor_of
from tests.factories import make_council, make_membership, make_review
from tests.html_forms import form_data


class DateWordsTests(TestCase):
    def test_every_document_kind_names_its_date_in_its_words(self):
        expected = {
            Review.Kind.SAFEGUARDING_ADULTS_REVIEW: "Date the SAR report was published",
            Review.Kind.OMBUDSMAN_DECISION: "Date of the ombudsman's decision",
            Review.Kind.INTERNAL_AUDIT: "Date the audit report was issued",
            Review.Kind.DHSC_LETTER: "Date of the letter",
            Review.Kind.SELF_ASSESSMENT: "Date the self-assessment was agreed",
        }
        for kind, label in expected.items():
            self.assertEqual(source_kind_of(kind).date_label, label)
        # A peer challenge's letter date is asked by the letter's own form.
        self.assertEqual(source_kind_of(Review.Kind.PEER_CHALLENGE).date_label, "")

    def test_only_the_kinds_that_have_them_ask_for_extra_fields(self):
        asking = {kind for kind, entry in SOURCE_KINDS.items() if entry.extra_fields}
        self.assertEqual(asking, {Review.Kind.INTERNAL_AUDIT, Review.Kind.OMBUDSMAN_DECISION})


class SourceDetailsFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.editor = editor_of(cls.council)

    def review_of(self, kind):
        review = make_review(host_council=self.council, kind=kind, status=Review.Status.DRAFTING)
        make_membership(self.editor, Membership.Role.REVIEW_LEAD, review)
        return review

    def edit(self, review, **changes):
        url = reverse("reviews:edit", args=[review.pk])
        data = form_data(self.client.get(url).content)
        data.update(changes)
        return self.client.post(url, data)

    def test_an_audit_records_its_date_and_assurance_opinion(self):
        review = self.review_of(Review.Kind.INTERNAL_AUDIT)
        self.client.force_login(self.editor)
        html = self.client.get(reverse("reviews:edit", args=[review.pk])).content.decode()
        self.assertIn("Date the audit report was issued", html)
        for opinion in Review.AssuranceOpinion:
            self.assertIn(opinion.label, html)
        self.assertNotIn("Date by which the council must comply", html)
        response = self.edit(
            review,
            assurance_opinion="limited",
            letter_date_0="3",
            letter_date_1="2",
            letter_date_2="2026",
        )
        self.assertRedirects(response, review.get_absolute_url())
        review.refresh_from_db()
        self.assertEqual(review.assurance_opinion, "limited")
        self.assertEqual(review.letter_date.isoformat(), "2026-02-03")
        page = self.client.get(review.get_absolute_url())
        self.assertContains(page, "Assurance opinion")
        self.assertContains(page, "Limited assurance")
        self.assertEqual(
            review.history.latest().history_user, self.editor, "the change is in the history"
        )

    def test_the_ombudsman_decision_records_its_date_to_comply_by(self):
        review = self.review_of(Review.Kind.OMBUDSMAN_DECISION)
        self.client.force_login(self.editor)
        html = self.client.get(reverse("reviews:edit", args=[review.pk])).content.decode()
        self.assertIn("Date of the ombudsman&#x27;s decision", html)
        self.assertNotIn("Assurance opinion", html)
        due = timezone.localdate() + timedelta(days=12)
        self.edit(
            review, comply_by_0=str(due.day), comply_by_1=str(due.month), comply_by_2=str(due.year)
        )
        review.refresh_from_db()
        self.assertEqual(review.comply_by, due)
        self.assertContains(self.client.get(review.get_absolute_url()), "(in 12 days)")

    def test_a_peer_challenge_asks_none_of_them(self):
        review = self.review_of(Review.Kind.PEER_CHALLENGE)
        self.client.force_login(self.editor)
        html = self.client.get(reverse("reviews:edit", args=[review.pk])).content.decode()
        for absent in ("letter_date", "assurance_opinion", "comply_by"):
            self.assertNotIn(f'name="{absent}', html)


@building_pages
class ComplyByCountdownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.editor = editor_of(cls.council)
        cls.councillor = councillor_of(cls.council)
        cls.today = timezone.localdate()

    def decision(self, days, **fields):
        return make_review(
            host_council=self.council,
            kind=Review.Kind.OMBUDSMAN_DECISION,
            title=f"Complaint about care charges ({days})",
            comply_by=self.today + timedelta(days=days),
            **fields,
        )

    def test_the_countdown_reads_in_days_in_words(self):
        kind = source_kind_of(Review.Kind.OMBUDSMAN_DECISION)
        for days, words in ((0, "today"), (1, "in 1 day"), (12, "in 12 days"), (-3, "3 days ago")):
            review = Review(comply_by=self.today + timedelta(days=days))
            self.assertEqual(kind.countdown(review, self.today), words)

    def test_the_editors_home_page_counts_down_to_the_date_to_comply_by(self):
        self.decision(12)
        self.decision(-3)
        self.decision(-60)  # long past: no longer a task
        self.client.force_login(self.editor)
        html = self.client.get("/").content.decode()
        self.assertIn("Compliance is due in 12 days", html)
        self.assertIn("Compliance was due 3 days ago", html)
        self.assertNotIn("(-60)” asks", html)
        self.assertIn("Complaint about care charges (12)", html)

    def test_the_home_page_costs_the_same_queries_for_more_deadlines(self):
        self.decision(5)
        self.client.force_login(self.editor)
        self.client.get("/")
        with CaptureQueriesContext(connection) as few:
            self.client.get("/")
        for days in (6, 7, 8):
            self.decision(days)
        with CaptureQueriesContext(connection) as many:
            self.client.get("/")
        self.assertEqual(len(few), len(many))

    def test_an_outsiders_home_page_shows_no_deadline_of_another_council(self):
        self.decision(5)
        self.client.force_login(editor_of(make_council()))
        self.assertNotIn("Compliance is due", self.client.get("/").content.decode())
