"""The good-practice directory, the matching tool and reciprocity."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils.models import Council, Membership
from improvement_plans.models import ActionStatus
from recommendations.models import Recommendation
from regional.models import PracticeEntry, SupportOffer, SupportType
from regional.practice.directory import directory, match, significant_words, stem
from regional.practice.reciprocity import financial_year_of, reciprocity
from reviews.models import Finding, FocusArea, Review, TeamMember
from sli.tooling.practice_demo import load_practice_demo
from tests.base import building_pages, editor_of, regional_lead_of
from tests.demo import load_demo_copy
from tests.factories import (
    make_action,
    make_council,
    make_finding,
    make_membership,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
    make_scope_question,
    make_team_member,
    make_user,
)

Role = Membership.Role


def area(code):
    return FocusArea.objects.get(code=code)


class PracticeWorld(TestCase):
    """North: councils A and B; South: council C. A's issued review has a workforce strength
    under a scope question whose recommendation is about resources, and a strength with no
    scope question (so tagged with the review's focus area, participation)."""

    @classmethod
    def setUpTestData(cls):
        cls.north = make_region(name="North", slug="north")
        cls.south = make_region(name="South", slug="south")
        cls.a = make_council(name="Council A", slug="council-a", region=cls.north)
        cls.b = make_council(name="Council B", slug="council-b", region=cls.north)
        cls.c = make_council(name="Council C", slug="council-c", region=cls.south)

        cls.review_a = make_review(
            host_council=cls.a,
            title="Peer challenge of A",
            letter_addressee="Jo Bloggs, Director of Adult Services",
        )
        cls.review_a.focus_areas.set([area("participation")])
        question = make_scope_question(review=cls.review_a, text="Workforce?")
        make_recommendation(
            review=cls.review_a,
            scope_question=question,
            focus_area=area("resources"),
            text="Keep the supervision audit going",
        )
        cls.workforce_strength = make_finding(
            review=cls.review_a,
            scope_question=question,
            text="An integrated workforce plan with a supervision audit every month",
        )
        cls.voice_strength = make_finding(
            review=cls.review_a, text="Carers' voices shape the commissioning board"
        )
        make_finding(
            review=cls.review_a,
            kind=Finding.Kind.AREA_FOR_CONSIDERATION,
            text="Morale is low in the hospital team",
        )
        draft_b = make_review(
            host_council=cls.b, title="Draft review of B", status=Review.Status.DRAFTING
        )
        make_finding(review=draft_b, text="Draft strength of B about workforce")
        cls.entry_b = PracticeEntry.objects.create(
            council=cls.b,
            focus_area=area("participation"),
            title="Co-production board",
            description="People who use services chair the co-production board.",
            contact_role="Head of Co-production",
        )
        review_c = make_review(host_council=cls.c, title="Peer challenge of C")
        make_finding(review=review_c, text="Strength of C about workforce")

        cls.a_editor, cls.a_viewer, cls.north_lead = make_user(), make_user(), make_user()
        cls.c_editor, cls.no_role = make_user(), make_user()
        make_membership(cls.a_editor, Role.COUNCIL_EDITOR, cls.a)
        make_membership(cls.a_viewer, Role.COUNCIL_VIEWER, cls.a)
        make_membership(cls.north_lead, Role.REGIONAL_LEAD, cls.north)
        make_membership(cls.c_editor, Role.COUNCIL_EDITOR, cls.c)


class DirectoryTests(PracticeWorld):
    def texts(self, user, **filters):
        return {item.text for item in directory(user, **filters)}

    def test_issued_strengths_and_entries_of_the_users_regions_only(self):
        self.assertEqual(
            self.texts(self.a_viewer),
            {
                self.workforce_strength.text,
                self.voice_strength.text,
                self.entry_b.description,
            },
        )
        self.assertEqual(self.texts(self.c_editor), {"Strength of C about workforce"})
        self.assertEqual(self.texts(self.no_role), set())

    def test_focus_area_of_a_strength_comes_from_its_question_or_else_the_review(self):
        items = {item.text: item for item in directory(self.north_lead)}
        self.assertEqual(
            [a.code for a in items[self.workforce_strength.text].focus_areas], ["resources"]
        )
        self.assertEqual(
            [a.code for a in items[self.voice_strength.text].focus_areas], ["participation"]
        )
        self.assertEqual(
            self.texts(self.north_lead, focus_area=area("resources")),
            {self.workforce_strength.text},
        )
        self.assertEqual(
            self.texts(self.north_lead, focus_area=area("participation")),
            {self.voice_strength.text, self.entry_b.description},
        )

    def test_search_needs_every_word(self):
        self.assertEqual(
            self.texts(self.north_lead, words="workforce supervision"),
            {self.workforce_strength.text},
        )
        self.assertEqual(
            self.texts(self.north_lead, words="co-production"), {self.entry_b.description}
        )
        self.assertEqual(self.texts(self.north_lead, words="workforce carers"), set())

    def test_contact_role_of_a_strength_is_the_addressees_role(self):
        item = next(i for i in directory(self.north_lead) if i.source == "strength")
        self.assertEqual(item.contact_role, "Director of Adult Services")
        self.assertEqual(item.council, self.a)

    def test_directory_page_shows_and_searches(self):
        self.client.force_login(self.a_viewer)
        url = reverse("regional:directory", args=["north"])
        page = self.client.get(url).content.decode()
        for text in ("integrated workforce plan", "Co-production board", "Head of Co-production"):
            self.assertIn(text, page)
        self.assertIn("Review strength", page)
        self.assertIn("Council entry", page)
        self.assertNotIn("Draft strength", page)
        self.assertNotIn("Add notable practice", page)  # a viewer adds nothing
        page = self.client.get(url, {"q": "carers"}).content.decode()
        self.assertIn("Carers&#x27; voices", page)
        self.assertNotIn("integrated workforce plan", page)

    def test_access_to_the_directory(self):
        url = reverse("regional:directory", args=["north"])
        for user, status in (
            (self.a_viewer, 200),
            (self.north_lead, 200),
            (self.c_editor, 404),
            (self.no_role, 404),
        ):
            with self.subTest(user=user):
                self.client.force_login(user)
                self.assertEqual(self.client.get(url).status_code, status)
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 302)

    def test_practice_page_is_for_the_region(self):
        url = self.entry_b.get_absolute_url()
        for user, status in ((self.a_viewer, 200), (self.c_editor, 404), (self.no_role, 404)):
            with self.subTest(user=user):
                self.client.force_login(user)
                self.assertEqual(self.client.get(url).status_code, status)


class NewPracticeTests(PracticeWorld):
    url = "/practice/new/"
    data = {
        "title": "Strengths-based supervision",
        "description": "Monthly group supervision.",
        "contact_role": "Principal Social Worker",
    }

    def test_a_council_editor_adds_practice_for_their_council_only(self):
        self.client.force_login(self.a_editor)
        response = self.client.post(self.url, {**self.data, "council": self.b.pk})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Select a valid choice", response.content.decode())
        response = self.client.post(self.url, {**self.data, "council": self.a.pk})
        entry = PracticeEntry.objects.get(title="Strengths-based supervision")
        self.assertRedirects(response, entry.get_absolute_url())
        self.assertEqual((entry.council, entry.created_by), (self.a, self.a_editor))

    def test_the_regional_lead_adds_for_any_council_of_the_region(self):
        self.client.force_login(self.north_lead)
        self.client.post(self.url, {**self.data, "council": self.b.pk})
        self.assertTrue(PracticeEntry.objects.filter(council=self.b, title=self.data["title"]))
        response = self.client.post(self.url, {**self.data, "council": self.c.pk})
        self.assertEqual(response.status_code, 200)

    def test_errors_are_summarised(self):
        self.client.force_login(self.a_editor)
        page = self.client.post(self.url, {"council": self.a.pk}).content.decode()
        self.assertIn("<title>Error: Add notable practice", page)
        self.assertIn("Enter what the practice is", page)

    def test_viewers_and_people_without_a_council_may_not(self):
        for user in (self.a_viewer, self.no_role):
            with self.subTest(user=user):
                self.client.force_login(user)
                self.assertEqual(self.client.get(self.url).status_code, 403)
                self.client.post(self.url, {**self.data, "council": self.a.pk})
        self.assertFalse(PracticeEntry.objects.filter(title=self.data["title"]).exists())


class MatcherTests(PracticeWorld):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        review_b = make_review(host_council=cls.b, title="Peer challenge of B")
        cls.need = make_recommendation(
            review=review_b,
            focus_area=area("resources"),
            text="Ensure that workforce plans have targets and a supervision audit",
        )
        declined = make_recommendation(
            review=review_b,
            text="Write a workforce plan with a supervision audit",
            response=Recommendation.Response.NOT_ACCEPTED,
        )
        done = make_recommendation(
            review=review_b, text="Publish the workforce plan and supervision audit"
        )
        plan = make_plan(review=review_b)
        make_action(plan=plan, recommendations=[done], status=ActionStatus.COMPLETED)
        cls.declined, cls.done = declined, done
        PracticeEntry.objects.create(
            council=cls.a,
            title="Audit of carers' assessments",
            description="A quarterly audit with carers' targets",
            contact_role="Carers Lead",
        )

    def test_open_recommendations_matched_ranked_with_reasons(self):
        needs, ranking = match(self.b, self.north_lead)
        labels = [need.label for need in needs]
        self.assertEqual(labels, ["Recommendation 1 of the Peer challenge of B"])
        suggestions = needs[0].suggestions
        self.assertEqual(
            [s.item.text for s in suggestions],
            [self.workforce_strength.text, "A quarterly audit with carers' targets"],
        )
        self.assertEqual(
            suggestions[0].reason,
            "Same focus area (Resource and Workforce Management) and words in common: "
            "workforce, plan, supervision, audit",
        )
        self.assertEqual(suggestions[0].score, 6)
        self.assertEqual(suggestions[1].reason, "Words in common: targets, audit")
        self.assertEqual([(m.council, m.score) for m in ranking], [(self.a, 8)])

    def test_areas_for_consideration_and_never_the_councils_own_practice(self):
        make_finding(
            review=self.review_a,
            kind=Finding.Kind.AREA_FOR_CONSIDERATION,
            text="The co-production board could include carers of people who use services",
        )
        needs, _ = match(self.a, self.north_lead)
        suggested = {s.item.council for need in needs for s in need.suggestions}
        self.assertEqual(suggested, {self.b})
        self.assertEqual(needs[-1].suggestions[0].item.title, "Co-production board")

    def test_stemming_and_stop_words(self):
        self.assertEqual(
            [stem(w) for w in ("plans", "training", "trained", "policies")],
            ["plan", "train", "train", "policy"],
        )
        self.assertEqual(list(significant_words("The council should ensure plans")), ["plan"])

    def test_matches_page(self):
        self.client.force_login(self.north_lead)
        page = self.client.get(reverse("regional:matches", args=["council-b"])).content.decode()
        self.assertIn("words in common: workforce, plan, supervision, audit", page)
        self.assertIn("Councils to talk to", page)
        self.client.force_login(self.c_editor)
        response = self.client.get(reverse("regional:matches", args=["council-b"]))
        self.assertEqual(response.status_code, 404)


class DemoMatchTests(TestCase):
    """Done when: the matching tool suggests Walsall's strengths, or the practice the Walsall
    letter points to, to a council with a workforce recommendation in the demo data."""

    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
        load_practice_demo()
        User = get_user_model()
        cls.admin = User.objects.get(username="admin")
        cls.walsall_editor = User.objects.get(username="walsall.editor")
        cls.walsall = Council.objects.get(slug="walsall-council")
        cls.sefton = Council.objects.get(slug="sefton-metropolitan-borough-council")

    def test_loading_twice_adds_nothing(self):
        before = list(PracticeEntry.objects.values_list("pk", "title", "description"))
        load_practice_demo()
        self.assertEqual(
            list(PracticeEntry.objects.values_list("pk", "title", "description")), before
        )
        self.assertEqual(len(before), 6)

    def test_walsall_is_pointed_to_herefordshires_workforce_plan(self):
        needs, ranking = match(self.walsall, self.walsall_editor)
        herefordshire = [
            s
            for need in needs
            for s in need.suggestions
            if s.item.title == "Integrated workforce plan and principal social worker model"
        ]
        self.assertTrue(herefordshire)
        self.assertTrue(any("workforce" in s.reason for s in herefordshire))
        self.assertIn("Herefordshire Council", {m.council.name for m in ranking})

    def test_sefton_workforce_recommendation_is_pointed_to_walsalls_strengths(self):
        """Sefton (North West) is told of Walsall (West Midlands) by a user who reads both
        regions; recommendation 13 is implemented in the demo plan, and the inspection's
        area for improvement in the same words is still open."""
        needs, _ = match(self.sefton, self.admin)
        need = next(n for n in needs if n.text.startswith("Ensure that workforce development"))
        walsall = [s for s in need.suggestions if s.item.council == self.walsall]
        self.assertTrue(walsall)
        self.assertEqual(walsall[0].item.source, "strength")
        self.assertTrue(
            walsall[0].reason.startswith(
                "Same focus area (Resource and Workforce Management) and words in common:"
            )
        )
        self.assertIn("workforce", walsall[0].reason)

    def test_the_walsall_editor_sees_the_west_midlands_directory(self):
        self.client.force_login(self.walsall_editor)
        page = self.client.get(reverse("regional:directory", args=["west-midlands"]))
        self.assertContains(page, "integrated workforce plan")
        self.assertContains(page, "resilience of the workforce")
        page = self.client.get(reverse("regional:matches", args=["walsall-council"]))
        self.assertContains(page, "Herefordshire Council")


@building_pages
class DirectoryQueryCountTests(TestCase):
    def build(self, councils):
        region = make_region()
        for n in range(councils):
            council = make_council(region=region)
            review = make_review(host_council=council)
            review.focus_areas.set([area("resources")])
            question = make_scope_question(review=review)
            make_recommendation(
                review=review, scope_question=question, focus_area=area("leadership")
            )
            make_finding(review=review, scope_question=question, text=f"Strength {n} workforce")
            make_finding(review=review, text=f"Another strength {n}")
            PracticeEntry.objects.create(
                council=council, title=f"Practice {n}", description="x", contact_role="PSW"
            )
        lead = regional_lead_of(region)
        return region, lead

    def queries_for(self, councils, **params):
        region, lead = self.build(councils)
        self.client.force_login(lead)
        url = reverse("regional:directory", args=[region.slug])
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_the_same_number_of_queries_for_3_and_20_councils(self):
        self.assertEqual(self.queries_for(3), self.queries_for(20))
        self.assertLessEqual(self.queries_for(20), 13)

    def test_searching_and_filtering_cost_the_same(self):
        params = {"q": "workforce", "focus_area": area("leadership").pk}
        self.assertEqual(self.queries_for(3, **params), self.queries_for(20, **params))


@building_pages
class ReciprocityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(slug="mids")
        x, y, z, w = (make_council(name=f"{n} Council", region=cls.region) for n in "XYZW")
        elsewhere = make_council(name="Elsewhere Council")
        cls.x, cls.y, cls.z, cls.w = x, y, z, w
        visit = {"visit_start": date(2015, 11, 2), "visit_end": date(2015, 11, 4)}
        at_x = make_review(host_council=x, **visit)
        for home in (y, y, z, x, None, elsewhere):
            make_team_member(review=at_x, home_council=home)
        at_y = make_review(
            host_council=y,
            visit_start=date(2016, 2, 1),
            visit_end=date(2016, 2, 2),
            status=Review.Status.FIELDWORK,
        )
        make_team_member(review=at_y, home_council=x)
        at_w = make_review(host_council=w, **visit)
        make_team_member(review=at_w, home_council=y)
        planned = make_review(host_council=y, status=Review.Status.PLANNED, **visit)
        make_team_member(review=planned, home_council=x)
        menu = SupportType.objects.create(region=cls.region, tier="targeted", name="Mentoring")
        for status, days in (("completed", "2.5"), ("declined", "4")):
            SupportOffer.objects.create(
                council=x,
                provider=z,
                support_type=menu,
                days=Decimal(days),
                status=status,
                offered_on=date(2016, 5, 1),
            )
        cls.lead = regional_lead_of(cls.region)

    def expected(self):
        """Walk every team place and offer in Python."""
        given, received = {}, {}

        def add(table, council, year, days):
            table[(council.pk, year)] = table.get((council.pk, year), 0) + Decimal(days)

        for member in TeamMember.objects.select_related("review", "home_council"):
            review = member.review
            home = member.home_council
            if home is None or home == review.host_council or review.status == "planned":
                continue
            days = (review.visit_end - review.visit_start).days + 1
            year = financial_year_of(review.visit_start)
            add(given, home, year, days)
            add(received, review.host_council, year, days)
        for offer in SupportOffer.objects.exclude(status__in=["offered", "declined"]):
            year = financial_year_of(offer.offered_on)
            add(given, offer.provider, year, offer.days)
            add(received, offer.council, year, offer.days)
        return given, received

    def test_days_given_and_received_per_council_and_year(self):
        rows, years, average = reciprocity(self.region)
        given, received = self.expected()
        self.assertEqual(years, [2015, 2016])
        for row in rows:
            for year in years:
                with self.subTest(council=row.council.name, year=year):
                    figures = row.years.get(year)
                    key = (row.council.pk, year)
                    self.assertEqual(figures.given if figures else 0, given.get(key, 0))
                    self.assertEqual(figures.received if figures else 0, received.get(key, 0))
        by_name = {row.council.name: row for row in rows}
        self.assertEqual(by_name["Y Council"].total.given, 9)
        self.assertEqual(by_name["X Council"].total.received, Decimal("14.5"))
        self.assertEqual(average, Decimal("16.5") / 4)
        self.assertEqual(
            {name for name, row in by_name.items() if row.only_receives}, {"W Council"}
        )
        self.assertEqual(
            {name for name, row in by_name.items() if row.gives_far_more}, {"Y Council"}
        )

    def test_page_is_for_the_regional_lead(self):
        url = reverse("regional:reciprocity", args=["mids"])
        self.client.force_login(self.lead)
        page = self.client.get(url)
        self.assertContains(page, "Only receives")
        self.assertContains(page, "Gives far more than the average")
        self.assertContains(page, "2015/16")
        editor = editor_of(self.x)
        self.client.force_login(editor)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.client.force_login(make_user())
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_grouped_queries(self):
        with self.assertNumQueries(5):
            reciprocity(self.region)

    def test_visit_length_counts_both_ends(self):
        review = Review.objects.get(host_council=self.w)
        self.assertEqual(review.visit_end - review.visit_start, timedelta(days=2))
        row = next(r for r in reciprocity(self.region)[0] if r.council == self.w)
        self.assertEqual(row.total.received, 3)
