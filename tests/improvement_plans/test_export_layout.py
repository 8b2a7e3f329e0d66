"""The plan-layout export, written row by row as XML, holds what the models say, cell by cell,
with the same types and styles, drop-downs, frozen header, filter and print set-up as a workbook
built cell by cell in openpyxl: checked on Sefton's demo plan, with formula-looking and
awkward text added."""

import re
import zipfile
from io import BytesIO

from django.db.models import F
from django.test import TestCase, override_settings
from lxml import etree
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from improvement_plans.exports import (
    COLUMNS,
    LIST_COLUMNS,
    actions_to_workbook,
    format_day,
    format_when,
    plan_to_workbook,
    workbook_bytes,
)
from improvement_plans.models import Action, ActionStatus, ImprovementPlan, Rag
from recommendations.models import Recommendation
from reviews.models import Review
from tests.demo import load_demo_copy

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
DATE_KEYS = {"start_date", "due_date", "original_due_date", "latest_update_date"}
NUMBER_KEYS = {"number", "percent_complete"}
AWKWARD = {
    "title": '=HYPERLINK("http://evil", "Click")',
    "how": "First line\r\nsecond line\rthird & <fourth>",
    "expected_evidence": "\x02+44 151 934 2000\x0b",
    "owner_name": "  Head of service  ",
}


def expected_cells(action, with_list_columns, recommendations=None):
    """The row as openpyxl reads it back, worked out from the model instances."""
    linked = action.recommendations.select_related("parent")
    if recommendations is not None:
        linked = linked.filter(pk__in=recommendations)
    linked = sorted(
        linked,
        key=lambda r: (r.parent.number if r.parent_id else r.number, r.parent_id is not None),
    )
    if len(linked) == 1:
        recommendation_text = linked[0].text
    else:
        recommendation_text = "\n".join(f"{r.label}. {r.text}" for r in linked)
    milestones = [
        f"{format_when(m.due_date)} – {' '.join(m.text.split())}"
        + (f" (done {format_day(m.done_on)})" if m.done_on else "")
        for m in action.milestones.order_by("due_date", "pk")
    ]
    latest = action.updates.order_by("-date", "-created_at", "-pk").first()
    values = {
        "area": f"{action.area.number} – {action.area.title}" if action.area else None,
        "recommendations": ", ".join(r.label for r in linked),
        "recommendation_text": recommendation_text,
        "number": action.number,
        "title": action.title,
        "how": action.how,
        "expected_evidence": action.expected_evidence,
        "owner": action.owner_name,
        "measure": action.measure,
        "start_date": action.start_date,
        "due_date": action.due_date,
        "original_due_date": action.original_due_date,
        "milestones": "\n".join(milestones),
        "status": ActionStatus(action.status).label,
        "rag": Rag(action.rag).label if action.rag else None,
        "percent_complete": action.percent_complete,
        "latest_update": latest.narrative if latest else None,
        "latest_update_date": latest.date if latest else None,
        "council": action.plan.council.name,
        "plan": action.plan.title,
    }
    columns = COLUMNS + LIST_COLUMNS if with_list_columns else COLUMNS
    cells = []
    for key, _, _ in columns:
        value = values[key]
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value) or None
        cells.append((key, value))
    return cells


@FAST_HASHING
class PlanLayoutExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
        review = Review.objects.get(
            host_council__name="Sefton Metropolitan Borough Council",
            kind=Review.Kind.CQC_INSPECTION,
        )
        cls.plan = ImprovementPlan.objects.get(reviews=review)
        Action.objects.filter(pk=cls.plan.actions.order_by("number").first().pk).update(**AWKWARD)
        cls.plan_data = workbook_bytes(plan_to_workbook(cls.plan))
        cls.list_actions = Action.objects.filter(plan=cls.plan).order_by("-due_date", "number")
        cls.shown = Recommendation.objects.filter(review=review, number__lte=5)
        cls.list_data = workbook_bytes(
            actions_to_workbook(cls.list_actions, "Sefton: actions?", cls.shown)
        )

    def check_workbook(self, data, actions, *, with_list_columns, recommendations=None):
        workbook = load_workbook(BytesIO(data))
        sheet = workbook.active
        columns = COLUMNS + LIST_COLUMNS if with_list_columns else COLUMNS
        last = len(actions) + 1
        last_letter = sheet.cell(1, len(columns)).column_letter

        # The header: bold on grey, a rule below, wrapped, frozen, repeated on every page.
        self.assertEqual([cell.value for cell in sheet[1]], [header for _, header, _ in columns])
        for cell in sheet[1]:
            self.assertTrue(cell.font.b)
            self.assertEqual((cell.fill.fill_type, cell.fill.fgColor.rgb), ("solid", "00DDDDDD"))
            self.assertEqual(cell.border.bottom.style, "thin")
            self.assertTrue(cell.alignment.wrap_text)
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.print_title_rows.replace("$", ""), "1:1")
        setup = sheet.page_setup
        self.assertEqual(
            (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight),
            ("landscape", 9, 1, 0),
        )
        self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(sheet.auto_filter.ref, f"A1:{last_letter}{last}")
        self.assertEqual(sheet.max_row, last)

        # Column widths and styles, so cells left empty wrap and show dates too.
        for index, (key, _, width) in enumerate(columns, start=1):
            letter = sheet.cell(1, index).column_letter
            dimension = sheet.column_dimensions[letter]
            self.assertEqual(dimension.width, width, key)
            self.assertTrue(dimension.alignment.wrap_text, key)

        # Drop-downs for status and RAG on every row the import reads.
        keys = [key for key, _, _ in columns]
        validations = {
            str(v.sqref): (v.type, v.formula1, v.allow_blank, v.showErrorMessage)
            for v in sheet.data_validations.dataValidation
        }
        status = sheet.cell(1, keys.index("status") + 1).column_letter
        rag = sheet.cell(1, keys.index("rag") + 1).column_letter
        self.assertEqual(
            validations,
            {
                f"{status}2:{status}5001": ("list", f'"{",".join(ActionStatus.labels)}"', 1, 1),
                f"{rag}2:{rag}5001": ("list", f'"{",".join(Rag.labels)}"', 1, 1),
            },
        )

        # Every cell: the value the models give, its type and its style.
        for row, action in enumerate(actions, start=2):
            for column, (key, value) in enumerate(
                expected_cells(action, with_list_columns, recommendations), start=1
            ):
                cell = sheet.cell(row, column)
                with self.subTest(action=action.number, column=key):
                    if value is None:  # no cell: the column's style applies
                        self.assertIsNone(cell.value)
                        continue
                    self.assertTrue(cell.alignment.wrap_text)
                    self.assertEqual(cell.alignment.vertical, "top")
                    if key in DATE_KEYS:
                        self.assertEqual(cell.number_format, "dd/mm/yyyy")
                        self.assertTrue(cell.is_date)
                        self.assertEqual(cell.value.date(), value)
                    elif key in NUMBER_KEYS:
                        self.assertEqual((cell.value, cell.data_type), (value, "n"))
                        self.assertEqual(cell.number_format, "0")
                    else:
                        self.assertEqual((cell.value, cell.data_type), (value, "s"))
                        self.assertEqual(cell.number_format, "General")
                        self.assertEqual(cell.quotePrefix, bool(FORMULA_START.match(value)))

        # Well-formed XML, its used range the filter's, and no formula anywhere.
        with zipfile.ZipFile(BytesIO(data)) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml")
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(archive.read(name))
        root = etree.fromstring(xml)
        self.assertEqual(root.find(f"{MAIN}dimension").get("ref"), f"A1:{last_letter}{last}")
        self.assertEqual(len(root.findall(f"{MAIN}sheetData/{MAIN}row")), last)
        self.assertNotIn(b"<f>", xml)
        return sheet

    def test_plan_export(self):
        actions = list(
            self.plan.actions.select_related("area", "plan__council").order_by(
                F("area__number").asc(nulls_last=True), "number"
            )
        )
        self.assertEqual(len(actions), 53)

        sheet = self.check_workbook(self.plan_data, actions, with_list_columns=False)

        self.assertEqual(sheet.title, "Plan")

    def test_list_export_in_the_lists_order_with_the_recommendations_shown(self):
        actions = list(self.list_actions.select_related("area", "plan__council"))

        sheet = self.check_workbook(
            self.list_data, actions, with_list_columns=True, recommendations=self.shown
        )

        self.assertEqual(sheet.title, "Sefton  actions")

    def test_awkward_text_comes_back_cleaned_and_as_text(self):
        sheet = load_workbook(BytesIO(self.plan_data)).active
        headers = [cell.value for cell in sheet[1]]
        row = next(
            cells
            for cells in sheet.iter_rows(min_row=2)
            if cells[headers.index("Action")].value == AWKWARD["title"]
        )

        def cell(header):
            return row[headers.index(header)]

        self.assertTrue(cell("Action").quotePrefix)
        self.assertEqual(cell("How it will be achieved").value, AWKWARD["how"])
        evidence = cell("Expected evidence of improvement")
        self.assertEqual((evidence.value, evidence.quotePrefix), ("+44 151 934 2000", True))
        self.assertEqual(cell("Owner").value, "  Head of service  ")
