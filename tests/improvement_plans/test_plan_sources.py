"""The plan read by source (?by=source): each review whose recommendations its actions answer,
in that kind of source's words."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.models import Review
from tests.base import building_pages, councillor_of, editor_of
from tests.factories import make_action, make_council, make_plan, make_recommendation, make_review


@building_pages
class PlanBySourceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.councillor = councillor_of(cls.council)
        cls.peer = make_review(host_council=cls.council, title="Peer challenge 2024")
        cls.audit = make_review(
            host_council=cls.council,
            kind=Review.Kind.INTERNAL_AUDIT,
            title="Internal audit of direct payments",
        )
        cls.plan = make_plan(review=cls.peer)
        cls.plan.reviews.add(cls.audit)
        peer_one = make_recommendation(review=cls.peer)
        audit_one = make_recommendation(review=cls.audit)
        cls.both = make_action(
            plan=cls.plan,
            title="Tighten direct payment checks",
            recommendations=[peer_one, audit_one],
        )
        cls.peer_only = make_action(
            plan=cls.plan, title="Refresh the strategy", recommendations=[peer_one]
        )
        cls.none = make_action(plan=cls.plan, title="Run the governance of the plan")
        cls.url = reverse("improvement_plans:plan", args=[cls.plan.pk])

    def sections(self, html):
        parts = html.split('<h2 class="govuk-heading-m" id="')[1:]
        titles = [self.both.title, self.peer_only.title, self.none.title]
        return {
            part.split("</h2>")[0].rsplit(">", 2)[-2].removesuffix("</a")
            if "</a></h2>" in part
            else part.split(">", 1)[1].split("</h2>")[0]: [t for t in titles if t in part]
            for part in parts
        }

    def test_each_action_is_under_each_source_it_answers_in_the_kinds_words(self):
        self.client.force_login(self.councillor)
        html = self.client.get(self.url, {"by": "source"}).content.decode()
        self.assertEqual(
            self.sections(html),
            {
                self.audit.title: [self.both.title],
                self.peer.title: [self.both.title, self.peer_only.title],
                "Actions answering no source": [self.none.title],
            },
        )
        # The audit's recommendations are "management actions", in its own words.
        self.assertIn("Management actions answered:", html)
        self.assertIn("Internal audit: the audit report of internal audit", html)
        self.assertIn("<strong>by source</strong>", html)

    def test_the_same_queries_for_few_and_many_sources(self):
        self.client.force_login(self.councillor)
        self.client.get(self.url, {"by": "source"})
        with CaptureQueriesContext(connection) as few:
            self.client.get(self.url, {"by": "source"})
        for _ in range(4):
            review = make_review(host_council=self.council, kind=Review.Kind.SCRUTINY_REVIEW)
            self.plan.reviews.add(review)
            make_action(plan=self.plan, recommendations=[make_recommendation(review=review)])
        with CaptureQueriesContext(connection) as many:
            self.client.get(self.url, {"by": "source"})
        self.assertEqual(len(few), len(many))

    def test_an_outsider_sees_nothing(self):
        self.client.force_login(editor_of(make_council()))
        self.assertEqual(self.client.get(self.url, {"by": "source"}).status_code, 404)
