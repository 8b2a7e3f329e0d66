"""The 2023 framework as the data migration loads it."""

from datetime import date

from django.test import TestCase

from reviews.models import Framework, QualityStatement
from tests.factories import make_user


class FrameworkTests(TestCase):
    def test_the_2023_framework_has_four_themes_and_nine_statements_in_the_cqcs_order(self):
        framework = Framework.objects.get(code="la-2023")
        self.assertEqual(
            [theme.name for theme in framework.themes.all()],
            [
                "Working with people",
                "Providing support",
                "Ensuring safety within the system",
                "Leadership",
            ],
        )
        self.assertEqual(
            [(s.number, s.theme.number, s.name) for s in framework.statements()],
            [
                (1, 1, "Assessing needs"),
                (2, 1, "Supporting people to live healthier lives"),
                (3, 1, "Equity in experience and outcomes"),
                (4, 2, "Care provision, integration and continuity"),
                (5, 2, "Partnerships and communities"),
                (6, 3, "Safe systems, pathways and transitions"),
                (7, 3, "Safeguarding"),
                (8, 4, "Governance, management and sustainability"),
                (9, 4, "Learning, improvement and innovation"),
            ],
        )

    def test_every_statement_has_a_we_statement_i_statements_and_peoples_experience(self):
        for statement in QualityStatement.objects.all():
            with self.subTest(statement=statement.name):
                self.assertTrue(statement.we_statement.startswith("We "))
                self.assertTrue(statement.i_statements.exists())
                self.assertTrue(
                    all(i.text.startswith(("I ", "When I")) for i in statement.i_statements.all())
                )
                required = statement.evidence_categories.filter(required_for_every_statement=True)
                self.assertEqual([c.name for c in required], ["People's experience"])
                self.assertEqual(statement.evidence_categories.count(), 4)

    def test_the_version_in_force_is_chosen_by_date(self):
        self.assertIsNone(Framework.objects.applying_on(date(2023, 3, 31)))
        first = Framework.objects.applying_on(date(2023, 4, 1))
        self.assertEqual(first.code, "la-2023")
        later = Framework.objects.create(
            code="la-2026", name="Later", version="2026", applies_from=date(2026, 4, 1)
        )
        self.assertEqual(Framework.objects.applying_on(date(2026, 3, 31)), first)
        self.assertEqual(Framework.objects.applying_on(date(2026, 4, 1)), later)


class FrameworkAdminTests(TestCase):
    def test_staff_add_rating_characteristics_in_the_admin(self):
        self.client.force_login(make_user(is_staff=True, is_superuser=True))
        statement = QualityStatement.objects.get(name="Safeguarding")
        page = self.client.get(f"/admin/reviews/qualitystatement/{statement.pk}/change/")
        self.assertContains(page, "Rating characteristic")
        self.assertEqual(self.client.get("/admin/reviews/framework/").status_code, 200)
        self.assertEqual(self.client.get("/admin/reviews/cqcassessment/").status_code, 200)
