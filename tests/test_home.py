"""The home page shows each role its next work, and every figure leads to the rows it counts."""

import re
from datetime import timedelta
from html import unescape

from django.test import TestCase
from django.utils import timezone

from councils.models import Membership
from improvement_plans.models import Action, ActionStatus, Rag
from recommendations.models import Recommendation
from regional.models import RiskAssessment
from reviews.models import Review
from tests.factories import (
    make_action,
    make_council,
    make_membership,
    make_milestone,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
    make_update,
    make_user,
)

Role = Membership.Role


class HomeWorld(TestCase):
    @classmethod
    def setUpTestData(cls):
        today = cls.today = timezone.localdate()
        cls.region = make_region(name="North", slug="north")
        cls.council = make_council(name="Council A", slug="council-a", region=cls.region)
        cls.quiet = make_council(name="Council Q", slug="council-q", region=cls.region)
        cls.issued = make_review(host_council=cls.council, title="Issued peer challenge")
        cls.answered = make_recommendation(
            review=cls.issued, response=Recommendation.Response.ACCEPTED
        )
        cls.unanswered = make_recommendation(review=cls.issued, response="")
        make_recommendation(
            parent=cls.unanswered, response=""
        )  # a sub-item is answered with its parent
        cls.draft = make_review(
            host_council=cls.council,
            title="Draft at its accuracy check",
            status=Review.Status.FACTUAL_ACCURACY,
        )
        cls.planned = make_review(
            host_council=cls.quiet, title="Planned review of Q", status=Review.Status.PLANNED
        )
        plan = make_plan(review=cls.issued)
        cls.editor = make_user(first_name="Erin")
        cls.overdue = make_action(
            plan=plan,
            title="Late action",
            due_date=today - timedelta(days=3),
            rag=Rag.GREEN,
            owner_user=cls.editor,
        )
        make_update(action=cls.overdue, date=today - timedelta(days=2))
        cls.missed = make_action(plan=plan, title="Action with a missed milestone")
        make_milestone(action=cls.missed, due_date=today - timedelta(days=5))
        make_update(action=cls.missed, date=today - timedelta(days=1))
        cls.silent = make_action(plan=plan, title="Action nobody reported on")
        make_action(plan=plan, title="Finished", status=ActionStatus.COMPLETED)

        cls.viewer = make_user()
        cls.lead = make_user()
        cls.regional_lead = make_user()
        make_membership(cls.editor, Role.COUNCIL_EDITOR, cls.council)
        make_membership(cls.viewer, Role.COUNCIL_VIEWER, cls.council)
        make_membership(cls.lead, Role.REVIEW_LEAD, cls.draft)
        make_membership(cls.regional_lead, Role.REGIONAL_LEAD, cls.region)
        RiskAssessment.objects.create(council=cls.council, year=today.year)

    def home(self, user):
        self.client.force_login(user)
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def task(self, page, name):
        """(link, status) of the task list row called ``name``."""
        row = (
            r'<div class="govuk-task-list__name-and-hint">\s*'
            r'(?:<a[^>]*href="([^"]*)"[^>]*>|<div>)' + re.escape(name) + r"<.*?"
            r'<div class="govuk-task-list__status"[^>]*>(.*?)</div>'
        )
        match = re.search(row, unescape(page), re.DOTALL)
        self.assertIsNotNone(match, f"No task {name!r} on the page")
        return match.group(1) or "", re.sub(r"<[^>]+>", "", match.group(2)).strip()

    def listed_actions(self, url):
        """The actions the filtered list at ``url`` shows."""
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return {
            action.title
            for action in Action.objects.all()
            if action.title in str(response.content.decode())
        }


class CouncilEditorHomeTests(HomeWorld):
    def test_the_editor_sees_each_kind_of_work_with_its_count(self):
        page = self.home(self.editor)
        self.assertIn("Council A: what needs doing", page)
        self.assertEqual(self.task(page, "Actions past their due date")[1], "1 overdue")
        self.assertEqual(self.task(page, "Actions with a milestone missed")[1], "1 missed")
        self.assertEqual(self.task(page, "Actions due for a progress update")[1], "1 due")
        self.assertEqual(
            self.task(page, "Recommendations awaiting your response")[1], "1 to answer"
        )
        link, status = self.task(
            page, "Check the draft letter of “Draft at its accuracy check” for factual accuracy"
        )
        self.assertEqual((link, status), (self.draft.get_absolute_url(), "Waiting for you"))

    def test_each_count_links_to_the_list_of_exactly_its_rows(self):
        page = self.home(self.editor)
        expected = {
            "Actions past their due date": {"Late action"},
            "Actions with a milestone missed": {"Action with a missed milestone"},
            "Actions due for a progress update": {"Action nobody reported on"},
        }
        for name, titles in expected.items():
            with self.subTest(name):
                link, _ = self.task(page, name)
                self.assertEqual(self.listed_actions(link), titles)
        link, _ = self.task(page, "Recommendations awaiting your response")
        response = self.client.get(link)
        self.assertContains(response, self.unanswered.get_absolute_url())
        self.assertNotContains(response, self.answered.get_absolute_url())

    def test_nothing_to_do_says_none_without_a_link(self):
        Action.objects.update(status=ActionStatus.COMPLETED)
        page = self.home(self.editor)
        self.assertEqual(self.task(page, "Actions past their due date"), ("", "None"))

    def test_the_editors_own_actions_are_listed(self):
        page = self.home(self.editor)
        self.assertIn("Actions you own", page)
        self.assertIn(f"Action {self.overdue.number}: Late action", page)


class CouncillorHomeTests(HomeWorld):
    def test_the_councillor_sees_headline_figures_and_what_changed(self):
        page = self.home(self.viewer)
        self.assertIn("Council A at a glance", page)
        self.assertNotIn("what needs doing", page)
        figures = dict(
            re.findall(
                r'<dt class="govuk-summary-list__key">(.*?)</dt>'
                r'<dd class="govuk-summary-list__value">(.*?)</dd>',
                page,
            )
        )
        text = {key: re.sub(r"<[^>]+>", "", value) for key, value in figures.items()}
        self.assertEqual(text["Recommendations issued"], "2")
        self.assertEqual(text["Actions in the plans"], "4")
        self.assertEqual(text["Completed"], "1")
        self.assertEqual(text["Past their due date"], "1 overdue")
        self.assertEqual(text["Progress updates"], "2")
        self.assertIn("What changed since", page)

    def test_a_draft_is_not_counted_for_a_councillor(self):
        make_recommendation(review=self.draft)
        page = self.home(self.viewer)
        self.assertIn(f'council={self.council.pk}">2</a>', page)


class ReviewLeadHomeTests(HomeWorld):
    def test_the_lead_sees_the_review_stage_by_stage_with_what_is_missing(self):
        page = self.home(self.lead)
        self.assertIn("Your reviews", page)
        self.assertIn("Draft at its accuracy check", page)
        self.assertEqual(self.task(page, "Team")[1], "Not yet started")
        self.assertEqual(self.task(page, "Team")[0], f"/reviews/{self.draft.pk}/team/")
        self.assertEqual(
            self.task(page, "Answer the council's factual accuracy comments")[1], "Completed"
        )
        self.assertEqual(self.task(page, "Issue the letter")[1], "Not yet")


class RegionalLeadHomeTests(HomeWorld):
    def test_the_regional_lead_sees_councils_needing_attention_first(self):
        page = self.home(self.regional_lead)
        attention = re.search(r"Councils needing attention.*?</table>", page, re.DOTALL).group(0)
        self.assertIn("Council A", attention)
        self.assertNotIn("Council Q", attention)
        self.assertIn("1 other council has nothing needing attention.", page)
        self.assertIn("Planned review of Q", page)
        self.assertIn(f"?region={self.region.slug}", page)
        self.assertEqual(self.task(page, f"Assessments of {self.today.year}")[1], "1 to finish")

    def test_people_without_a_role_are_told_whom_to_ask(self):
        page = self.home(make_user())
        self.assertIn("you do not have access to any council, review or region yet", page)
        self.assertIn("one of your council's editors", page)
        self.assertIn("your regional ADASS programme lead", page)
        make_user(email="admin@example.org", first_name="Ada", last_name="Admin", is_staff=True)
        page = self.home(make_user())
        self.assertIn(
            'the site administrator: <a class="govuk-link" href="mailto:admin@example.org">'
            "Ada Admin</a>",
            page,
        )
