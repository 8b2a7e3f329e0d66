"""A report's own reference ("2.2(i)") is the number people use for a recommendation: on its
pages, in the plan's spreadsheet, and when an action is linked to it."""

from datetime import date
from io import BytesIO

from django.test import TestCase
from openpyxl import load_workbook

from improvement_plans.exports import plan_to_workbook, workbook_bytes
from improvement_plans.forms import ActionForm
from tests.factories import make_action, make_plan, make_recommendation, make_review


class ReferenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.review = make_review()
        cls.referenced = make_recommendation(review=cls.review, reference="2.2(i)")
        cls.numbered = make_recommendation(review=cls.review)
        cls.sub_item = make_recommendation(parent=cls.numbered)
        cls.plan = make_plan(review=cls.review)

    def test_the_reference_is_the_label_where_there_is_one(self):
        self.assertEqual(self.referenced.label, "2.2(i)")
        self.assertEqual(str(self.referenced), "Recommendation 2.2(i)")
        self.assertEqual((self.numbered.label, self.sub_item.label), ("2", "2(i)"))

    def test_an_action_is_linked_by_the_reference(self):
        form = ActionForm(
            {
                "number": "1",
                "title": "Reduce the waiting list",
                "recommendation_numbers": "2.2(I), 2(i)",
                "owner_name": "Head of assessment",
                "start_date_0": "1",
                "start_date_1": "6",
                "start_date_2": "2024",
                "due_date_0": "1",
                "due_date_1": "12",
                "due_date_2": "2024",
            },
            plan=self.plan,
        )
        form.is_valid()
        self.assertNotIn("recommendation_numbers", form.errors)
        self.assertEqual(
            form.cleaned_data["recommendation_numbers"], [self.referenced, self.sub_item]
        )

    def test_the_spreadsheet_shows_the_reference(self):
        make_action(plan=self.plan, recommendations=[self.referenced], today=date(2024, 6, 1))

        sheet = load_workbook(BytesIO(workbook_bytes(plan_to_workbook(self.plan)))).active
        values = [cell.value for row in sheet.iter_rows() for cell in row]
        self.assertIn("2.2(i)", values)
