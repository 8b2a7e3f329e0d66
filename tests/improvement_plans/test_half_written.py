"""A failure halfway through saving leaves nothing half-written: the spreadsheet import (the
function, the command and the page), a new plan with the reviews it answers, and starting a
plan's improvement areas. Each failure comes after some rows were already written: an error
in the code, or the database refusing a row (a real unique-constraint violation)."""

import tempfile
from contextlib import contextmanager
from datetime import date
from io import BytesIO, StringIO
from pathlib import Path
from pkgutil import resolve_name
from unittest import mock

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.test import TestCase

from improvement_plans.exports import plan_to_workbook, workbook_bytes
from improvement_plans.imports import ImportRefused, apply_import, read_plan_workbook
from improvement_plans.models import Action, ImprovementArea, ImprovementPlan, Milestone
from improvement_plans.services import start_areas
from reviews.models import Review
from tests.demo import load_demo_copy
from tests.factories import make_plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def row_counts():
    """Rows in every table, history and link tables included."""
    return {
        model._meta.db_table: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


@contextmanager
def failing_on_call(target, number, fail, **patch_options):
    """Patch ``target`` so that its ``number``-th call runs ``fail(*args, **kwargs)`` (which
    raises) instead; the other calls go through. Yields the row counts just before the failure,
    so a test can show that rows had been written by then."""
    real = resolve_name(target)
    state = {"calls": 0, "counts": None}

    def side_effect(*args, **kwargs):
        state["calls"] += 1
        if state["calls"] == number:
            state["counts"] = row_counts()
            fail(real, *args, **kwargs)
        return real(*args, **kwargs)

    with mock.patch(target, side_effect=side_effect, **patch_options):
        yield state


def raise_error(real, *args, **kwargs):
    raise RuntimeError("The disk is full")


def lose_the_connection(real, *args, **kwargs):
    raise DatabaseError("server closed the connection unexpectedly")


def duplicate_the_action(real, milestones, *args, **kwargs):
    """The database refuses a row: a second action with a number the plan already has."""
    action = milestones[0].action
    Action.objects.create(
        plan=action.plan,
        number=action.number,
        title="A clash",
        start_date=action.start_date,
        due_date=action.due_date,
        original_due_date=action.due_date,
    )


# Its first call saves the new actions, its second their milestones.
MILESTONES_SAVED = "improvement_plans.imports.write.bulk_create_with_history"


class HalfWrittenImportTests(TestCase):
    """Sefton's 53 actions, exported and imported into a new, empty plan of Sefton's: areas,
        actions with their history, then their milestones with theirs (bulk inserts), then their
    progress updates: the failures come when the actions are written but not their milestones."""

    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
        cls.editor = get_user_model().objects.get(username="sefton.editor")
        sefton_plan = ImprovementPlan.objects.get(
            council__slug="sefton-metropolitan-borough-council"
        )
        cls.workbook = workbook_bytes(plan_to_workbook(sefton_plan))
        cls.plan = make_plan(
            review=sefton_plan.reviews.get(kind=Review.Kind.CQC_INSPECTION),
            title="Sefton plan, second copy",
        )

    def preview(self):
        preview = read_plan_workbook(BytesIO(self.workbook), plan=self.plan)
        self.assertEqual(preview.problems, [])
        self.assertEqual(preview.count("create"), 53)
        return preview

    def assert_nothing_saved(self, before, failure):
        table = Action._meta.db_table
        self.assertGreater(failure["counts"][table], before[table], "It failed too soon")
        self.assertEqual(row_counts(), before)
        self.assertFalse(Action.objects.filter(plan=self.plan).exists())
        self.assertFalse(ImprovementArea.objects.filter(plan=self.plan).exists())

    def test_the_whole_file_is_saved_when_nothing_fails(self):
        result = apply_import(self.preview(), plan=self.plan, by=self.editor)

        self.assertEqual(result.created, 53)
        self.assertEqual(Action.objects.filter(plan=self.plan).count(), 53)

    def test_an_error_halfway_saves_nothing(self):
        preview = self.preview()
        before = row_counts()

        with failing_on_call(MILESTONES_SAVED, 2, raise_error) as f:
            with self.assertRaises(RuntimeError):
                apply_import(preview, plan=self.plan, by=self.editor)

        self.assert_nothing_saved(before, f)

    def test_a_row_the_database_refuses_halfway_saves_nothing(self):
        preview = self.preview()
        before = row_counts()

        with failing_on_call(MILESTONES_SAVED, 2, duplicate_the_action) as failure:
            with self.assertRaisesMessage(ImportRefused, "nothing was saved"):
                apply_import(preview, plan=self.plan, by=self.editor)

        self.assert_nothing_saved(before, failure)

    def test_the_command_saves_nothing_when_it_fails_halfway(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        path = Path(folder.name) / "plan.xlsx"
        path.write_bytes(self.workbook)
        before = row_counts()

        with failing_on_call(MILESTONES_SAVED, 2, duplicate_the_action) as failure:
            with self.assertRaisesMessage(CommandError, "nothing was saved"):
                call_command("import_plan", str(path), plan=self.plan.pk, stdout=StringIO())

        self.assert_nothing_saved(before, failure)

    def test_the_page_saves_nothing_when_it_fails_halfway(self):
        self.client.force_login(self.editor)
        url = f"/plans/{self.plan.pk}/import/"
        upload = SimpleUploadedFile("plan.xlsx", self.workbook, content_type=XLSX)
        preview = self.client.post(url, {"step": "preview", "file": upload})
        self.assertContains(preview, "Import these changes")
        before = row_counts()

        with failing_on_call(MILESTONES_SAVED, 2, duplicate_the_action) as failure:
            response = self.client.post(
                url, {"step": "apply", "upload": preview.context["upload_name"]}, follow=True
            )

        self.assertContains(response, "nothing was saved")
        self.assert_nothing_saved(before, failure)


class HalfWrittenPlanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
        cls.editor = get_user_model().objects.get(username="sefton.editor")
        cls.review = Review.objects.get(
            host_council__slug="sefton-metropolitan-borough-council",
            kind=Review.Kind.CQC_INSPECTION,
        )

    def test_a_new_plan_is_not_kept_when_linking_its_reviews_fails(self):
        self.client.force_login(self.editor)
        before = row_counts()
        form = {
            "title": "Improvement plan 2026",
            "version_date_0": "1",
            "version_date_1": "6",
            "version_date_2": "2026",
            "status": ImprovementPlan.Status.DRAFT,
            "reviews": [self.review.pk],
        }

        with failing_on_call("improvement_plans.forms.PlanForm._save_m2m", 1, lose_the_connection):
            with self.assertRaises(DatabaseError):
                self.client.post("/councils/sefton-metropolitan-borough-council/plans/new/", form)

        self.assertEqual(row_counts(), before)
        self.assertFalse(ImprovementPlan.objects.filter(title="Improvement plan 2026").exists())

    def test_starting_areas_keeps_none_when_one_is_refused(self):
        plan = make_plan(review=self.review, version_date=date(2026, 6, 1))
        before = row_counts()

        def clash(real, **fields):
            real(**{**fields, "number": 1})

        target = "improvement_plans.services.ImprovementArea.objects.create"
        with failing_on_call(target, 5, clash) as failure:
            with self.assertRaises(DatabaseError):
                start_areas(plan=plan)

        table = ImprovementArea._meta.db_table
        self.assertEqual(failure["counts"][table], before[table] + 4)
        self.assertEqual(row_counts(), before)
        self.assertGreater(start_areas(plan=plan), 5)

    def test_milestones_are_saved_all_or_none(self):
        action = Action.objects.filter(plan__council=self.review.host_council).first()
        self.client.force_login(self.editor)
        form = {
            "milestones-TOTAL_FORMS": "3",
            "milestones-INITIAL_FORMS": "0",
            "milestones-MIN_NUM_FORMS": "0",
            "milestones-MAX_NUM_FORMS": "1000",
        }
        for i in range(3):
            form[f"milestones-{i}-text"] = f"New milestone {i + 1}"
            for n, part in enumerate(("1", "9", "2026")):
                form[f"milestones-{i}-due_date_{n}"] = part
        before = row_counts()

        with failing_on_call(
            "improvement_plans.models.Milestone.save", 3, lose_the_connection, autospec=True
        ) as failure:
            with self.assertRaises(DatabaseError):
                self.client.post(f"/actions/{action.pk}/milestones/", form)

        table = Milestone._meta.db_table
        self.assertEqual(failure["counts"][table], before[table] + 2)
        self.assertEqual(row_counts(), before)
