"""Councils' own plan spreadsheets, as they lay them out, built with openpyxl and read back for
real: a merged title above the headings, "Rec No" beside the recommendation's wording, numbers
written "16 ii", "16.ii", "3a" or "Rec 4", "Complete" in the RAG column, dates as Excel dates
and as words, blank spacer rows and a notes row at the bottom.

Most tests are properties over sheets made at random from good and bad rows (seeded, so a
failure repeats): every data row is imported or rejected with a reason, never both; importing
the valid rows creates one action a valid row; all or nothing leaves the database as it was.
"""

import random
from datetime import date, datetime
from io import BytesIO

from django.apps import apps
from django.test import TestCase
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from improvement_plans.imports import ImportRefused, apply_import, read_plan_workbook
from improvement_plans.models import Action, ActionStatus, ProgressUpdate, Rag
from improvement_plans.rejected_rows import REASON_HEADER, rejected_rows_workbook
from tests.factories import (
    make_action,
    make_area,
    make_plan,
    make_recommendation,
    make_review,
    make_update,
    make_user,
)

TODAY = date(2025, 6, 1)
TITLE = "Adult Social Care Improvement Plan 2024"
# Sefton's recommendations (CQC inspection, December 2009), with sub-items under 16.
WORDINGS = {
    1: "Improve the practice in relation to identification of ongoing risks and the "
    "implementation of protection plans.",
    2: "Strengthen recording and ensure that managers' decisions are clear.",
    3: "Develop the Adult Safeguarding Executive Board, clarify interagency commitments, and "
    "implement a system of cross-agency performance management.",
    4: "Develop differentiated training opportunities for key staff from all agencies and ensure "
    "attendance.",
    5: "Make the role of the adult safeguarding co-ordinator more focused on quality assuring "
    "practice.",
    6: "Improve the availability of individualised and independence-promoting support in the "
    "community including Day Opportunities and Extra Care accommodation.",
    7: "Progress the planned production of a carers' strategy. Ensure that there is an "
    "implementation plan that clearly sets out the levels and types of support.",
    16: "Ensure that Equality Impact Assessments are used consistently to improve services for "
    "hard to reach groups.",
}
SUB_ITEMS = {
    1: "Publish every Equality Impact Assessment with the decision it informed.",
    2: "Train service managers to complete Equality Impact Assessments before commissioning.",
}
HEADINGS = [
    "Rec No",
    "Recommendation",
    "Action",
    "Lead Officer",
    "Timescale",
    "RAG",
    "Date of update",
    "Progress update",
]


def council_workbook(rows, headings=HEADINGS, *, title_rows=(TITLE,), notes=(), spacers=()):
    """A council's plan sheet: title rows merged across the columns, the headings, the rows
    (blank rows before the indexes in ``spacers``) and notes rows at the bottom."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Improvement plan"
    last = chr(ord("A") + len(headings) - 1)
    for number, title in enumerate(title_rows, start=1):
        sheet.cell(number, 1, title).font = Font(bold=True, size=14)
        sheet.merge_cells(f"A{number}:{last}{number}")
    sheet.append([])
    sheet.append(headings)
    for index, row in enumerate(rows):
        if index in spacers:
            sheet.append([])
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text someone typed, not a formula
    sheet.append([])
    for note in notes:
        sheet.append([note])
        sheet.merge_cells(f"A{sheet.max_row}:{last}{sheet.max_row}")
        sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=True)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan_tables():
    counts = {}
    for model in apps.get_app_config("improvement_plans").get_models(include_auto_created=True):
        counts[model._meta.db_table] = model.objects.count()
    return counts


class CouncilSheetCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.review = make_review()
        cls.recommendations = {
            n: make_recommendation(review=cls.review, number=n, text=WORDINGS.get(n, f"Rec {n}"))
            for n in range(1, 20)
        }
        cls.sub_items = {
            n: make_recommendation(parent=cls.recommendations[16], number=n, text=text)
            for n, text in SUB_ITEMS.items()
        }
        cls.plan = make_plan(review=cls.review, version_date=date(2024, 4, 1))
        cls.safeguarding = make_area(
            plan=cls.plan,
            number=1,
            title="Safeguarding",
            recommendations=[cls.recommendations[1], cls.recommendations[3]],
        )
        cls.equality = make_area(
            plan=cls.plan, number=4, title="Equality", recommendations=[cls.recommendations[16]]
        )
        cls.user = make_user()

    def read(self, data):
        return read_plan_workbook(data, plan=self.plan)


class NumberBesideWordingTests(CouncilSheetCase):
    def row(self, rec, wording, action, **cells):
        return [
            rec,
            wording,
            action,
            cells.get("owner", "Head of Safeguarding"),
            cells.get("due", "March 2025"),
            cells.get("rag", "Amber"),
            cells.get("updated"),
            cells.get("update", ""),
        ]

    def test_numbers_as_councils_write_them_link_and_the_wording_is_checked(self):
        data = council_workbook(
            [
                self.row("1", WORDINGS[1], "Audit ten protection plans a month"),
                self.row("16 ii", SUB_ITEMS[2], "Train service managers in EIAs"),
                self.row("16(ii)", "Train managers to complete EIAs", "Refresher sessions"),
                self.row("16.ii", SUB_ITEMS[2], "E-learning module on EIAs"),
                self.row("3a", WORDINGS[3], "Terms of reference for the Board"),
                self.row("Rec 4", WORDINGS[7], "Carers' strategy consultation"),
                self.row("5", "Improve quality of commissioning", "Review contracts"),
            ],
            notes=["Notes: RAG ratings are agreed monthly at the Departmental Management Team."],
            spacers={3},
        )

        preview = self.read(data)

        self.assertEqual(preview.problems, [])
        self.assertEqual(len(preview.rows), 7)
        self.assertEqual(
            [[label for label, _ in row.recommendations] for row in preview.rows],
            [["1"], ["16(ii)"], ["16(ii)"], ["16(ii)"], ["3"], ["4"], ["5"]],
        )
        self.assertTrue(preview.rows[1].recommendations[0][1].startswith("Train service managers"))
        notes = [row.notes for row in preview.rows]
        self.assertIn("“3a” is read as recommendation 3, which has no sub-items", notes[4])
        self.assertIn(
            "the wording under “Recommendation” is that of recommendation 7, not 4: check the "
            "number",
            notes[5],
        )
        self.assertTrue(
            any("does not match recommendation 5" in note for note in notes[6]), notes[6]
        )
        # A paraphrase, a sub-item's wording and the full wording pass without a word.
        for row in preview.rows[:5]:
            self.assertFalse([n for n in row.notes if "wording" in n], row.notes)
        self.assertIn(
            "Sheet “Improvement plan”: column “Recommendation” is read as the wording of the "
            "recommendation, checked against the number under “Rec No”.",
            preview.notes,
        )
        self.assertTrue(any("is read as a note, not an action" in n for n in preview.notes))

        apply_import(preview, plan=self.plan, by=self.user, today=TODAY)
        created = Action.objects.filter(plan=self.plan).order_by("number")
        self.assertEqual(created.count(), 7)
        self.assertEqual(
            [sorted(r.label for r in a.recommendations.all()) for a in created],
            [["1"], ["16(ii)"], ["16(ii)"], ["16(ii)"], ["3"], ["4"], ["5"]],
        )

    def test_two_number_columns_are_still_refused(self):
        data = council_workbook(
            [["3", "4", "Write the strategy", "Jo", "March 2025", "", None, ""]],
            headings=["Rec No", "Recommendation number", *HEADINGS[2:]],
        )

        preview = self.read(data)

        self.assertEqual(len(preview.problems), 1)
        self.assertIn("both look like the recommendations column", str(preview.problems[0]))

    def test_a_recommendation_column_of_wording_alone_finds_the_recommendation(self):
        data = council_workbook(
            [
                ["", WORDINGS[2], "Supervision audit", "Jo", "31/03/2025", "Green", None, ""],
                ["", "Something else entirely", "Another", "Jo", "31/03/2025", "", None, ""],
            ],
            headings=["Improvement area", *HEADINGS[1:]],
        )

        preview = self.read(data)

        self.assertEqual(preview.problems, [])
        self.assertEqual(preview.rows[0].recommendations[0][0], "2")
        self.assertIn("linked to recommendation 2", preview.rows[0].notes[0])
        self.assertEqual(preview.rows[1].recommendations, [])

    def test_sub_item_that_does_not_exist_names_what_was_written(self):
        preview = self.read(council_workbook([self.row("16 iv", "", "An action")]))

        self.assertEqual(
            [problem.message for problem in preview.problems],
            [
                "“16 iv”: there is no recommendation 16(iv) in the reviews this plan answers — "
                "use one of 1–19 (or a sub-item such as 16(ii))"
            ],
        )


class CompleteTests(CouncilSheetCase):
    def sheet(self, *ratings, headings=HEADINGS, status=None):
        rows = []
        for n, rating in enumerate(ratings, start=1):
            row = ["1", "", f"Action {n}", "Jo", datetime(2025, 3, 31), rating, None, ""]
            if status is not None:
                row.append(status)
            rows.append(row)
        if status is not None:
            headings = [*headings, "Status"]
        return council_workbook(rows, headings)

    def test_complete_done_closed_and_blue_mean_completed(self):
        ratings = ["Complete", " completed ", "DONE", "Closed", "Blue", "complete  ", "Green"]

        preview = self.read(self.sheet(*ratings))

        self.assertEqual(preview.problems, [])
        self.assertEqual(
            [(row.status, row.rag, row.percent_complete) for row in preview.rows],
            [("Completed", "", 100)] * 6 + [("Not started", "Green", 0)],
        )
        apply_import(preview, plan=self.plan, by=self.user, today=TODAY)
        actions = list(Action.objects.filter(plan=self.plan).order_by("number"))
        self.assertEqual(
            [(a.status, a.rag, a.percent_complete) for a in actions],
            [(ActionStatus.COMPLETED, "", 100)] * 6 + [(ActionStatus.NOT_STARTED, Rag.GREEN, 0)],
        )
        # Each completed action has its update, 100% complete.
        self.assertEqual(
            set(
                ProgressUpdate.objects.filter(action__in=actions[:6]).values_list(
                    "status", "percent_complete"
                )
            ),
            {(ActionStatus.COMPLETED, 100)},
        )

    def test_the_same_note_for_many_rows_is_said_once_with_their_rows(self):
        preview = self.read(self.sheet("Complete", "Complete", "Green", "Complete", "Complete"))

        self.assertEqual(
            [str(note) for note in preview.repeated_notes],
            [
                "Sheet “Improvement plan”, rows 4, 5, 7 and 8: “Complete” under “RAG” is read "
                "as status Completed",
                "Sheet “Improvement plan”, rows 4–8: the sheet gives no action number: numbered "
                "after the plan's last action",
                "Sheet “Improvement plan”, rows 4–8: put in improvement area 1, which answers "
                "recommendation 1",
            ],
        )
        self.assertEqual([row.own_notes for row in preview.rows], [[]] * 5)

    def test_a_colour_in_the_status_column_is_the_rag(self):
        preview = self.read(self.sheet("", status="Amber"))

        self.assertEqual((preview.rows[0].status, preview.rows[0].rag), ("Not started", "Amber"))

    def test_complete_against_a_status_that_says_otherwise_is_a_problem(self):
        preview = self.read(self.sheet("Complete", status="On track"))

        self.assertEqual(
            [str(problem) for problem in preview.problems],
            [
                "Sheet “Improvement plan”, row 4, column “RAG”: “Complete” says the action is "
                "completed but “On track” under “Status” says it is on track — make them agree"
            ],
        )

    def test_complete_with_another_percentage_is_100_percent_with_a_note(self):
        data = council_workbook(
            [["1", "", "Action", "Jo", "March 2025", "Complete", None, "", 0.8]],
            [*HEADINGS, "% complete"],
        )

        preview = self.read(data)

        self.assertEqual(preview.rows[0].percent_complete, 100)
        self.assertIn("completed, so 100% complete (the sheet says 80%)", preview.rows[0].notes)


class DatesAndAreasTests(CouncilSheetCase):
    def test_timescales_as_dates_and_as_words(self):
        timescales = [datetime(2025, 3, 31), "March 2025", "31/03/2025", "Q2 2025/26", "Ongoing"]
        rows = [
            ["1", "", f"Action {n}", "Jo", when, "Amber", None, ""]
            for n, when in enumerate(timescales, start=1)
        ]

        preview = self.read(council_workbook(rows))

        self.assertEqual(preview.problems, [])
        self.assertEqual(
            [row.due_date for row in preview.rows],
            [
                date(2025, 3, 31),
                date(2025, 3, 31),
                date(2025, 3, 31),
                date(2025, 9, 30),
                date(2025, 3, 31),  # Ongoing: the end of the plan's financial year
            ],
        )

    def test_new_actions_join_the_area_answering_their_recommendation(self):
        data = council_workbook(
            [
                ["", "1", "", "Audit protection plans", "Jo", "March 2025", "", None, ""],
                ["", "16(ii)", "", "Train managers", "Jo", "March 2025", "", None, ""],
                ["", "2", "", "Supervision audit", "Jo", "March 2025", "", None, ""],
            ],
            ["Improvement area", *HEADINGS],
        )

        preview = self.read(data)
        apply_import(preview, plan=self.plan, by=self.user, today=TODAY)

        areas = {
            a.title: a.area.number if a.area else None
            for a in Action.objects.filter(plan=self.plan)
        }
        self.assertEqual(
            areas,
            {"Audit protection plans": 1, "Train managers": 4, "Supervision audit": None},
        )
        self.assertIn(
            "put in improvement area 4, which answers recommendation 16(ii)", preview.rows[1].notes
        )

    def test_the_sheets_update_date_is_kept(self):
        earlier = make_action(
            plan=self.plan,
            number=1,
            title="Audit protection plans",
            start_date=date(2024, 4, 1),
            due_date=date(2025, 3, 31),
        )
        make_update(action=earlier, date=date(2024, 12, 1), narrative="Half done.")
        same_day = make_action(
            plan=self.plan,
            number=2,
            title="Supervision audit",
            start_date=date(2024, 4, 1),
            due_date=date(2025, 3, 31),
        )
        make_update(action=same_day, date=date(2025, 2, 14), narrative="Started.")
        headings = ["Action No", *HEADINGS]
        data = council_workbook(
            [
                [1, "1", "", "Audit protection plans", "Jo", "March 2025", "Green",
                 datetime(2025, 2, 14), "All audits done."],
                [2, "2", "", "Supervision audit", "Jo", "March 2025", "Green",
                 datetime(2025, 2, 14), "Second audit done."],
                [3, "3", "", "Board terms of reference", "Jo", "March 2025", "Complete",
                 "31/01/2025", "Agreed by the Board."],
            ],
            headings,
        )  # fmt: skip

        preview = self.read(data)
        apply_import(preview, plan=self.plan, by=self.user, today=TODAY)

        latest = {
            update.action.number: update.date
            for update in ProgressUpdate.objects.filter(action__plan=self.plan).order_by("pk")
        }
        # Later than the action's last update: kept. The same day as it, as an exported sheet
        # still says: the new update is dated the day it is imported.
        self.assertEqual(latest, {1: date(2025, 2, 14), 2: TODAY, 3: date(2025, 1, 31)})


# ---------------------------------------------------------------------------------------
# Properties over sheets made at random
# ---------------------------------------------------------------------------------------

GOOD = [
    lambda n: ["1", WORDINGS[1], f"Audit {n}", "Head of Safeguarding", "March 2025", "Amber"],
    lambda n: ["16 ii", SUB_ITEMS[2], f"Train {n}", "Equality lead", datetime(2025, 9, 30), ""],
    lambda n: ["16.ii", "", f"E-learning {n}", "", "Q2 2025/26", "Complete"],
    lambda n: ["3a", "", f"Board {n}", "Chair", "31/03/2025", "Green"],
    lambda n: ["Rec 4", WORDINGS[4], f"Training {n}", "", "Ongoing", "Blue"],
    lambda n: ["", "", f"Newsletter {n}", "Comms", "June 2025", "Red"],
]
BAD = [
    (lambda n: ["21", "", f"Unknown rec {n}", "", "March 2025", ""], "Rec No"),
    (lambda n: ["2", "", f"Soonish {n}", "", "Soonish", ""], "Timescale"),
    (lambda n: ["2", "", f"Purple {n}", "", "March 2025", "Purple"], "RAG"),
    (lambda n: ["2", "", "", "Jo", "March 2025", "Green"], "Action"),
    (lambda n: ["16 iv", "", f"No such sub-item {n}", "", "March 2025", ""], "Rec No"),
]
COLUMNS = ["Rec No", "Recommendation", "Action", "Lead Officer", "Timescale", "RAG"]


def random_sheet(seed):
    """A sheet of good and bad rows in a random order and column order, with or without a
    title, spacers and notes: (bytes, rows as the sheet numbers them → the bad column)."""
    chooser = random.Random(seed)
    order = list(range(len(COLUMNS)))
    chooser.shuffle(order)
    headings = [COLUMNS[i] for i in order]
    rows, bad = [], {}
    for n in range(chooser.randint(3, 12)):
        if chooser.random() < 0.35:
            make, column = chooser.choice(BAD)
            bad[n] = column
        else:
            make = chooser.choice(GOOD)
        values = make(f"{seed}-{n}")
        rows.append([values[i] for i in order])
    if not any(n not in bad for n in range(len(rows))):
        rows.append([GOOD[0](f"{seed}-extra")[i] for i in order])
    title_rows = chooser.choice([(), (TITLE,), (TITLE, "Updated 31 March 2025")])
    spacers = {n for n in range(1, len(rows)) if chooser.random() < 0.15}
    notes = chooser.choice([(), ("Notes: B = Blue, completed.",)])
    data = council_workbook(rows, headings, title_rows=title_rows, notes=notes, spacers=spacers)
    return data, bad


SEEDS = range(12)


class PropertyTests(CouncilSheetCase):
    def test_every_row_is_imported_or_rejected_with_a_reason_never_both(self):
        for seed in SEEDS:
            data, bad = random_sheet(seed)
            with self.subTest(seed=seed):
                preview = self.read(data)
                self.assertEqual(preview.file_problems, [])
                rejected = {row.row for row in preview.rejected_rows}
                with_problems = {problem.row for problem in preview.problems}
                self.assertEqual(rejected, with_problems)
                self.assertEqual(len(rejected), len(bad))
                for row in preview.rows:
                    self.assertEqual(row.is_rejected, bool(row.problems))
                    self.assertEqual(row.is_rejected, row.kind == "not read")
                # The bad cell is the one named.
                self.assertEqual(
                    sorted({p.column for p in preview.problems}), sorted(set(bad.values()))
                )

    def test_importing_the_valid_rows_makes_one_action_a_valid_row(self):
        for seed in SEEDS:
            data, bad = random_sheet(seed)
            with self.subTest(seed=seed):
                preview = self.read(data)
                before = Action.objects.filter(plan=self.plan).count()
                result = apply_import(
                    preview, plan=self.plan, by=self.user, today=TODAY, valid_rows_only=True
                )
                self.assertEqual(result.rejected, len(bad))
                self.assertEqual(result.created, preview.accepted_count)
                self.assertEqual(
                    Action.objects.filter(plan=self.plan).count(),
                    before + preview.accepted_count,
                )
                Action.objects.filter(plan=self.plan).delete()

    def test_all_or_nothing_leaves_the_database_as_it_was(self):
        for seed in SEEDS:
            data, bad = random_sheet(seed)
            with self.subTest(seed=seed):
                before = plan_tables()
                preview = self.read(data)
                self.assertEqual(preview.is_valid, not bad)
                if bad:
                    with self.assertRaises(ImportRefused):
                        apply_import(preview, plan=self.plan, by=self.user, today=TODAY)
                    self.assertEqual(plan_tables(), before)

    def test_the_rows_given_back_are_the_rejected_rows_with_their_reasons(self):
        for seed in SEEDS:
            data, bad = random_sheet(seed)
            with self.subTest(seed=seed):
                preview = self.read(data)
                given_back = load_workbook(BytesIO(rejected_rows_workbook(preview)))
                sheet = given_back["Improvement plan"]
                rows = list(sheet.iter_rows(values_only=True))
                self.assertEqual(rows[0][0], REASON_HEADER)
                self.assertEqual(len(rows) - 1, len(bad))
                source = {row.row: row for row in preview.rejected_rows}
                for values in rows[1:]:
                    reason = values[0]
                    number = int(reason.split("\n")[0].removeprefix("Row "))
                    self.assertIn(number, source)
                    for problem in source[number].problems:
                        self.assertIn(problem.message, reason)
                # Imported again as it is, the same rows are refused for the same reasons.
                again = self.read(_bytes(given_back))
                self.assertEqual(
                    sorted(p.message for p in again.problems),
                    sorted(p.message for p in preview.problems),
                )
                self.assertEqual(again.accepted_count, 0)

    def test_a_sheet_without_problems_gives_nothing_back(self):
        data = council_workbook([GOOD[0]("a"), GOOD[3]("b")], COLUMNS)

        preview = self.read(data)

        self.assertTrue(preview.is_valid)
        self.assertIsNone(rejected_rows_workbook(preview))


class GivenBackTests(CouncilSheetCase):
    def test_text_stays_text_and_dates_stay_dates_and_corrected_rows_import(self):
        data = council_workbook(
            [
                ["21", "", '=HYPERLINK("http://example.com")', "", datetime(2025, 3, 31), ""],
                ["2", "", "Supervision audit", "Jo", datetime(2025, 3, 31), "Purple"],
                ["2", "", "Case file audit", "Jo", "March 2025", "Green"],
            ],
            COLUMNS,
        )
        preview = self.read(data)
        apply_import(preview, plan=self.plan, by=self.user, today=TODAY, valid_rows_only=True)

        workbook = load_workbook(BytesIO(rejected_rows_workbook(preview)))
        sheet = workbook.active
        formula = sheet.cell(2, 4)
        self.assertEqual(
            (formula.value, formula.data_type), ('=HYPERLINK("http://example.com")', "s")
        )
        self.assertTrue(sheet.cell(2, 6).is_date)
        self.assertEqual(sheet.freeze_panes, "B2")

        sheet.cell(2, 2).value = "2"
        sheet.cell(3, 7).value = "Amber"
        corrected = self.read(_bytes(workbook))

        self.assertEqual(corrected.problems, [])
        self.assertEqual([row.kind for row in corrected.rows], ["create", "create"])
        self.assertNotIn("is not imported", " ".join(corrected.notes))


def _bytes(workbook):
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
