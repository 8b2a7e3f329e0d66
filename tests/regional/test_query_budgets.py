"""Query budgets of the regional programme's lists and dashboards: each page costs the same
number of queries for a region of 2 councils as for one of 12, with every per-council row
grown alongside, so a query per row fails a test. (The measure page and the good-practice
directory have theirs in test_indicators.py and test_practice.py.)"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from councils.models import Council, Membership
from recommendations.models import Recommendation
from regional.models import (
    AssessmentComment,
    Measure,
    PracticeEntry,
    Reading,
    RiskAssessment,
    SelfAssessment,
    Standard,
    StandardLevel,
    SupportOffer,
    SupportType,
    Theme,
    Trigger,
    TriggerRating,
)
from reviews.models import Finding, FocusArea
from tests.base import editor_of, regional_lead_of
from tests.factories import (
    make_council,
    make_finding,
    make_recommendation,
    make_region,
    make_review,
    make_team_member,
)
from tests.test_pages import QueryBudgetTestCase

Role = Membership.Role
YEAR = 2024
PERIODS = (date(2023, 3, 31), date(2024, 3, 31))
SMALL, LARGE = 2, 12
CATEGORIES = list(Trigger.Category.values)
TIERS = list(SupportType.Tier.values)
RATINGS = list(TriggerRating.Rating.values)
WORKFORCE = "An integrated workforce plan with a supervision audit every month"
# A word of each council's own, so that Borough 01's need number n is best met by Borough n.
TREES = "alder birch cedar hazel maple rowan willow aspen larch holly juniper spruce".split()


class RegionalQueryBudgetTests(QueryBudgetTestCase):
    """A region whose first council, Borough 01, holds the assessment, theme, self-assessment,
    review and practice entry the detail pages show; every council added grows the region's
    lists and those pages' rows (ratings, comments, offers, years, standards, needs)."""

    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="North West", slug="north-west")
        cls.user = regional_lead_of(cls.region, first_name="Rita", last_name="Lead")
        cls.resources = FocusArea.objects.get(code="resources")
        cls.local = Measure.objects.create(
            region=cls.region, code="NW1", name="Local measure", better="higher", unit="%"
        )
        cls.measures = [*Measure.objects.filter(region=None, code__in=["1A", "2A"]), cls.local]
        cls.add_councils(SMALL)

    @classmethod
    def add_councils(cls, count):
        for _ in range(count):
            n = Council.objects.filter(region=cls.region).count() + 1
            council = make_council(
                name=f"Borough {n:02d}", slug=f"borough-{n:02d}", region=cls.region
            )
            if n == 1:
                cls.first_council(council)
            cls.add_risk(council, n)
            cls.add_self_assessment(council, n)
            cls.add_readings(council, n)
            cls.add_practice(council, n)
        cls.rate_every_trigger()
        cls.level_every_standard()

    @classmethod
    def first_council(cls, council):
        """The objects the detail pages show, all of Borough 01."""
        cls.first = council
        cls.assessment = RiskAssessment.objects.create(
            council=council, year=YEAR, overall_concern="medium", reasons="Rising delays"
        )
        cls.theme = Theme.objects.create(region=cls.region, year=YEAR, title="Carers")
        cls.review = make_review(
            host_council=council,
            title="Peer challenge of Borough 01",
            letter_addressee="Jo Bloggs, Director of Adult Social Services",
        )
        cls.entry = PracticeEntry.objects.create(
            council=council,
            focus_area=cls.resources,
            title="Supervision audit of Borough 01",
            description=WORKFORCE,
            contact_role="Principal Social Worker",
            created_by=cls.user,
        )

    @classmethod
    def add_risk(cls, council, n):
        """A trigger and support on the menus; the council's assessment with a comment; and
        for Borough 01 a comment, an offer given by this council, and one more past year."""
        Trigger.objects.create(
            region=cls.region,
            category=CATEGORIES[n % len(CATEGORIES)],
            text=f"Trigger {n:02d} of the region",
            data_source=f"Source {n:02d}",
            order=n,
        )
        support = SupportType.objects.create(
            region=cls.region, tier=TIERS[n % len(TIERS)], name=f"Support {n:02d}", order=n
        )
        own = cls.assessment
        if n > 1:
            own = RiskAssessment.objects.create(
                council=council, year=YEAR, status=RiskAssessment.Status.DISCUSSED
            )
        editor = editor_of(council, first_name="Editor", last_name=f"of Borough {n:02d}")
        AssessmentComment.objects.create(assessment=own, author=editor, text=f"Own view {n}")
        AssessmentComment.objects.create(
            assessment=cls.assessment, author=editor, text=f"Comment from Borough {n:02d}"
        )
        SupportOffer.objects.create(
            council=cls.first,
            assessment=cls.assessment,
            support_type=support,
            provider=council,
            days=Decimal("2.5"),
            status=SupportOffer.Status.ACCEPTED,
            offered_on=date(YEAR, 6, 1),
        )
        past = RiskAssessment.objects.create(
            council=cls.first,
            year=YEAR - n,
            status=RiskAssessment.Status.FINAL,
            overall_concern="low",
        )
        SupportOffer.objects.create(
            council=cls.first,
            assessment=past,
            support_type=support,
            provider=council,
            status=SupportOffer.Status.COMPLETED,
            offered_on=date(YEAR - n, 7, 1),
            completed_on=date(YEAR - n, 9, 1),
        )

    @classmethod
    def rate_every_trigger(cls):
        assessments = RiskAssessment.objects.filter(council__region=cls.region)
        rated = set(TriggerRating.objects.values_list("assessment", "trigger"))
        TriggerRating.objects.bulk_create(
            TriggerRating(
                assessment=assessment,
                trigger=trigger,
                rating=RATINGS[(assessment.pk + trigger.pk) % len(RATINGS)],
                evidence=f"Evidence on {trigger.text}",
            )
            for assessment in assessments
            for trigger in Trigger.objects.filter(region=cls.region)
            if (assessment.pk, trigger.pk) not in rated
        )

    @classmethod
    def add_self_assessment(cls, council, n):
        """A standard of the theme and a theme of the year; the council's submitted
        self-assessment of the theme."""
        Standard.objects.create(theme=cls.theme, number=n, text=f"Standard {n:02d} text")
        Theme.objects.create(region=cls.region, year=YEAR - n % 3, title=f"Theme {n:02d}")
        SelfAssessment.objects.create(theme=cls.theme, council=council, submitted_at=timezone.now())

    @classmethod
    def level_every_standard(cls):
        levelled = set(StandardLevel.objects.values_list("self_assessment", "standard"))
        StandardLevel.objects.bulk_create(
            StandardLevel(
                self_assessment=assessment,
                standard=standard,
                level=(assessment.council_id + standard.number) % 5,
                evidence=f"Evidence of {assessment.council.name}",
                strengths=f"Strength of {assessment.council.name} on {standard.number}",
                areas_for_development=f"Develop {assessment.council.name} on {standard.number}",
            )
            for assessment in SelfAssessment.objects.filter(theme=cls.theme).select_related(
                "council"
            )
            for standard in cls.theme.standards.all()
            if (assessment.pk, standard.pk) not in levelled
        )

    @classmethod
    def add_readings(cls, council, n):
        """Readings of two national measures and a local one for two periods, and a local
        measure of the council's own number."""
        extra = Measure.objects.create(
            region=cls.region, code=f"L{n:02d}", name=f"Local measure {n:02d}", better="lower"
        )
        Reading.objects.bulk_create(
            Reading(
                measure=measure,
                council=council,
                period_end=period,
                value=Decimal(n + index),
                target=Decimal(6),
            )
            for measure in [*cls.measures, extra]
            for index, period in enumerate(PERIODS)
        )

    @classmethod
    def add_practice(cls, council, n):
        """The council's notable practice and issued review (a strength, a recommendation and
        a team from other councils); one more open recommendation and area for consideration
        for Borough 01 to be matched, and a place on its team."""
        PracticeEntry.objects.create(
            council=council,
            focus_area=cls.resources,
            title=f"Workforce plan of Borough {n:02d}",
            description=f"{WORKFORCE}, known as {TREES[n - 1]}",
            contact_role="Principal Social Worker",
            created_by=cls.user,
        )
        review = cls.review
        if n > 1:
            review = make_review(host_council=council, title=f"Peer challenge of Borough {n:02d}")
            review.focus_areas.set([cls.resources])
            make_finding(review=review, text=f"{WORKFORCE}, known as {TREES[n - 1]}")
            make_recommendation(review=review, focus_area=cls.resources, text="Keep it going")
            make_team_member(review=review, home_council=cls.first)
            make_team_member(review=cls.review, home_council=council)
        make_team_member(review=review, home_council=None, organisation="LGA")
        make_recommendation(
            review=cls.review,
            focus_area=cls.resources,
            text=f"Write a workforce plan with a supervision audit like {TREES[n - 1]}",
            response=Recommendation.Response.ACCEPTED,
        )
        make_finding(
            review=cls.review,
            kind=Finding.Kind.AREA_FOR_CONSIDERATION,
            text=f"The supervision audit of the {TREES[n - 1]} team is late",
        )

    def assert_same_budget(self, budget, url):
        """``url`` costs no more than ``budget`` queries of its own, and the same for 12
        councils as for 2; return the response for 12."""
        _, small = self.get_within_budget(budget, url)
        self.add_councils(LARGE - SMALL)
        response, large = self.get_within_budget(budget, url)
        self.assertEqual(small, large, url)
        self.assertEqual(Council.objects.filter(region=self.region).count(), LARGE)
        return response

    # The annual risk assessment

    def test_the_years_assessments_cost_the_same_for_2_and_12_councils(self):
        # Two more for the councils' latest CQC ratings (the statements, the assessments).
        response = self.assert_same_budget(8, f"/regions/north-west/risk/{YEAR}/")

        self.assertContains(response, "Borough 12</a>")
        self.assertContains(response, "Discussed with the council", LARGE - 1)

    def test_an_assessment_costs_the_same_with_12_triggers_comments_and_offers(self):
        # Two more for the council's latest CQC assessment (the framework's statements, and
        # the assessments), which a lead may cite.
        response = self.assert_same_budget(9, self.assessment.get_absolute_url())

        self.assertContains(response, "Trigger 12 of the region")
        self.assertContains(response, "Comment from Borough 12")
        self.assertContains(response, "Editor of Borough 12")
        self.assertContains(response, '<td class="govuk-table__cell">Borough 12</td>')

    def test_a_councils_years_of_assessment_cost_the_same_for_2_and_12_years(self):
        response = self.assert_same_budget(4, "/councils/borough-01/risk/")

        self.assertContains(response, f"{YEAR - 12}/{(YEAR - 11) % 100:02d}")
        self.assertContains(response, "Support 12</a>: completed")
        self.assertEqual(len(response.context["assessments"]), LARGE + 1)

    def test_the_triggers_cost_the_same_for_2_and_12_triggers(self):
        response = self.assert_same_budget(3, "/regions/north-west/triggers/")

        self.assertContains(response, "Trigger 12 of the region")
        self.assertContains(response, "Source 12")

    def test_the_menu_of_support_costs_the_same_for_2_and_12_items(self):
        response = self.assert_same_budget(3, "/regions/north-west/support/")

        self.assertContains(response, "Support 12")

    # Thematic reviews

    def test_the_themes_cost_the_same_for_2_and_12_themes(self):
        response = self.assert_same_budget(3, "/regions/north-west/themes/")

        self.assertContains(response, "Theme 12")

    def test_a_themes_summary_costs_the_same_for_2_and_12_councils_and_standards(self):
        response = self.assert_same_budget(6, self.theme.get_absolute_url())

        self.assertContains(response, "12 of 12 councils submitted")
        self.assertContains(response, "Standard 12 text")
        self.assertContains(response, "Strength of Borough 12 on 12")

    def test_a_self_assessment_costs_the_same_for_2_and_12_standards(self):
        self_assessment = SelfAssessment.objects.get(theme=self.theme, council=self.first)
        page = f"/themes/{self.theme.pk}/councils/borough-01/"

        with self.assert_max_queries(self.overhead + 1):
            redirect = self.client.get(self_assessment.get_absolute_url())
        self.assertRedirects(redirect, page, fetch_redirect_response=False)
        response = self.assert_same_budget(6, page)

        self.assertContains(response, "Standard 12: Standard 12 text")
        self.assertContains(response, "Strength of Borough 01 on 12")

    # Indicators

    def test_the_indicators_cost_the_same_for_2_and_12_councils_and_measures(self):
        response = self.assert_same_budget(4, "/regions/north-west/indicators/")

        self.assertContains(response, "L12 Local measure 12")
        reporting = [picture.reporting for _, picture in response.context["rows"] if picture]
        self.assertIn(LARGE, reporting)

    # Good practice and reciprocity

    def test_reciprocity_costs_the_same_for_2_and_12_councils(self):
        response = self.assert_same_budget(7, "/regions/north-west/reciprocity/")

        self.assertContains(response, "Borough 12")
        rows = {row.council.name: total for row, _cells, total in response.context["rows"]}
        self.assertEqual(len(rows), LARGE)
        self.assertEqual(rows["Borough 12"].given, Decimal("2.5") + 4)

    def test_a_councils_matches_cost_the_same_for_2_and_12_councils(self):
        response = self.assert_same_budget(11, "/councils/borough-01/matches/")

        self.assertContains(response, "Borough 12")
        self.assertEqual(len(response.context["needs"]), 2 * LARGE)
        self.assertIn("Borough 12", {row.council.name for row in response.context["ranking"]})

    def test_a_practice_entry_costs_the_same_in_a_region_of_2_and_of_12_councils(self):
        response = self.assert_same_budget(1, self.entry.get_absolute_url())

        self.assertContains(response, "Supervision audit of Borough 01")
        self.assertContains(response, "Rita Lead")
