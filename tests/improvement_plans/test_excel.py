"""Plans to Excel and back: the export opens readable, Sefton's plan makes the round trip with no
change, people's own sheets import, bad files are refused with row-level messages and nothing
saved, and the costs are measured."""

import time
import tracemalloc
import zipfile
from datetime import date, datetime, timedelta
from io import BytesIO, StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from improvement_plans.exports import actions_to_workbook, plan_to_workbook, workbook_bytes
from improvement_plans.imports import (
    ImportRefused,
    apply_import,
    parse_date_text,
    read_plan_workbook,
)
from improvement_plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Rag,
)
from reviews.models import Review
from tests.base import building_pages
from tests.demo import load_demo_copy
from tests.factories import (
    make_action,
    make_area,
    make_milestone,
    make_plan,
    make_recommendation,
    make_review,
    make_update,
    make_user,
)

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
TODAY = date(2024, 6, 1)


def load_sefton():
    load_demo_copy()
    review = Review.objects.get(
        host_council__name="Sefton Metropolitan Borough Council", kind=Review.Kind.CQC_INSPECTION
    )
    return ImprovementPlan.objects.get(reviews=review)


def exported(plan):
    return workbook_bytes(plan_to_workbook(plan))


def open_xlsx(data):
    return load_workbook(BytesIO(data))


def xlsx(rows, title="Plan"):
    """A workbook with one sheet of ``rows`` (the first row the headings)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def edited(data, edit):
    """The workbook ``data`` after ``edit(sheet)``."""
    workbook = open_xlsx(data)
    edit(workbook.active)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def column_of(sheet, header):
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"no column {header}")


def row_of(sheet, action_number):
    number_column = column_of(sheet, "Action number")
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, number_column).value == action_number:
            return row
    raise AssertionError(f"no row for action {action_number}")


def set_cell(sheet, action_number, header, value):
    sheet.cell(row_of(sheet, action_number), column_of(sheet, header)).value = value


def plan_tables():
    """Row counts of every table of the improvement plans app (history and links included)."""
    counts = {}
    for model in apps.get_app_config("improvement_plans").get_models(include_auto_created=True):
        counts[model._meta.db_table] = model.objects.count()
    return counts


def plan_contents(plan):
    actions = list(Action.objects.filter(plan=plan).order_by("number").values())
    for action in actions:
        action.pop("updated_at")
    return {
        "areas": list(ImprovementArea.objects.filter(plan=plan).order_by("number").values()),
        "actions": actions,
        "recommendations": sorted(
            Action.recommendations.through.objects.filter(action__plan=plan).values_list(
                "action_id", "recommendation_id"
            )
        ),
        "milestones": list(Milestone.objects.filter(action__plan=plan).order_by("pk").values()),
        "updates": list(ProgressUpdate.objects.filter(action__plan=plan).order_by("pk").values()),
    }


def problem_texts(preview):
    return [str(problem) for problem in preview.problems]


@FAST_HASHING
class SeftonExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.plan = load_sefton()
        cls.data = exported(cls.plan)

    def setUp(self):
        self.sheet = open_xlsx(self.data)["Plan"]

    def test_header_is_bold_frozen_and_filtered(self):
        headers = [cell.value for cell in self.sheet[1]]

        self.assertEqual(
            headers[:5],
            [
                "Improvement area",
                "Recommendation",
                "Recommendation text",
                "Action number",
                "Action",
            ],
        )
        self.assertIn("Latest update date", headers)
        self.assertTrue(all(cell.font.b for cell in self.sheet[1]))
        self.assertEqual(self.sheet.freeze_panes, "A2")
        self.assertEqual(self.sheet.auto_filter.ref, f"A1:R{self.sheet.max_row}")

    def test_text_is_wrapped_and_columns_have_widths(self):
        how = self.sheet.cell(2, column_of(self.sheet, "How it will be achieved"))

        self.assertTrue(how.alignment.wrap_text)
        self.assertEqual(how.alignment.vertical, "top")
        self.assertGreaterEqual(self.sheet.column_dimensions["G"].width, 40)

    def test_status_and_rag_have_drop_down_lists(self):
        validations = {
            str(validation.sqref): validation.formula1
            for validation in self.sheet.data_validations.dataValidation
        }

        self.assertEqual(
            validations["N2:N5001"], '"Not started,On track,At risk,Off track,Completed,Cancelled"'
        )
        self.assertEqual(validations["O2:O5001"], '"Red,Amber,Green"')
        self.assertEqual(self.sheet.cell(2, column_of(self.sheet, "Status")).value, "Not started")
        self.assertEqual(self.sheet.cell(2, column_of(self.sheet, "RAG")).value, "Green")

    def test_53_actions_in_area_and_number_order(self):
        numbers = [row[3].value for row in self.sheet.iter_rows(min_row=2)]

        self.assertEqual(numbers, list(range(1, 54)))
        first = [cell.value for cell in self.sheet[2]]
        self.assertTrue(first[0].startswith("1 – Improve the practice in relation to"))
        self.assertEqual(first[1], "1")
        self.assertEqual(first[4], "Streamline and clarify risk assessment documentation")

    def test_dates_are_excel_dates_shown_day_month_year(self):
        due = self.sheet.cell(2, column_of(self.sheet, "Due date"))

        self.assertEqual(due.value, datetime(2010, 9, 30))
        self.assertTrue(due.is_date)
        self.assertEqual(due.number_format, "dd/mm/yyyy")

    def test_milestones_one_a_line_with_when_they_were_done(self):
        milestones = self.sheet.cell(row_of(self.sheet, 3), column_of(self.sheet, "Milestones"))

        lines = milestones.value.split("\n")
        self.assertEqual(len(lines), 5)
        self.assertEqual(
            lines[0],
            "March 2010 – Two courses on 'safe and effective decision-making' for 40 social "
            "workers, team managers and assistant team managers completed (done 31 March 2010)",
        )
        self.assertEqual(
            lines[1], "June 2010 – Evaluation of training by satisfaction questionnaire"
        )

    def test_latest_update_and_its_date(self):
        row = row_of(self.sheet, 53)
        latest = ProgressUpdate.objects.filter(action__plan=self.plan, action__number=53).latest()

        self.assertEqual(
            self.sheet.cell(row, column_of(self.sheet, "Latest update")).value, latest.narrative
        )
        self.assertEqual(
            self.sheet.cell(row, column_of(self.sheet, "Latest update date")).value.date(),
            latest.date,
        )

    def test_filtered_list_of_actions_says_which_council_and_plan(self):
        actions = Action.objects.filter(plan=self.plan, status=ActionStatus.COMPLETED)

        sheet = open_xlsx(workbook_bytes(actions_to_workbook(actions, "Completed actions"))).active

        self.assertEqual(sheet.title, "Completed actions")
        self.assertEqual(sheet.max_row, 1 + actions.count())
        self.assertEqual([sheet.cell(1, column).value for column in (19, 20)], ["Council", "Plan"])
        self.assertEqual(sheet.cell(2, 19).value, "Sefton Metropolitan Borough Council")
        self.assertEqual(sheet.cell(2, 20).value, self.plan.title)


@FAST_HASHING
class SeftonRoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.plan = load_sefton()
        cls.user = make_user()

    def test_export_then_import_changes_nothing(self):
        data = exported(self.plan)
        before_tables, before_contents = plan_tables(), plan_contents(self.plan)

        preview = read_plan_workbook(BytesIO(data), plan=self.plan)

        self.assertEqual(preview.problems, [])
        self.assertEqual(len(preview.rows), 53)
        self.assertEqual({row.message for row in preview.rows}, {"no change"})
        result = apply_import(preview, plan=self.plan, by=self.user)
        self.assertEqual((result.created, result.changed, result.unchanged), (0, 0, 53))
        self.assertEqual(plan_tables(), before_tables)
        self.assertEqual(plan_contents(self.plan), before_contents)
        # And the file exported afterwards is the same.
        self.assertEqual(
            list(open_xlsx(exported(self.plan)).active.values), list(open_xlsx(data).active.values)
        )

    def test_changes_in_the_sheet_are_previewed_then_saved(self):
        old_updates = list(ProgressUpdate.objects.filter(action__plan=self.plan).values())

        def edit(sheet):
            set_cell(sheet, 1, "Due date", datetime(2010, 10, 31))
            set_cell(sheet, 1, "Status", "On track")
            set_cell(sheet, 1, "% complete", 20)
            set_cell(sheet, 1, "Latest update", "New documentation drafted.")
            set_cell(sheet, 2, "Owner", "Head of Safeguarding")
            set_cell(
                sheet,
                2,
                "Milestones",
                "June 2010 – New documentation completed (done 12 June 2010)\n"
                "July 2010 – Staff begin use of new procedures\n"
                "December 2010 – Six-month audit report",
            )
            sheet.append(
                [
                    "20 – Embed the changes",
                    "1, 2",
                    "",
                    54,
                    "Audit the new documentation",
                    "A yearly audit.",
                    "A report to DMT.",
                    "Audit lead",
                    "",
                    datetime(2010, 4, 1),
                    "Q3 2010/11",
                    None,
                    "Sept 2010 – Audit tool agreed",
                    "Not started",
                    "",
                    0,
                    "",
                    None,
                ]
            )

        preview = read_plan_workbook(BytesIO(edited(exported(self.plan), edit)), plan=self.plan)

        self.assertEqual(problem_texts(preview), [])
        messages = {row.action_number: row.message for row in preview.rows}
        self.assertEqual(
            messages[1],
            "change action 1: due date 30/09/2010 → 31/10/2010, status Not started → On track, "
            "% complete 0 → 20, new progress update “New documentation drafted.”",
        )
        self.assertIn("owner empty → “Head of Safeguarding”", messages[2])
        self.assertIn("done 12 June 2010", messages[2])
        self.assertIn("remove milestone “First full audit month”", messages[2])
        self.assertIn("add milestone “Six-month audit report” (December 2010)", messages[2])
        self.assertEqual(messages[54], "create action 54")
        self.assertEqual(messages[3], "no change")

        result = apply_import(preview, plan=self.plan, by=self.user, today=TODAY)

        self.assertEqual((result.created, result.changed, result.unchanged), (1, 2, 51))
        action = Action.objects.get(plan=self.plan, number=1)
        self.assertEqual(action.due_date, date(2010, 10, 31))
        self.assertEqual(action.original_due_date, date(2010, 9, 30))
        self.assertEqual(action.status, ActionStatus.ON_TRACK)
        self.assertEqual(action.version, 2)
        change = DueDateChange.objects.get(action=action)
        self.assertEqual(
            (change.previous_due_date, change.new_due_date, change.reason, change.changed_by),
            (date(2010, 9, 30), date(2010, 10, 31), "Changed by spreadsheet import", self.user),
        )
        update = action.updates.latest()
        self.assertEqual(
            (update.date, update.author, update.status, update.percent_complete, update.narrative),
            (TODAY, self.user, ActionStatus.ON_TRACK, 20, "New documentation drafted."),
        )
        # Earlier updates are left exactly as they were.
        for old in old_updates:
            self.assertEqual(ProgressUpdate.objects.filter(pk=old["id"]).values().get(), old)
        second = Action.objects.get(plan=self.plan, number=2)
        self.assertEqual(second.owner_name, "Head of Safeguarding")
        self.assertEqual(
            list(second.milestones.values_list("text", "due_date", "done_on")),
            [
                ("New documentation completed", date(2010, 6, 30), date(2010, 6, 12)),
                ("Staff begin use of new procedures", date(2010, 7, 31), None),
                ("Six-month audit report", date(2010, 12, 31), None),
            ],
        )
        self.assertEqual(second.updates.count(), 1)  # the owner is not progress
        new = Action.objects.get(plan=self.plan, number=54)
        self.assertEqual(new.area.number, 20)
        self.assertEqual(new.area.title, "Embed the changes")
        self.assertEqual(new.due_date, date(2010, 12, 31))
        self.assertEqual(sorted(r.label for r in new.recommendations.all()), ["1", "2"])
        self.assertEqual(sorted(r.number for r in new.area.recommendations.all()), [1, 2])
        self.assertEqual(
            list(new.milestones.values_list("text", "due_date")),
            [("Audit tool agreed", date(2010, 9, 30))],
        )

        # Importing the same file again finds the changes already made.
        again = read_plan_workbook(
            BytesIO(edited(exported(self.plan), lambda sheet: None)), plan=self.plan
        )
        self.assertEqual({row.message for row in again.rows}, {"no change"})


class FormulaTextTests(TestCase):
    """Text that looks like a formula is written, and read back, as text."""

    TEXTS = {
        "how": '=HYPERLINK("http://evil")',
        "title": "+44 151 934 2000",
        "owner_name": "-2 days",
        "expected_evidence": "@sum(A1:A9)",
    }

    @classmethod
    def setUpTestData(cls):
        cls.plan = make_plan()
        cls.action = make_action(plan=cls.plan, **cls.TEXTS)

    def test_formula_looking_text_stays_text(self):
        data = exported(self.plan)
        sheet = open_xlsx(data).active
        headers = {
            "how": "How it will be achieved",
            "title": "Action",
            "owner_name": "Owner",
            "expected_evidence": "Expected evidence of improvement",
        }

        for field, text in self.TEXTS.items():
            cell = sheet.cell(2, column_of(sheet, headers[field]))
            with self.subTest(field):
                self.assertEqual(cell.data_type, "s")
                self.assertEqual(cell.value, text)
        # Excel keeps it text even when someone edits the cell.
        self.assertTrue(sheet.cell(2, column_of(sheet, "How it will be achieved")).quotePrefix)
        with zipfile.ZipFile(BytesIO(data)) as archive:
            self.assertNotIn(b"<f>", archive.read("xl/worksheets/sheet1.xml"))

    def test_formula_looking_text_imports_back_unchanged(self):
        preview = read_plan_workbook(exported(self.plan), plan=self.plan)

        self.assertEqual([row.message for row in preview.rows], ["no change"])


@building_pages
class ExportQueryTests(TestCase):
    def make_plan_with(self, count):
        review = make_review()
        recommendations = [make_recommendation(review=review) for _ in range(3)]
        make_recommendation(parent=recommendations[0])
        plan = make_plan(review=review)
        area = make_area(plan=plan, recommendations=recommendations[:1])
        for n in range(count):
            action = make_action(
                plan=plan, area=area if n % 2 else None, recommendations=recommendations[:2]
            )
            make_milestone(action=action)
            make_update(action=action)
        return plan

    def queries_to_export(self, plan):
        with CaptureQueriesContext(connection) as queries:
            workbook_bytes(plan_to_workbook(plan))
        return len(queries)

    def test_same_number_of_queries_for_3_and_40_actions(self):
        small = self.queries_to_export(self.make_plan_with(3))
        large = self.queries_to_export(self.make_plan_with(40))

        self.assertEqual(small, large)
        self.assertLessEqual(large, 4)

    def test_list_export_queries_do_not_grow_either(self):
        plan = self.make_plan_with(3)
        other = self.make_plan_with(40)

        counts = []
        for queryset in (plan.actions.all(), Action.objects.filter(plan__in=[plan, other])):
            with CaptureQueriesContext(connection) as queries:
                workbook_bytes(actions_to_workbook(queryset, "Actions"))
            counts.append(len(queries))

        self.assertEqual(counts[0], counts[1])


class PeoplesSheetTests(TestCase):
    """A plainer one-row-per-action sheet: columns in any order, headings as people write
    them, dates and statuses in words."""

    @classmethod
    def setUpTestData(cls):
        cls.review = make_review()
        cls.recommendations = {
            n: make_recommendation(review=cls.review, number=n) for n in range(1, 20)
        }
        for sub in (1, 2):
            make_recommendation(parent=cls.recommendations[16], number=sub)
        cls.plan = make_plan(review=cls.review, version_date=date(2010, 3, 31))
        cls.area = make_area(
            plan=cls.plan, number=1, title="Safeguarding", recommendations=[cls.recommendations[1]]
        )
        cls.existing = make_action(
            plan=cls.plan,
            number=1,
            area=cls.area,
            title="Streamline risk assessment",
            how="Streamline risk assessment.",
            owner_name="Head of Safeguarding",
            start_date=date(2009, 12, 1),
            due_date=date(2010, 9, 30),
            status=ActionStatus.ON_TRACK,
            rag=Rag.GREEN,
            recommendations=[cls.recommendations[1]],
        )
        cls.user = make_user()

    HEADINGS = [
        "Timescale",
        "Lead Officer",
        "Status",
        "Rec No",
        "Action No",
        "How is this to be achieved",
        "Expected evidence",
        "RAG",
        "Improvement area",
    ]

    def sheet(self, *rows, headings=None):
        return xlsx([headings or self.HEADINGS, *rows])

    def test_columns_in_any_order_with_peoples_headings(self):
        data = self.sheet(
            [
                "31/03/2011",
                "Head of Safeguarding",
                "Complete",
                "Rec 1",
                1,
                "Streamline risk assessment.",
                "",
                "Green",
                "1 – Safeguarding",
            ],
            [
                datetime(2010, 6, 30),
                "Jo Bloggs",
                "In progress",
                "R3",
                2,
                "Train staff in risk and protection planning.",
                "80% satisfied",
                "Amber",
                "",
            ],
            [
                "June 2010",
                "Team managers",
                "Not started",
                "16(ii)",
                3,
                "Standardisation meetings.",
                "Four a year",
                "",
                "Improvement Area 2 – Recording",
            ],
            [
                "Sept 2010",
                "",
                "Delayed",
                "Recommendation 4, 5",
                4,
                "Audit of files.",
                "",
                "R",
                "Recording",
            ],
            ["Q3 2010/11", "DMT", "Behind", "", 5, "Quarterly reports.", "", "", ""],
            ["2010/11", "", "Ongoing", "", 6, "Annual report to members.", "", "", ""],
            ["Ongoing", "", "", "", 7, "Serious exception reporting.", "", "", ""],
            ["31.3.10", "", "Done", "", 8, "Two courses run.", "", "", ""],
        )

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(problem_texts(preview), [])
        self.assertEqual(
            [row.message for row in preview.rows][:3],
            [
                "change action 1: due date 30/09/2010 → 31/03/2011, status On track → Completed, "
                "% complete 0 → 100",
                "create action 2",
                "create action 3",
            ],
        )
        apply_import(preview, plan=self.plan, by=self.user, today=TODAY)

        actions = {a.number: a for a in Action.objects.filter(plan=self.plan)}
        self.assertEqual(len(actions), 8)
        self.assertEqual(actions[1].status, ActionStatus.COMPLETED)
        self.assertEqual(actions[1].original_due_date, date(2010, 9, 30))
        second = actions[2]
        self.assertEqual(
            (second.title, second.how, second.owner_name, second.expected_evidence),
            (
                "Train staff in risk and protection planning",
                "Train staff in risk and protection planning.",
                "Jo Bloggs",
                "80% satisfied",
            ),
        )
        self.assertEqual(
            (second.status, second.rag, second.area), (ActionStatus.ON_TRACK, Rag.AMBER, None)
        )
        self.assertEqual([r.label for r in second.recommendations.all()], ["3"])
        self.assertEqual(second.due_date, date(2010, 6, 30))
        self.assertEqual(second.start_date, date(2010, 3, 31))  # the plan's date
        third = actions[3]
        self.assertEqual([r.label for r in third.recommendations.all()], ["16(ii)"])
        self.assertEqual((third.area.number, third.area.title), (2, "Recording"))
        self.assertEqual(actions[4].area, third.area)  # named, not numbered
        self.assertEqual(actions[4].due_date, date(2010, 9, 30))
        self.assertEqual(actions[4].status, ActionStatus.AT_RISK)
        self.assertEqual(actions[4].rag, Rag.RED)
        self.assertEqual(sorted(r.label for r in actions[4].recommendations.all()), ["4", "5"])
        self.assertEqual(actions[5].due_date, date(2010, 12, 31))
        self.assertEqual(actions[6].due_date, date(2011, 3, 31))
        self.assertEqual(actions[6].status, ActionStatus.ON_TRACK)
        self.assertEqual(actions[7].due_date, date(2011, 3, 31))  # end of the next year
        self.assertIn("Timescale: Ongoing", actions[7].how)
        self.assertEqual(actions[8].due_date, date(2010, 3, 31))
        self.assertEqual(actions[8].status, ActionStatus.COMPLETED)
        # New actions with progress get their first update; the changed one a new one.
        self.assertEqual(actions[2].updates.get().status, ActionStatus.ON_TRACK)
        self.assertEqual(actions[1].updates.get().author, self.user)

    def test_ongoing_is_noted_not_refused(self):
        preview = read_plan_workbook(
            self.sheet(["Ongoing", "", "", "", 9, "Monthly reports.", "", "", ""]), plan=self.plan
        )

        self.assertEqual(preview.problems, [])
        (row,) = preview.rows
        self.assertEqual(row.message, "create action 9")
        self.assertIn("“Ongoing” under “Timescale” is not a date", row.notes[0])

    def test_council_layout_with_area_headings_and_numbered_text(self):
        data = xlsx(
            [
                ["Improvement planning template for use by Sefton Council"],
                ["Improvement Area 1 – Safeguarding"],
                [
                    "How is this to be achieved / action",
                    "Expected evidence of improvement",
                    "timescale",
                ],
                [
                    "2. Streamline protection plans.",
                    "A single document.",
                    "New documentation completed June 2010\nFirst audit report September 2010",
                ],
                ["Improvement Area 3 – Develop the Board"],
                [
                    "How is this to be achieved / action",
                    "Expected evidence of improvement",
                    "timescale",
                ],
                ["11. Establish the sub-group.", "Terms of reference.", "September 2010"],
            ]
        )

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(problem_texts(preview), [])
        self.assertEqual(
            [row.message for row in preview.rows], ["create action 2", "create action 11"]
        )
        apply_import(preview, plan=self.plan, by=self.user)
        second = Action.objects.get(plan=self.plan, number=2)
        self.assertEqual(second.title, "Streamline protection plans")
        self.assertEqual(second.area, self.area)
        self.assertEqual(second.due_date, date(2010, 9, 30))
        self.assertEqual(
            list(second.milestones.values_list("text", "due_date")),
            [
                ("New documentation completed", date(2010, 6, 30)),
                ("First audit report", date(2010, 9, 30)),
            ],
        )
        eleventh = Action.objects.get(plan=self.plan, number=11)
        self.assertEqual((eleventh.area.number, eleventh.area.title), (3, "Develop the Board"))

    def test_sheet_without_action_numbers_numbers_new_actions(self):
        data = xlsx(
            [
                ["Action", "Deadline"],
                ["Write the strategy", "March 2011"],
                ["Publish it", "April 2011"],
            ]
        )

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(
            [row.message for row in preview.rows], ["create action 2", "create action 3"]
        )

    def test_a_how_column_alone_keeps_titles_and_new_actions_join_their_area(self):
        data = xlsx(
            [
                ["Action No", "How", "Rec No"],
                [1, "Streamline risk assessment.", "1"],
                [2, "Audit ten per cent of cases each month.\nReport to DMT.", "1"],
            ]
        )

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual([row.message for row in preview.rows], ["no change", "create action 2"])
        self.assertIn(
            "put in improvement area 1, which answers recommendation 1", preview.rows[1].notes
        )
        apply_import(preview, plan=self.plan, by=self.user)
        new = Action.objects.get(plan=self.plan, number=2)
        self.assertEqual(new.title, "Audit ten per cent of cases each month")
        self.assertEqual(new.area, self.area)

    def test_a_blank_action_text_leaves_an_existing_action_as_it_is(self):
        data = xlsx([["Action No", "Action", "Status"], [1, "", "Delayed"]])

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(preview.rows[0].message, "change action 1: status On track → At risk")

    def test_a_sheet_without_numbers_finds_actions_by_their_words(self):
        data = xlsx([["Action", "Deadline"], ["Streamline risk assessment", "September 2010"]])

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(preview.rows[0].message, "no change")
        self.assertEqual(preview.rows[0].notes, ["matched to action 1, which has the same words"])

    def test_percent_cells_and_percent_text(self):
        data = xlsx(
            [["Action No", "Action", "% complete"], [1, "Streamline risk assessment", 0.25]]
        )

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(preview.rows[0].message, "change action 1: % complete 0 → 25")


class BadRowTests(TestCase):
    """Each bad cell is named by sheet, row and column with what to do; nothing is saved."""

    @classmethod
    def setUpTestData(cls):
        review = make_review()
        for n in range(1, 20):
            make_recommendation(review=review, number=n)
        cls.plan = make_plan(review=review)
        cls.user = make_user()

    HEADINGS = ["Action No", "Action", "Rec No", "Timescale", "Status"]

    def assert_refused(self, rows, expected):
        data = xlsx([self.HEADINGS, *rows])
        before = plan_tables()

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(problem_texts(preview), expected)
        with self.assertRaises(ImportRefused):
            apply_import(preview, plan=self.plan, by=self.user)
        self.assertEqual(plan_tables(), before)

    def test_unknown_recommendation_number(self):
        self.assert_refused(
            [
                [1, "Good action", "3", "June 2010", "On track"],
                [2, "Bad action", "21", "June 2010", "On track"],
            ],
            [
                "Sheet “Plan”, row 3, column “Rec No”: there is no recommendation 21 in the "
                "reviews this plan answers — use one of 1–19"
            ],
        )

    def test_unreadable_date(self):
        self.assert_refused(
            [[1, "Action", "3", "Soonish", "On track"], [2, "Action", "3", "31/02/2011", ""]],
            [
                "Sheet “Plan”, row 2, column “Timescale”: “Soonish” is not a date we can read — "
                "enter a date such as 31/03/2011, March 2011 or Q4 2010/11, or a word such as "
                "Ongoing",
                "Sheet “Plan”, row 3, column “Timescale”: “31/02/2011” is not a date we can "
                "read — enter a date such as 31/03/2011, March 2011 or Q4 2010/11, or a word "
                "such as Ongoing",
            ],
        )

    def test_unknown_status(self):
        self.assert_refused(
            [[1, "Action", "3", "June 2010", "Sort of"]],
            [
                "Sheet “Plan”, row 2, column “Status”: “Sort of” is not a status we know — use "
                "one of Not started, On track, At risk, Off track, Completed, Cancelled"
            ],
        )

    def test_duplicate_action_numbers(self):
        self.assert_refused(
            [[4, "Action", "3", "June 2010", ""], [4, "Another", "3", "June 2010", ""]],
            [
                "Sheet “Plan”, row 3, column “Action No”: action 4 is also on row 2 — give each "
                "action its own number"
            ],
        )

    def test_due_before_start(self):
        data = xlsx(
            [
                ["Action No", "Action", "Start date", "Due date"],
                [1, "Action", "01/06/2010", "01/05/2010"],
            ]
        )

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(
            problem_texts(preview),
            [
                "Sheet “Plan”, row 2, column “Due date”: the due date 01/05/2010 is before the "
                "start date 01/06/2010 — enter a due date on or after the start date"
            ],
        )

    def test_bad_rag_percent_and_milestone(self):
        data = xlsx(
            [
                ["Action No", "Action", "Due date", "RAG", "% complete", "Milestones"],
                [1, "Action", "June 2010", "Purple", "lots", "Sometime – draft\nJune 2010"],
            ]
        )

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(
            problem_texts(preview),
            [
                "Sheet “Plan”, row 2, column “RAG”: “Purple” is not a RAG rating — use Red, "
                "Amber, Green or Complete (for a completed action), or leave it empty",
                "Sheet “Plan”, row 2, column “% complete”: “lots” is not a percentage — enter "
                "a number from 0 to 100",
                "Sheet “Plan”, row 2, column “Milestones”: line 1, “Sometime – draft”: no date "
                "can be read — write each milestone on its own line as “June 2010 – what will "
                "be done”",
                "Sheet “Plan”, row 2, column “Milestones”: line 2, “June 2010”: there is a date "
                "but no milestone — write it as “June 2010 – what will be done”",
            ],
        )
        self.assertEqual(preview.rows[0].message, "not imported: see the problems")

    def test_several_problems_are_all_reported(self):
        data = xlsx([self.HEADINGS, [1, "A", "99", "never", "maybe"], [1, "B", "", "", ""]])

        preview = read_plan_workbook(data, plan=self.plan)

        self.assertEqual(len(preview.problems), 4)

    def test_apply_refuses_a_preview_for_another_plan(self):
        preview = read_plan_workbook(
            xlsx([self.HEADINGS, [1, "A", "3", "June 2010", ""]]), plan=self.plan
        )

        with self.assertRaises(ImportRefused):
            apply_import(preview, plan=make_plan(), by=self.user)


class RefusedFileTests(TestCase):
    """Files that are not spreadsheets, empty, huge or bombs: refused with a message."""

    @classmethod
    def setUpTestData(cls):
        cls.plan = make_plan()

    def refusal(self, data):
        preview = read_plan_workbook(data, plan=self.plan)
        self.assertEqual(preview.rows, [])
        self.assertEqual(len(preview.problems), 1)
        problem = preview.problems[0]
        self.assertIsNone(problem.row)
        with self.assertRaises(ImportRefused):
            apply_import(preview, plan=self.plan, by=None)
        return str(problem)

    def test_not_a_spreadsheet(self):
        self.assertIn("is not an Excel workbook (.xlsx)", self.refusal(b"Action,Due\n1,June\n"))
        self.assertIn("is not an Excel workbook (.xlsx)", self.refusal(b"%PDF-1.7\n..."))

    def test_old_excel_file(self):
        self.assertIn("older Excel file (.xls)", self.refusal(b"\xd0\xcf\x11\xe0" + b"\0" * 600))

    def test_a_zip_that_is_not_a_workbook(self):
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", "<document/>")
        self.assertIn("is not an Excel workbook", self.refusal(buffer.getvalue()))

    def test_damaged_workbook(self):
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "not xml")
            archive.writestr("xl/workbook.xml", "<workbook")
        self.assertIn("could not be opened as an Excel workbook", self.refusal(buffer.getvalue()))
        self.assertIn("damaged", self.refusal(xlsx([["Action"]])[:-200]))

    def test_empty_file_and_empty_workbook(self):
        self.assertIn("The file is empty", self.refusal(b""))
        self.assertIn("has no rows to import", self.refusal(xlsx([])))
        self.assertIn("no actions below them", self.refusal(xlsx([["Action No", "Action"]])))
        self.assertIn(
            "No sheet has column headings we recognise",
            self.refusal(xlsx([["Name", "Colour"], ["Jo", "Blue"]])),
        )

    def test_too_big(self):
        self.assertIn("larger than 5 MB", self.refusal(b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024)))

    def test_uploaded_file_too_big_is_refused_before_reading(self):
        class Upload(BytesIO):
            size = 6 * 1024 * 1024

        self.assertIn("larger than 5 MB", self.refusal(Upload(b"PK")))

    def test_zip_bomb_by_total_size(self):
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
            with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
                chunk = b"\0" * (1024 * 1024)
                for _ in range(60):
                    entry.write(chunk)
        self.assertLess(len(buffer.getvalue()), 1024 * 1024)

        self.assertIn("more than 50 MB", self.refusal(buffer.getvalue()))

    def test_zip_bomb_by_compression_ratio(self):
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
            archive.writestr("xl/sharedStrings.xml", b" " * (20 * 1024 * 1024))

        self.assertIn("zip bomb", self.refusal(buffer.getvalue()))

    def test_too_many_rows(self):
        rows = [["Action No", "Action"]] + [[n, f"Action {n}"] for n in range(1, 5002)]

        self.assertIn("more than 5,000 rows", self.refusal(xlsx(rows)))

    def test_xml_bomb_is_refused(self):
        data = xlsx([["Action No", "Action"], [1, "A"]])
        bomb = (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c>'
            "</row></sheetData></worksheet>"
        )
        source = zipfile.ZipFile(BytesIO(data))
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    content = bomb.encode()
                archive.writestr(item, content)

        self.assertIn("could not be", self.refusal(buffer.getvalue()))


class DateReadingTests(TestCase):
    def test_dates_as_people_write_them(self):
        cases = {
            "31/03/2010": date(2010, 3, 31),
            "31.3.10": date(2010, 3, 31),
            "1-4-2010": date(2010, 4, 1),
            "2010-03-31": date(2010, 3, 31),
            "31 March 2010": date(2010, 3, 31),
            "31st Mar 2010": date(2010, 3, 31),
            "June 2010": date(2010, 6, 30),
            "Sept 2010": date(2010, 9, 30),
            "Feb 2012": date(2012, 2, 29),
            "Jun-10": date(2010, 6, 30),
            "end of June 2010": date(2010, 6, 30),
            "by March 2011": date(2011, 3, 31),
            "Q1 2010/11": date(2010, 6, 30),
            "Q3 2010/11": date(2010, 12, 31),
            "Q4 2010/11": date(2011, 3, 31),
            "Quarter 3 2010": date(2010, 12, 31),
            "Q4 2011": date(2011, 3, 31),
            "2010/11": date(2011, 3, 31),
            "2010-11": date(2011, 3, 31),
            "2010/2011": date(2011, 3, 31),
        }
        for text, expected in cases.items():
            with self.subTest(text):
                self.assertEqual(parse_date_text(text), expected)

    def test_what_is_not_a_date(self):
        for text in ("Ongoing", "Soonish", "31/02/2010", "2010/12", "Q5 2010", "June"):
            with self.subTest(text):
                self.assertIsNone(parse_date_text(text))


class CommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        review = make_review()
        for n in range(1, 6):
            make_recommendation(review=review, number=n)
        cls.plan = make_plan(review=review, version_date=date(2010, 3, 31))
        cls.user = make_user(username="loader")

    def write(self, rows, tmp_path):
        path = tmp_path / "plan.xlsx"
        path.write_bytes(xlsx(rows))
        return str(path)

    def run_command(self, path, *args):
        out, err = StringIO(), StringIO()
        call_command(
            "import_plan", path, "--plan", str(self.plan.pk), *args, stdout=out, stderr=err
        )
        return out.getvalue()

    def setUp(self):
        import tempfile
        from pathlib import Path

        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.tmp_path = Path(self.tmp.name)
        self.good = self.write(
            [
                ["Action No", "Action", "Rec No", "Timescale", "Status"],
                [1, "Write the strategy", "Rec 2", "March 2011", "In progress"],
                [2, "Publish it", "3", "Ongoing", ""],
            ],
            self.tmp_path,
        )

    def test_dry_run_prints_each_row_and_saves_nothing(self):
        output = self.run_command(self.good, "--dry-run")

        self.assertIn("Sheet “Plan”, row 2: create action 1", output)
        self.assertIn("Sheet “Plan”, row 3: create action 2", output)
        self.assertIn("Note: “Ongoing” under “Timescale” is not a date", output)
        self.assertIn("Dry run: nothing was saved.", output)
        self.assertEqual(self.plan.actions.count(), 0)

    def test_real_run_saves_as_the_user(self):
        output = self.run_command(self.good, "--user", "loader")

        self.assertIn("Saved: 2 actions created, 0 changed, 0 unchanged.", output)
        self.assertEqual(self.plan.actions.count(), 2)
        self.assertEqual(ProgressUpdate.objects.get(action__plan=self.plan).author, self.user)
        self.assertEqual(self.plan.actions.get(number=1).history.first().history_user, self.user)

    def test_problems_are_printed_and_the_command_fails(self):
        bad = self.write(
            [["Action No", "Action", "Rec No", "Timescale"], [1, "Write it", "21", "June 2010"]],
            self.tmp_path,
        )
        out = StringIO()
        with self.assertRaisesMessage(CommandError, "1 problem found: nothing was saved"):
            call_command("import_plan", bad, "--plan", str(self.plan.pk), stdout=out)

        self.assertIn(
            "Sheet “Plan”, row 2, column “Rec No”: there is no recommendation 21 in the reviews "
            "this plan answers — use one of 1–5",
            out.getvalue(),
        )
        self.assertEqual(self.plan.actions.count(), 0)

    def test_the_rows_without_problems_are_saved_and_the_others_written_out(self):
        bad = self.write(
            [
                ["Action No", "Action", "Rec No", "Timescale"],
                [1, "Write it", "21", "June 2010"],
                [2, "Publish it", "3", "June 2010"],
            ],
            self.tmp_path,
        )
        rejected = self.tmp_path / "rejected.xlsx"

        output = self.run_command(bad, "--rejected-rows", str(rejected))

        self.assertIn("1 row to import, 1 not.", output)
        self.assertIn(
            "Saved: 1 action created, 0 changed, 0 unchanged, 1 row not imported.", output
        )
        self.assertEqual(list(self.plan.actions.values_list("number", flat=True)), [2])
        rows = list(load_workbook(rejected).active.values)
        self.assertEqual(
            rows[0], ("Why it was not imported", "Action No", "Action", "Rec No", "Timescale")
        )
        self.assertEqual(rows[1][1:], (1, "Write it", "21", "June 2010"))
        self.assertIn("there is no recommendation 21", rows[1][0])

    def test_unknown_plan_user_or_file(self):
        with self.assertRaisesMessage(CommandError, "There is no plan with id 0"):
            call_command("import_plan", self.good, "--plan", "0", stdout=StringIO())
        with self.assertRaisesMessage(CommandError, "There is no user called “nobody”"):
            self.run_command(self.good, "--user", "nobody")
        with self.assertRaisesMessage(CommandError, "Cannot read"):
            self.run_command(str(self.tmp_path / "missing.xlsx"))


class CostTests(TestCase):
    """Measured: a 1,000-row import, and a 10,000-row export with its peak memory."""

    @pytest.mark.slow
    def test_importing_1000_rows(self):
        review = make_review()
        for n in range(1, 20):
            make_recommendation(review=review, number=n)
        plan = make_plan(review=review, version_date=date(2010, 3, 31))
        statuses = ["Not started", "On track", "At risk", "Completed"]
        rows = [
            [
                "Improvement area",
                "Rec No",
                "Action No",
                "How",
                "Expected evidence",
                "Lead Officer",
                "Timescale",
                "Milestones",
                "Status",
                "RAG",
                "% complete",
                "Latest update",
            ]
        ]
        for n in range(1, 1001):
            rows.append(
                [
                    f"{n % 19 + 1} – Area {n % 19 + 1}",
                    f"{n % 19 + 1}",
                    n,
                    f"Action {n}: do the thing properly.",
                    "A report to the board.",
                    f"Officer {n % 37}",
                    datetime(2010, 4, 1) + timedelta(days=n % 700),
                    "June 2010 – First step\nQ3 2010/11 – Second step",
                    statuses[n % 4],
                    ["Red", "Amber", "Green"][n % 3],
                    n % 100,
                    f"Progress on action {n}.",
                ]
            )
        data = xlsx(rows)

        started = time.perf_counter()
        preview = read_plan_workbook(data, plan=plan)
        read = time.perf_counter() - started
        self.assertEqual(preview.problems, [])
        apply_import(preview, plan=plan, by=None)
        total = time.perf_counter() - started

        print(f"\n1,000-row import: read and preview {read:.2f} s, with saving {total:.2f} s")
        self.assertEqual(plan.actions.count(), 1000)
        self.assertEqual(Milestone.objects.filter(action__plan=plan).count(), 2000)
        self.assertLess(total, 15)

    @pytest.mark.slow
    def test_exporting_10000_rows(self):
        plan = make_plan()
        area = make_area(plan=plan)
        recommendation = make_recommendation()
        Action.objects.bulk_create(
            Action(
                plan=plan,
                area=area,
                number=n,
                title=f"Action {n}",
                how="How it will be achieved, in a sentence or two of plain words. " * 3,
                expected_evidence="What will show the improvement. " * 4,
                owner_name="Head of Service",
                start_date=date(2024, 4, 1),
                due_date=date(2025, 3, 31),
                original_due_date=date(2025, 3, 31),
                status=ActionStatus.ON_TRACK,
                rag=Rag.GREEN,
                percent_complete=n % 100,
            )
            for n in range(1, 10001)
        )
        actions = list(Action.objects.filter(plan=plan).values_list("pk", flat=True))
        Action.recommendations.through.objects.bulk_create(
            Action.recommendations.through(action_id=pk, recommendation_id=recommendation.pk)
            for pk in actions
        )
        Milestone.objects.bulk_create(
            Milestone(action_id=pk, text="A milestone", due_date=date(2024, 9, 30))
            for pk in actions
        )
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                action_id=pk,
                date=date(2024, 6, 1),
                status=ActionStatus.ON_TRACK,
                narrative="Going well.",
            )
            for pk in actions
        )

        started = time.perf_counter()
        data = workbook_bytes(plan_to_workbook(plan))
        elapsed = time.perf_counter() - started
        # Memory measured on a second run: tracing slows everything down.
        tracemalloc.start()
        workbook_bytes(plan_to_workbook(plan))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        print(
            f"\n10,000-row export: {elapsed:.2f} s, peak memory {peak / 1024 / 1024:.0f} MB, "
            f"file {len(data) / 1024 / 1024:.1f} MB"
        )
        sheet = load_workbook(BytesIO(data), read_only=True).active
        self.assertEqual(sum(1 for _ in sheet.iter_rows(min_row=2)), 10000)
        self.assertLess(elapsed, 30)
        self.assertLess(peak, 300 * 1024 * 1024)
