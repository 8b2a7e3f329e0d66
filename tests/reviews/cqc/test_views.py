"""The CQC assessment's pages through the test client, signed in as each role."""

import io
from datetime import date

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from councils.models import Membership
from recommendations.models import Recommendation
from reviews.cqc.services import assessment_of, save_areas, save_scores, start_assessment
from reviews.models import (
    AccuracyCorrection,
    CqcAssessment,
    Finding,
    QualityStatement,
    Review,
    StatementScore,
)
from sli.lib.working_days import add_working_days
from tests.base import building_pages
from tests.factories import (
    make_council,
    make_membership,
    make_recommendation,
    make_region,
    make_user,
)

Role = Membership.Role
# Five statements at 2 and four at 3: 22 of 36, 61%, Requires improvement; one more point
# anywhere but at 4 makes 64%, Good.
SCORES = {1: 2, 2: 3, 3: 2, 4: 2, 5: 3, 6: 2, 7: 3, 8: 2, 9: 3}


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


class CqcAssessmentViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        region = make_region()
        cls.council = make_council(region=region, name="Barsetshire")
        cls.editor = make_user()
        cls.viewer = make_user()
        cls.regional_lead = make_user()
        cls.outsider = make_user()
        make_membership(cls.editor, Role.COUNCIL_EDITOR, cls.council)
        make_membership(cls.viewer, Role.COUNCIL_VIEWER, cls.council)
        make_membership(cls.regional_lead, Role.REGIONAL_LEAD, region)
        make_membership(cls.outsider, Role.COUNCIL_EDITOR, make_council())
        cls.statements = {s.number: s for s in QualityStatement.objects.all()}

    def start(self, published=False):
        self.client.force_login(self.editor)
        response = self.client.post(
            "/reviews/cqc/new/",
            {
                "council": self.council.pk,
                **date_fields("visit_start", date(2026, 10, 6)),
                **date_fields("visit_end", date(2026, 10, 8)),
                "published": "yes" if published else "no",
            },
        )
        review = Review.objects.get(kind=Review.Kind.CQC_ASSESSMENT)
        self.assertRedirects(response, f"/reviews/cqc/{review.pk}/scores/")
        return review

    def score(self, review, scores=SCORES, **extra):
        data = {f"score_{n}": score for n, score in scores.items()}
        return self.client.post(f"/reviews/cqc/{review.pk}/scores/", {**data, **extra})

    def test_the_editor_enters_the_scores_and_sees_what_moves_the_rating(self):
        review = self.start()
        self.assertTrue(
            Membership.objects.filter(user=self.editor, review=review, role=Role.REVIEW_LEAD)
        )
        self.assertEqual(review.cqc_assessment.framework.code, "la-2023")
        self.assertRedirects(self.score(review), f"/reviews/cqc/{review.pk}/")
        page = self.client.get(f"/reviews/cqc/{review.pk}/")
        self.assertContains(page, "<strong>Requires improvement</strong> (worked out", html=False)
        self.assertContains(page, "61% (worked out: the scores add up to 22 of 36)")
        self.assertContains(page, "Score 2 of 4: evidence shows some shortfalls")
        self.assertContains(
            page,
            "One more point on any of the 9 statements scored below 4 (for example Assessing "
            "needs) moves",
        )
        self.assertContains(page, "moves the council to Good")
        # 13 of 36 is 36%, the first total in Inadequate's band.
        self.assertContains(page, "9 points fewer move the council to Inadequate")

    def test_a_published_rating_without_a_percentage_is_kept_and_the_rest_computed(self):
        review = self.start(published=True)
        self.score(review, published_rating="good")
        page = self.client.get(f"/reviews/cqc/{review.pk}/").content.decode()
        self.assertIn("<strong>Good</strong></dd>", page)
        self.assertIn("The scores entered give Requires improvement, not the rating entered", page)
        self.assertIn("61% (worked out", page)
        self.assertNotIn("What moves the rating", page)
        self.score(review, {1: 2}, published_rating="good", published_percentage="64")
        page = self.client.get(f"/reviews/cqc/{review.pk}/").content.decode()
        self.assertIn("64%</dd>", page)
        self.assertIn("Not scored yet", page)
        self.assertEqual(StatementScore.objects.filter(assessment__review=review).count(), 1)

    def test_areas_become_recommendations_tagged_to_their_statement_once(self):
        review = self.start()
        response = self.client.post(
            f"/reviews/cqc/{review.pk}/statements/1/",
            {
                "strengths": "Assessments were strengths-based.",
                "improvements": "Waiting times were too long.\n\nCarers'   assessments\nlagged.",
            },
        )
        self.assertRedirects(response, f"/reviews/cqc/{review.pk}/#statement-1")
        self.assertEqual(
            list(
                Finding.objects.filter(review=review, kind=Finding.Kind.AREA_FOR_IMPROVEMENT)
                .order_by("order")
                .values_list("text", flat=True)
            ),
            ["Waiting times were too long.", "Carers' assessments lagged."],
        )
        self.assertContains(
            self.client.get(f"/reviews/cqc/{review.pk}/"), "Make them recommendations"
        )
        self.client.post(f"/recommendations/from-cqc-areas/{review.pk}/")
        self.client.post(f"/recommendations/from-cqc-areas/{review.pk}/")
        made = Recommendation.objects.filter(review=review).order_by("number")
        self.assertEqual([r.number for r in made], [1, 2])
        self.assertEqual(
            {s.name for r in made for s in r.quality_statements.all()}, {"Assessing needs"}
        )
        self.assertContains(self.client.get(f"/reviews/cqc/{review.pk}/"), "Recommendation 2")
        # Made, then tagged to its statement: the second click changed nothing.
        self.assertEqual(made[0].history.count(), 2)

    def test_pasting_a_report_reads_scores_and_areas(self):
        review = self.start()
        text = (
            "INVENTED TEXT\n\nQuality statement: Assessing needs\nScore: 2\n\nAreas for "
            "improvement\n• Waits were long.\n\nSAFEGUARDING\n3 - Evidence shows a good "
            "standard\nAreas of strength\n• Quick screening.\n"
        )
        url = f"/reviews/cqc/{review.pk}/paste/"
        preview = self.client.post(url, {"text": text, "action": "preview"})
        self.assertContains(preview, "No heading was found for Supporting people")
        self.assertFalse(StatementScore.objects.exists())
        self.client.post(url, {"text": text, "action": "add"})
        self.assertEqual(
            dict(
                StatementScore.objects.filter(assessment__review=review).values_list(
                    "statement__name", "score"
                )
            ),
            {"Assessing needs": 2, "Safeguarding": 3},
        )
        self.assertEqual(
            set(Finding.objects.filter(review=review).values_list("kind", "text")),
            {
                (Finding.Kind.AREA_FOR_IMPROVEMENT, "Waits were long."),
                (Finding.Kind.STRENGTH, "Quick screening."),
            },
        )

    def test_factual_accuracy_corrections_in_the_cqcs_terms(self):
        review = self.start()
        url = f"/reviews/cqc/{review.pk}/factual-accuracy/"
        common = {
            "where": "page 4, paragraph 2",
            "report_text": "Waits averaged 12 weeks.",
            "proposed_correction": "=Waits averaged 2 weeks.",
        }
        refused = self.client.post(url, {**common, "kind": "B"})
        self.assertContains(refused, "a B correction needs it")
        late = self.client.post(
            url,
            {
                **common,
                "kind": "B",
                "evidence_reference": "Waiting list report",
                **date_fields("evidence_date", date(2026, 10, 9)),
            },
        )
        self.assertContains(late, "no later than the assessment (8 October 2026)")
        self.client.post(
            url,
            {
                **common,
                "kind": "B",
                "evidence_reference": "Waiting list report",
                **date_fields("evidence_date", date(2026, 10, 8)),
            },
        )
        self.assertEqual(AccuracyCorrection.objects.count(), 1)
        self.assertEqual(AccuracyCorrection.objects.get().history.count(), 1)
        download = self.client.get(f"/reviews/cqc/{review.pk}/factual-accuracy.xlsx")
        rows = list(
            load_workbook(io.BytesIO(download.content), read_only=True).active.iter_rows(
                values_only=True
            )
        )
        self.assertEqual(
            rows[1][:6],
            (
                "Number",
                "Kind (A, B or C)",
                "Page and paragraph",
                "What the draft report says",
                "Proposed correction",
                "Evidence reference",
            ),
        )
        self.assertEqual(
            rows[2][:6],
            (
                1,
                "B",
                "page 4, paragraph 2",
                "Waits averaged 12 weeks.",
                "=Waits averaged 2 weeks.",
                "Waiting list report",
            ),
        )

    def test_who_reads_and_who_may_act(self):
        review = self.start()
        assessment = f"/reviews/cqc/{review.pk}/"
        corrections = f"/reviews/cqc/{review.pk}/factual-accuracy/"
        for user, read, enter in (
            (self.editor, 200, 200),
            (self.regional_lead, 200, 403),
            (self.viewer, 403, 403),
            (self.outsider, 404, 404),
        ):
            with self.subTest(user=user):
                self.client.force_login(user)
                self.assertEqual(self.client.get(assessment).status_code, read)
                self.assertEqual(self.client.get(corrections).status_code, read)
                self.assertEqual(self.client.get(f"{assessment}scores/").status_code, enter)
                self.assertEqual(self.client.get(f"{assessment}paste/").status_code, enter)
                posted = self.client.post(corrections, {"kind": "A"}).status_code
                self.assertEqual(posted, 200 if user == self.editor else max(read, 403))
        Review.objects.filter(pk=review.pk).update(status=Review.Status.ISSUED)
        self.client.force_login(self.viewer)
        self.assertEqual(self.client.get(assessment).status_code, 200)
        self.assertEqual(self.client.post(corrections, {"kind": "A"}).status_code, 403)
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.get("/reviews/cqc/new/").status_code, 200)
        self.client.force_login(self.viewer)
        self.assertEqual(self.client.get("/reviews/cqc/new/").status_code, 403)


class CqcReviewPageTests(TestCase):
    """The review's own page speaks of the CQC's report, not of a letter anyone issues."""

    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(region=make_region(), name="Barsetshire")
        cls.editor = make_user()
        cls.viewer = make_user()
        make_membership(cls.editor, Role.COUNCIL_EDITOR, cls.council)
        make_membership(cls.viewer, Role.COUNCIL_VIEWER, cls.council)
        statements = {s.number: s for s in QualityStatement.objects.all()}
        cls.review = start_assessment(
            council=cls.council,
            visit_start=date(2026, 3, 10),
            visit_end=date(2026, 3, 12),
            published=True,
            by=cls.editor,
        )
        assessment = assessment_of(cls.review)
        assessment.report_date = date(2026, 6, 19)
        assessment.save()
        save_scores(assessment=assessment, scores={statements[n]: s for n, s in SCORES.items()})
        save_areas(
            review=cls.review,
            statement=statements[7],
            strengths=["Concerns were screened the same day."],
            improvements=[],
        )
        save_areas(
            review=cls.review,
            statement=statements[1],
            strengths=["Assessments were strengths-based."],
            improvements=["Waiting times were too long."],
        )
        make_recommendation(review=cls.review, text="Shorten the waits.").quality_statements.set(
            [statements[1]]
        )
        cls.draft = start_assessment(
            council=cls.council,
            visit_start=date(2026, 10, 6),
            visit_end=date(2026, 10, 8),
            published=False,
            by=cls.editor,
        )

    def page(self, user, review=None):
        self.client.force_login(user)
        response = self.client.get(f"/reviews/{(review or self.review).pk}/")
        self.assertEqual(response.status_code, 200)
        return response

    def main(self, response):
        """The page's own content, without the footer's "Published letters and plans"."""
        page = response.content.decode()
        return page[page.index("<main") : page.index("</main>")]

    def test_the_page_says_the_cqc_published_the_report_and_gives_the_rating(self):
        page = self.page(self.editor)
        self.assertContains(
            page,
            '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Report</dt>'
            '<dd class="govuk-summary-list__value">Published 19 June 2026 by the CQC</dd></div>',
            html=True,
        )
        self.assertContains(page, "<strong>Requires improvement</strong> (worked out from")
        self.assertContains(page, "61% (worked out from the scores), in the band for Requires")
        self.assertContains(page, f'href="/reviews/cqc/{self.review.pk}/"')
        main = self.main(page)
        for letter_words in (
            "Letter",
            "letter",
            "Issued",
            "download it as a PDF",
            "Publish the",
            "Scope questions",
            "General findings",
            "Areas for consideration",
        ):
            self.assertNotIn(letter_words, main)

    def test_the_areas_are_by_quality_statement_in_the_frameworks_order(self):
        page = self.page(self.editor).content.decode()
        self.assertIn("Areas by quality statement", page)
        order = [
            page.index(text)
            for text in (
                ">Assessing needs</h3>",
                "Areas of strength",
                "Assessments were strengths-based.",
                "Areas for improvement",
                "Waiting times were too long.",
                ">Safeguarding</h3>",
                "Concerns were screened the same day.",
            )
        ]
        self.assertEqual(order, sorted(order))

    def test_the_recommendations_say_which_quality_statement_each_answers(self):
        page = self.page(self.viewer)
        self.assertContains(page, '<th scope="col" class="govuk-table__header">Quality statement')
        self.assertContains(page, '<td class="govuk-table__cell">Assessing needs</td>', html=True)

    def test_a_draft_report_is_confidential_until_the_cqc_publishes_it(self):
        page = self.page(self.viewer, self.draft)
        self.assertContains(page, "Not published yet")
        self.assertContains(page, "until the CQC publishes its report.")
        self.assertNotContains(page, "Overall rating")
        self.assertNotIn("letter", self.main(page))


@building_pages
class CountdownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.editor = make_user()
        make_membership(cls.editor, Role.COUNCIL_EDITOR, cls.council)

    def add_assessment(self, sent_on):
        review = Review.objects.create(
            kind=Review.Kind.CQC_ASSESSMENT,
            host_council=self.council,
            title=f"CQC assessment {Review.objects.count() + 1}",
            visit_start=date(2026, 10, 6),
            visit_end=date(2026, 10, 8),
            status=Review.Status.FACTUAL_ACCURACY,
        )
        CqcAssessment.objects.create(
            review=review,
            framework=QualityStatement.objects.first().theme.framework,
            draft_report_sent_on=sent_on,
        )
        return review

    def test_the_home_page_counts_down_the_working_days(self):
        today = timezone.localdate()
        review = self.add_assessment(today)
        # Whoever entered it leads it, without a peer challenge's stages on their home page.
        make_membership(self.editor, Role.REVIEW_LEAD, review)
        self.client.force_login(self.editor)
        due = add_working_days(today, 10)
        home = self.client.get("/")
        self.assertContains(
            home, f"Factual accuracy comments due in 10 working days (by {due:%-d %B %Y})"
        )
        self.assertNotContains(home, "Letter paragraphs")

    def test_the_countdown_costs_the_same_queries_for_one_and_three_assessments(self):
        self.client.force_login(self.editor)
        counts = []
        for _ in range(2):
            self.add_assessment(timezone.localdate())
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/")
            counts.append(len(queries))
            self.add_assessment(timezone.localdate())
        self.assertEqual(counts[0], counts[1])
