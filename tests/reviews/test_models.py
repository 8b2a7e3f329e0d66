from datetime import date

from django.db import IntegrityError, transaction
from django.test import TestCase

from reviews.focus_areas import FOCUS_AREAS
from reviews.models import Finding, FocusArea, Review, ScopeQuestion
from tests.factories import make_finding, make_review, make_scope_question

Status = Review.Status


class ReviewTests(TestCase):
    def test_visit_ending_before_it_starts_is_refused(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_review(visit_start=date(2015, 11, 17), visit_end=date(2015, 11, 16))

        self.assertFalse(Review.objects.exists())

    def test_one_day_visit_is_accepted(self):
        review = make_review(visit_start=date(2015, 11, 17), visit_end=date(2015, 11, 17))

        self.assertEqual(review.visit_end, review.visit_start)

    def test_issued_statuses(self):
        issued = {Status.ISSUED, Status.PROGRESS_REVIEW, Status.CLOSED}
        for status in Status:
            with self.subTest(status=status):
                self.assertEqual(make_review(status=status).is_issued, status in issued)

    def test_issued_and_drafts_split_the_reviews(self):
        planned = make_review(status=Status.PLANNED)
        drafting = make_review(status=Status.FACTUAL_ACCURACY)
        issued = make_review(status=Status.ISSUED)
        closed = make_review(status=Status.CLOSED)

        self.assertCountEqual(Review.objects.issued(), [issued, closed])
        self.assertCountEqual(Review.objects.drafts(), [planned, drafting])

    def test_is_inspection(self):
        self.assertTrue(make_review(kind=Review.Kind.CQC_INSPECTION).is_inspection)
        self.assertFalse(make_review(kind=Review.Kind.PEER_CHALLENGE).is_inspection)

    def test_str_and_absolute_url(self):
        review = make_review(title="Adult social care peer challenge, Walsall")

        self.assertEqual(str(review), "Adult social care peer challenge, Walsall")
        self.assertEqual(review.get_absolute_url(), f"/reviews/{review.pk}/")


class ScopeQuestionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.review = make_review()
        cls.question = make_scope_question(review=cls.review, number=2, text="Is it safe?")

    def test_number_is_unique_within_a_review(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_scope_question(review=self.review, number=2)

        self.assertEqual(ScopeQuestion.objects.filter(review=self.review).count(), 1)

    def test_same_number_is_allowed_in_another_review(self):
        other = make_scope_question(number=2)

        self.assertEqual(other.number, self.question.number)
        self.assertNotEqual(other.review, self.review)

    def test_str_and_absolute_url_point_at_the_question(self):
        self.assertEqual(str(self.question), "Scope question 2: Is it safe?")
        self.assertEqual(
            self.question.get_absolute_url(), f"/reviews/{self.review.pk}/#scope-question-2"
        )


class FindingTests(TestCase):
    def test_strengths_first_then_areas_for_consideration_each_in_order(self):
        review = make_review()
        area_b = make_finding(review=review, kind=Finding.Kind.AREA_FOR_CONSIDERATION, order=1)
        strength_b = make_finding(review=review, kind=Finding.Kind.STRENGTH, order=4)
        area_a = make_finding(review=review, kind=Finding.Kind.AREA_FOR_CONSIDERATION, order=0)
        strength_a = make_finding(review=review, kind=Finding.Kind.STRENGTH, order=2)

        findings = list(Finding.objects.filter(review=review).strengths_first())

        self.assertEqual(findings, [strength_a, strength_b, area_a, area_b])

    def test_findings_take_their_review_from_the_scope_question(self):
        question = make_scope_question()

        finding = make_finding(scope_question=question, text="Good leadership")

        self.assertEqual(finding.review, question.review)
        self.assertEqual(str(finding), "Strength: Good leadership")
        self.assertEqual(
            finding.get_absolute_url(), f"/reviews/{question.review.pk}/#finding-{finding.pk}"
        )


class FocusAreaTests(TestCase):
    def test_the_eight_focus_areas_come_with_the_database(self):
        areas = list(FocusArea.objects.values_list("number", "code", "name"))

        self.assertEqual([number for number, _, _ in areas], [1, 2, 3, 4, 5, 6, 7, 8])
        self.assertEqual(areas, [tuple(area) for area in FOCUS_AREAS])
        self.assertEqual(areas[2], (3, "leadership", "Vision, Strategy and Leadership"))
