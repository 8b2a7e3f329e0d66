"""Issued recommendations are fixed: a correction is a recorded amendment, with its reason."""

import re
from html import unescape

from django.core.exceptions import ValidationError
from django.test import TestCase

from councils.models import Membership
from recommendations.models import Amendment, Recommendation
from recommendations.services import amend_recommendation
from reviews.models import Review
from tests.base import councillor_of, editor_of, lead_of
from tests.factories import (
    make_council,
    make_recommendation,
    make_review,
    make_user,
)

Role = Membership.Role

ISSUED_TEXT = "Strengthen the oversight of safeguarding enquiries by the board."
CORRECTED_TEXT = "Strengthen the oversight of safeguarding enquiries by the partnership."


def field_error(response, name):
    """The error message drawn next to the field ``name``, or "" when there is none."""
    match = re.search(
        rf'<p class="govuk-error-message" id="id_{name}_error">(.*?)</p>',
        response.content.decode(),
        re.DOTALL,
    )
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


class AmendmentTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(name="Wirral Council", slug="wirral")
        cls.review = make_review(host_council=cls.council, status=Review.Status.ISSUED)
        cls.recommendation = make_recommendation(review=cls.review, text=ISSUED_TEXT)
        cls.draft_review = make_review(host_council=cls.council, status=Review.Status.DRAFTING)
        cls.draft = make_recommendation(review=cls.draft_review, text="A draft recommendation.")

        cls.lead = lead_of(cls.review, first_name="Lena", last_name="Lead")
        cls.draft_lead = lead_of(cls.draft_review, first_name="Dev", last_name="Draftlead")
        cls.viewer = councillor_of(cls.council)
        cls.outsider = editor_of(make_council())
        cls.staff = make_user(is_staff=True, is_superuser=True)

    def assert_unchanged(self, recommendation=None):
        recommendation = recommendation or self.recommendation
        stored = Recommendation.objects.get(pk=recommendation.pk)
        self.assertEqual((stored.text, stored.number), (recommendation.text, recommendation.number))
        self.assertFalse(Amendment.objects.filter(recommendation=recommendation).exists())


class LockedFieldsTests(AmendmentTestCase):
    def test_save_refuses_to_change_an_issued_text(self):
        recommendation = Recommendation.objects.get(pk=self.recommendation.pk)
        recommendation.text = CORRECTED_TEXT

        with self.assertRaisesMessage(ValidationError, "can only change through a recorded"):
            recommendation.save()
        self.assert_unchanged()

    def test_save_refuses_to_change_an_issued_number(self):
        recommendation = Recommendation.objects.get(pk=self.recommendation.pk)
        recommendation.number = 9

        with self.assertRaisesMessage(ValidationError, "its number can only change"):
            recommendation.save()
        self.assert_unchanged()

    def test_other_fields_of_an_issued_recommendation_still_change(self):
        recommendation = Recommendation.objects.get(pk=self.recommendation.pk)
        recommendation.response = Recommendation.Response.PARTLY_ACCEPTED
        recommendation.response_reason = "The board is being replaced."
        recommendation.save()

        recommendation.refresh_from_db()
        self.assertEqual(recommendation.response, Recommendation.Response.PARTLY_ACCEPTED)
        self.assertEqual(recommendation.text, ISSUED_TEXT)

    def test_a_draft_recommendation_can_be_edited_freely(self):
        draft = Recommendation.objects.get(pk=self.draft.pk)
        draft.text = "A better draft."
        draft.number = 7
        draft.save()

        draft.refresh_from_db()
        self.assertEqual((draft.text, draft.number), ("A better draft.", 7))

    def admin_form_data(self, recommendation, **changes):
        url = f"/admin/recommendations/recommendation/{recommendation.pk}/change/"
        form = self.client.get(url).context["adminform"].form
        data = {
            name: "" if form[name].value() is None else form[name].value()
            for name in form.fields
            if form[name].value() is not False
        }
        data.update(changes, _save="Save")
        return url, data

    def test_the_admin_refuses_to_change_an_issued_text(self):
        self.client.force_login(self.staff)
        url, data = self.admin_form_data(self.recommendation, text=CORRECTED_TEXT)

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["adminform"].form.errors["text"],
            ["This recommendation has been issued. Record an amendment to correct it."],
        )
        self.assertContains(response, "Record an amendment to correct it.")
        self.assert_unchanged()

    def test_the_admin_saves_a_draft_recommendation(self):
        self.client.force_login(self.staff)
        url, data = self.admin_form_data(self.draft, text="Corrected in the admin.")

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            Recommendation.objects.get(pk=self.draft.pk).text, "Corrected in the admin."
        )


class AmendRecommendationTests(AmendmentTestCase):
    def test_records_the_amendment_and_changes_the_text(self):
        amendment = amend_recommendation(
            recommendation=self.recommendation,
            text=CORRECTED_TEXT,
            reason="  The letter named the wrong board.  ",
            by=self.lead,
        )

        self.assertEqual(amendment.previous_text, ISSUED_TEXT)
        self.assertEqual(amendment.new_text, CORRECTED_TEXT)
        self.assertEqual(amendment.reason, "The letter named the wrong board.")
        self.assertEqual(amendment.made_by, self.lead)
        self.assertEqual(self.recommendation.text, CORRECTED_TEXT)
        self.assertEqual(Recommendation.objects.get(pk=self.recommendation.pk).text, CORRECTED_TEXT)
        self.assertEqual(list(self.recommendation.amendments.all()), [amendment])

    def test_adds_a_history_record_with_the_reason(self):
        records = Recommendation.history.filter(id=self.recommendation.pk)
        before = records.count()

        amend_recommendation(
            recommendation=self.recommendation,
            text=CORRECTED_TEXT,
            reason="The letter named the wrong board.",
            by=self.lead,
        )

        self.assertEqual(records.count(), before + 1)
        latest = records.latest("history_date")
        self.assertEqual(latest.history_type, "~")
        self.assertEqual(latest.text, CORRECTED_TEXT)
        self.assertIn("The letter named the wrong board.", latest.history_change_reason)

    def test_an_empty_reason_changes_nothing(self):
        records = Recommendation.history.filter(id=self.recommendation.pk).count()

        with self.assertRaises(ValidationError) as raised:
            amend_recommendation(
                recommendation=self.recommendation, text=CORRECTED_TEXT, reason="   ", by=self.lead
            )

        self.assertEqual(
            raised.exception.message_dict, {"reason": ["Enter the reason for the amendment"]}
        )
        self.assert_unchanged()
        self.assertEqual(Recommendation.history.filter(id=self.recommendation.pk).count(), records)

    def test_unchanged_text_changes_nothing(self):
        records = Recommendation.history.filter(id=self.recommendation.pk).count()

        with self.assertRaises(ValidationError) as raised:
            amend_recommendation(
                recommendation=self.recommendation,
                text=ISSUED_TEXT,
                reason="No real change.",
                by=self.lead,
            )

        self.assertIn("text", raised.exception.message_dict)
        self.assert_unchanged()
        self.assertEqual(Recommendation.history.filter(id=self.recommendation.pk).count(), records)


class AmendPageTests(AmendmentTestCase):
    def url(self, recommendation=None):
        return f"/recommendations/{(recommendation or self.recommendation).pk}/amend/"

    def test_the_form_starts_with_the_current_text(self):
        self.client.force_login(self.lead)

        response = self.client.get(self.url())

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"]["text"].value(), ISSUED_TEXT)
        self.assertContains(response, ISSUED_TEXT)
        self.assertContains(response, "Amend recommendation 1")

    def test_the_lead_amends_and_the_recommendation_page_shows_it(self):
        self.client.force_login(self.lead)

        response = self.client.post(
            self.url(),
            {"text": CORRECTED_TEXT, "reason": "The letter named the wrong board."},
            follow=True,
        )

        self.assertRedirects(response, f"/recommendations/{self.recommendation.pk}/")
        amendment = Amendment.objects.get(recommendation=self.recommendation)
        self.assertEqual(amendment.made_by, self.lead)
        page = response
        self.assertContains(page, "Amendments")
        self.assertContains(page, "Reason: The letter named the wrong board.")
        self.assertContains(page, f'Text as issued: <span class="sli-text">{ISSUED_TEXT}</span>')
        self.assertContains(page, CORRECTED_TEXT)
        self.assertEqual(
            [str(message) for message in page.context["messages"]],
            ["Recommendation 1 was amended."],
        )
        # The amendment is also in the page's History, with who made it and why.
        self.assertContains(page, "by Lena Lead")
        self.assertContains(page, "Amendment: The letter named the wrong board.")

    def test_without_a_reason_the_form_says_what_to_do(self):
        self.client.force_login(self.lead)

        response = self.client.post(self.url(), {"text": CORRECTED_TEXT, "reason": ""})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            field_error(response, "reason"), "Error: Enter the reason for the amendment"
        )
        self.assertContains(response, "There is a problem")
        self.assert_unchanged()

    def test_unchanged_text_is_refused_on_the_page(self):
        self.client.force_login(self.lead)

        response = self.client.post(self.url(), {"text": ISSUED_TEXT, "reason": "No change."})

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Change the text to record an amendment")
        self.assert_unchanged()

    def test_a_council_viewer_may_not_amend(self):
        self.client.force_login(self.viewer)

        self.assertEqual(self.client.get(self.url()).status_code, 403)
        response = self.client.post(self.url(), {"text": CORRECTED_TEXT, "reason": "Because."})
        self.assertEqual(response.status_code, 403)
        self.assert_unchanged()

    def test_someone_from_another_council_gets_not_found(self):
        self.client.force_login(self.outsider)

        self.assertEqual(self.client.get(self.url()).status_code, 404)
        response = self.client.post(self.url(), {"text": CORRECTED_TEXT, "reason": "Because."})
        self.assertEqual(response.status_code, 404)
        self.assert_unchanged()

    def test_a_draft_recommendation_is_not_amended(self):
        self.client.force_login(self.draft_lead)

        self.assertEqual(self.client.get(self.url(self.draft)).status_code, 403)
        response = self.client.post(
            self.url(self.draft), {"text": "Changed draft.", "reason": "Because."}
        )
        self.assertEqual(response.status_code, 403)
        self.assert_unchanged(self.draft)

    def test_the_amend_link_is_only_for_those_who_may_amend(self):
        link = f'href="{self.url()}"'
        for user, shown in ((self.lead, True), (self.viewer, False)):
            with self.subTest(user=user.get_full_name()):
                self.client.force_login(user)
                page = self.client.get(f"/recommendations/{self.recommendation.pk}/")
                self.assertEqual(link in page.content.decode(), shown)
