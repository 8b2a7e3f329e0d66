"""The region page's heat map of the councils' latest CQC ratings and scores."""

import re
from datetime import date
from html import unescape

from django.test import TestCase

from councils.models import Council
from reviews.cqc.latest import HeatMap
from reviews.models import Review
from tests.base import councillor_of, regional_lead_of
from tests.factories import make_council, make_cqc_assessment, make_region
from tests.test_pages import QueryBudgetTestCase

GOOD_NINES = [3] * 9  # 27 of 36: 75%, Good
WEAK = [2, 2, 2, 2, 3, 2, 2, 2, 2]  # 19 of 36: 53%, Requires improvement


def heat_map_rows(response):
    """The heat map's body rows as text: [council, rating cell, nine cells] each."""
    page = response.content.decode()
    table = re.search(r'<table class="govuk-table sli-heat-map">(.*?)</table>', page, re.S)
    assert table, "no heat map on the page"
    body = table.group(1).split("<tbody", 1)[1]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([" ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells])
    return rows


class HeatMapPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="West Midlands", slug="west-midlands")
        cls.lead = regional_lead_of(cls.region)
        cls.walsall, cls.dudley, cls.solihull = (
            make_council(name=name, slug=name.lower(), region=cls.region)
            for name in ("Walsall", "Dudley", "Solihull")
        )
        # Walsall: an older, weaker assessment, then a later one whose report gives the
        # rating but not the percentage.
        make_cqc_assessment(council=cls.walsall, scores=WEAK, report_date=date(2024, 2, 1))
        cls.walsall_latest = make_cqc_assessment(
            council=cls.walsall, scores=GOOD_NINES, published_rating="good"
        )
        # Dudley: the report publishes both; it scores lower. Solihull: only a draft, at its
        # factual accuracy check, which is not yet the CQC's judgement.
        cls.dudley_assessment = make_cqc_assessment(
            council=cls.dudley,
            scores=WEAK,
            published_rating="requires_improvement",
            published_percentage=53,
        )
        make_cqc_assessment(
            council=cls.solihull, scores=[4] * 9, status=Review.Status.FACTUAL_ACCURACY
        )

    def test_the_lead_reads_every_councils_latest_rating_and_scores_weakest_first(self):
        self.client.force_login(self.lead)
        response = self.client.get("/regions/west-midlands/")

        rows = heat_map_rows(response)
        self.assertEqual([row[0] for row in rows], ["Dudley", "Walsall", "Solihull"])
        dudley, walsall, solihull = rows
        self.assertIn("Requires improvement", dudley[1])
        self.assertIn("53%", dudley[1])
        self.assertNotIn("computed", dudley[1])
        # Walsall's later assessment, its percentage worked out from the scores.
        self.assertIn("Good", walsall[1])
        self.assertIn("75% (computed)", walsall[1])
        self.assertEqual(walsall[2:], ["3 – a good standard"] * 9)
        self.assertEqual(dudley[2], "2 – some shortfalls")
        self.assertEqual(dudley[6], "3 – a good standard")
        self.assertEqual(solihull[1:], ["Not yet assessed"])

    def test_accessible_table_with_caption_headers_key_and_links(self):
        self.client.force_login(self.lead)
        response = self.client.get("/regions/west-midlands/")
        page = response.content.decode()

        table = page.split('<table class="govuk-table sli-heat-map">', 1)[1].split("</table>")[0]
        self.assertIn("<caption", table)
        self.assertEqual(table.count('scope="col"'), 11)
        self.assertEqual(table.count('scope="row"'), 3)
        self.assertIn('<span class="govuk-visually-hidden"> Assessing needs</span>', table)
        self.assertContains(response, self.walsall_latest.get_absolute_url())
        self.assertContains(response, self.dudley_assessment.get_absolute_url())
        # The key says each score in words beside its colour.
        self.assertContains(response, "Key to the scores")
        for words in ("1</span> – significant shortfalls", "4</span> – an exceptional standard"):
            self.assertContains(response, words)
        # Every score cell's colour class matches the number it writes.
        for shade, number in re.findall(r'sli-score--(\d)">(\d)<', table):
            self.assertEqual(shade, number)

    def test_ordered_by_name_on_request_keeping_the_filters(self):
        self.client.force_login(self.lead)
        response = self.client.get("/regions/west-midlands/?year=2025&cqc_order=name")

        rows = heat_map_rows(response)
        self.assertEqual([row[0] for row in rows], ["Dudley", "Solihull", "Walsall"])
        self.assertContains(response, 'href="?year=2025&amp;cqc_order=weakest#cqc"')

    def test_a_councillor_sees_only_their_own_council(self):
        self.client.force_login(councillor_of(self.walsall))
        rows = heat_map_rows(self.client.get("/regions/west-midlands/"))

        self.assertEqual([row[0] for row in rows], ["Walsall"])

    def test_an_outsider_gets_404(self):
        other = make_region(name="North West", slug="north-west")
        self.client.force_login(regional_lead_of(other))

        self.assertEqual(self.client.get("/regions/west-midlands/").status_code, 404)

    def test_a_rating_and_percentage_left_out_by_the_report_are_computed(self):
        latest = HeatMap.of(Council.objects.filter(pk=self.walsall.pk), self.lead).rows[0].latest

        self.assertEqual(latest.assessment, self.walsall_latest)
        self.assertEqual((latest.result.percentage, latest.result.percentage_computed), (75, True))
        self.assertEqual((latest.result.rating, latest.result.rating_computed), ("good", False))


class HeatMapQueryBudgetTests(QueryBudgetTestCase):
    """The heat map costs the same queries for 3 councils as for 12."""

    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="East", slug="east")
        cls.user = regional_lead_of(cls.region)
        cls.add_councils(3)

    @classmethod
    def add_councils(cls, count):
        for _ in range(count):
            n = Council.objects.filter(region=cls.region).count() + 1
            council = make_council(
                name=f"Borough {n:02d}", slug=f"borough-{n:02d}", region=cls.region
            )
            if n % 3:  # every third council is not yet assessed
                make_cqc_assessment(council=council, scores=[1 + (n + i) % 4 for i in range(9)])
                make_cqc_assessment(
                    council=council, scores=WEAK, report_date=date(2024, 1, n % 28 + 1)
                )

    def test_region_page_with_the_heat_map(self):
        _, small = self.get_within_budget(17, "/regions/east/")
        self.add_councils(9)
        response, large = self.get_within_budget(17, "/regions/east/")

        self.assertEqual(small, large)
        rows = heat_map_rows(response)
        self.assertEqual(len(rows), 12)
        self.assertEqual(sum(row[1:] == ["Not yet assessed"] for row in rows), 4)
