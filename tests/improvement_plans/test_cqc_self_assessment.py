"""A council's self-assessment against the CQC framework: the task list, submitting, the
read-only rule, challenges, and the comparison with the CQC's scores and the last one."""

import re
from datetime import date
from html import unescape

from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from improvement_plans.models import CqcSelfAssessment, SelfRating, SelfRatingChallenge
from improvement_plans.self_assessment.comparison import change_sentence
from improvement_plans.self_assessment.services import (
    raise_challenge,
    save_rating,
    start_self_assessment,
    submit_self_assessment,
)
from reviews.cqc.services import assessment_of, save_scores, start_assessment
from reviews.models import QualityStatement, Review
from tests.base import (
    building_pages,
    councillor_of,
    editor_of,
    lead_of,
    regional_lead_of,
    team_member_of,
)
from tests.factories import (
    make_action,
    make_council,
    make_evidence,
    make_plan,
    make_region,
    make_review,
    make_update,
    make_user,
)

CQC_SCORES = {1: 2, 2: 3, 3: 3, 4: 3, 5: 3, 6: 2, 7: 3, 8: 3, 9: 2}


def text(response):
    assert response.status_code == 200, response.status_code
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(unescape(body).split())


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def rate_all(assessment, scores, *, submit=True, by=None):
    for rating in assessment.ratings.select_related("statement"):
        save_rating(
            rating=rating,
            score=scores[rating.statement.number],
            narrative=f"How we meet {rating.statement.name}.",
            strengths="",
            improvements="",
            evidence=[],
            completed=True,
            new_link=None,
            removed=[],
        )
    if submit:
        submit_self_assessment(assessment=assessment, by=by)
    assessment.refresh_from_db()
    return assessment


class SelfAssessmentTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="West Midlands", slug="wm")
        cls.council = make_council(region=cls.region, name="Barsetshire")
        cls.editor = editor_of(cls.council, first_name="Eve", last_name="Editor")
        cls.councillor = councillor_of(cls.council)
        cls.regional_lead = regional_lead_of(cls.region, first_name="Rea", last_name="Lead")
        cls.outsider = editor_of(make_council())
        cls.other_lead = regional_lead_of(make_region())
        cls.peer_review = make_review(host_council=cls.council)
        cls.peer_lead = lead_of(cls.peer_review)
        cls.peer_member = team_member_of(cls.peer_review)
        cls.plan = make_plan(review=cls.peer_review)
        cls.action = make_action(plan=cls.plan)
        cls.evidence = make_evidence(
            update=make_update(action=cls.action), description="Carers survey 2025"
        )
        cls.statements = {s.number: s for s in QualityStatement.objects.all()}

    def start(self, day=date(2026, 3, 3)):
        return start_self_assessment(council=self.council, assessed_on=day, by=self.editor)

    def url(self, assessment, rest=""):
        return f"/cqc-self-assessments/{assessment.pk}/{rest}"


class TaskListTests(SelfAssessmentTestCase):
    def test_the_editor_starts_one_from_the_council_page_and_completes_it_statement_by_statement(
        self,
    ):
        self.client.force_login(self.editor)
        council_page = self.client.get(self.council.get_absolute_url()).content.decode()
        self.assertIn(f"/councils/{self.council.slug}/cqc-self-assessments/", council_page)
        response = self.client.post(
            f"/councils/{self.council.slug}/cqc-self-assessments/new/",
            date_fields("assessed_on", date(2026, 3, 3)),
        )
        assessment = CqcSelfAssessment.objects.get()
        self.assertRedirects(response, self.url(assessment))
        self.assertEqual(assessment.ratings.count(), 9)
        page = text(self.client.get(self.url(assessment)))
        self.assertEqual(page.count("Not started"), 9)
        self.assertIn("0 of 9 statements completed", page)
        self.assertNotIn("Submit the self-assessment", page)

        # Half-done: in progress; then done.
        url = self.url(assessment, "statements/1/")
        self.client.post(url, {"narrative": "Waits are falling.", "is_completed": "no"})
        page = text(self.client.get(self.url(assessment)))
        self.assertIn("In progress", page)
        response = self.client.post(url, {"is_completed": "yes", "narrative": "Waits."})
        self.assertContains(response, "Choose a self-rating before you mark it completed")
        response = self.client.post(
            url,
            {
                "score": 3,
                "narrative": "Waits are falling.",
                "strengths": "Strengths-based practice.",
                "improvements": "Carers' assessments.",
                "evidence": [self.evidence.pk],
                "link_title": "Carers' strategy",
                "link_url": "https://www.example.gov.uk/carers",
                "is_completed": "yes",
            },
        )
        self.assertRedirects(response, self.url(assessment))
        rating = SelfRating.objects.get(assessment=assessment, statement__number=1)
        self.assertEqual((rating.score, rating.completed), (3, True))
        self.assertEqual(list(rating.evidence.all()), [self.evidence])
        self.assertEqual(rating.links.get().url, "https://www.example.gov.uk/carers")
        page = text(self.client.get(self.url(assessment)))
        self.assertIn("1 of 9 statements completed", page)
        self.assertIn("Carers survey 2025", page)
        self.assertIn("Carers' strategy", page)

    def test_adding_a_link_keeps_the_statement_open_and_a_link_can_be_removed(self):
        assessment = self.start()
        self.client.force_login(self.editor)
        url = self.url(assessment, "statements/2/")
        response = self.client.post(
            url,
            {"action": "add-link", "link_title": "Annual report", "link_url": "example.org/a"},
        )
        self.assertRedirects(response, url)
        link = SelfRating.objects.get(assessment=assessment, statement__number=2).links.get()
        self.assertEqual(link.url, "https://example.org/a")
        self.client.post(url, {"remove_links": [link.pk], "is_completed": "no"})
        self.assertFalse(SelfRating.objects.filter(links__isnull=False).exists())

    def test_only_the_councils_own_evidence_is_offered(self):
        other = make_evidence(
            update=make_update(action=make_action(plan=make_plan(council=make_council())))
        )
        assessment = self.start()
        self.client.force_login(self.editor)
        page = self.client.get(self.url(assessment, "statements/3/")).content.decode()
        self.assertIn("Carers survey 2025", page)
        self.assertNotIn(other.description, page)
        response = self.client.post(
            self.url(assessment, "statements/3/"), {"evidence": [other.pk], "is_completed": "no"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(SelfRating.objects.filter(evidence=other).exists())
        with self.assertRaises(ValidationError):
            save_rating(
                rating=assessment.ratings.get(statement__number=3),
                score=None,
                narrative="",
                strengths="",
                improvements="",
                evidence=[other],
                completed=False,
                new_link=None,
                removed=[],
            )
        self.assertFalse(SelfRating.objects.filter(evidence=other).exists())

    def test_submit_needs_every_statement_completed_then_it_is_read_only(self):
        assessment = self.start()
        self.client.force_login(self.editor)
        response = self.client.post(self.url(assessment, "submit/"), follow=True)
        self.assertContains(response, "Complete every statement before you submit")
        assessment.refresh_from_db()
        self.assertFalse(assessment.is_submitted)

        rate_all(assessment, CQC_SCORES, submit=False)
        response = self.client.post(self.url(assessment, "submit/"), follow=True)
        self.assertContains(response, "The self-assessment was submitted")
        assessment.refresh_from_db()
        self.assertTrue(assessment.is_submitted)
        self.assertEqual(assessment.submitted_by, self.editor)

        # The rule is the model's and the service's, whatever the caller.
        self.assertEqual(self.client.get(self.url(assessment, "statements/1/")).status_code, 403)
        rating = assessment.ratings.first()
        rating.score = 4
        with self.assertRaises(ValidationError):
            rating.save()
        with self.assertRaises(ValidationError):
            save_rating(
                rating=SelfRating.objects.get(pk=rating.pk),
                score=4,
                narrative="x",
                strengths="",
                improvements="",
                evidence=[],
                completed=True,
                new_link=None,
                removed=[],
            )
        stale = CqcSelfAssessment.objects.get(pk=assessment.pk)
        stale.assessed_on = date(2020, 1, 1)
        with self.assertRaises(ValidationError):
            stale.save()
        self.assertEqual(SelfRating.objects.get(pk=rating.pk).score, CQC_SCORES[1])
        self.assertNotIn("Rate each statement", text(self.client.get(self.url(assessment))))

    def test_several_self_assessments_a_council_each_dated(self):
        first = rate_all(self.start(date(2025, 3, 1)), CQC_SCORES, by=self.editor)
        second = self.start(date(2026, 3, 1))
        self.client.force_login(self.councillor)
        page = text(self.client.get(f"/councils/{self.council.slug}/cqc-self-assessments/"))
        self.assertIn("Self-assessment of 1 March 2026", page)
        self.assertIn("Self-assessment of 1 March 2025", page)
        self.assertLess(page.index("1 March 2026"), page.index("1 March 2025"))
        self.assertNotIn("Start a self-assessment", page)
        self.assertEqual(first.council, second.council)

    def test_history_records_who_changed_a_rating(self):
        assessment = self.start()
        rating = assessment.ratings.get(statement__number=1)
        rating._history_user = self.editor
        save_rating(
            rating=rating,
            score=2,
            narrative="n",
            strengths="",
            improvements="",
            evidence=[self.evidence],
            completed=False,
            new_link=("Doc", "https://example.org/doc"),
            removed=[],
        )
        self.assertEqual(rating.history.count(), 2)
        self.assertEqual(rating.history.first().score, 2)
        self.assertEqual(rating.links.get().history.count(), 1)
        self.assertEqual(assessment.history.count(), 1)


class AccessTests(SelfAssessmentTestCase):
    def test_a_draft_is_the_councils_own(self):
        assessment = self.start()
        for user, status in (
            (self.editor, 200),
            (self.councillor, 200),
            (self.regional_lead, 404),
            (self.peer_lead, 404),
            (self.outsider, 404),
        ):
            with self.subTest(user=user):
                self.client.force_login(user)
                self.assertEqual(self.client.get(self.url(assessment)).status_code, status)

    def test_the_councillor_reads_but_may_not_change(self):
        assessment = self.start()
        self.client.force_login(self.councillor)
        self.assertEqual(self.client.get(self.url(assessment, "statements/1/")).status_code, 403)
        response = self.client.post(
            self.url(assessment, "statements/1/"), {"score": 4, "is_completed": "no"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.client.post(self.url(assessment, "submit/")).status_code, 403)
        new = f"/councils/{self.council.slug}/cqc-self-assessments/new/"
        self.assertEqual(self.client.post(new).status_code, 403)
        self.assertFalse(SelfRating.objects.filter(score__isnull=False).exists())

    def test_submitted_is_read_by_the_region_and_the_peer_teams_not_outsiders(self):
        assessment = rate_all(self.start(), CQC_SCORES, by=self.editor)
        for user, status in (
            (self.regional_lead, 200),
            (self.peer_lead, 200),
            (self.peer_member, 200),
            (self.councillor, 200),
            (self.outsider, 404),
            (self.other_lead, 404),
        ):
            with self.subTest(user=user):
                self.client.force_login(user)
                self.assertEqual(self.client.get(self.url(assessment)).status_code, status)

    def test_the_peer_team_does_not_see_the_plans_evidence(self):
        assessment = rate_all(self.start(), CQC_SCORES, submit=False)
        assessment.ratings.get(statement__number=1).evidence.add(self.evidence)
        submit_self_assessment(assessment=assessment, by=self.editor)
        self.client.force_login(self.peer_member)
        self.assertNotIn("Carers survey 2025", text(self.client.get(self.url(assessment))))
        self.client.force_login(self.regional_lead)
        self.assertIn("Carers survey 2025", text(self.client.get(self.url(assessment))))

    def test_the_lead_of_a_cqc_review_is_no_peer(self):
        """The council's editor entering its CQC assessment leads that review: not a peer."""
        cqc = start_assessment(
            council=self.council,
            visit_start=date(2025, 3, 1),
            visit_end=date(2025, 3, 3),
            published=True,
            by=self.editor,
        )
        self.assertEqual(cqc.kind, Review.Kind.CQC_ASSESSMENT)
        assessment = rate_all(self.start(), CQC_SCORES, by=self.editor)
        self.assertFalse(SelfRating.objects.challengeable_by(self.editor).exists())
        self.assertTrue(
            SelfRating.objects.challengeable_by(self.peer_member)
            .filter(assessment=assessment)
            .exists()
        )


class ChallengeTests(SelfAssessmentTestCase):
    def test_the_regional_lead_challenges_and_the_council_accepts_both_kept(self):
        assessment = rate_all(self.start(), CQC_SCORES, by=self.editor)
        rating = assessment.ratings.get(statement__number=2)
        self.client.force_login(self.regional_lead)
        page = self.client.get(self.url(assessment)).content.decode()
        self.assertIn(f"/cqc-self-assessments/ratings/{rating.pk}/challenge/", page)
        response = self.client.post(
            f"/cqc-self-assessments/ratings/{rating.pk}/challenge/",
            {"proposed_score": 3, "reason": "Same as ours"},
        )
        self.assertContains(response, "Select a valid choice")
        response = self.client.post(
            f"/cqc-self-assessments/ratings/{rating.pk}/challenge/",
            {"proposed_score": 2, "reason": "Health checks are patchy."},
        )
        challenge = SelfRatingChallenge.objects.get()
        self.assertRedirects(
            response,
            f"{self.url(assessment)}#challenge-{challenge.pk}",
            fetch_redirect_response=False,
        )
        self.assertEqual((challenge.score_challenged, challenge.proposed_score), (3, 2))
        answer_url = f"/cqc-self-assessments/challenges/{challenge.pk}/answer/"
        self.assertEqual(self.client.get(answer_url).status_code, 403)

        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(f"/cqc-self-assessments/ratings/{rating.pk}/challenge/").status_code,
            403,
        )
        page = text(self.client.get(self.url(assessment)))
        self.assertIn("Awaiting the council's answer", page)
        home = self.client.get("/").content.decode()
        self.assertIn(f"/councils/{self.council.slug}/cqc-self-assessments/", home)
        self.assertIn("1 to answer", text(self.client.get("/")))
        self.client.post(answer_url, {"outcome": "accepted", "answer": "Fair: we agree."})
        challenge.refresh_from_db()
        self.assertTrue(challenge.is_accepted)
        self.assertNotIn("Challenges to your CQC self-assessment 1", text(self.client.get("/")))
        rating.refresh_from_db()
        self.assertEqual(rating.score, 3)  # the council's own rating is kept
        page = text(self.client.get(self.url(assessment)))
        self.assertIn("We accept the proposed rating", page)
        self.assertIn("3 (agreed 2)", page)
        # 24 of 36 is 67%; with the accepted challenge 23 of 36 is 64%.
        self.assertIn("67%, Good", page)
        self.assertIn("With the challenges it accepted: 64%, Good", page)

    def test_a_draft_cannot_be_challenged(self):
        assessment = self.start()
        rating = assessment.ratings.first()
        rating.score = 2
        rating.save()
        with self.assertRaises(ValidationError):
            raise_challenge(rating=rating, proposed_score=1, reason="r", by=self.regional_lead)
        self.assertFalse(SelfRating.objects.challengeable_by(self.regional_lead).exists())


class ComparisonTests(SelfAssessmentTestCase):
    def test_beside_the_cqc_scores_with_the_change_since_the_last_one(self):
        review = start_assessment(
            council=self.council,
            visit_start=date(2025, 3, 1),
            visit_end=date(2025, 3, 3),
            published=True,
            by=self.editor,
        )
        cqc = assessment_of(review)
        cqc.report_date = date(2025, 6, 20)
        cqc.save()
        save_scores(assessment=cqc, scores={self.statements[n]: s for n, s in CQC_SCORES.items()})
        rate_all(self.start(date(2026, 3, 10)), CQC_SCORES, by=self.editor)
        now = {**CQC_SCORES, 1: 3, 9: 1}
        later = rate_all(self.start(date(2026, 11, 2)), now, submit=False)
        self.client.force_login(self.editor)
        page = text(self.client.get(self.url(later)))
        self.assertIn("Up 1 from 2 in March 2026", page)
        self.assertIn("Down 1 from 2 in March 2026", page)
        self.assertIn("No change from 3 in March 2026", page)
        self.assertIn("Good (67%), report of June 2025", page)
        # 24 of 36 is 67%, Good: the council's own view, said so.
        self.assertIn("67%, Good (the self-ratings add up to 24 of 36", page)
        self.assertIn("not a CQC rating", page)

    def test_change_sentence(self):
        self.assertEqual(change_sentence(3, 2, date(2026, 3, 1)), "up 1 from 2 in March 2026")
        self.assertEqual(change_sentence(1, 3, date(2026, 3, 1)), "down 2 from 3 in March 2026")
        self.assertEqual(change_sentence(None, 3, date(2026, 3, 1)), "")
        self.assertEqual(change_sentence(2, None, None), "")

    def test_the_percentage_waits_for_every_statement(self):
        assessment = self.start()
        self.client.force_login(self.editor)
        self.assertIn(
            "Not known until every statement is rated", text(self.client.get(self.url(assessment)))
        )


@building_pages
class QueryBudgetTests(SelfAssessmentTestCase):
    def queries(self, url, user):
        self.client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def grow(self, assessment, times):
        """More links, evidence and challenges on every statement."""
        for rating in assessment.ratings.all():
            for n in range(times):
                rating.links.create(title=f"Doc {n}", url=f"https://example.org/{n}")
                rating.evidence.add(make_evidence(update=make_update(action=self.action)))

    def test_the_page_costs_the_same_for_few_and_many_statements_and_evidence(self):
        # Each has a previous one to compare with.
        rate_all(self.start(date(2025, 1, 1)), CQC_SCORES, by=self.editor)
        small = self.start(date(2026, 1, 1))
        self.grow(small, 1)
        rate_all(small, CQC_SCORES, by=self.editor)
        big = self.start(date(2026, 2, 1))
        self.grow(big, 4)
        rate_all(big, CQC_SCORES, by=self.editor)
        for rating in big.ratings.all():
            for _ in range(3):
                SelfRatingChallenge.objects.create(
                    rating=rating, score_challenged=2, proposed_score=1, reason="r"
                )
        for user in (self.editor, self.regional_lead):
            with self.subTest(user=user):
                self.assertEqual(
                    self.queries(self.url(small), user), self.queries(self.url(big), user)
                )
        statement = "statements/1/"
        one, many = self.start(date(2026, 3, 1)), self.start(date(2026, 4, 1))
        self.grow(one, 1)
        self.grow(many, 5)
        self.assertEqual(
            self.queries(self.url(one, statement), self.editor),
            self.queries(self.url(many, statement), self.editor),
        )


class AdminTests(SelfAssessmentTestCase):
    def test_the_admin_lists_them_and_shows_a_submitted_one_read_only(self):
        draft = self.start(date(2026, 5, 1))
        submitted = rate_all(self.start(), CQC_SCORES, by=self.editor)
        self.client.force_login(make_user(is_staff=True, is_superuser=True))
        base = "/admin/improvement_plans/cqcselfassessment/"
        self.assertContains(self.client.get(base), "Barsetshire")
        self.assertContains(self.client.get(f"{base}{draft.pk}/change/"), "Save")
        page = self.client.get(f"{base}{submitted.pk}/change/")
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'name="_save"')
        response = self.client.post(f"{base}{submitted.pk}/change/", {})
        self.assertEqual(response.status_code, 403)
