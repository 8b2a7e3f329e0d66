"""Open data of published letters and plans: CSV, JSON and (plans) ODS, read back, under the
Open Government Licence, without exempt items, at addresses by council slug and number."""

import csv
import io
import json

from django.test import TestCase
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from odf.text import P

from improvement_plans.models import ActionStatus, ImprovementPlan
from reviews.models import Finding, Review
from sli.lib.opendata import LICENCE_URL
from sli.opendata.datasets import LETTER_COLUMNS, PLAN_COLUMNS
from tests.factories import (
    make_action,
    make_area,
    make_council,
    make_finding,
    make_plan,
    make_recommendation,
    make_review,
)

OGL = "Open Government Licence v3.0"


def ods_sheets(content):
    """{sheet name: rows of cell texts} of an .ods file, read back with odfpy."""
    document = load(io.BytesIO(content))
    sheets = {}
    for table in document.spreadsheet.getElementsByType(Table):
        rows = []
        for row in table.getElementsByType(TableRow):
            cells = []
            for cell in row.getElementsByType(TableCell):
                value_type = cell.getAttribute("valuetype")
                if value_type == "float":
                    cells.append(float(cell.getAttribute("value")))
                elif value_type == "date":
                    cells.append(cell.getAttribute("datevalue"))
                elif value_type == "boolean":
                    cells.append(cell.getAttribute("booleanvalue") == "true")
                else:
                    cells.append("\n".join(str(p) for p in cell.getElementsByType(P)))
            rows.append(cells)
        sheets[table.getAttribute("name")] = rows
    return sheets


class OpenDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(name="Walsall Council", slug="walsall")
        cls.review = review = make_review(host_council=cls.council, title="Peer challenge 2015")
        Review.objects.filter(pk=review.pk).update(published_at=review.created_at)
        make_finding(review=review, text="Strong leadership", kind=Finding.Kind.STRENGTH)
        cls.public = make_recommendation(review=review, text="=Review the carers' offer")
        make_recommendation(parent=cls.public, text="Ask carers first")
        cls.exempt = make_recommendation(
            review=review, text="End the contract with Named Provider Ltd", exempt=True
        )
        cls.plan = plan = make_plan(review=review, title="Improvement plan 2016")
        ImprovementPlan.objects.filter(pk=plan.pk).update(published_at=plan.created_at)
        area = make_area(plan=plan, title="Carers", recommendations=[cls.public])
        exempt_area = make_area(plan=plan, title=cls.exempt.text, recommendations=[cls.exempt])
        make_action(plan=plan, area=area, recommendations=[cls.public], title="Carers' strategy")
        make_action(
            plan=plan,
            area=exempt_area,
            recommendations=[cls.exempt],
            title="Retender home care",
            status=ActionStatus.ON_TRACK,
        )
        make_action(plan=plan, title="Secret action", exempt=True)
        cls.unpublished = make_review(host_council=cls.council, title="Unpublished review")
        cls.draft_plan = make_plan(review=cls.unpublished, title="Draft plan")

    def letter(self, file_format, slug="walsall", pk=None):
        return self.client.get(f"/open-data/{slug}/letters/{pk or self.review.pk}.{file_format}")

    def plan_file(self, file_format, slug="walsall", pk=None):
        return self.client.get(f"/open-data/{slug}/plans/{pk or self.plan.pk}.{file_format}")

    def assert_licensed(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Link"], f'<{LICENCE_URL}>; rel="license"')
        self.assertIn("attachment", response["Content-Disposition"])

    def test_a_published_letter_as_csv_without_exempt_items(self):
        response = self.letter("csv")
        self.assert_licensed(response)
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(list(rows[0]), [column.name for column in LETTER_COLUMNS])
        texts = {row["text"] for row in rows}
        self.assertIn("Strong leadership", texts)
        # A formula-like start is defused in the CSV, as every CSV of the site does.
        self.assertIn("'=Review the carers' offer", texts)
        self.assertIn("Ask carers first", texts)
        self.assertNotIn("Named Provider", response.content.decode())
        numbers = [row["number"] for row in rows if row["item_type"] == "recommendation"]
        self.assertEqual(numbers, ["1", "1(i)"])
        self.assertEqual({row["council_slug"] for row in rows}, {"walsall"})

    def test_a_published_letter_as_json_says_its_licence(self):
        response = self.letter("json")
        self.assert_licensed(response)
        document = json.loads(response.content)
        self.assertEqual(document["licence"], {"name": OGL, "url": LICENCE_URL})
        self.assertIn("Walsall Council", document["attribution"])
        self.assertEqual(document["source"], f"http://testserver/public/letters/{self.review.pk}/")
        texts = [row["text"] for row in document["rows"]]
        self.assertIn("=Review the carers' offer", texts)
        self.assertNotIn("Named Provider", response.content.decode())
        self.assertEqual(document["rows"][0]["letter_date"], "2024-04-15")

    def test_a_published_plan_in_every_format_without_exempt_items(self):
        csv_rows = list(
            csv.DictReader(io.StringIO(self.plan_file("csv").content.decode("utf-8-sig")))
        )
        json_rows = json.loads(self.plan_file("json").content)["rows"]
        response = self.plan_file("ods")
        self.assert_licensed(response)
        self.assertEqual(response["Content-Type"], "application/vnd.oasis.opendocument.spreadsheet")
        sheets = ods_sheets(response.content)
        header, *ods_rows = sheets["Data"]
        self.assertEqual(header, [column.name for column in PLAN_COLUMNS])
        for rows in (
            csv_rows,
            json_rows,
            [dict(zip(header, row, strict=True)) for row in ods_rows],
        ):
            self.assertEqual(
                [row["action_title"] for row in rows], ["Carers' strategy", "Retender home care"]
            )
            # The area titled with the exempt recommendation is numbered, not named.
            self.assertEqual([row["improvement_area_title"] for row in rows], ["Carers", ""])
            self.assertEqual([row["answers"] for row in rows], ["1", ""])
        self.assertEqual(ods_rows[0][header.index("action_number")], 1.0)
        self.assertEqual(ods_rows[0][header.index("due_date")], json_rows[0]["due_date"])
        self.assertIs(ods_rows[0][header.index("overdue")], json_rows[0]["overdue"])
        for content in (self.plan_file("csv").content, self.plan_file("json").content):
            self.assertNotIn(b"Named Provider", content)
            self.assertNotIn(b"Secret action", content)
        about = dict(row[:2] for row in sheets["Licence"][1:])
        self.assertEqual(about["Licence"], OGL)
        self.assertEqual(about["Licence address"], LICENCE_URL)

    def test_only_published_items_at_their_own_councils_address(self):
        other = make_council(slug="elsewhere")
        self.assertEqual(self.letter("csv", slug="elsewhere").status_code, 404)
        self.assertEqual(self.plan_file("ods", slug=other.slug).status_code, 404)
        self.assertEqual(self.letter("json", pk=self.unpublished.pk).status_code, 404)
        self.assertEqual(self.plan_file("csv", pk=self.draft_plan.pk).status_code, 404)
        self.assertEqual(self.letter("ods").status_code, 404)

    def test_the_pages_link_the_files_and_the_data_dictionary(self):
        letter = self.client.get(f"/public/letters/{self.review.pk}/")
        for file_format in ("csv", "json"):
            self.assertContains(
                letter, f'href="/open-data/walsall/letters/{self.review.pk}.{file_format}"'
            )
        plan = self.client.get(f"/public/plans/{self.plan.pk}/")
        for file_format in ("csv", "json", "ods"):
            self.assertContains(
                plan, f'href="/open-data/walsall/plans/{self.plan.pk}.{file_format}"'
            )
        for page in (letter, plan, self.client.get("/public/")):
            self.assertContains(page, 'href="/open-data/"')
        self.assertContains(plan, OGL)

    def test_the_data_dictionary_describes_every_column(self):
        page = self.client.get("/open-data/")
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, OGL)
        for column in (*LETTER_COLUMNS, *PLAN_COLUMNS):
            self.assertContains(page, f"<code>{column.name}</code>")
            self.assertContains(page, column.meaning.replace("'", "&#x27;"))
