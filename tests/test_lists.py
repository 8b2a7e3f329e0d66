"""The lists of actions and recommendations across everything a user may see: filters,
sorting, pages, the .xlsx and CSV downloads, what each role sees, and the queries each costs."""

import csv
import io
import re
from datetime import timedelta
from html import unescape
from unittest import skipUnless

from django.db import connection
from django.test import TestCase
from django.utils import timezone
from openpyxl import load_workbook

from councils.models import Membership
from improvement_plans.models import ActionStatus, Rag
from recommendations.models import Recommendation
from reviews.models import FocusArea
from tests.base import regional_lead_of
from tests.factories import (
    make_action,
    make_council,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
    make_update,
    make_user,
)
from tests.test_access_matrix import ROLES, AccessWorld, sees
from tests.test_pages import QueryBudgetTestCase

Role = Membership.Role
ACTION_TITLE = re.compile(
    r'<a class="govuk-link" href="/actions/\d+/">Action \d+</a><br><span class="govuk-body-s">'
    r"(.*?)</span>"
)
RECOMMENDATION_LINK = re.compile(r'<a class="govuk-link" href="/recommendations/(\d+)/">Recommen')


def action_titles(response):
    """The titles of the actions listed on the page, in order."""
    return [unescape(title) for title in ACTION_TITLE.findall(response.content.decode())]


def recommendation_ids(response):
    return [int(pk) for pk in RECOMMENDATION_LINK.findall(response.content.decode())]


def column_headers(response):
    """The table's column headers as a sighted reader sees them."""
    head = re.search(r"<thead.*?</thead>", response.content.decode(), re.DOTALL).group(0)
    cells = re.findall(r"<th [^>]*>(.*?)</th>", head, re.DOTALL)
    return [
        unescape(
            re.sub(
                r"<[^>]+>",
                "",
                re.sub(
                    r'<span class="(govuk-visually-hidden|sli-sort__arrow)"[^>]*>.*?</span>',
                    "",
                    cell,
                ),
            )
        ).strip()
        for cell in cells
    ]


def header_cell(response, header):
    """The opening tag of the header cell for ``header``."""
    for match in re.finditer(r"(<th [^>]*>)(.*?)</th>", response.content.decode(), re.DOTALL):
        if re.sub(r"<[^>]+>", "", match.group(2)).startswith(header):
            return match.group(1)
    raise AssertionError(f"No column headed {header!r}")


def options_of(response, name):
    """The labels of a dropdown's options, except the first ("All …")."""
    select = re.search(
        rf'<select name="{name}".*?</select>', response.content.decode(), re.DOTALL
    ).group(0)
    return [unescape(label.strip()) for label in re.findall(r">([^<]*)</option>", select)][1:]


def xlsx_rows(response):
    """The rows of the first sheet, each as long as the header row (blank cells as None)."""
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    return [row + [None] * (len(rows[0]) - len(row)) for row in rows]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "The CSV starts with a byte order mark for Excel"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


class ListWorld(TestCase):
    """Two councils of one region, seen by its regional lead, and a council of another region
    that nobody here may see."""

    @classmethod
    def setUpTestData(cls):
        today = cls.today = timezone.localdate()
        north = make_region(name="North")
        cls.lead = regional_lead_of(north, username="lead")
        cls.priya = make_user(first_name="Priya", last_name="Patel")
        cls.outcomes, cls.leadership = FocusArea.objects.order_by("number")[:2]

        cls.council_a = make_council(name="Allerdale Council", region=north)
        cls.review_a = make_review(host_council=cls.council_a, title="Peer challenge of Allerdale")
        cls.rec_1 = make_recommendation(
            review=cls.review_a, text="Review protection plans on time", focus_area=cls.outcomes
        )
        cls.sub_1 = make_recommendation(parent=cls.rec_1, text="Report on timeliness")
        cls.rec_2 = make_recommendation(
            review=cls.review_a, text="Recruit and keep social workers", focus_area=cls.leadership
        )
        cls.rec_3 = make_recommendation(review=cls.review_a, text="Publish a carers' strategy")
        cls.rec_declined = make_recommendation(
            review=cls.review_a,
            text="Move to a single front door",
            response=Recommendation.Response.NOT_ACCEPTED,
        )
        cls.rec_unanswered = make_recommendation(
            review=cls.review_a, text="Work with the health trust on discharge", response=""
        )
        plan_a = make_plan(review=cls.review_a, title="Allerdale improvement plan")
        cls.audit = make_action(
            plan=plan_a,
            title="Audit case files",
            how="Sample fifty safeguarding files each quarter",
            owner_name="Head of safeguarding",
            status=ActionStatus.ON_TRACK,
            rag=Rag.GREEN,
            due_date=today + timedelta(days=60),
            recommendations=[cls.rec_1],
        )
        cls.recruit = make_action(
            plan=plan_a,
            title="Recruit social workers",
            how="Run a campaign with the university",
            owner_name="",
            owner_user=cls.priya,
            status=ActionStatus.NOT_STARTED,
            rag="",
            start_date=today - timedelta(days=90),
            due_date=today - timedelta(days=5),
            recommendations=[cls.rec_2],
        )
        cls.carers = make_action(
            plan=plan_a,
            title="Publish the carers' strategy",
            owner_name="Carers lead",
            status=ActionStatus.COMPLETED,
            rag=Rag.AMBER,
            start_date=today - timedelta(days=90),
            due_date=today - timedelta(days=30),
            recommendations=[cls.rec_3],
        )
        make_update(action=cls.carers, date=today - timedelta(days=31))
        make_update(action=cls.carers, date=today - timedelta(days=35))
        cls.report = make_action(
            plan=plan_a,
            title="Report timeliness to the board",
            owner_name="Principal social worker",
            due_date=today + timedelta(days=100),
            recommendations=[cls.sub_1],
        )

        cls.council_b = make_council(name="Barrow Council", region=north)
        cls.review_b = make_review(host_council=cls.council_b, title="Peer challenge of Barrow")
        cls.rec_b = make_recommendation(review=cls.review_b, text="Reduce the waiting list")
        cls.waiting = make_action(
            plan=make_plan(review=cls.review_b),
            title="Reduce waiting lists",
            owner_name="Service manager",
            status=ActionStatus.AT_RISK,
            rag=Rag.RED,
            due_date=today + timedelta(days=10),
            recommendations=[cls.rec_b],
        )

        hidden = make_council(name="Hidden Council of the South")
        hidden_review = make_review(host_council=hidden, title="Hidden review")
        make_action(
            plan=make_plan(review=hidden_review),
            title="Hidden action",
            recommendations=[make_recommendation(review=hidden_review, text="Hidden text")],
        )

    def setUp(self):
        self.client.force_login(self.lead)

    def get(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return response

    def actions(self, **params):
        return set(action_titles(self.get("/actions/", **params)))

    def recommendations(self, **params):
        return set(recommendation_ids(self.get("/recommendations/", **params)))


class ActionFilterTests(ListWorld):
    ALL = {
        "Audit case files",
        "Recruit social workers",
        "Publish the carers' strategy",
        "Report timeliness to the board",
        "Reduce waiting lists",
    }

    def test_unfiltered_the_list_has_every_visible_action_and_no_other(self):
        response = self.get("/actions/")

        self.assertEqual(set(action_titles(response)), self.ALL)
        self.assertNotContains(response, "Hidden")
        self.assertContains(response, "<title>Actions – Sector-led improvement manager</title>")
        self.assertContains(response, "5 actions</caption>", html=False)

    def test_council(self):
        self.assertEqual(self.actions(council=self.council_b.pk), {"Reduce waiting lists"})

    def test_review(self):
        self.assertEqual(self.actions(review=self.review_a.pk), self.ALL - {"Reduce waiting lists"})
        self.assertEqual(self.actions(review=self.review_b.pk), {"Reduce waiting lists"})

    def test_focus_area_includes_actions_on_sub_items_of_a_recommendation_in_it(self):
        self.assertEqual(
            self.actions(focus_area=self.outcomes.pk),
            {"Audit case files", "Report timeliness to the board"},
        )
        self.assertEqual(self.actions(focus_area=self.leadership.pk), {"Recruit social workers"})

    def test_status(self):
        self.assertEqual(self.actions(status="not_started"), {"Recruit social workers"})

    def test_rag(self):
        self.assertEqual(self.actions(rag="red"), {"Reduce waiting lists"})
        self.assertEqual(
            self.actions(rag="none"), {"Recruit social workers", "Report timeliness to the board"}
        )

    def test_owner_by_name_or_by_the_owning_user(self):
        self.assertEqual(self.actions(owner="safeguard"), {"Audit case files"})
        self.assertEqual(self.actions(owner="patel"), {"Recruit social workers"})

    def test_overdue(self):
        self.assertEqual(self.actions(overdue="yes"), {"Recruit social workers"})
        self.assertEqual(self.actions(overdue="no"), self.ALL - {"Recruit social workers"})

    def test_due_between_two_dates(self):
        start, end = self.today + timedelta(days=10), self.today + timedelta(days=60)

        found = self.actions(
            due_from_0=start.day,
            due_from_1=start.month,
            due_from_2=start.year,
            due_to_0=end.day,
            due_to_1=end.month,
            due_to_2=end.year,
        )

        self.assertEqual(found, {"Audit case files", "Reduce waiting lists"})

    def test_words_in_how_it_will_be_achieved(self):
        self.assertEqual(self.actions(q="fifty"), {"Audit case files"})
        self.assertEqual(self.actions(q="Safeguarding FILES"), {"Audit case files"})
        self.assertEqual(self.actions(q="university campaign"), {"Recruit social workers"})
        self.assertEqual(self.actions(q="nowhere-to-be-found"), set())

    @skipUnless(connection.vendor == "postgresql", "English stemming is PostgreSQL's")
    def test_words_match_other_forms_of_the_word_on_postgresql(self):
        self.assertEqual(self.actions(q="sampling campaigns"), set())
        self.assertEqual(self.actions(q="sampled"), {"Audit case files"})
        self.assertEqual(self.actions(q="campaigns"), {"Recruit social workers"})
        self.assertEqual(self.actions(q='"safeguarding files"'), {"Audit case files"})
        self.assertEqual(
            self.actions(q="campaign or sample"), {"Audit case files", "Recruit social workers"}
        )

    def test_words_in_the_title_and_the_owner(self):
        self.assertEqual(self.actions(q="waiting"), {"Reduce waiting lists"})
        self.assertEqual(self.actions(q="principal"), {"Report timeliness to the board"})

    def test_filters_combine(self):
        self.assertEqual(
            self.actions(council=self.council_a.pk, overdue="no", status="on_track"),
            {"Audit case files", "Report timeliness to the board"},
        )

    def test_a_mistyped_date_is_explained_and_lists_nothing(self):
        response = self.get("/actions/", due_from_0="31", due_from_1="2", due_from_2="2025")

        self.assertEqual(action_titles(response), [])
        self.assertContains(response, "There is a problem")
        self.assertContains(response, "The due on or after must be a real date")
        self.assertTrue(response.content.decode().count("<title>Error: Actions"))

    def test_the_dropdowns_name_only_what_the_user_may_see(self):
        response = self.get("/actions/")

        self.assertEqual(options_of(response, "council"), ["Allerdale Council", "Barrow Council"])
        self.assertEqual(
            options_of(response, "review"),
            [
                "Peer challenge of Allerdale (Allerdale Council)",
                "Peer challenge of Barrow (Barrow Council)",
            ],
        )
        self.assertEqual(len(options_of(response, "focus_area")), 8)

    def test_another_councils_id_is_refused_not_used(self):
        hidden = make_council(name="Another hidden council")

        response = self.get("/actions/", council=hidden.pk)

        self.assertEqual(action_titles(response), [])
        self.assertContains(response, "Select a valid choice")
        self.assertNotContains(response, "Another hidden council")

    def test_the_columns_say_it_in_words(self):
        response = self.get("/actions/", q="campaign")
        row = re.search(r"<tbody.*?</tbody>", response.content.decode(), re.DOTALL).group(0)

        for words in (
            "Allerdale Council",
            "Action 2",
            "Priya Patel",
            "Not started",
            "Not rated",
            "Overdue",
            "None yet",
            f"Recommendation {self.rec_2.label}",
        ):
            self.assertIn(words, unescape(row))


class SortingAndPagesTests(ListWorld):
    def test_sorting_by_due_date_both_ways(self):
        by_due = [
            "Publish the carers' strategy",
            "Recruit social workers",
            "Reduce waiting lists",
            "Audit case files",
            "Report timeliness to the board",
        ]

        ascending = self.get("/actions/", sort="due_date")
        descending = self.get("/actions/", sort="-due_date")

        self.assertEqual(action_titles(ascending), by_due)
        self.assertIn('aria-sort="ascending"', header_cell(ascending, "Due date"))
        self.assertIn("sorted by due date, ascending", ascending.content.decode())
        self.assertEqual(action_titles(descending), by_due[::-1])
        self.assertIn('aria-sort="descending"', header_cell(descending, "Due date"))
        self.assertIn('aria-sort="none"', header_cell(descending, "Owner"))
        self.assertNotIn("aria-sort", header_cell(descending, "Recommendations"))

    def test_a_sort_link_asks_for_the_other_way_keeps_the_filters_and_starts_again(self):
        response = self.get("/actions/", sort="due_date", status="on_track", page="1")

        cell = re.search(
            r'<th [^>]*aria-sort="ascending"><a [^>]*href="([^"]*)"', response.content.decode()
        )
        link = unescape(cell.group(1))
        self.assertIn("sort=-due_date", link)
        self.assertIn("status=on_track", link)
        self.assertNotIn("page=", link)

    def test_sorting_by_the_latest_update(self):
        # Only the carers' strategy has updates: never updated counts as the oldest.
        newest_first = action_titles(self.get("/actions/", sort="-latest_update"))
        oldest_first = action_titles(self.get("/actions/", sort="latest_update"))

        self.assertEqual(newest_first[0], "Publish the carers' strategy")
        self.assertEqual(oldest_first[-1], "Publish the carers' strategy")

    def test_recommendations_sort_in_their_numbering(self):
        response = self.get("/recommendations/", sort="recommendation", review=self.review_a.pk)

        self.assertEqual(
            recommendation_ids(response),
            [
                r.pk
                for r in (
                    self.rec_1,
                    self.sub_1,
                    self.rec_2,
                    self.rec_3,
                    self.rec_declined,
                    self.rec_unanswered,
                )
            ],
        )
        descending = self.get("/recommendations/", sort="-recommendation", review=self.review_a.pk)
        self.assertEqual(recommendation_ids(descending), recommendation_ids(response)[::-1])

    def test_26_actions_make_two_pages(self):
        plan = make_plan(council=self.council_b, title="A long plan")
        for number in range(21):
            make_action(plan=plan, title=f"Long plan action {number}")

        first = self.get("/actions/")
        second = self.get("/actions/", page=2)

        self.assertEqual(len(action_titles(first)), 25)
        self.assertEqual(len(action_titles(second)), 1)
        self.assertContains(first, 'class="govuk-pagination"')
        self.assertContains(first, 'aria-label="Page 1" aria-current="page"')
        self.assertContains(first, 'rel="next"')
        self.assertNotContains(first, 'rel="prev"')
        self.assertContains(second, 'aria-label="Page 2" aria-current="page"')
        self.assertContains(second, 'rel="prev"')
        self.assertContains(second, "Page 2 of 2")
        self.assertContains(second, "<title>Actions, page 2 of 2 – Sector-led improvement manager")
        self.assertEqual(set(action_titles(first)) & set(action_titles(second)), set())

    def test_one_page_needs_no_pagination(self):
        self.assertNotContains(self.get("/actions/"), "govuk-pagination")

    def test_a_page_past_the_end_shows_the_last(self):
        self.assertEqual(len(action_titles(self.get("/actions/", page=9))), 5)


class RecommendationFilterTests(ListWorld):
    def test_unfiltered_every_visible_recommendation(self):
        response = self.get("/recommendations/")

        self.assertEqual(
            set(recommendation_ids(response)),
            {
                r.pk
                for r in (
                    self.rec_1,
                    self.sub_1,
                    self.rec_2,
                    self.rec_3,
                    self.rec_declined,
                    self.rec_unanswered,
                    self.rec_b,
                )
            },
        )
        self.assertNotContains(response, "Hidden")
        self.assertContains(response, "<title>Recommendations – Sector-led improvement manager")

    def test_council_and_review(self):
        self.assertEqual(self.recommendations(council=self.council_b.pk), {self.rec_b.pk})
        self.assertEqual(self.recommendations(review=self.review_b.pk), {self.rec_b.pk})

    def test_focus_area_includes_sub_items_of_a_recommendation_in_it(self):
        self.assertEqual(
            self.recommendations(focus_area=self.outcomes.pk), {self.rec_1.pk, self.sub_1.pk}
        )

    def test_response(self):
        self.assertEqual(self.recommendations(response="not_accepted"), {self.rec_declined.pk})
        self.assertEqual(self.recommendations(response="none"), {self.rec_unanswered.pk})

    def test_implementation_state(self):
        expected = {
            "in_progress": {self.rec_1.pk, self.sub_1.pk, self.rec_b.pk},
            "overdue": {self.rec_2.pk},
            "implemented": {self.rec_3.pk},
            "not_accepted": {self.rec_declined.pk},
            "no_action": {self.rec_unanswered.pk},
        }
        for state, pks in expected.items():
            with self.subTest(state=state):
                self.assertEqual(self.recommendations(implementation_state=state), pks)

    def test_words(self):
        self.assertEqual(self.recommendations(q="protection"), {self.rec_1.pk})
        self.assertEqual(self.recommendations(q="waiting list"), {self.rec_b.pk})

    def test_columns(self):
        response = self.get("/recommendations/", q="recruit")

        self.assertEqual(
            column_headers(response),
            [
                "Council",
                "Review",
                "Recommendation",
                "Text",
                "Quality statements",
                "Response",
                "Implementation",
                "Actions",
            ],
        )
        row = unescape(re.search(r"<tbody.*?</tbody>", response.content.decode(), re.DOTALL)[0])
        for words in (
            "Allerdale Council",
            "Peer challenge of Allerdale",
            "Recommendation 2",
            "Recruit and keep social workers",
            "Accepted",
            "Overdue",
        ):
            self.assertIn(words, row)


class ExportTests(ListWorld):
    def test_action_downloads_have_the_pages_columns_and_its_filtered_rows(self):
        filters = {"council": self.council_a.pk, "sort": "due_date"}
        page = self.get("/actions/", **filters)
        xlsx = self.get("/actions/", export="xlsx", **filters)
        csv_file = self.get("/actions/", export="csv", **filters)

        self.assertIn("spreadsheetml", xlsx["Content-Type"])
        self.assertIn('attachment; filename="actions-', xlsx["Content-Disposition"])
        self.assertIn(".csv", csv_file["Content-Disposition"])
        headers = column_headers(page)
        self.assertEqual(headers[:3], ["Council", "Plan", "Action"])
        for rows in (xlsx_rows(xlsx), csv_rows(csv_file)):
            self.assertEqual(list(rows[0]), headers)
            self.assertEqual(
                [row[2] for row in rows[1:]],
                [
                    f"Action {a.number}: {a.title}"
                    for a in (self.carers, self.recruit, self.audit, self.report)
                ],
            )

    def test_exported_cells(self):
        rows = xlsx_rows(self.get("/actions/", export="xlsx", q="campaign"))
        cells = dict(zip(rows[0], rows[1], strict=True))

        self.assertEqual(cells["Council"], "Allerdale Council")
        self.assertEqual(cells["Recommendations"], self.rec_2.label)
        self.assertEqual(cells["Owner"], "Priya Patel")
        self.assertEqual(cells["Due date"].date(), self.recruit.due_date)
        self.assertEqual(cells["Status"], "Not started")
        self.assertEqual(cells["Overdue"], "Overdue")
        self.assertIn(cells["Latest update"], (None, ""))
        csv_cells = dict(
            zip(*csv_rows(self.get("/actions/", export="csv", q="campaign")), strict=True)
        )
        self.assertEqual(csv_cells["Due date"], self.recruit.due_date.isoformat())

    def test_recommendation_downloads_have_the_pages_columns_and_full_text(self):
        long_text = "Make sure that " + "every plan is reviewed " * 20
        make_recommendation(review=self.review_b, text=long_text)
        filters = {"council": self.council_b.pk}
        headers = column_headers(self.get("/recommendations/", **filters))

        for response in (
            self.get("/recommendations/", export="xlsx", **filters),
            self.get("/recommendations/", export="csv", **filters),
        ):
            rows = (
                xlsx_rows(response)
                if "spreadsheet" in response["Content-Type"]
                else (csv_rows(response))
            )
            self.assertEqual(list(rows[0]), headers)
            self.assertEqual(len(rows), 3)
            self.assertIn(long_text, [row[3] for row in rows])

    def test_a_title_that_looks_like_a_formula_stays_text(self):
        formula = '=HYPERLINK("http://example.com","Click")'
        make_action(plan=make_plan(council=self.council_b), title=formula)

        workbook = load_workbook(io.BytesIO(self.get("/actions/", export="xlsx", q="").content))
        cells = [row[2] for row in workbook.active.iter_rows(min_row=2)]
        formula_cell = next(cell for cell in cells if formula in str(cell.value))
        self.assertEqual(formula_cell.data_type, "s")
        self.assertEqual(formula_cell.value, f"Action 1: {formula}")
        self.assertFalse(any(cell.data_type == "f" for cell in cells))

        plan_cells = [row[1] for row in csv_rows(self.get("/actions/", export="csv"))[1:]]
        formula_plan = make_plan(council=self.council_b, title="=1+2")
        make_action(plan=formula_plan)
        csv_plan_cells = [row[1] for row in csv_rows(self.get("/actions/", export="csv"))[1:]]
        self.assertIn("'=1+2", csv_plan_cells)
        self.assertNotIn("=1+2", csv_plan_cells)
        self.assertEqual(len(csv_plan_cells), len(plan_cells) + 1)

    def test_an_unknown_format_shows_the_page(self):
        response = self.get("/actions/", export="pdf")

        self.assertEqual(response["Content-Type"], "text/html; charset=utf-8")


class ListAccessTests(AccessWorld):
    """Each role's lists, and their downloads, show exactly what ``visible_to`` gives them."""

    ACTION_KEYS = ["action A", "exempt action A", "public action A on exempt", "action C"]
    RECOMMENDATION_KEYS = [
        "recommendation A issued",
        "sub-item A issued",
        "exempt recommendation A issued",
        "recommendation A draft",
        "recommendation C",
    ]

    def test_actions(self):
        for role in ROLES:
            with self.subTest(role=role):
                self.sign_in(role)
                expected = {self.objects[k].title for k in self.ACTION_KEYS if sees(role, k)}
                self.assertEqual(set(action_titles(self.client.get("/actions/"))), expected)
                for export_format in ("xlsx", "csv"):
                    response = self.client.get("/actions/", {"export": export_format})
                    rows = xlsx_rows(response) if export_format == "xlsx" else csv_rows(response)
                    self.assertEqual(
                        {row[2].split(": ", 1)[1] for row in rows[1:]}, expected, export_format
                    )

    def test_recommendations(self):
        for role in ROLES:
            with self.subTest(role=role):
                self.sign_in(role)
                expected = {self.objects[k] for k in self.RECOMMENDATION_KEYS if sees(role, k)}
                response = self.client.get("/recommendations/")
                self.assertEqual(set(recommendation_ids(response)), {r.pk for r in expected})
                page = response.content.decode()
                for key in self.RECOMMENDATION_KEYS:
                    self.assertEqual(self.objects[key].text in page, sees(role, key), key)
                for export_format in ("xlsx", "csv"):
                    response = self.client.get("/recommendations/", {"export": export_format})
                    rows = xlsx_rows(response) if export_format == "xlsx" else csv_rows(response)
                    self.assertEqual(
                        {row[3] for row in rows[1:]}, {r.text for r in expected}, export_format
                    )

    def test_actions_name_only_recommendations_the_user_may_read(self):
        # Action A also answers the draft review's recommendation, which council A's viewers
        # may not read yet: the list and its download leave it out for them.
        draft = self.objects["recommendation A draft"]
        self.objects["action A"].recommendations.add(draft)
        for role in ROLES:
            if not sees(role, "action A"):
                continue
            with self.subTest(role=role):
                self.sign_in(role)
                page = self.client.get("/actions/").content.decode()
                self.assertEqual(
                    f'href="{draft.get_absolute_url()}"' in page,
                    sees(role, "recommendation A draft"),
                )
                rows = csv_rows(self.client.get("/actions/", {"export": "csv"}))
                labels = next(row[3] for row in rows[1:] if row[2].endswith(": Action of A"))
                self.assertEqual(
                    len(labels.split(", ")), 2 if sees(role, "recommendation A draft") else 1
                )

    def test_filter_dropdowns_name_only_visible_councils_and_reviews(self):
        for role in ROLES:
            for url in ("/actions/", "/recommendations/"):
                with self.subTest(role=role, url=url):
                    self.sign_in(role)
                    response = self.client.get(url)
                    councils = set(options_of(response, "council"))
                    reviews = {label.rsplit(" (", 1)[0] for label in options_of(response, "review")}
                    self.assertEqual(
                        councils,
                        {
                            self.objects[k].name
                            for k in ("council A", "council B", "council C")
                            if sees(role, k)
                        },
                    )
                    self.assertEqual(
                        reviews,
                        {
                            self.objects[k].title
                            for k in (
                                "review A issued",
                                "review A draft",
                                "review A cqc",
                                "review B",
                                "review C",
                            )
                            if sees(role, k)
                        },
                    )


class ListQueryBudgetTests(QueryBudgetTestCase):
    """Each list costs the same number of queries for a few rows as for many, across any
    number of councils: count, the page's keys, its rows, prefetched recommendations and the
    three dropdowns."""

    ACTION_PAGE = 7
    # Two more: the rows' quality statements (prefetched) and the quality statement dropdown.
    RECOMMENDATION_PAGE = 8
    # The rows and their recommendations, and the count that decides whether the export is
    # large enough to prepare in the background.
    EXPORT = 3

    @classmethod
    def setUpTestData(cls):
        cls.region = make_region()
        cls.user = regional_lead_of(cls.region)
        cls.add_councils(councils=1, actions_each=3)

    @classmethod
    def add_councils(cls, *, councils, actions_each):
        today = timezone.localdate()
        for _ in range(councils):
            council = make_council(region=cls.region)
            review = make_review(host_council=council)
            plan = make_plan(review=review)
            for number in range(actions_each):
                recommendation = make_recommendation(review=review)
                sub_item = make_recommendation(parent=recommendation)
                action = make_action(
                    plan=plan,
                    recommendations=[recommendation, sub_item],
                    owner_user=cls.user,
                    due_date=today - timedelta(days=number % 3),
                )
                make_update(action=action)
                make_update(action=action)

    def assert_same_budget(self, budget, url, *, grow):
        _, small = self.get_within_budget(budget, url)
        grow()
        response, large = self.get_within_budget(budget, url)
        self.assertEqual(small, large, url)
        return response, small

    def test_action_list_3_and_60_actions(self):
        response, used = self.assert_same_budget(
            self.ACTION_PAGE,
            "/actions/?sort=-latest_update",
            grow=lambda: self.add_councils(councils=3, actions_each=19),
        )
        self.assertContains(response, "60 actions")
        self.assertEqual(used, self.ACTION_PAGE)

    def test_a_later_page_holds_the_rows_a_plain_slice_would(self):
        self.add_councils(councils=2, actions_each=14)
        for sort in ("-due_date", "title", "-latest_update"):
            with self.subTest(sort=sort):
                self.client.force_login(self.user)
                response = self.client.get(f"/actions/?sort={sort}&page=2")
                table = response.context["table"]
                shown = [row.record.pk for row in table.page.object_list]
                ordered = table.data.data
                self.assertEqual(len(shown), 6)
                self.assertEqual(shown, list(ordered.values_list("pk", flat=True)[25:50]))

    def test_filtered_action_list(self):
        review = make_review(host_council=make_council(region=self.region))
        url = f"/actions/?q=Action&status=on_track&overdue=no&owner=Test&review={review.pk}"
        self.assert_same_budget(
            self.ACTION_PAGE + 1, url, grow=lambda: self.add_councils(councils=3, actions_each=19)
        )

    def test_action_exports(self):
        for export_format in ("xlsx", "csv"):
            with self.subTest(export_format):
                self.assert_same_budget(
                    self.EXPORT,
                    f"/actions/?export={export_format}",
                    grow=lambda: self.add_councils(councils=1, actions_each=10),
                )

    def test_recommendation_list_3_and_40_recommendations(self):
        response, used = self.assert_same_budget(
            self.RECOMMENDATION_PAGE,
            "/recommendations/?sort=implementation_state",
            grow=lambda: self.add_councils(councils=2, actions_each=9),
        )
        # Each action here answers a recommendation and one of its sub-items.
        self.assertContains(response, "42 recommendations")
        self.assertEqual(used, self.RECOMMENDATION_PAGE)

    def test_recommendation_exports(self):
        for export_format in ("xlsx", "csv"):
            with self.subTest(export_format):
                # How many (a long list is prepared in the background), the rows, and their
                # quality statements (prefetched).
                self.assert_same_budget(
                    3,
                    f"/recommendations/?export={export_format}",
                    grow=lambda: self.add_councils(councils=1, actions_each=10),
                )
