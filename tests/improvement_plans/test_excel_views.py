"""The spreadsheet pages: export a plan, import one with a preview, confirm."""

import io

import openpyxl
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase

from improvement_plans.models import Action, ImprovementPlan, ProgressUpdate

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SpreadsheetPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", "--allow-production", verbosity=0)
        users = get_user_model().objects
        cls.editor = users.get(username="sefton.editor")
        cls.viewer = users.get(username="sefton.councillor")
        cls.plan = ImprovementPlan.objects.get(council__slug="sefton-metropolitan-borough-council")

    def export(self):
        response = self.client.get(f"/plans/{self.plan.pk}/export.xlsx")
        self.assertEqual(response["Content-Type"], XLSX)
        self.assertIn("attachment", response["Content-Disposition"])
        return response.content

    def upload(self, content, name="plan.xlsx"):
        return self.client.post(
            f"/plans/{self.plan.pk}/import/",
            {"step": "preview", "file": SimpleUploadedFile(name, content, content_type=XLSX)},
        )

    def test_a_viewer_exports_the_plan(self):
        self.client.force_login(self.viewer)
        sheet = openpyxl.load_workbook(io.BytesIO(self.export()), read_only=True).active
        self.assertEqual(sum(1 for _ in sheet.iter_rows(min_row=2)), 53)

    def test_the_exported_plan_imports_back_with_no_change(self):
        self.client.force_login(self.editor)
        before = (Action.objects.count(), ProgressUpdate.objects.count())
        preview = self.upload(self.export())
        self.assertContains(preview, "Import these changes")
        self.assertNotContains(preview, "Create action")
        upload_name = preview.context["upload_name"]

        response = self.client.post(
            f"/plans/{self.plan.pk}/import/", {"step": "apply", "upload": upload_name}
        )

        self.assertRedirects(response, self.plan.get_absolute_url())
        self.assertEqual((Action.objects.count(), ProgressUpdate.objects.count()), before)

    def test_a_changed_row_is_previewed_then_saved(self):
        self.client.force_login(self.editor)
        workbook = openpyxl.load_workbook(io.BytesIO(self.export()))
        sheet = workbook.active
        headers = [cell.value for cell in sheet[1]]
        owner = headers.index("Owner") + 1
        sheet.cell(row=2, column=owner, value="Head of Safeguarding")
        changed = io.BytesIO()
        workbook.save(changed)

        preview = self.upload(changed.getvalue())
        self.assertContains(preview, "Change action 1")
        self.client.post(
            f"/plans/{self.plan.pk}/import/",
            {"step": "apply", "upload": preview.context["upload_name"]},
        )

        self.assertEqual(
            Action.objects.get(plan=self.plan, number=1).owner_name, "Head of Safeguarding"
        )

    def test_a_bad_file_is_refused_with_messages_and_nothing_saved(self):
        self.client.force_login(self.editor)
        before = Action.objects.count()
        response = self.upload(b"not a spreadsheet at all", name="plan.xlsx")
        self.assertContains(response, "The spreadsheet cannot be imported yet")
        self.assertNotContains(response, "Import these changes")
        self.assertIsNone(response.context["upload_name"])
        self.assertEqual(Action.objects.count(), before)

    def test_only_this_plans_saved_upload_can_be_applied(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            f"/plans/{self.plan.pk}/import/",
            {"step": "apply", "upload": "../../etc/passwd"},
            follow=True,
        )
        self.assertContains(response, "Upload the spreadsheet again")

    def test_a_viewer_cannot_import(self):
        self.client.force_login(self.viewer)
        self.assertEqual(self.client.get(f"/plans/{self.plan.pk}/import/").status_code, 403)


class ActionListPlanLayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", "--allow-production", verbosity=0)
        cls.viewer = get_user_model().objects.get(username="sefton.councillor")

    def test_the_filtered_list_downloads_in_the_plan_layout(self):
        self.client.force_login(self.viewer)
        response = self.client.get("/actions/?status=completed&export=plan-layout")
        self.assertEqual(response["Content-Type"], XLSX)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertIn("Expected evidence of improvement", rows[0])
        completed = Action.objects.filter(
            status="completed", plan__council__slug__startswith="sefton"
        )
        self.assertEqual(len(rows) - 1, completed.count())
