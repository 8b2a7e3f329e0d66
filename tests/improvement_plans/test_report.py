"""The progress report for scrutiny: the PDF read back with pypdf, the workbook with openpyxl.

One small plan is built once: three recommendations (the second with a sub-item) and an
exempt fourth, six actions, progress updates and status changes before and after the date
of the previous report. Its history is moved back in time, as if the plan had been entered
three months ago.
"""

import io
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from improvement_plans.models import Action, ActionStatus, ImprovementPlan, Rag
from improvement_plans.report import (
    default_since,
    months_before,
    render_report_pdf,
    report_context,
    report_workbook,
)
from tests.base import building_pages, councillor_of
from tests.demo import load_demo_copy
from tests.factories import (
    make_action,
    make_council,
    make_plan,
    make_recommendation,
    make_review,
    make_update,
)

SHEETS = ["Summary", "Recommendations and actions", "Overdue", "Changes"]
FORMULA = '=HYPERLINK("https://example.org","click")'


def read(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    return reader, " ".join(pages)


def between(text, start, end=None):
    """The text from the first ``start`` to the next ``end`` after it."""
    begin = text.index(start)
    stop = text.index(end, begin) if end else len(text)
    return text[begin:stop]


def sheet_rows(workbook, name):
    return [list(row) for row in workbook[name].iter_rows(values_only=True)]


def summary_figures(workbook):
    return {label: value for label, value in sheet_rows(workbook, "Summary")[1:]}


def back_date(action, days, *, latest_only=False):
    """Move the action's history records (or only the latest) ``days`` into the past."""
    records = Action.history.filter(id=action.pk).order_by("-history_date", "-history_id")
    if latest_only:
        records = records.filter(history_id=records.first().history_id)
    records.update(history_date=timezone.now() - timedelta(days=days))


class ReportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        today = cls.today = timezone.localdate()
        cls.since = today - timedelta(days=30)
        council = cls.council = make_council(name="Testshire County Council")
        review = make_review(host_council=council, title="Adult social care peer challenge")
        rec1 = make_recommendation(review=review, text="Make safeguarding everyone's business.")
        rec2 = make_recommendation(review=review, text="Stabilise the workforce.")
        sub = make_recommendation(parent=rec2, text="Train call handlers.")
        rec3 = make_recommendation(review=review, text="Redesign the front door.")
        rec4 = make_recommendation(review=review, exempt=True, text="Sell the exempt site.")
        plan = cls.plan = make_plan(review=review, title="Testshire improvement plan")

        start = today - timedelta(days=200)
        cls.a1 = make_action(
            plan=plan,
            recommendations=[rec1],
            title="Publish the safeguarding audit",
            owner_name="Head of safeguarding",
            start_date=start,
            due_date=today + timedelta(days=30),
            status=ActionStatus.COMPLETED,
            rag=Rag.GREEN,
            percent_complete=100,
        )
        make_update(
            action=cls.a1,
            date=today - timedelta(days=60),
            status=ActionStatus.COMPLETED,
            narrative="Old news from before the last report.",
        )
        cls.a2 = make_action(
            plan=plan,
            recommendations=[rec2],
            title="Recruit twelve social workers",
            owner_name="Director of Adult Social Services",
            start_date=start,
            due_date=today - timedelta(days=100),
            status=ActionStatus.NOT_STARTED,
            rag=Rag.RED,
        )
        cls.a3 = make_action(
            plan=plan,
            recommendations=[sub],
            title="Train the call handlers",
            owner_name="Head of safeguarding",
            start_date=start,
            due_date=today + timedelta(days=60),
            status=ActionStatus.ON_TRACK,
            rag=Rag.AMBER,
        )
        cls.a4 = make_action(
            plan=plan,
            recommendations=[rec1],
            title="Exempt action on staffing costs",
            exempt=True,
            start_date=start,
            due_date=today + timedelta(days=90),
        )
        cls.a5 = make_action(
            plan=plan,
            recommendations=[rec3],
            title=FORMULA,
            owner_name="",
            start_date=start,
            due_date=today - timedelta(days=3),
            status=ActionStatus.NOT_STARTED,
        )
        cls.a6 = make_action(
            plan=plan,
            recommendations=[rec4],
            title="Exempt action on the site sale",
            exempt=True,
            start_date=start,
            due_date=today + timedelta(days=90),
        )
        # The plan was entered three months ago.
        Action.history.filter(plan_id=plan.pk).update(
            history_date=timezone.now() - timedelta(days=90)
        )
        # Before the last report: action 2 started (not reported as a change).
        cls.a2.status = ActionStatus.ON_TRACK
        cls.a2.save()
        back_date(cls.a2, 60, latest_only=True)
        # Since the last report: an update on action 2, action 3 completed.
        make_update(
            action=cls.a2,
            date=today - timedelta(days=5),
            status=ActionStatus.ON_TRACK,
            narrative="Recruitment fair booked for next month.",
        )
        cls.a3.status = ActionStatus.COMPLETED
        cls.a3.save()

        cls.viewer = councillor_of(council, first_name="Vera", last_name="Viewer")
        cls.outsider = councillor_of(make_council())

        cls.internal_pdf = render_report_pdf(plan, user=cls.viewer, since=cls.since)
        cls.public_pdf = render_report_pdf(plan, user=cls.viewer, since=cls.since, public=True)
        cls.reader, cls.text = read(cls.internal_pdf)
        cls.public_reader, cls.public_text = read(cls.public_pdf)


class ReportPdfTests(ReportTestCase):
    def test_cover(self):
        cover = " ".join(self.reader.pages[0].extract_text().split())
        self.assertIn("Testshire County Council", cover)
        self.assertIn("Testshire improvement plan", cover)
        self.assertIn("Progress report for scrutiny", cover)
        self.assertIn(f"{self.today:%-d %B %Y}", cover)
        self.assertIn(f"Changes are reported since {self.since:%-d %B %Y}", cover)
        self.assertIn("Not for publication", cover)

    def test_pdf_is_tagged_and_titled(self):
        self.assertIn("/StructTreeRoot", self.reader.trailer["/Root"])
        self.assertIn("Testshire improvement plan", self.reader.metadata.title)

    def test_pages_are_numbered(self):
        count = len(self.reader.pages)
        for number, page in enumerate(self.reader.pages, start=1):
            self.assertIn(f"Page {number} of {count}", page.extract_text())

    def test_the_first_page_after_the_cover_is_the_report_at_a_glance(self):
        glance = " ".join(self.reader.pages[1].extract_text().split())
        self.assertTrue(glance.startswith("At a glance") or "At a glance" in glance[:200])
        self.assertIn("2 of 6 actions (33%) are completed; 2 are overdue.", glance)
        for flag in (
            "Rated green by the council against the dates",
            "Due date moved since first agreed",
            "Open with a missed milestone",
            "Recommendations with no action",
        ):
            self.assertIn(flag, glance)
        self.assertIn("progress update", between(glance, "Since "))
        # The detail starts on the next page.
        self.assertIn("Charts", " ".join(self.reader.pages[2].extract_text().split())[:200])

    def test_summary_figures_and_charts(self):
        summary = between(self.text, "At a glance", "Recommendations and actions")
        self.assertIn("2 of 6 actions (33%) are completed; 2 are overdue.", summary)
        self.assertNotIn("2 of 6 actions", self.public_text)
        self.assertIn("2 of 4 actions (50%) are completed; 2 are overdue.", self.public_text)
        for title in (
            "Actions by status",
            "The council's RAG rating",
            "RAG by the dates",
            "Recommendations by implementation state",
            "Share of the 6 actions completed",
        ):
            self.assertIn(title, summary)

    def test_recommendations_in_number_order_each_with_its_actions(self):
        section = between(self.text, "Recommendations and actions", "Overdue actions")
        headings = [section.index(f"Recommendation {n}") for n in (1, 2, 3, 4)]
        self.assertEqual(headings, sorted(headings))
        expected = {
            1: ["Action 1: Publish the safeguarding audit", "Action 4: Exempt action"],
            2: ["Action 2: Recruit twelve social workers", "Action 3: Train the call handlers"],
            3: ["Action 5: =HYPERLINK"],
            4: ["Action 6: Exempt action on the site sale"],
        }
        ends = headings[1:] + [len(section)]
        for (number, actions), start, end in zip(expected.items(), headings, ends, strict=True):
            for action in actions:
                self.assertIn(action, section[start:end], f"Recommendation {number}")
        self.assertIn("2(i) Train call handlers.", section)

    def test_action_details(self):
        section = between(self.text, "Action 2: Recruit", "Action 3:")
        self.assertIn("Owner: Director of Adult Social Services", section)
        self.assertIn(f"Due {self.a2.due_date:%-d %B %Y}", section)
        self.assertIn("Status: On track", section)
        self.assertIn("Council RAG: ✕ Red", section)
        self.assertIn("By the dates: ✕ Red", section)
        self.assertIn("Overdue", section)
        self.assertIn(
            f"Latest update, {self.today - timedelta(days=5):%-d %B %Y}: Recruitment fair", section
        )

    def test_overdue_list_grouped_by_owner(self):
        section = between(self.text, "Overdue actions", "Changes since")
        self.assertIn("2 actions are past their due date", section)
        director = section.index("Director of Adult Social Services")
        nobody = section.index("No owner named")
        self.assertLess(director, section.index("Action 2: Recruit"))
        self.assertLess(director, nobody)
        self.assertLess(nobody, section.index("Action 5:"))
        self.assertNotIn("Action 1:", section)
        self.assertNotIn("Action 3:", section)

    def test_changes_since_the_date(self):
        section = between(self.text, f"Changes since {self.since:%-d %B %Y}")
        self.assertIn("Recruitment fair booked for next month.", section)
        self.assertNotIn("Old news from before the last report.", section)
        status_changes = between(section, "Status changes", "Newly overdue")
        self.assertIn("Action 3: Train the call handlers On track Completed", status_changes)
        self.assertNotIn("Action 2", status_changes)
        self.assertIn(
            f"Action 3: Train the call handlers (completed {self.today:%-d %B %Y})", section
        )
        self.assertNotIn("Action 1:", section)
        newly_overdue = between(section, "Newly overdue")
        self.assertIn("Action 5:", newly_overdue)
        self.assertNotIn("Action 2:", newly_overdue)

    def test_exempt_items_in_the_internal_copy_only(self):
        for text in ("Exempt action on staffing costs", "Exempt action on the site sale"):
            self.assertIn(text, self.text)
            self.assertNotIn(text, self.public_text)
        self.assertIn("Sell the exempt site", self.text)
        self.assertNotIn("Sell the exempt site", self.public_text)
        self.assertNotIn("Recommendation 4", self.public_text)
        self.assertIn("Recommendation 3", self.public_text)
        self.assertIn("Public copy: exempt information", self.public_text)

    def test_public_copy_names_nobody(self):
        self.a3.refresh_from_db()
        context = report_context(self.plan, user=self.viewer, since=self.since, public=True)
        self.assertEqual({change.who for change in context["changes"]["status_changes"]}, {""})

    def test_a_reader_without_access_to_exempt_items_would_not_get_them(self):
        # A reader who may not see the plan gets nothing at all.
        context = report_context(self.plan, user=self.outsider, since=self.since)
        self.assertEqual(context["actions"], [])
        self.assertEqual(context["figures"]["total"], 0)


class ReportContextTests(ReportTestCase):
    def test_figures_match_the_rows(self):
        context = report_context(self.plan, user=self.viewer, since=self.since)
        figures, actions = context["figures"], context["actions"]
        self.assertEqual(figures["total"], len(actions))
        self.assertEqual(figures["overdue"], sum(a.is_overdue_flag for a in actions))
        self.assertEqual(
            figures["completed"], sum(a.status == ActionStatus.COMPLETED for a in actions)
        )
        self.assertEqual(
            sum(context["derived_rag_figures"].values()), len(actions) - figures["cancelled"]
        )
        self.assertEqual(context["recommendation_figures"]["total"], 4)

    def test_completion_line_ends_today_with_the_share_completed(self):
        context = report_context(self.plan, user=self.viewer, since=self.since)
        label, value = context["completion_points"][-1]
        self.assertEqual(label, f"{self.today:%-d %b %Y}")
        self.assertEqual(value, 33)  # actions 1 and 3 of 6

    def test_default_since_is_six_months_back(self):
        context = report_context(self.plan, user=self.viewer)
        self.assertEqual(context["since"], months_before(self.today, 6))
        self.assertEqual(default_since(self.today), months_before(self.today, 6))

    def test_months_before_keeps_the_day_or_takes_the_last(self):
        from datetime import date

        self.assertEqual(months_before(date(2025, 8, 31), 6), date(2025, 2, 28))
        self.assertEqual(months_before(date(2025, 3, 15), 6), date(2024, 9, 15))


class ReportWorkbookTests(ReportTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.context = report_context(cls.plan, user=cls.viewer, since=cls.since)
        output = io.BytesIO()
        report_workbook(cls.plan, user=cls.viewer, since=cls.since).save(output)
        cls.workbook = load_workbook(io.BytesIO(output.getvalue()))
        output = io.BytesIO()
        report_workbook(cls.plan, user=cls.viewer, since=cls.since, public=True).save(output)
        cls.public_workbook = load_workbook(io.BytesIO(output.getvalue()))

    def test_four_sheets(self):
        self.assertEqual(self.workbook.sheetnames, SHEETS)

    def test_summary_has_the_same_figures_as_the_report(self):
        figures = summary_figures(self.workbook)
        self.assertEqual(figures["Actions"], self.context["figures"]["total"])
        self.assertEqual(figures["Completed"], 2)
        self.assertEqual(figures["Overdue"], 2)
        self.assertEqual(figures["Recommendations"], 4)
        self.assertEqual(figures["Summary"], self.context["headline"])
        self.assertEqual(summary_figures(self.public_workbook)["Actions"], 4)

    def test_recommendations_and_actions(self):
        rows = sheet_rows(self.workbook, "Recommendations and actions")
        pairs = [(row[1], row[5]) for row in rows[1:]]
        self.assertEqual(
            pairs,
            [
                ("Recommendation 1", 1),
                ("Recommendation 1", 4),
                ("Recommendation 2", 2),
                ("Recommendation 2", 3),
                ("Recommendation 3", 5),
                ("Recommendation 4", 6),
            ],
        )
        public = sheet_rows(self.public_workbook, "Recommendations and actions")
        self.assertEqual([row[5] for row in public[1:]], [1, 2, 3, 5])

    def test_user_text_is_never_a_formula(self):
        cells = [
            cell
            for row in self.workbook["Recommendations and actions"].iter_rows()
            for cell in row
            if cell.value == FORMULA
        ]
        self.assertTrue(cells)
        for cell in cells:
            self.assertEqual(cell.data_type, "s")

    def test_overdue_and_changes(self):
        overdue = sheet_rows(self.workbook, "Overdue")
        self.assertEqual(
            [(row[0], row[1]) for row in overdue[1:]],
            [
                ("Director of Adult Social Services", 2),
                ("No owner named", 5),
            ],
        )
        self.assertEqual(overdue[1][4], 100)
        changes = sheet_rows(self.workbook, "Changes")
        kinds = {(row[1], row[2]) for row in changes[1:]}
        self.assertIn(("Progress update", 2), kinds)
        self.assertIn(("Status changed", 3), kinds)
        self.assertIn(("Completed", 3), kinds)
        self.assertIn(("Newly overdue", 5), kinds)
        self.assertNotIn(("Status changed", 2), kinds)


class ReportViewTests(ReportTestCase):
    def url(self, name, **query):
        url = reverse(f"improvement_plans:{name}", args=[self.plan.pk])
        return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")

    def test_pdf_for_a_reader_of_the_plan(self):
        self.client.force_login(self.viewer)
        response = self.client.get(self.url("report_pdf", since=self.since.isoformat()))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("testshire-improvement-plan-progress-report", response["Content-Disposition"])
        self.assertIn("Exempt action on the site sale", read(response.content)[1])

    def test_public_copy_through_the_view(self):
        self.client.force_login(self.viewer)
        response = self.client.get(self.url("report_pdf", copy="public"))
        self.assertNotIn("Exempt action", read(response.content)[1])

    def test_xlsx(self):
        self.client.force_login(self.viewer)
        response = self.client.get(self.url("report_xlsx"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertEqual(load_workbook(io.BytesIO(response.content)).sheetnames, SHEETS)

    def test_a_bad_or_future_date_is_refused_with_a_message(self):
        self.client.force_login(self.viewer)
        tomorrow = (self.today + timedelta(days=1)).isoformat()
        for since in ("31/12/2024", "2024-02-30", tomorrow):
            for name in ("report_pdf", "report_xlsx"):
                with self.subTest(since=since, name=name):
                    response = self.client.get(self.url(name, since=since))
                    self.assertEqual(response.status_code, 400)
                    self.assertIn(b"YYYY-MM-DD", response.content)

    def test_others_get_a_404(self):
        self.client.force_login(self.outsider)
        for name in ("report_pdf", "report_xlsx"):
            self.assertEqual(self.client.get(self.url(name)).status_code, 404)


def build_plan(action_count):
    """A plan of three recommendations with ``action_count`` actions spread over them, each
    with two updates, one overdue in three, one completed in four."""
    today = timezone.localdate()
    review = make_review()
    recommendations = [make_recommendation(review=review) for _ in range(3)]
    make_recommendation(parent=recommendations[0])
    plan = make_plan(review=review)
    for n in range(action_count):
        action = make_action(
            plan=plan,
            recommendations=[recommendations[n % 3]],
            owner_name=f"Owner {n % 4}",
            due_date=today - timedelta(days=5) if n % 3 == 0 else today + timedelta(days=30),
            status=ActionStatus.COMPLETED if n % 4 == 0 else ActionStatus.ON_TRACK,
            exempt=n % 7 == 6,
        )
        make_update(action=action, date=today - timedelta(days=40))
        make_update(action=action, date=today - timedelta(days=2))
        action.status = ActionStatus.AT_RISK
        action.save()
    viewer = councillor_of(plan.council)
    return ImprovementPlan.objects.get(pk=plan.pk), viewer


class EmptyPlanTests(TestCase):
    def test_a_plan_without_actions_or_recommendations_renders(self):
        plan = make_plan()
        viewer = councillor_of(plan.council)
        _, text = read(render_report_pdf(plan, user=viewer))
        self.assertIn("The plan has no actions yet.", text)
        self.assertIn("No recommendations are linked to this plan.", text)
        self.assertIn("No action is overdue.", text)
        output = io.BytesIO()
        report_workbook(plan, user=viewer).save(output)
        self.assertEqual(summary_figures(load_workbook(output))["Actions"], 0)


@building_pages
class QueryCountTests(TestCase):
    def count(self, action_count):
        plan, viewer = build_plan(action_count)
        with CaptureQueriesContext(connection) as queries:
            context = report_context(plan, user=viewer, since=timezone.localdate() - timedelta(10))
            self.assertEqual(len(context["actions"]), action_count)
        return len(queries)

    def test_the_same_number_of_queries_for_3_and_40_actions(self):
        small, large = self.count(3), self.count(40)
        print(f"\nreport_context: {small} queries for 3 actions, {large} for 40")
        self.assertEqual(small, large)
        self.assertLessEqual(small, 12)


class SeftonReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
        cls.plan = ImprovementPlan.objects.get(council__name="Sefton Metropolitan Borough Council")
        cls.viewer = councillor_of(cls.plan.council)

    @pytest.mark.slow
    def test_sefton_report_renders_in_time(self):
        started = time.perf_counter()
        pdf = render_report_pdf(self.plan, user=self.viewer)
        seconds = time.perf_counter() - started
        reader, text = read(pdf)
        print(f"\nSefton report: {len(reader.pages)} pages in {seconds:.2f} s")
        self.assertLess(seconds, 20)
        section = between(text, "Recommendations and actions", "Overdue actions")
        positions = [section.index(f"Recommendation {n} ") for n in range(1, 20)]
        self.assertEqual(positions, sorted(positions))
        for number in range(1, 54):
            self.assertIn(f"Action {number}:", section)

    def test_sefton_workbook(self):
        started = time.perf_counter()
        workbook = report_workbook(self.plan, user=self.viewer)
        output = io.BytesIO()
        workbook.save(output)
        seconds = time.perf_counter() - started
        print(f"\nSefton workbook: {len(output.getvalue())} bytes in {seconds:.2f} s")
        reread = load_workbook(io.BytesIO(output.getvalue()))
        self.assertEqual(reread.sheetnames, SHEETS)
        self.assertEqual(summary_figures(reread)["Actions"], 53)
