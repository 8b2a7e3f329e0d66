"""The read-only pages: sign-in required, what each shows, and how many queries each costs."""

import re
from datetime import timedelta
from html import unescape
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from councils.models import Membership
from improvement_plans.models import ActionStatus, Rag
from reviews.models import Finding, FocusArea, Judgement, Review, TeamMember
from tests.base import building_pages
from tests.factories import (
    make_action,
    make_area,
    make_council,
    make_evidence,
    make_finding,
    make_membership,
    make_milestone,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
    make_scope_question,
    make_team_member,
    make_update,
    make_user,
)


def page_title(response):
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
    return unescape(match.group(1).strip())


def html_part(response, pattern):
    """The first piece of the page matching ``pattern`` (a regex over the HTML)."""
    match = re.search(pattern, response.content.decode(), re.DOTALL)
    assert match, f"Nothing on the page matches {pattern!r}"
    return match.group(0)


class SeftonPagesTestCase(TestCase):
    """One council's chain, from region down to a progress update, named as people read it."""

    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.region = make_region(name="North West", slug="north-west")
        cls.council = make_council(
            name="Sefton Metropolitan Borough Council", slug="sefton", region=cls.region
        )
        cls.user = make_user(username="nadia", first_name="Nadia", last_name="North-West")
        make_membership(cls.user, Membership.Role.REGIONAL_LEAD, cls.region)
        cls.review = make_review(
            host_council=cls.council,
            kind=Review.Kind.CQC_INSPECTION,
            title="Service inspection of adult social care, Sefton",
        )
        make_team_member(review=cls.review, name="Jane Inspector", role=TeamMember.Role.LEAD)
        make_team_member(
            review=cls.review, name="Alex Expert", role=TeamMember.Role.EXPERT_BY_EXPERIENCE
        )
        cls.question = make_scope_question(review=cls.review, text="Safeguarding adults")
        make_finding(
            scope_question=cls.question,
            kind=Finding.Kind.AREA_FOR_CONSIDERATION,
            text="Protection plans were reviewed late",
        )
        make_finding(scope_question=cls.question, text="Staff know the procedures well")
        make_finding(review=cls.review, text="Leaders are visible")
        cls.sixteen = make_recommendation(
            review=cls.review,
            number=16,
            text="Review protection plans on time",
            scope_question=cls.question,
            page_reference="23",
        )
        cls.sixteen_i = make_recommendation(parent=cls.sixteen, text="Audit the plans")
        cls.sixteen_ii = make_recommendation(parent=cls.sixteen, text="Report on timeliness")
        cls.seventeen = make_recommendation(
            review=cls.review, number=17, text="Publish a carers' strategy"
        )
        cls.plan = make_plan(review=cls.review, title="Adult social care improvement plan")
        make_area(plan=cls.plan, title="Leadership")
        make_area(plan=cls.plan, title="Carers")
        cls.area = make_area(plan=cls.plan, title="Safeguarding", recommendations=[cls.sixteen])
        cls.green_but_late = make_action(
            plan=cls.plan,
            area=cls.area,
            number=5,
            title="Review protection plans within 28 days",
            recommendations=[cls.sixteen_ii],
            start_date=today - timedelta(days=90),
            due_date=today - timedelta(days=1),
            rag=Rag.GREEN,
            status=ActionStatus.ON_TRACK,
        )
        make_milestone(action=cls.green_but_late, text="Audit tool agreed")
        make_update(action=cls.green_but_late, narrative="Audit tool drafted")
        cls.audit = make_action(
            plan=cls.plan,
            area=cls.area,
            number=6,
            title="Audit case files",
            recommendations=[cls.sixteen, cls.sixteen_i],
            status=ActionStatus.COMPLETED,
            rag=Rag.GREEN,
        )

    def setUp(self):
        self.client.force_login(self.user)

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    @classmethod
    def page_urls(cls):
        return {
            "home": "/",
            "councils": "/councils/",
            "council": f"/councils/{cls.council.slug}/",
            "region": f"/regions/{cls.region.slug}/",
            "review": cls.review.get_absolute_url(),
            "recommendation": cls.sixteen.get_absolute_url(),
            "sub-item": cls.sixteen_ii.get_absolute_url(),
            "plan": cls.plan.get_absolute_url(),
            "action": cls.green_but_late.get_absolute_url(),
        }


class SignInTests(SeftonPagesTestCase):
    def setUp(self):
        """Stay signed out."""

    def test_every_page_sends_anonymous_visitors_to_sign_in(self):
        for name, url in self.page_urls().items():
            with self.subTest(page=name):
                response = self.client.get(url)

                self.assertRedirects(
                    response, f"/sign-in/?next={url}", fetch_redirect_response=False
                )

    def test_sign_in_page_is_public(self):
        response = self.client.get("/sign-in/")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(page_title(response), "Sign in – Sector-led improvement manager")

    def test_accessibility_statement_is_public(self):
        response = self.client.get("/accessibility/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<h1 class="govuk-heading-l">Accessibility statement</h1>')


class PageContentTests(SeftonPagesTestCase):
    def test_every_page_has_its_own_title(self):
        titles = {name: page_title(self.get(url)) for name, url in self.page_urls().items()}

        self.assertEqual(len(set(titles.values())), len(titles), titles)
        suffix = " – Sector-led improvement manager"
        self.assertEqual(titles["home"], "Home" + suffix)
        self.assertEqual(titles["council"], "Sefton Metropolitan Borough Council" + suffix)
        self.assertEqual(
            titles["sub-item"],
            "Recommendation 16(ii), Service inspection of adult social care, Sefton" + suffix,
        )
        self.assertEqual(titles["action"], "Action 5, Adult social care improvement plan" + suffix)

    def test_home_lists_regions_reviews_and_the_contradicted_count(self):
        response = self.get("/")

        self.assertContains(response, 'href="/regions/north-west/">North West</a>')
        self.assertContains(response, "(1 council)")
        self.assertContains(response, "Service inspection of adult social care, Sefton")
        # The regional lead's councils needing attention, with the filtered lists behind.
        attention = html_part(response, r"Councils needing attention.*?</table>")
        self.assertIn("Sefton Metropolitan Borough Council", attention)
        self.assertIn(f'council={self.council.pk}&amp;needs=rag_contradicted">1</a>', attention)

    def test_council_list_groups_councils_by_region_in_name_order(self):
        make_council(name="Wirral Council", region=self.region)
        make_council(name="Knowsley Council", region=self.region)

        response = self.get("/councils/")

        self.assertContains(response, 'href="/councils/sefton/">Sefton Metropolitan Borough')
        self.assertContains(response, 'href="/regions/north-west/">North West</a></h2>', 1)
        content = response.content.decode()
        names = ["North West</a></h2>", "Knowsley Council", "Sefton Metropolitan", "Wirral"]
        positions = [content.index(name) for name in names]
        self.assertEqual(positions, sorted(positions))

    def test_region_page_lists_its_councils_only(self):
        make_council(name="Walsall Council", region=make_region(name="West Midlands"))

        response = self.get("/regions/north-west/")

        self.assertContains(response, "Sefton Metropolitan Borough Council")
        self.assertNotContains(response, "Walsall Council")

    def test_council_page_lists_reviews_and_plans(self):
        response = self.get("/councils/sefton/")

        self.assertContains(response, self.review.get_absolute_url())
        self.assertContains(response, "CQC inspection")
        self.assertContains(response, self.plan.get_absolute_url())
        self.assertContains(response, "Adult social care improvement plan")

    def test_review_page_shows_team_findings_and_recommendations(self):
        response = self.get(self.review.get_absolute_url())

        self.assertContains(response, "Jane Inspector")
        self.assertContains(response, "Expert by experience")
        self.assertContains(response, "Alex Expert")
        section = html_part(response, r'<section id="scope-question-1".*?</section>')
        self.assertIn("1. Safeguarding adults</h3>", section)
        self.assertIn("Staff know the procedures well", section)
        self.assertIn("Protection plans were reviewed late", section)
        self.assertLess(section.index("Strengths"), section.index("Areas for consideration"))
        self.assertNotIn("Leaders are visible", section)
        general = html_part(response, r'<section aria-labelledby="general-findings-heading".*?</')
        self.assertIn("General findings", general)
        self.assertContains(response, "Leaders are visible")
        self.assertContains(response, "Report page 23")
        labels = re.findall(r">Recommendation ([\d()ivx]+)</a>", response.content.decode())
        self.assertEqual(labels, ["16", "16(i)", "16(ii)", "17"])

    def test_review_page_shows_judgements_and_focus_areas(self):
        Judgement.objects.create(
            review=self.review,
            outcome_area="Safeguarding adults",
            grade=Judgement.Grade.PERFORMING_WELL,
        )
        self.review.capacity_to_improve = Review.CapacityToImprove.PROMISING
        self.review.save()
        self.review.focus_areas.set(FocusArea.objects.filter(number=3))

        response = self.get(self.review.get_absolute_url())

        self.assertContains(response, "Performing well")
        self.assertContains(response, "Promising")
        self.assertContains(response, "3. Vision, Strategy and Leadership")

    def test_recommendation_page_lists_sub_items_and_actions(self):
        response = self.get(self.sixteen.get_absolute_url())

        self.assertContains(response, '<h1 class="govuk-heading-xl">Recommendation 16</h1>')
        self.assertContains(response, self.sixteen_i.get_absolute_url())
        self.assertContains(response, "Recommendation 16(ii)</a>")
        actions = html_part(response, r"<table.*?Actions addressing this recommendation.*?</table>")
        self.assertIn(self.green_but_late.get_absolute_url(), actions)
        self.assertIn(self.audit.get_absolute_url(), actions)
        self.assertIn("Review protection plans within 28 days", actions)

    def test_sub_item_page_leads_back_to_its_parent(self):
        response = self.get(self.sixteen_ii.get_absolute_url())

        breadcrumbs = html_part(response, r'<nav class="govuk-breadcrumbs".*?</nav>')
        self.assertIn(f'href="{self.sixteen.get_absolute_url()}"', breadcrumbs)
        self.assertIn(f'href="{self.review.get_absolute_url()}"', breadcrumbs)

    def test_recommendation_without_action_says_so(self):
        response = self.get(self.seventeen.get_absolute_url())

        self.assertContains(response, "No action in any improvement plan addresses this")

    def test_action_page_leads_back_to_its_recommendation_and_review(self):
        response = self.get(self.green_but_late.get_absolute_url())

        breadcrumbs = html_part(response, r'<nav class="govuk-breadcrumbs".*?</nav>')
        self.assertIn(f'href="{self.sixteen_ii.get_absolute_url()}"', breadcrumbs)
        self.assertIn("Recommendation 16(ii)", breadcrumbs)
        self.assertIn(f'href="{self.review.get_absolute_url()}"', breadcrumbs)
        self.assertIn(f'href="{self.council.get_absolute_url()}"', breadcrumbs)
        self.assertContains(response, "Audit tool agreed")
        self.assertContains(response, "Audit tool drafted")
        self.assertContains(response, "Improvement Area 3")

    def test_late_action_rated_green_is_flagged(self):
        flags = ["Overdue", "Milestone missed", "Rated green against the dates"]
        for url in [
            self.green_but_late.get_absolute_url(),
            self.plan.get_absolute_url(),
            self.sixteen.get_absolute_url(),
        ]:
            with self.subTest(url=url):
                response = self.get(url)

                for flag in flags:
                    self.assertContains(response, f'<strong class="sli-flag">{flag}</strong>', 1)

    def test_action_page_marks_the_missed_milestone(self):
        response = self.get(self.green_but_late.get_absolute_url())

        milestones = html_part(response, r"<table.*?Milestones of action 5.*?</table>")
        self.assertIn("Audit tool agreed", milestones)
        self.assertIn('<strong class="sli-flag">Missed</strong>', milestones)

    def test_action_without_a_recommendation_leads_back_to_its_plan(self):
        action = make_action(plan=self.plan, title="Recruit a carers' lead")

        response = self.get(action.get_absolute_url())

        breadcrumbs = html_part(response, r'<nav class="govuk-breadcrumbs".*?</nav>')
        self.assertIn(f'href="{self.plan.get_absolute_url()}"', breadcrumbs)
        self.assertNotIn("Recommendation", breadcrumbs)
        self.assertContains(response, "No recommendation linked")

    def test_completed_action_is_not_flagged(self):
        response = self.get(self.audit.get_absolute_url())

        self.assertContains(response, "Completed")
        self.assertNotContains(response, 'class="sli-flag"')

    def test_plan_page_shows_areas_actions_and_gaps(self):
        response = self.get(self.plan.get_absolute_url())

        area = html_part(response, r'<section id="improvement-area-3".*?</section>')
        self.assertIn("Improvement Area 3 – Safeguarding", area)
        self.assertIn(self.green_but_late.get_absolute_url(), area)
        self.assertIn(f'href="{self.sixteen.get_absolute_url()}"', area)
        gaps = html_part(response, r'<div class="govuk-warning-text">.*?</div>')
        self.assertIn("with no action", gaps)
        self.assertIn(f'href="{self.seventeen.get_absolute_url()}"', gaps)
        self.assertIn("Recommendation 17", gaps)
        self.assertNotIn(f'href="{self.sixteen.get_absolute_url()}"', gaps)

    def test_unknown_ids_are_not_found(self):
        for url in [
            "/councils/nowhere/",
            "/regions/nowhere/",
            "/reviews/987654/",
            "/recommendations/987654/",
            "/plans/987654/",
            "/actions/987654/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)


def build_chain(size, *, viewer):
    """A council whose review, plan and first action all grow with ``size``."""
    today = timezone.localdate()
    author = make_user()
    council = make_council()
    make_membership(viewer, Membership.Role.COUNCIL_VIEWER, council)
    review = make_review(host_council=council)
    review.focus_areas.set(FocusArea.objects.all()[:3])
    plan = make_plan(review=review)
    for number in range(1, size + 1):
        make_team_member(review=review)
        Judgement.objects.create(
            review=review, outcome_area=f"Area {number}", grade=Judgement.Grade.GOOD
        )
        make_review(host_council=council)
        make_plan(council=council)
    questions = [make_scope_question(review=review) for _ in range(size)]
    for question in questions:
        make_finding(scope_question=question)
        make_finding(scope_question=question, kind=Finding.Kind.AREA_FOR_CONSIDERATION)
    recommendations = [
        make_recommendation(review=review, scope_question=question) for question in questions
    ]
    sub_items = [make_recommendation(parent=recommendations[0]) for _ in range(size)]
    areas = [make_area(plan=plan, recommendations=[r]) for r in recommendations]
    actions = []
    for number in range(size):
        action = make_action(
            plan=plan,
            area=areas[number] if number % 3 else None,
            recommendations=[recommendations[number], sub_items[number], recommendations[0]],
            rag=Rag.GREEN,
            due_date=today - timedelta(days=number % 2),
            owner_user=author,
        )
        for _ in range(2):
            make_milestone(action=action, due_date=today - timedelta(days=1))
            make_evidence(update=make_update(action=action, author=author))
        actions.append(action)
    first = actions[0]
    for _ in range(size):
        make_milestone(action=first, due_date=today + timedelta(days=10))
        make_evidence(update=make_update(action=first, author=author))
    # Recommendations in no plan, so that the plan page has gaps to list.
    for _ in range(size):
        make_recommendation(review=review)
    return SimpleNamespace(
        council=council,
        review=review,
        recommendation=recommendations[0],
        sub_item=sub_items[0],
        plan=plan,
        action=first,
    )


@building_pages
class QueryBudgetTestCase(TestCase):
    """Budgets count the page's own queries, on top of what any signed-in request costs.

    The cost of any request (the session and the user) is measured on the accessibility
    statement, so that a change to sessions or middleware moves every page's count together.
    """

    @pytest.fixture(autouse=True)
    def _query_budget(self, django_assert_max_num_queries):
        self.assert_max_queries = django_assert_max_num_queries

    def setUp(self):
        self.client.force_login(self.user)
        with CaptureQueriesContext(connection) as any_request:
            self.assertEqual(self.client.get("/accessibility/").status_code, 200)
        self.overhead = len(any_request)

    def get_within_budget(self, budget, url):
        """GET ``url`` within ``budget`` queries of its own; return (response, queries used)."""
        with self.assert_max_queries(self.overhead + budget, info=url) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response, len(queries) - self.overhead


class QueryBudgetTests(QueryBudgetTestCase):
    """Each page costs the same number of queries for a small chain and a large one."""

    @classmethod
    def setUpTestData(cls):
        cls.user = make_user()
        cls.small = build_chain(3, viewer=cls.user)
        cls.large = build_chain(40, viewer=cls.user)

    def assert_budget_for_chains(self, budget, url_of):
        _, small = self.get_within_budget(budget, url_of(self.small))
        _, large = self.get_within_budget(budget, url_of(self.large))
        self.assertEqual(small, large)

    def test_council_page(self):
        self.assert_budget_for_chains(18, lambda chain: chain.council.get_absolute_url())

    def test_review_page(self):
        self.assert_budget_for_chains(14, lambda chain: chain.review.get_absolute_url())

    def test_recommendation_page(self):
        # 8: the quality statements the recommendation answers are one query more.
        self.assert_budget_for_chains(8, lambda chain: chain.recommendation.get_absolute_url())

    def test_sub_item_page(self):
        self.assert_budget_for_chains(7, lambda chain: chain.sub_item.get_absolute_url())

    def test_plan_page(self):
        self.assert_budget_for_chains(12, lambda chain: chain.plan.get_absolute_url())

    def test_action_page(self):
        # 10: the quality statements the action works towards are one query more; 12: the
        # breadcrumbs read the action and its recommendations apart from the rest of the page,
        # which is cached.
        self.assert_budget_for_chains(12, lambda chain: chain.action.get_absolute_url())


class ListQueryBudgetTests(QueryBudgetTestCase):
    """The lists across councils cost the same with 2 councils in a region as with 20."""

    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(slug="north-west")
        cls.user = make_user()
        make_membership(cls.user, Membership.Role.REGIONAL_LEAD, cls.region)
        cls.add_councils(2)

    @classmethod
    def add_councils(cls, count):
        for _ in range(count):
            council = make_council(region=cls.region)
            review = make_review(host_council=council)
            plan = make_plan(review=review)
            make_action(plan=plan, recommendations=[make_recommendation(review=review)])

    def assert_same_budget(self, budget, url):
        _, small = self.get_within_budget(budget, url)
        self.add_councils(18)
        response, large = self.get_within_budget(budget, url)
        self.assertEqual(small, large)
        return response

    def test_home_page(self):
        # The regional lead's part: councils needing attention, reviews, assessments.
        response = self.assert_same_budget(13, "/")

        self.assertContains(response, "(20 councils)")

    def test_council_list(self):
        response = self.assert_same_budget(1, "/councils/")

        self.assertContains(response, 'class="govuk-table__header"><a class="govuk-link"', 20)

    def test_region_page(self):
        response = self.assert_same_budget(14, "/regions/north-west/")

        self.assertContains(
            response, 'class="govuk-table__cell"><a class="govuk-link" href="/councils/', 20
        )
