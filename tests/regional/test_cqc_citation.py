"""The regional risk assessment cites the council's CQC assessment: the form shows the latest
rating and scores, the lead cites it (and chosen statements), and what was cited stays as it
was when a later assessment is published."""

from datetime import date
from io import BytesIO

from django.test import TestCase
from openpyxl import load_workbook

from regional.models import CqcCitation, RiskAssessment, Trigger, TriggerRating
from reviews.models import StatementScore
from tests.base import councillor_of, editor_of, regional_lead_of
from tests.factories import make_council, make_cqc_assessment, make_region

# 2, 3, 3, 3, 3, 2, 3, 3, 2: 24 of 36, 67%, Good (as the demo's Walsall).
FIRST = [2, 3, 3, 3, 3, 2, 3, 3, 2]
LATER = [1, 2, 2, 2, 2, 1, 2, 2, 2]  # 16 of 36, 44%: Requires improvement


class CitationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="West Midlands", slug="west-midlands")
        cls.council = make_council(name="Walsall Council", slug="walsall", region=cls.region)
        cls.lead = regional_lead_of(cls.region, first_name="Wendy", last_name="Lead")
        cls.cqc = make_cqc_assessment(
            council=cls.council,
            scores=FIRST,
            published_rating="good",
            report_date=date(2025, 6, 20),
        )
        cls.risk = RiskAssessment.objects.create(council=cls.council, year=2025)
        trigger = Trigger.objects.create(
            region=cls.region, category=Trigger.Category.OUTCOMES, text="ASCOF Measures"
        )
        TriggerRating.objects.create(
            assessment=cls.risk, trigger=trigger, rating=TriggerRating.Rating.SOME_CONCERN
        )

    def concern(self, user=None, **data):
        self.client.force_login(user or self.lead)
        fields = {"overall_concern": "medium", "reasons": "Waiting lists are rising"}
        return self.client.post(f"/risk/{self.risk.pk}/concern/", {**fields, **data})

    def page(self):
        self.client.force_login(self.lead)
        return self.client.get(self.risk.get_absolute_url()).content.decode()

    def workbook_rows(self):
        self.client.force_login(self.lead)
        response = self.client.get(f"/risk/{self.risk.pk}/assessment.xlsx")
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(BytesIO(response.content), read_only=True).active
        return [tuple(cell for cell in row if cell is not None) for row in sheet.values]

    def test_the_form_shows_the_latest_rating_and_scores(self):
        self.client.force_login(self.lead)
        response = self.client.get(f"/risk/{self.risk.pk}/concern/")

        self.assertContains(response, "The council's CQC assessment")
        self.assertContains(response, "67%")
        self.assertContains(response, "(computed from the scores)")
        self.assertContains(response, self.cqc.get_absolute_url())
        self.assertContains(response, "some shortfalls", count=3)
        self.assertContains(
            response, "Cite the latest assessment: Good, 67%, report of 20 June 2025"
        )
        self.assertContains(response, 'name="statements"', count=9)

    def test_citing_keeps_a_copy_that_a_later_assessment_does_not_change(self):
        response = self.concern(cite="latest", statements=["1", "6"])
        self.assertRedirects(response, self.risk.get_absolute_url())

        citation = CqcCitation.objects.get(assessment=self.risk)
        self.assertEqual(citation.cqc_assessment, self.cqc)
        self.assertEqual((citation.rating, citation.percentage), ("good", 67))
        self.assertEqual((citation.rating_computed, citation.percentage_computed), (False, True))
        self.assertEqual(citation.cited_numbers, [1, 6])
        self.assertEqual(citation.cited_by, self.lead)
        page = self.page()
        self.assertIn("Good, 67% (computed), report of 20 June 2025", page)
        self.assertIn("Assessing needs: 2 – some shortfalls", page)
        self.assertIn("Safe systems, pathways and transitions: 2 – some shortfalls", page)
        self.assertNotIn("A later CQC assessment", page)
        rows = self.workbook_rows()
        self.assertIn(
            ("CQC assessment cited", "Good, 67% (computed), report of 20 June 2025"), rows
        )
        self.assertIn(("Assessing needs (cited)", "2 – some shortfalls"), rows)
        self.assertIn(("Safeguarding", "3 – a good standard"), rows)

        # A score of the cited report is corrected, and a later, weaker report is published.
        score = StatementScore.objects.get(assessment=self.cqc, statement__number=1)
        score.score = 3
        score.save()
        make_cqc_assessment(council=self.council, scores=LATER, report_date=date(2026, 5, 1))

        page = self.page()
        self.assertIn("Good, 67% (computed), report of 20 June 2025", page)
        self.assertIn("Assessing needs: 2 – some shortfalls", page)
        self.assertIn("A later CQC assessment has been published since (report of 1 May 2026", page)
        self.assertIn(("Assessing needs (cited)", "2 – some shortfalls"), self.workbook_rows())

        # Saving the concern again keeps the citation as it was.
        self.concern(reasons="Still rising", cite="keep", statements=["1", "6"])
        citation.refresh_from_db()
        self.assertEqual((citation.cqc_assessment, citation.rating), (self.cqc, "good"))
        self.assertEqual(citation.scores[0]["score"], 2)

        # Until the lead chooses to cite the later one.
        self.concern(cite="latest", statements=["7"])
        citation.refresh_from_db()
        self.assertEqual((citation.rating, citation.percentage), ("requires_improvement", 44))
        self.assertEqual(citation.cited_numbers, [7])
        self.assertIn("Safeguarding: 2 – some shortfalls", self.page())
        self.assertEqual(citation.history.count(), 2, "created, then re-cited")

    def test_keeping_the_citation_with_other_statements_changes_only_the_choice(self):
        self.concern(cite="latest", statements=["1"])
        make_cqc_assessment(council=self.council, scores=LATER, report_date=date(2026, 5, 1))

        self.concern(cite="keep", statements=["1", "9"])

        citation = CqcCitation.objects.get(assessment=self.risk)
        self.assertEqual((citation.cqc_assessment, citation.cited_numbers), (self.cqc, [1, 9]))
        self.assertEqual([row["score"] for row in citation.scores], FIRST)

    def test_removing_the_citation_and_choosing_statements_without_citing(self):
        response = self.concern(cite="none", statements=["1"])
        self.assertContains(response, "Choose to cite a CQC assessment, or untick the statements")
        self.assertFalse(CqcCitation.objects.exists())

        self.concern(cite="latest")
        self.assertEqual(CqcCitation.objects.get().cited_numbers, [])
        self.assertIn("The rating is cited, no statement in particular.", self.page())
        self.concern(cite="none")
        self.assertFalse(CqcCitation.objects.exists())
        self.assertIn("Not cited. The latest CQC assessment: Good, 67%", self.page())

    def test_the_years_assessments_show_each_councils_latest_cqc_rating(self):
        make_council(name="Dudley", slug="dudley", region=self.region)
        self.client.force_login(self.lead)

        response = self.client.get("/regions/west-midlands/risk/2025/")

        self.assertContains(response, "Latest CQC rating")
        self.assertContains(response, f'href="{self.cqc.get_absolute_url()}">Good<')
        self.assertContains(response, "67% (Jun 2025)")
        self.assertContains(response, "Not yet assessed", count=1)

    def test_the_export_writes_a_formula_as_text(self):
        formula = '=HYPERLINK("http://example.com","Click")'
        self.concern(reasons=formula, cite="latest", statements=["1"])
        self.client.force_login(self.lead)

        response = self.client.get(f"/risk/{self.risk.pk}/assessment.xlsx")

        sheet = load_workbook(BytesIO(response.content)).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        self.assertEqual([cell.coordinate for cell in cells if cell.data_type == "f"], [])
        self.assertIn(formula, [cell.value for cell in cells if cell.data_type == "s"])

    def test_a_draft_report_is_not_offered(self):
        other = make_council(name="Dudley", slug="dudley", region=self.region)
        risk = RiskAssessment.objects.create(council=other, year=2025)
        make_cqc_assessment(council=other, scores=FIRST, status="factual_accuracy")
        self.client.force_login(self.lead)

        response = self.client.get(f"/risk/{risk.pk}/concern/")

        self.assertNotContains(response, 'name="cite"')
        self.assertNotContains(response, "The council's CQC assessment")

    def test_who_may_cite_and_read_the_citation(self):
        self.concern(cite="latest", statements=["1"])
        editor, councillor = editor_of(self.council), councillor_of(self.council)
        outsider = regional_lead_of(make_region(name="North West", slug="north-west"))

        self.assertEqual(self.concern(editor, cite="none").status_code, 403)
        self.assertEqual(self.concern(councillor, cite="none").status_code, 403)
        self.assertEqual(self.concern(outsider, cite="none").status_code, 404)
        self.assertTrue(CqcCitation.objects.exists())
        for user, status in ((editor, 200), (councillor, 200), (outsider, 404)):
            self.client.force_login(user)
            self.assertEqual(
                self.client.get(f"/risk/{self.risk.pk}/assessment.xlsx").status_code, status
            )
        self.client.force_login(councillor)
        self.assertContains(
            self.client.get(self.risk.get_absolute_url()), "Assessing needs: 2 – some shortfalls"
        )
