"""The council responds to all of a review's recommendations on one page: a row each, checked
row by row with the message beside the row, saved all together or not at all."""

import re
from html import unescape

from django.test import TestCase
from django.urls import reverse

from councils.models import Membership
from recommendations.models import Recommendation
from reviews.models import Review
from tests.base import councillor_of, editor_of, lead_of
from tests.factories import (
    make_council,
    make_recommendation,
    make_review,
)
from tests.html_forms import form_data

Role = Membership.Role
Response = Recommendation.Response


def row_error(response, prefix, name):
    match = re.search(
        rf'<p class="govuk-error-message" id="id_{prefix}-{name}_error">(.*?)</p>',
        response.content.decode(),
        re.DOTALL,
    )
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


class RespondAllTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(name="Walsall Council", slug="walsall")
        cls.review = make_review(host_council=cls.council, title="Walsall peer challenge")
        cls.one = make_recommendation(review=cls.review, text="Publish the carers' strategy.")
        cls.two = make_recommendation(review=cls.review, text="Review the front door.", response="")
        cls.two_i = make_recommendation(parent=cls.two, text="Including out of hours.", response="")
        cls.three = make_recommendation(review=cls.review, text="Train the brokers.", response="")
        cls.editor = editor_of(cls.council, first_name="Erin", last_name="Editor")
        cls.other_editor = editor_of(cls.council, first_name="Omar", last_name="Other")
        cls.viewer = councillor_of(cls.council)
        cls.lead = lead_of(cls.review)
        cls.outsider = editor_of(make_council())
        cls.url = reverse("recommendations:respond_all", args=[cls.review.pk])

    def setUp(self):
        self.client.force_login(self.editor)

    def page_data(self, client=None):
        page = (client or self.client).get(self.url)
        return form_data(page.content, having="responses-TOTAL_FORMS")

    def row(self, recommendation, data):
        """The prefix of ``recommendation``'s row in the posted data."""
        for key, value in data.items():
            if key.endswith("-id") and value == str(recommendation.pk):
                return key.removesuffix("-id")
        raise AssertionError(f"No row for {recommendation}")

    def post(self, changes, client=None):
        """Post the page as shown, with ``changes``: {recommendation: {field: value}}."""
        data = self.page_data(client)
        for recommendation, fields in changes.items():
            prefix = self.row(recommendation, data)
            data.update({f"{prefix}-{name}": value for name, value in fields.items()})
        return (client or self.client).post(self.url, data), data

    def responses(self):
        return {
            rec.pk: (rec.response, rec.response_reason)
            for rec in Recommendation.objects.filter(review=self.review)
        }


class RespondAllPageTests(RespondAllTestCase):
    def test_a_row_for_each_recommendation_with_labelled_fields(self):
        response = self.client.get(self.url)

        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertIn("<title>Respond to the recommendations, Walsall peer challenge –", page)
        for label in ("1", "2", "2(i)", "3"):
            self.assertIn(
                f'Response<span class="govuk-visually-hidden"> to recommendation {label}', page
            )
        self.assertEqual(len(response.context["formset"].forms), 4)
        self.assertIn("Including out of hours.", page)
        labels = re.findall(r'<label [^>]*for="(id_responses-\d+-[\w]+)"', page)
        controls = re.findall(
            r'<(?:select|textarea) name="responses-\d+-\w+"[^>]*id="([^"]+)"', page
        )
        self.assertEqual(sorted(labels), sorted(controls))
        self.assertEqual(len(controls), 8)

    def test_saves_the_responses_of_several_rows_at_once(self):
        response, _ = self.post(
            {
                self.two: {"response": Response.PARTLY_ACCEPTED, "response_reason": "Not nights."},
                self.two_i: {"response": Response.NOT_ACCEPTED, "response_reason": "No budget."},
                self.three: {"response": Response.ACCEPTED},
            }
        )

        self.assertRedirects(
            response,
            self.review.get_absolute_url() + "#recommendations",
            fetch_redirect_response=False,
        )
        self.assertEqual(
            self.responses(),
            {
                self.one.pk: (Response.ACCEPTED, ""),
                self.two.pk: (Response.PARTLY_ACCEPTED, "Not nights."),
                self.two_i.pk: (Response.NOT_ACCEPTED, "No budget."),
                self.three.pk: (Response.ACCEPTED, ""),
            },
        )
        messages = [
            str(m) for m in self.client.get(self.review.get_absolute_url()).context["messages"]
        ]
        self.assertEqual(messages, ["The responses to 3 recommendations were saved."])

    def test_each_saved_row_is_in_its_history_and_raises_its_version(self):
        self.post({self.three: {"response": Response.ACCEPTED}})

        self.three.refresh_from_db()
        self.assertEqual(self.three.version, 2)
        latest = self.three.history.order_by("-history_date").first()
        self.assertEqual((latest.response, latest.history_user), (Response.ACCEPTED, self.editor))
        # The rows left alone are not saved again.
        self.assertEqual(self.one.history.count(), 1)
        self.assertEqual(Recommendation.objects.get(pk=self.two.pk).version, 1)

    def test_rows_without_a_response_may_stay_so(self):
        response, _ = self.post({})

        self.assertRedirects(response, self.review.get_absolute_url() + "#recommendations")
        self.assertEqual(self.responses()[self.two.pk], ("", ""))


class RespondAllErrorTests(RespondAllTestCase):
    def test_a_row_in_error_saves_nothing_and_says_so_beside_the_row(self):
        response, data = self.post(
            {
                self.two: {"response": Response.NOT_ACCEPTED, "response_reason": " "},
                self.three: {"response": Response.ACCEPTED},
            }
        )

        self.assertEqual(response.status_code, 200)
        before = {self.one.pk: (Response.ACCEPTED, "")} | {
            rec.pk: ("", "") for rec in (self.two, self.two_i, self.three)
        }
        self.assertEqual(self.responses(), before)
        prefix = self.row(self.two, data)
        self.assertEqual(
            row_error(response, prefix, "response_reason"),
            "Error: Give the reason the recommendation is not fully accepted",
        )
        self.assertEqual(row_error(response, self.row(self.three, data), "response"), "")
        page = response.content.decode()
        self.assertIn("<title>Error: Respond to the recommendations", page)
        self.assertIn(
            f'<a href="#id_{prefix}-response_reason">Recommendation 2: Give the reason the '
            "recommendation is not fully accepted</a>",
            page,
        )
        self.assertIn("Nothing has been saved yet.", page)
        # What was typed is kept, in every row.
        shown = form_data(response.content, having="responses-TOTAL_FORMS")
        self.assertEqual(shown[f"{prefix}-response"], Response.NOT_ACCEPTED)
        self.assertEqual(shown[f"{self.row(self.three, data)}-response"], Response.ACCEPTED)

    def test_an_answered_row_cannot_go_back_to_no_response(self):
        response, data = self.post({self.one: {"response": ""}})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            row_error(response, self.row(self.one, data), "response"),
            "Error: Choose the council's response",
        )
        self.assertEqual(self.responses()[self.one.pk], (Response.ACCEPTED, ""))

    def test_a_row_saved_meanwhile_by_someone_else_stops_the_save_and_is_shown(self):
        other = self.client_class()
        other.force_login(self.other_editor)
        mine = self.page_data()
        other.post(
            reverse("recommendations:respond", args=[self.one.pk]),
            {
                **form_data(
                    other.get(reverse("recommendations:respond", args=[self.one.pk])).content
                ),
                "response": Response.PARTLY_ACCEPTED,
                "response_reason": "Only for older people.",
            },
        )
        one, three = self.row(self.one, mine), self.row(self.three, mine)
        mine.update(
            {
                f"{one}-response": Response.NOT_ACCEPTED,
                f"{one}-response_reason": "We have one already.",
                f"{three}-response": Response.ACCEPTED,
            }
        )

        refused = self.client.post(self.url, mine)

        self.assertEqual(refused.status_code, 200)
        self.assertEqual(self.responses()[self.three.pk], ("", ""))
        self.assertEqual(
            self.responses()[self.one.pk], (Response.PARTLY_ACCEPTED, "Only for older people.")
        )
        page = unescape(refused.content.decode())
        self.assertIn(
            "Omar Other saved a response to recommendation 1 while you were editing: it is now "
            "“Partly accepted” (“Only for older people.”). Your answer is kept here",
            page,
        )
        # Sent again from the page as shown, the answers are saved over it.
        again = self.client.post(
            self.url, form_data(refused.content, having="responses-TOTAL_FORMS")
        )
        self.assertEqual(again.status_code, 302)
        self.assertEqual(
            self.responses()[self.one.pk], (Response.NOT_ACCEPTED, "We have one already.")
        )
        self.assertEqual(self.responses()[self.three.pk], (Response.ACCEPTED, ""))

    def test_a_recommendation_of_another_review_cannot_be_slipped_in(self):
        elsewhere = make_recommendation(review=make_review(host_council=self.council), response="")
        data = self.page_data()
        prefix = self.row(self.one, data)
        data.update(
            {f"{prefix}-id": str(elsewhere.pk), f"{prefix}-response": Response.NOT_ACCEPTED}
        )

        self.client.post(self.url, data)

        elsewhere.refresh_from_db()
        self.assertEqual(elsewhere.response, "")

    def test_extra_rows_create_nothing(self):
        data = self.page_data()
        data.update(
            {
                "responses-TOTAL_FORMS": "5",
                "responses-4-response": Response.ACCEPTED,
                "responses-4-response_reason": "",
            }
        )
        count = Recommendation.objects.count()

        self.client.post(self.url, data)

        self.assertEqual(Recommendation.objects.count(), count)


class RespondAllAccessTests(RespondAllTestCase):
    def assert_unchanged_after(self, user, status):
        self.client.force_login(user)
        before = self.responses()
        self.assertEqual(self.client.get(self.url).status_code, status)
        posted = self.client.post(
            self.url,
            {
                "responses-TOTAL_FORMS": "1",
                "responses-INITIAL_FORMS": "1",
                "responses-0-id": str(self.three.pk),
                "responses-0-response": Response.ACCEPTED,
            },
        )
        self.assertEqual(posted.status_code, status)
        self.assertEqual(self.responses(), before)

    def test_an_outsider_gets_not_found(self):
        self.assert_unchanged_after(self.outsider, 404)

    def test_the_councils_viewer_may_read_but_not_respond(self):
        self.assert_unchanged_after(self.viewer, 403)

    def test_the_reviews_lead_may_not_respond(self):
        self.assert_unchanged_after(self.lead, 403)

    def test_nobody_responds_before_the_letter_is_issued(self):
        Review.objects.filter(pk=self.review.pk).update(status=Review.Status.DRAFTING)

        self.assert_unchanged_after(self.editor, 403)

    def test_the_review_and_council_pages_link_here_for_the_councils_editors(self):
        for user, linked in ((self.editor, True), (self.viewer, False), (self.lead, False)):
            with self.subTest(user=user):
                self.client.force_login(user)
                for page in (self.review.get_absolute_url(), self.council.get_absolute_url()):
                    html = self.client.get(page).content.decode()
                    self.assertEqual(f'href="{self.url}"' in html, linked, page)
