"""Deleting a recommendation of a draft: a page asks first and says which numbers will change;
the POST deletes it and renumbers the rest as the page said."""

from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from councils.models import Membership
from recommendations.models import Recommendation, renumbering_sentence
from reviews.models import Review
from tests.base import editor_of, lead_of
from tests.factories import (
    make_council,
    make_recommendation,
    make_review,
)

Role = Membership.Role


class RenumberingSentenceTests(SimpleTestCase):
    def test_sentences(self):
        cases = [
            ([], None, ""),
            ([(9, 8)], None, "Recommendation 9 will become 8."),
            ([(6, 5), (7, 6), (8, 7), (9, 8)], None, "Recommendations 6 to 9 will become 5 to 8."),
            (
                [(3, 2), (4, 3)],
                16,
                "Recommendations 16(iii) to 16(iv) will become 16(ii) to 16(iii).",
            ),
            (
                [(5, 2), (7, 3)],
                None,
                "Recommendations 5 and 7 will become 2 and 3, in that order.",
            ),
        ]
        for changes, parent, expected in cases:
            with self.subTest(changes=changes):
                self.assertEqual(renumbering_sentence(changes, parent), expected)


class DeleteRecommendationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.review = make_review(
            host_council=cls.council, status=Review.Status.DRAFTING, title="Draft review"
        )
        cls.recs = [
            make_recommendation(review=cls.review, text=f"Text of {n}") for n in range(1, 10)
        ]
        cls.five = cls.recs[4]
        cls.lead = lead_of(cls.review)
        cls.editor = editor_of(cls.council)  # reads the draft (factual accuracy), may not change it
        cls.outsider = editor_of(make_council())

    def setUp(self):
        self.client.force_login(self.lead)

    def url(self, recommendation):
        return reverse("recommendations:delete", args=[recommendation.pk])

    def numbers(self):
        return {
            rec.text: rec.label
            for rec in Recommendation.objects.filter(review=self.review).select_related("parent")
        }

    def test_asks_first_and_says_which_numbers_change(self):
        response = self.client.get(self.url(self.five))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<title>Delete recommendation 5, Draft review – ", html=False)
        self.assertContains(response, "Are you sure you want to delete recommendation 5?")
        self.assertContains(response, "Recommendations 6 to 9 will become 5 to 8.")
        self.assertContains(response, "Yes, delete recommendation 5")
        self.assertEqual(Recommendation.objects.filter(review=self.review).count(), 9)

    def test_the_post_deletes_and_renumbers_as_the_page_said(self):
        response = self.client.post(self.url(self.five), follow=True)

        self.assertRedirects(response, self.review.get_absolute_url() + "#recommendations")
        numbers = self.numbers()
        self.assertNotIn("Text of 5", numbers)
        self.assertEqual([numbers[f"Text of {n}"] for n in range(6, 10)], ["5", "6", "7", "8"])
        self.assertEqual(
            [str(m) for m in response.context["messages"]],
            ["Recommendation 5 was deleted. Recommendations 6 to 9 are now 5 to 8."],
        )

    def test_the_last_changes_no_number(self):
        response = self.client.get(self.url(self.recs[-1]))

        self.assertContains(response, "No other recommendation's number will change.")
        self.assertNotContains(response, "will become")

    def test_one_before_the_last(self):
        response = self.client.get(self.url(self.recs[-2]))

        self.assertContains(response, "Recommendation 9 will become 8.")

    def test_sub_items_deleted_with_it_and_moved_with_theirs(self):
        make_recommendation(parent=self.five, text="5(i)")
        make_recommendation(parent=self.five, text="5(ii)")
        make_recommendation(parent=self.recs[6], text="7(i)")

        response = self.client.get(self.url(self.five))

        self.assertContains(response, "Its sub-items 5(i) and 5(ii) will be deleted with it.")
        self.assertContains(
            response, "Recommendations 6 to 9, with their sub-items, will become 5 to 8."
        )
        self.client.post(self.url(self.five))
        self.assertEqual(self.numbers()["7(i)"], "6(i)")
        self.assertNotIn("5(i)", self.numbers())

    def test_a_sub_item(self):
        items = [make_recommendation(parent=self.five, text=f"sub {n}") for n in range(1, 5)]

        response = self.client.get(self.url(items[1]))

        self.assertContains(response, "Are you sure you want to delete recommendation 5(ii)?")
        self.assertContains(
            response, "Recommendations 5(iii) to 5(iv) will become 5(ii) to 5(iii)."
        )
        self.client.post(self.url(items[1]))
        self.assertEqual(self.numbers()["sub 4"], "5(iii)")

    def test_the_form_page_links_to_the_question(self):
        page = self.client.get(reverse("recommendations:edit", args=[self.five.pk]))

        self.assertContains(page, f'href="{self.url(self.five)}"')

    def test_an_outsider_gets_not_found(self):
        self.client.force_login(self.outsider)

        self.assertEqual(self.client.get(self.url(self.five)).status_code, 404)
        self.assertEqual(self.client.post(self.url(self.five)).status_code, 404)
        self.assertEqual(Recommendation.objects.filter(review=self.review).count(), 9)

    def test_a_reader_may_not_delete(self):
        self.client.force_login(self.editor)

        self.assertEqual(self.client.get(self.url(self.five)).status_code, 403)
        self.assertEqual(self.client.post(self.url(self.five)).status_code, 403)
        self.assertEqual(Recommendation.objects.filter(review=self.review).count(), 9)

    def test_nothing_is_deleted_once_issued(self):
        Review.objects.filter(pk=self.review.pk).update(status=Review.Status.ISSUED)

        self.assertEqual(self.client.get(self.url(self.five)).status_code, 403)
        self.assertEqual(self.client.post(self.url(self.five)).status_code, 403)
        self.assertEqual(Recommendation.objects.filter(review=self.review).count(), 9)
