import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from councils.models import Membership
from regional.indicators.ascof import ASCOF_MEASURES
from regional.indicators.figures import ranked_readings
from regional.indicators.readings import read_readings_file
from regional.models import Measure, Reading
from tests.base import editor_of, regional_lead_of
from tests.factories import make_council, make_region

Role = Membership.Role
MARCH_23, MARCH_24 = date(2023, 3, 31), date(2024, 3, 31)


def _ranking(measure, region, period):
    return {
        r.council.name: (r.rank, r.quartile, r.trend, r.change)
        for r in ranked_readings(measure, region, period)
    }


def _csv(rows):
    text = "\n".join(",".join(row) for row in rows)
    return SimpleUploadedFile("readings.csv", text.encode(), content_type="text/csv")


def _xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return SimpleUploadedFile("readings.xlsx", data.getvalue())


class IndicatorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="North West", slug="north-west")
        cls.other_region = make_region(name="South", slug="south")
        cls.c = {
            name: make_council(name=name, slug=name.lower(), region=cls.region)
            for name in ("Alpha", "Bravo", "Charlie", "Delta", "Echo")
        }
        cls.far = make_council(name="Far", slug="far", region=cls.other_region)
        cls.higher = Measure.objects.get(code="1A", region=None)
        cls.lower = Measure.objects.get(code="2A", region=None)
        cls.local = Measure.objects.create(
            region=cls.region, code="NW1", name="Local thing", better="higher"
        )
        cls.south_local = Measure.objects.create(
            region=cls.other_region, code="S1", name="Southern thing", better="lower"
        )
        # This year: Alpha and Bravo tie; last year's values give the trends.
        this_year = {"Alpha": 20, "Bravo": 20, "Charlie": 15, "Delta": 10, "Echo": 5}
        last_year = {"Alpha": 18, "Bravo": 25, "Charlie": 15, "Delta": 12}
        for measure in (cls.higher, cls.lower):
            for name, value in this_year.items():
                Reading.objects.create(
                    measure=measure,
                    council=cls.c[name],
                    period_end=MARCH_24,
                    value=value,
                    target=15,
                )
            for name, value in last_year.items():
                Reading.objects.create(
                    measure=measure, council=cls.c[name], period_end=MARCH_23, value=value
                )
        Reading.objects.create(measure=cls.higher, council=cls.far, period_end=MARCH_24, value=99)
        cls.lead = regional_lead_of(cls.region)
        cls.editor = editor_of(cls.c["Alpha"])
        cls.outsider = editor_of(cls.far)

    def test_ascof_measures_are_loaded_with_their_direction(self):
        national = Measure.objects.filter(region=None)
        self.assertEqual(
            set(national.values_list("code", "domain", "name", "better")), set(ASCOF_MEASURES)
        )
        self.assertEqual(national.get(code="2A").better, "lower")
        self.assertEqual(national.get(code="4B").better, "higher")

    def test_ranks_quartiles_and_trends_when_higher_is_better(self):
        self.assertEqual(
            _ranking(self.higher, self.region, MARCH_24),
            {
                "Alpha": (1, 1, "improving", Decimal(2)),
                "Bravo": (1, 1, "worsening", Decimal(-5)),
                "Charlie": (3, 2, "no change", Decimal(0)),
                "Delta": (4, 3, "worsening", Decimal(-2)),
                "Echo": (5, 4, "no earlier reading", None),
            },
        )

    def test_ranks_quartiles_and_trends_when_lower_is_better(self):
        self.assertEqual(
            _ranking(self.lower, self.region, MARCH_24),
            {
                "Echo": (1, 1, "no earlier reading", None),
                "Delta": (2, 1, "improving", Decimal(-2)),
                "Charlie": (3, 2, "no change", Decimal(0)),
                "Alpha": (4, 3, "worsening", Decimal(2)),
                "Bravo": (4, 3, "improving", Decimal(-5)),
            },
        )

    def test_other_regions_do_not_count(self):
        self.assertNotIn("Far", _ranking(self.higher, self.region, MARCH_24))
        self.assertEqual(_ranking(self.higher, self.other_region, MARCH_24)["Far"][:2], (1, 1))

    def test_measure_page_shows_the_ranking_and_charts(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/measures/{self.lower.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["region"], self.region)
        self.assertEqual(response.context["period"], MARCH_24)
        self.assertEqual(response.context["council"], self.c["Alpha"])
        self.assertContains(response, "Worsening (+2)")
        self.assertContains(response, 'id="ranking-chart"')
        self.assertContains(response, 'id="trend-chart"')
        self.assertContains(response, "Show the figures")
        earlier = self.client.get(f"/measures/{self.lower.pk}/?period=2023-03-31&council=delta")
        self.assertEqual(earlier.context["period"], MARCH_23)
        self.assertEqual(earlier.context["council"], self.c["Delta"])

    def test_region_parameter_is_limited_to_the_users_regions(self):
        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(f"/measures/{self.higher.pk}/?region=south").status_code, 404
        )
        self.client.force_login(self.outsider)
        response = self.client.get(f"/measures/{self.higher.pk}/")
        self.assertEqual(list(response.context["rows"])[0].council, self.far)
        self.assertNotContains(response, "Alpha")

    def test_indicators_page_shows_the_latest_regional_picture(self):
        self.client.force_login(self.editor)
        response = self.client.get("/regions/north-west/indicators/")
        pictures = dict(response.context["rows"])
        picture = pictures[self.higher]
        self.assertEqual(picture.period_end, MARCH_24)
        self.assertEqual(picture.reporting, 5)
        self.assertEqual(picture.average, Decimal(14))
        self.assertEqual(picture.best, 20)
        self.assertEqual((picture.meeting_target, picture.with_target), (3, 5))
        self.assertEqual(pictures[self.lower].best, 5)
        self.assertEqual(pictures[self.lower].meeting_target, 3)
        self.assertIn(self.local, pictures)
        self.assertNotIn(self.south_local, pictures)
        self.assertNotContains(response, "Add a local measure")

    def test_lead_adds_a_local_measure(self):
        self.client.force_login(self.lead)
        url = "/regions/north-west/indicators/new-measure/"
        response = self.client.post(
            url, {"code": "NW2", "name": "Reviews on time", "better": "higher", "unit": "%"}
        )
        measure = Measure.objects.get(code="NW2")
        self.assertEqual(measure.region, self.region)
        self.assertRedirects(response, f"/measures/{measure.pk}/?region=north-west")
        taken = self.client.post(url, {"code": "2a", "name": "Clash", "better": "lower"})
        self.assertContains(taken, "A measure already has this code")

    def test_lead_enters_a_reading_by_form(self):
        self.client.force_login(self.lead)
        url = f"/measures/{self.local.pk}/readings/new/"
        data = {
            "council": self.c["Bravo"].pk,
            "period_end_0": "30",
            "period_end_1": "6",
            "period_end_2": "2024",
            "value": "42.5",
            "target": "",
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        reading = Reading.objects.get(measure=self.local)
        self.assertEqual((reading.value, reading.target), (Decimal("42.5"), None))
        self.client.post(url, {**data, "value": "43"})
        self.assertEqual(Reading.objects.get(measure=self.local).value, 43)
        far = self.client.post(url, {**data, "council": self.far.pk})
        self.assertContains(far, "Select a valid choice")

    def test_access_per_role(self):
        pages = [
            "/regions/north-west/indicators/new-measure/",
            "/regions/north-west/indicators/import/",
            f"/measures/{self.local.pk}/readings/new/",
            f"/measures/{self.higher.pk}/readings/new/",
        ]
        self.client.force_login(self.editor)
        for page in pages:
            self.assertEqual(self.client.get(page).status_code, 403, page)
        self.client.force_login(self.lead)
        for page in pages:
            self.assertEqual(self.client.get(page).status_code, 200, page)
        self.client.force_login(self.outsider)
        for page in [*pages[:3], "/regions/north-west/indicators/", f"/measures/{self.local.pk}/"]:
            self.assertEqual(self.client.get(page).status_code, 404, page)
        self.client.logout()
        self.assertEqual(self.client.get(f"/measures/{self.higher.pk}/").status_code, 302)

    # Import ----------------------------------------------------------------------------

    def test_import_preview_then_save(self):
        self.client.force_login(self.lead)
        url = "/regions/north-west/indicators/import/"
        upload = _xlsx(
            [
                ["measure_code", "COUNCIL", "Period ending", "Value ", "Target"],
                ["NW1", "Alpha", date(2024, 3, 31), 12.5, 10],
                ["nw1", "bravo", "31/03/2024", "8", None],
                ["2A", "Echo", "31/03/2024", 4, ""],
            ]
        )
        response = self.client.post(url, {"step": "preview", "file": upload})
        preview = response.context["preview"]
        self.assertTrue(preview.is_valid)
        self.assertEqual(
            [row.outcome for row in preview.rows],
            ["add a reading", "add a reading", "replace the reading"],
        )
        self.assertEqual(Reading.objects.filter(measure=self.local).count(), 0)
        response = self.client.post(
            url, {"step": "apply", "upload": response.context["upload_name"]}
        )
        self.assertRedirects(response, "/regions/north-west/indicators/")
        self.assertEqual(
            dict(Reading.objects.filter(measure=self.local).values_list("council__name", "value")),
            {"Alpha": Decimal("12.5"), "Bravo": Decimal(8)},
        )
        self.assertEqual(
            Reading.objects.get(
                measure=self.lower, council=self.c["Echo"], period_end=MARCH_24
            ).value,
            4,
        )

    def test_import_problems_by_row_and_column_and_nothing_saved(self):
        self.client.force_login(self.lead)
        before = Reading.objects.count()
        upload = _csv(
            [
                ["Measure code", "Council", "Period end", "Value", "Target"],
                ["NW1", "Alpha", "31/03/2024", "12", ""],
                ["S1", "Far", "someday", "=1+2", "lots"],
                ["NW1", "Alpha", "31/03/2024", "13", ""],
            ]
        )
        response = self.client.post(
            "/regions/north-west/indicators/import/", {"step": "preview", "file": upload}
        )
        problems = [str(p) for p in response.context["preview"].problems]
        self.assertEqual(
            problems,
            [
                "Row 3, column “Measure code”: “S1” is not a measure of this region; "
                "check the code",
                "Row 3, column “Council”: “Far” is not a council of North West",
                "Row 3, column “Period end”: “someday” is not a date; write it as 31/03/2024",
                "Row 3, column “Value”: “=1+2” is not a number; enter a number",
                "Row 3, column “Target”: “lots” is not a number; enter a number or leave it blank",
                "Row 4, column “Period end”: Row 2 has a reading for the same period already",
            ],
        )
        self.assertContains(response, "nothing will be saved")
        self.assertContains(response, "“=1+2”")
        self.assertNotContains(response, "Import these readings")
        self.assertEqual(Reading.objects.count(), before)

    def test_a_formula_looking_cell_stays_text(self):
        book = Workbook()
        book.active.append(["Measure code", "Council", "Period end", "Value"])
        book.active.append(["NW1", "Alpha", "31/03/2024", "=2+2"])
        book.active.append(["NW1", "Bravo", "31/03/2024", "=2+2"])
        book.active["D2"].data_type = "s"  # text that looks like a formula
        data = io.BytesIO()
        book.save(data)
        preview = read_readings_file(
            SimpleUploadedFile("r.xlsx", data.getvalue()), name="r.xlsx", region=self.region
        )
        self.assertEqual(
            [str(p) for p in preview.problems],
            [
                "Row 2, column “Value”: “=2+2” is not a number; enter a number",
                # A real formula is never worked out here: without Excel's result it is blank.
                "Row 3, column “Value”: Enter the value",
            ],
        )
        self.assertEqual(Reading.objects.filter(measure=self.local).count(), 0)

    def test_missing_columns_and_bad_files_are_refused(self):
        missing = read_readings_file(
            _csv([["Council", "Value"], ["Alpha", "1"]]), name="r.csv", region=self.region
        )
        self.assertIn("add “Measure code”, “Period end”", str(missing.problems[0]))
        bomb = read_readings_file(
            SimpleUploadedFile("r.xlsx", b"PK\x03\x04 not really"),
            name="r.xlsx",
            region=self.region,
        )
        self.assertIn("damaged", str(bomb.problems[0]))
        empty = read_readings_file(
            SimpleUploadedFile("r.csv", b""), name="r.csv", region=self.region
        )
        self.assertIn("empty", str(empty.problems[0]))

    def test_apply_refuses_an_upload_of_another_region(self):
        self.client.force_login(self.lead)
        response = self.client.post(
            "/regions/north-west/indicators/import/",
            {"step": "apply", "upload": "imports/readings-999/x.csv"},
        )
        self.assertRedirects(response, "/regions/north-west/indicators/import/")


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [0, 17])
def test_measure_page_queries_do_not_grow_with_councils(client, extra, django_assert_num_queries):
    region = make_region(slug="qc")
    councils = [make_council(region=region) for _ in range(3 + extra)]
    measure = Measure.objects.get(code="1A", region=None)
    for n, council in enumerate(councils):
        for period in (MARCH_23, MARCH_24):
            Reading.objects.create(measure=measure, council=council, period_end=period, value=n)
    user = regional_lead_of(region)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/measures/{measure.pk}/").status_code == 200
    counts = test_measure_page_queries_do_not_grow_with_councils.counts
    counts[extra] = len(queries)
    if len(counts) == 2:
        assert counts[0] == counts[17], counts


test_measure_page_queries_do_not_grow_with_councils.counts = {}
