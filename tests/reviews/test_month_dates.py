"""Reports that give only a month: the visit and letter dates may be entered as a month and
year, are stored as the first of the month with a flag, and are shown as "March 2015"."""

import datetime

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase

from councils.models import Membership
from reviews.models import Review
from reviews.pdf import render_letter_pdf
from sli.lib.fields import DateInputsField, MonthOnlyDate, shown_date
from tests.base import councillor_of, regional_lead_of
from tests.factories import make_council, make_region
from tests.html_forms import form_data
from tests.reviews.test_letter_pdf import read

Role = Membership.Role


def date_fields(name, day, month, year):
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}


class MonthOnlyFieldTests(SimpleTestCase):
    def field(self, **kwargs):
        return DateInputsField(label="Date of the letter", required=False, **kwargs)

    def test_a_month_and_year_give_the_first_of_the_month_marked_as_a_month(self):
        value = self.field(month_only_allowed=True).clean(["", "3", "2015"])

        self.assertIsInstance(value, MonthOnlyDate)
        self.assertEqual(value, datetime.date(2015, 3, 1))
        self.assertEqual(shown_date(value, month_only=True), "March 2015")

    def test_a_whole_date_is_a_plain_date(self):
        value = self.field(month_only_allowed=True).clean(["17", "11", "2015"])

        self.assertNotIsInstance(value, MonthOnlyDate)
        self.assertEqual(shown_date(value), "17 November 2015")

    def test_the_messages_say_what_is_missing(self):
        cases = [
            (["", "", "2015"], "The date of the letter must include a month"),
            (["", "3", ""], "The date of the letter must include a year"),
            (["", "13", "2015"], "The date of the letter must be a real date"),
        ]
        for parts, message in cases:
            with self.subTest(parts=parts), self.assertRaisesMessage(ValidationError, message):
                self.field(month_only_allowed=True).clean(parts)

    def test_other_dates_still_need_a_day(self):
        with self.assertRaisesMessage(ValidationError, "must include a day"):
            self.field().clean(["", "3", "2015"])

    def test_the_hint_says_a_month_will_do(self):
        self.assertIn("11 2015", self.field(month_only_allowed=True).help_text)
        self.assertEqual(self.field().help_text, "For example, 17 11 2015")


class MonthDatesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        region = make_region()
        cls.council = make_council(name="Walsall Council", region=region)
        cls.regional_lead = regional_lead_of(region)
        cls.viewer = councillor_of(cls.council)

    def setUp(self):
        self.client.force_login(self.regional_lead)

    def create(self, start=("", "3", "2015"), end=("", "3", "2015")):
        return self.client.post(
            "/reviews/new/",
            {
                "kind": Review.Kind.PEER_CHALLENGE,
                "host_council": self.council.pk,
                "title": "Peer challenge reported by month",
                **date_fields("visit_start", *start),
                **date_fields("visit_end", *end),
            },
        )

    def test_a_visit_known_only_to_the_month(self):
        self.assertEqual(self.create().status_code, 302)

        review = Review.objects.get()
        self.assertEqual((review.visit_start, review.visit_end), (datetime.date(2015, 3, 1),) * 2)
        self.assertTrue(review.visit_start_month_only and review.visit_end_month_only)
        for url in (review.get_absolute_url(), self.council.get_absolute_url(), "/"):
            with self.subTest(url=url):
                page = self.client.get(url).content.decode()
                self.assertIn("March 2015", page)
                self.assertNotIn("1 March 2015", page)
        self.assertContains(
            self.client.get(review.get_absolute_url()),
            '<dd class="govuk-summary-list__value">March 2015</dd>',
            html=False,
        )

    def test_the_form_shows_a_month_without_its_day_and_a_day_clears_the_flag(self):
        self.create(end=("12", "3", "2015"))
        review = Review.objects.get()
        url = f"/reviews/{review.pk}/edit/"

        data = form_data(self.client.get(url).content)

        self.assertEqual((data["visit_start_0"], data["visit_start_1"]), ("", "3"))
        self.assertEqual(data["visit_end_0"], "12")
        self.assertContains(
            self.client.get(review.get_absolute_url()), "March 2015 to 12 March 2015"
        )
        self.client.post(url, {**data, "visit_start_0": "9"})
        review.refresh_from_db()
        self.assertEqual(review.visit_start, datetime.date(2015, 3, 9))
        self.assertFalse(review.visit_start_month_only)

    def test_an_end_given_as_a_month_needs_a_start_given_as_one(self):
        response = self.create(start=("9", "3", "2015"))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The visit end date is a month only: give the start date")
        self.assertFalse(Review.objects.exists())

    def test_the_letter_dated_by_month(self):
        self.create(start=("2", "3", "2015"), end=("4", "3", "2015"))
        review = Review.objects.get()
        url = f"/reviews/{review.pk}/letter/edit/"
        data = form_data(self.client.get(url).content)

        response = self.client.post(url, {**data, **date_fields("letter_date", "", "4", "2015")})

        self.assertRedirects(response, f"/reviews/{review.pk}/letter/")
        review.refresh_from_db()
        self.assertEqual(review.letter_date, datetime.date(2015, 4, 1))
        self.assertTrue(review.letter_date_month_only)
        self.assertContains(self.client.get(f"/reviews/{review.pk}/letter/"), "Date: April 2015")
        self.assertEqual(form_data(self.client.get(url).content)["letter_date_0"], "")
        _, _, text = read(render_letter_pdf(review))
        self.assertIn("Date: April 2015", text)
        self.assertNotIn("1 April 2015", text)

    def test_the_published_letter_shows_the_month(self):
        self.create()
        Review.objects.update(
            status=Review.Status.ISSUED,
            letter_date=datetime.date(2015, 4, 1),
            letter_date_month_only=True,
            published_at=datetime.datetime(2015, 5, 1, tzinfo=datetime.UTC),
        )
        review = Review.objects.get()
        self.client.logout()

        page = self.client.get(f"/public/letters/{review.pk}/")
        self.assertContains(page, "Visit March 2015; letter of April 2015.")
        self.assertContains(self.client.get("/public/"), "Walsall Council, April 2015")

    def test_a_reader_may_not_change_the_dates(self):
        self.create()
        review = Review.objects.get()
        self.client.force_login(self.viewer)

        response = self.client.post(
            f"/reviews/{review.pk}/edit/", date_fields("visit_start", "", "1", "2016")
        )

        self.assertEqual(response.status_code, 403)
        review.refresh_from_db()
        self.assertEqual(review.visit_start, datetime.date(2015, 3, 1))
