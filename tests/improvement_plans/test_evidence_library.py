"""The evidence library by quality statement (issue 14, point 5): items added by the
council's editors, progress updates' evidence under their action's statements, the coverage
grid's counts and warnings, the filters, the evidence index read back from the .xlsx (openpyxl)
and the PDF (pypdf), and who may read and change what."""

import html
import io
import re
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from councils.models import Council
from improvement_plans.evidence_library.library import Library, default_older_than
from improvement_plans.evidence_library.models import EvidenceItem, ProgressEvidenceCategories
from reviews.models import EvidenceCategory, Framework, QualityStatement
from tests.base import councillor_of, editor_of, lead_of, regional_lead_of
from tests.demo import load_demo_copy
from tests.factories import (
    make_action,
    make_council,
    make_evidence,
    make_plan,
    make_region,
    make_review,
    make_update,
)
from tests.test_pages import QueryBudgetTestCase

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TODAY = timezone.localdate()


def dates(name, value):
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


def field_error(response, name):
    match = re.search(rf'id="id_{name}_error">(.*?)</p>', response.content.decode(), re.S)
    if not match:
        return ""
    text = html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))
    return " ".join(text.replace("Error:", "").split())


def page_text(response):
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(text).split())


def evidence_listed(response):
    """The page's list of evidence, without the grid above it and the history below."""
    text = page_text(response)
    return text.split("Evidence by quality statement", 1)[1].split("History", 1)[0]


def framework_parts():
    framework = Framework.objects.applying_on(TODAY)
    statements = {s.name: s for s in QualityStatement.objects.filter(theme__framework=framework)}
    categories = {c.code: c for c in EvidenceCategory.objects.filter(framework=framework)}
    return statements, categories


def make_item(council, *, number, statements, categories, day=None, **fields):
    fields.setdefault("link", f"https://www.example.org/evidence/{number}")
    item = EvidenceItem.objects.create(
        council=council,
        number=number,
        title=fields.pop("title", f"Evidence item {number}"),
        evidence_date=day or TODAY - timedelta(days=30),
        **fields,
    )
    item.quality_statements.set(statements)
    item.categories.set(categories)
    return item


class LibraryWorld(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.statements, cls.categories = framework_parts()
        cls.people = cls.categories["peoples-experience"]
        cls.processes = cls.categories["processes"]
        cls.needs = cls.statements["Assessing needs"]
        cls.safeguarding = cls.statements["Safeguarding"]
        cls.region = make_region(name="North", slug="north")
        cls.council = make_council(name="Borough", slug="borough", region=cls.region)
        cls.other = make_council(name="Elsewhere", slug="elsewhere")
        cls.editor = editor_of(cls.council)
        cls.councillor = councillor_of(cls.council)
        cls.lead = regional_lead_of(cls.region)
        cls.other_editor = editor_of(cls.other)
        review = make_review(host_council=cls.council)
        cls.peer = lead_of(review)
        cls.plan = make_plan(review=review, title="Borough improvement plan")
        cls.action = make_action(plan=cls.plan, number=12, title="Shorten waiting lists")
        cls.action.quality_statements.set([cls.needs, cls.safeguarding])
        cls.update = make_update(action=cls.action, date=TODAY - timedelta(days=10))
        cls.progress = make_evidence(update=cls.update, description="Waiting list audit")
        untagged = make_action(plan=cls.plan, number=13, title="Not towards a statement")
        make_evidence(update=make_update(action=untagged), description="Untagged evidence")
        cls.url = reverse("improvement_plans:library:index", args=[cls.council.slug])
        cls.new_url = reverse("improvement_plans:library:new", args=[cls.council.slug])


class AddingEvidenceTests(LibraryWorld):
    def post_item(self, **overrides):
        data = {
            "title": "Carers' survey 2025",
            "description": "What carers said",
            **dates("evidence_date", TODAY - timedelta(days=40)),
            "link": "https://www.example.gov.uk/carers-survey",
            "quality_statements": [self.needs.pk, self.safeguarding.pk],
            "categories": [self.people.pk],
        }
        data.update(overrides)
        self.client.force_login(self.editor)
        return self.client.post(self.new_url, data)

    def test_an_editor_adds_a_link_numbered_in_the_council_with_its_history(self):
        response = self.post_item()
        self.assertRedirects(response, self.url)
        item = EvidenceItem.objects.get()
        self.assertEqual(
            (item.reference, item.council, item.added_by), ("E1", self.council, self.editor)
        )
        self.assertEqual(set(item.quality_statements.all()), {self.needs, self.safeguarding})
        self.assertEqual(list(item.categories.all()), [self.people])
        self.assertTrue(item.history.filter(history_type="+").exists())
        self.post_item(title="Second")
        self.assertEqual(EvidenceItem.objects.get(title="Second").reference, "E2")
        # The page lists it under both its statements, and its history.
        text = page_text(self.client.get(self.url))
        self.assertEqual(text.count("Carers' survey 2025 (a link to a public document)"), 2)
        self.assertIn("Created evidence E1: Carers' survey 2025", text)

    def test_a_file_is_checked_as_progress_evidence_is_and_downloaded_behind_access(self):
        upload = SimpleUploadedFile("audit.pdf", PDF)
        response = self.post_item(link="", file=upload)
        self.assertEqual(response.status_code, 302)
        item = EvidenceItem.objects.get()
        self.assertEqual(item.file_name, "audit.pdf")
        file_url = reverse("improvement_plans:library:file", args=[item.pk])
        for user, status in (
            (self.editor, 200),
            (self.councillor, 200),
            (self.lead, 200),
            (self.peer, 404),
            (self.other_editor, 404),
        ):
            self.client.force_login(user)
            response = self.client.get(file_url)
            self.assertEqual(response.status_code, status, user)
            if status == 200:
                self.assertEqual(b"".join(response.streaming_content), PDF)
        renamed = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 a program")
        response = self.post_item(link="", file=renamed)
        self.assertEqual(
            field_error(response, "file"),
            "The file is called .pdf but is not a PDF: check it and upload it again",
        )

    def test_what_the_form_refuses_and_says(self):
        both = self.post_item(file=SimpleUploadedFile("audit.pdf", PDF))
        self.assertEqual(field_error(both, "link"), "Give a file or a link, not both")
        neither = self.post_item(link="")
        self.assertEqual(
            field_error(neither, "file"), "Upload a file or give a link to the evidence"
        )
        untagged = self.post_item(quality_statements=[], categories=[])
        self.assertEqual(
            field_error(untagged, "quality_statements"), "Choose at least one quality statement"
        )
        self.assertEqual(
            field_error(untagged, "categories"), "Choose at least one evidence category"
        )
        future = self.post_item(**dates("evidence_date", TODAY + timedelta(days=1)))
        self.assertEqual(
            field_error(future, "evidence_date"),
            "The date of the evidence must be today or in the past",
        )
        undated = self.post_item(evidence_date_0="", evidence_date_1="", evidence_date_2="")
        self.assertEqual(field_error(undated, "evidence_date"), "Enter the date of the evidence")
        self.assertFalse(EvidenceItem.objects.exists())

    def test_editing_keeps_the_number_and_a_link_replaces_the_file(self):
        item = make_item(
            self.council,
            number=4,
            statements=[self.needs],
            categories=[self.people],
            link="",
            file=ContentFile(PDF, name="old.pdf"),
        )
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("improvement_plans:library:edit", args=[item.pk]),
            {
                "title": "Renamed",
                **dates("evidence_date", item.evidence_date),
                "link": "https://www.example.gov.uk/new",
                "quality_statements": [self.safeguarding.pk],
                "categories": [self.processes.pk],
            },
        )
        self.assertRedirects(response, self.url)
        item.refresh_from_db()
        self.assertEqual((item.number, item.title, item.file.name), (4, "Renamed", ""))
        self.assertEqual(list(item.quality_statements.all()), [self.safeguarding])
        changes = page_text(self.client.get(self.url))
        self.assertIn("Quality statements it supports: Assessing needs", changes)

    def test_removing_asks_first_and_keeps_the_history(self):
        item = make_item(self.council, number=1, statements=[self.needs], categories=[self.people])
        remove = reverse("improvement_plans:library:remove", args=[item.pk])
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(remove), "Remove evidence E1?")
        self.assertRedirects(self.client.post(remove), self.url)
        self.assertFalse(EvidenceItem.objects.exists())
        self.assertTrue(EvidenceItem.history.filter(id=item.pk, history_type="-").exists())


class AccessTests(LibraryWorld):
    def test_who_reads_and_who_changes(self):
        item = make_item(self.council, number=1, statements=[self.needs], categories=[self.people])
        edit = reverse("improvement_plans:library:edit", args=[item.pk])
        categorise = reverse("improvement_plans:library:categorise", args=[self.progress.pk])
        for user, read, change in (
            (self.editor, 200, 200),
            (self.councillor, 200, 403),
            (self.lead, 200, 403),
            (self.peer, 403, 404),  # sees the council, not its evidence
            (self.other_editor, 404, 404),
        ):
            with self.subTest(user=user):
                self.client.force_login(user)
                self.assertEqual(self.client.get(self.url).status_code, read)
                self.assertEqual(self.client.get(edit).status_code, change)
                self.assertEqual(
                    self.client.post(categorise, {}).status_code, change if change != 200 else 302
                )
                new = self.client.get(self.new_url).status_code
                self.assertEqual(
                    new,
                    {200: 200, 403: 403, 404: 404}[read]
                    if change == 200
                    else (read if read != 200 else 403),
                )

    def test_the_council_page_and_the_editors_home_link_to_the_library(self):
        for user, linked in ((self.editor, True), (self.councillor, True), (self.peer, False)):
            self.client.force_login(user)
            page = self.client.get(self.council.get_absolute_url()).content.decode()
            self.assertEqual(f'href="{self.url}"' in page, linked, user)
        self.client.force_login(self.editor)
        self.assertContains(self.client.get("/"), f'href="{self.url}"')


class GridTests(LibraryWorld):
    def test_counts_warnings_and_the_chosen_date(self):
        make_item(
            self.council,
            number=1,
            statements=[self.needs],
            categories=[self.people, self.processes],
            day=TODAY - timedelta(days=100),
        )
        make_item(
            self.council,
            number=2,
            statements=[self.safeguarding],
            categories=[self.processes],
            day=date(TODAY.year - 3, 1, 15),
        )
        make_item(self.other, number=1, statements=[self.safeguarding], categories=[self.people])
        library = Library.of(self.council, self.editor)
        self.assertEqual(library.older_than, default_older_than(TODAY))
        self.assertEqual(len(library.statements), 9)
        rows = {row.statement.name: row for row in library.grid()}
        needs, safeguarding = rows["Assessing needs"], rows["Safeguarding"]
        counts = {cell.category.code: cell.count for cell in needs.cells}
        self.assertEqual(
            counts,
            {"peoples-experience": 1, "staff-and-leaders": 0, "partners": 0, "processes": 1},
        )
        # The progress evidence, not yet categorised, under both the action's statements.
        self.assertEqual(needs.not_categorised.count, 1)
        self.assertEqual(safeguarding.not_categorised.count, 1)
        self.assertEqual(needs.required_missing, [])
        self.assertEqual(safeguarding.required_missing, [self.people])
        self.assertEqual([cell.category for cell in safeguarding.old_cells], [self.processes])
        self.assertEqual(needs.old_cells, [])
        missing = [row for row in library.grid() if row.required_missing]
        self.assertEqual(len(missing), 8)  # only Assessing needs has people's experience

        # The page says it in words, and a later chosen date makes more cells old.
        self.client.force_login(self.councillor)
        text = page_text(self.client.get(self.url))
        self.assertIn("8 quality statements have none", text)
        self.assertIn("In 1 cell all the evidence is older than", text)
        self.assertIn("No people's experience", text)
        later = self.client.get(self.url, dates("older_than", TODAY))
        self.assertIn("In 3 cells all the evidence is older than", page_text(later))

    def test_categorising_progress_evidence_moves_it_in_the_grid(self):
        self.client.force_login(self.editor)
        url = reverse("improvement_plans:library:categorise", args=[self.progress.pk])
        self.assertContains(self.client.get(url), "Waiting list audit")
        self.assertRedirects(self.client.post(url, {"categories": [self.people.pk]}), self.url)
        record = ProgressEvidenceCategories.objects.get(evidence=self.progress)
        self.assertEqual(list(record.categories.all()), [self.people])
        self.assertTrue(record.history.exists())
        rows = {row.statement.name: row for row in Library.of(self.council, self.editor).grid()}
        self.assertEqual(rows["Safeguarding"].required_missing, [])
        self.assertEqual(rows["Safeguarding"].not_categorised.count, 0)
        # Back to none: "not categorised" again.
        self.client.post(url, {})
        self.assertEqual(Library.of(self.council, self.editor).grid()[0].not_categorised.count, 1)

    def test_with_two_plans_a_reference_names_the_plan_too(self):
        newer = make_plan(
            council=self.council, version_date=self.plan.version_date.replace(year=2030)
        )
        action = make_action(plan=newer, number=12)
        action.quality_statements.set([self.needs])
        make_evidence(update=make_update(action=action), description="Second plan's audit")
        references = {
            entry.title: entry.reference for entry in Library.of(self.council, self.editor).entries
        }
        self.assertEqual(references["Waiting list audit"], "P1-A12.1")
        self.assertEqual(references["Second plan's audit"], "P2-A12.1")

    def test_filters_by_statement_and_category(self):
        make_item(
            self.council,
            number=1,
            title="Survey",
            statements=[self.needs],
            categories=[self.people],
        )
        make_item(
            self.council,
            number=2,
            title="Procedure",
            statements=[self.safeguarding],
            categories=[self.processes],
        )
        self.client.force_login(self.editor)
        by_statement = evidence_listed(self.client.get(self.url, {"statement": self.needs.pk}))
        self.assertIn("Survey", by_statement)
        self.assertIn("Waiting list audit", by_statement)
        self.assertNotIn("Procedure", by_statement)
        by_category = evidence_listed(self.client.get(self.url, {"category": self.processes.pk}))
        self.assertIn("Procedure", by_category)
        self.assertNotIn("Waiting list audit", by_category)
        uncategorised = evidence_listed(self.client.get(self.url, {"category": "none"}))
        self.assertIn("Waiting list audit", uncategorised)
        self.assertNotIn("Survey", uncategorised)
        self.assertNotIn("Untagged evidence", page_text(self.client.get(self.url)))


class IndexExportTests(LibraryWorld):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_item(
            cls.council,
            number=1,
            title='=HYPERLINK("http://evil.example")',
            statements=[cls.needs, cls.safeguarding],
            categories=[cls.people],
            day=date(2025, 5, 1),
        )
        make_item(
            cls.council,
            number=2,
            title="Safeguarding procedures",
            statements=[cls.safeguarding],
            categories=[cls.processes],
            link="",
            file=ContentFile(PDF, name="procedures.pdf"),
            day=date(2024, 3, 2),
        )

    def test_the_spreadsheet_lists_every_piece_of_evidence_as_text(self):
        self.client.force_login(self.lead)
        url = reverse("improvement_plans:library:index_xlsx", args=[self.council.slug])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("borough-evidence-index.xlsx", response["Content-Disposition"])
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(
            rows[0][:6],
            (
                "Reference",
                "Title",
                "Date of the evidence",
                "Quality statements",
                "Evidence categories",
                "Link or file name",
            ),
        )
        by_reference = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_reference), {"E1", "E2", "A12.1"})
        self.assertEqual(by_reference["E1"][1], '=HYPERLINK("http://evil.example")')
        self.assertEqual(sheet["B2"].data_type, "s")  # text, never a formula
        self.assertEqual(by_reference["E1"][2].date(), date(2025, 5, 1))
        self.assertEqual(by_reference["E1"][3], "1. Assessing needs; 7. Safeguarding")
        self.assertEqual(by_reference["E2"][4:6], ("Processes", "procedures.pdf"))
        self.assertEqual(by_reference["A12.1"][4], "Not categorised")
        self.assertIn("action 12 of Borough improvement plan", by_reference["A12.1"][6])
        # The filters of the page apply to the download.
        filtered = self.client.get(url, {"category": self.processes.pk})
        rows = list(load_workbook(io.BytesIO(filtered.content)).active.iter_rows(values_only=True))
        self.assertEqual([row[0] for row in rows[1:]], ["E2"])

    def test_the_pdf_reads_back_with_the_grid_and_every_item(self):
        self.client.force_login(self.councillor)
        url = reverse("improvement_plans:library:index_pdf", args=[self.council.slug])
        response = self.client.get(url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader = PdfReader(io.BytesIO(response.content))
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        self.assertIn("Borough: evidence index", text)
        for expected in (
            "E1",
            "E2",
            "A12.1",
            "Safeguarding procedures",
            "procedures.pdf",
            "Waiting list audit",
            "Not categorised",
            "2 Mar 2024",
            "(no people's experience)",
        ):
            self.assertIn(expected, text)
        # A long link may wrap at the end of a line in the table.
        self.assertIn("https://www.example.org/evidence/1", text.replace(" ", ""))
        self.assertEqual(reader.metadata.title, "Borough: evidence index")


class LibraryQueryBudgetTests(QueryBudgetTestCase):
    """The library page and its downloads cost the same queries for 2 items as for 12, with
    as many pieces of progress evidence."""

    @classmethod
    def setUpTestData(cls):
        cls.statements, cls.categories = framework_parts()
        cls.council = make_council(name="Borough", slug="borough")
        cls.user = editor_of(cls.council)
        cls.plan = make_plan(council=cls.council)
        cls.count = 0

    def grow(self, to):
        statements = list(self.statements.values())
        categories = list(self.categories.values())
        while self.count < to:
            self.count += 1
            n = self.count
            make_item(
                self.council,
                number=n,
                statements=statements[n % 9 : n % 9 + 2],
                categories=categories[n % 4 : n % 4 + 2],
                day=TODAY - timedelta(days=200 * n),
            )
            action = make_action(plan=self.plan, number=n)
            action.quality_statements.set(statements[(n + 3) % 9 : (n + 3) % 9 + 2])
            evidence = make_evidence(update=make_update(action=action))
            record = ProgressEvidenceCategories.objects.create(evidence=evidence)
            record.categories.set(categories[: n % 3])

    def test_the_library_and_the_spreadsheet(self):
        url = reverse("improvement_plans:library:index", args=[self.council.slug])
        xlsx = reverse("improvement_plans:library:index_xlsx", args=[self.council.slug])
        self.grow(2)
        _, small = self.get_within_budget(18, url)
        _, small_xlsx = self.get_within_budget(12, xlsx)
        self.grow(12)
        response, large = self.get_within_budget(18, url)
        _, large_xlsx = self.get_within_budget(12, xlsx)
        self.assertEqual((small, small_xlsx), (large, large_xlsx), (small, small_xlsx))
        self.assertContains(response, "E12")


class DemoLibraryTests(TestCase):
    """Walsall's invented demo items show the grid both covered and warning."""

    @classmethod
    def setUpTestData(cls):
        load_demo_copy()

    def test_the_demo_grid_has_covered_cells_and_both_warnings(self):
        walsall = Council.objects.get(name="Walsall Council")
        admin = get_user_model().objects.get(username="admin")
        library = Library.of(walsall, admin)
        self.assertEqual(len(library.entries), 10)
        self.assertTrue(all("(invented)" in entry.title for entry in library.entries))
        grid = library.grid()
        covered = [cell for row in grid for cell in row.cells if cell.count]
        self.assertGreater(len(covered), 10)
        missing = [row.statement.name for row in grid if row.required_missing]
        self.assertEqual(
            missing,
            [
                "Equity in experience and outcomes",
                "Partnerships and communities",
                "Learning, improvement and innovation",
            ],
        )
        # The safeguarding board's report of 2022 is the only processes evidence there.
        safeguarding = next(row for row in grid if row.statement.name == "Safeguarding")
        self.assertIn("processes", [cell.category.code for cell in safeguarding.old_cells])
