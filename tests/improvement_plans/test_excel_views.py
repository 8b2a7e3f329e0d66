"""The spreadsheet pages: export a plan, import one with a preview, confirm."""

import io

import openpyxl
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from improvement_plans.models import Action, ImprovementPlan, ProgressUpdate
from tests.demo import load_demo_copy

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SpreadsheetPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
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
        for page in ("result/", "rows-not-imported.xlsx"):
            url = f"/plans/{self.plan.pk}/import/{page}?rows={'0' * 32}"
            self.assertEqual(self.client.get(url).status_code, 403)

    def test_an_outsider_does_not_find_the_pages(self):
        self.client.force_login(get_user_model().objects.get(username="walsall.editor"))
        for page in ("", "result/", "rows-not-imported.xlsx"):
            url = f"/plans/{self.plan.pk}/import/{page}"
            self.assertEqual(self.client.get(url).status_code, 404)
            self.assertEqual(self.client.post(url).status_code, 404)

    def council_sheet(self):
        """Sefton's own layout: a merged title, "Rec No" and the recommendation's wording,
        "Complete" in the RAG column, one row with an unknown recommendation, one without
        an action."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Adult Social Care Improvement Plan 2010"])
        sheet.merge_cells("A1:F1")
        sheet.append(["Rec No", "Recommendation", "Action", "Lead Officer", "Timescale", "RAG"])
        wording = "Strengthen recording and ensure that managers' decisions are clear."
        sheet.append(["2", wording, "Monthly supervision audit", "Team managers", "June 2010", ""])
        sheet.append(
            ["2", wording, "Recording standards", "Head of service", "March 2011", "Complete"]
        )
        sheet.append(["21", "", "Something else", "", "March 2011", ""])
        sheet.append(["3", "", "", "Jo", "March 2011", "Green"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def upload_choosing(self, content, choice):
        return self.client.post(
            f"/plans/{self.plan.pk}/import/",
            {
                "step": "preview",
                "if_problems": choice,
                "file": SimpleUploadedFile("plan.xlsx", content, content_type=XLSX),
            },
        )

    def test_the_valid_rows_are_imported_and_the_others_given_back(self):
        self.client.force_login(self.editor)
        before = Action.objects.filter(plan=self.plan).count()

        preview = self.upload_choosing(self.council_sheet(), "valid")

        self.assertContains(preview, "2 rows can be imported, 2 cannot")
        self.assertContains(preview, "Import 2 rows")
        self.assertNotContains(preview, "The spreadsheet cannot be imported yet")
        self.assertContains(preview, "Not imported", count=2)
        response = self.client.post(
            f"/plans/{self.plan.pk}/import/",
            {"step": "apply", "upload": preview.context["upload_name"], "if_problems": "valid"},
            follow=True,
        )

        self.assertContains(response, "2 rows were not imported")
        self.assertContains(response, "2 actions created, 0 changed, 0 unchanged, 2 rows not")
        new = Action.objects.filter(plan=self.plan).order_by("-number")[:2]
        self.assertEqual(Action.objects.filter(plan=self.plan).count(), before + 2)
        self.assertEqual(
            [(a.title, a.status, a.percent_complete) for a in reversed(new)],
            [
                ("Monthly supervision audit", "not_started", 0),
                ("Recording standards", "completed", 100),
            ],
        )
        download = self.client.get(
            response.context["request"].get_full_path().replace("result/", "rows-not-imported.xlsx")
        )
        self.assertEqual(download["Content-Type"], XLSX)
        self.assertIn("attachment", download["Content-Disposition"])
        rows = list(
            openpyxl.load_workbook(
                io.BytesIO(b"".join(download.streaming_content))
            ).active.iter_rows(values_only=True)
        )
        self.assertEqual(rows[0][:3], ("Why it was not imported", "Rec No", "Recommendation"))
        self.assertEqual([row[3] for row in rows[1:]], ["Something else", None])
        self.assertTrue(rows[1][0].startswith("Row 5\nRec No: there is no recommendation 21"))

    def test_all_or_nothing_saves_nothing_and_offers_the_valid_rows(self):
        self.client.force_login(self.editor)
        before = (Action.objects.count(), ProgressUpdate.objects.count())

        preview = self.upload_choosing(self.council_sheet(), "all")

        self.assertContains(preview, "The spreadsheet cannot be imported yet")
        self.assertContains(preview, "Import the 2 rows without problems")
        self.assertNotContains(preview, "Import these changes")
        # Asking for all of it anyway is refused whole.
        response = self.client.post(
            f"/plans/{self.plan.pk}/import/",
            {"step": "apply", "upload": preview.context["upload_name"], "if_problems": "all"},
        )
        self.assertContains(response, "The file has problems, so nothing was saved")
        self.assertEqual((Action.objects.count(), ProgressUpdate.objects.count()), before)

    def test_a_result_whose_file_is_gone_sends_back_to_the_import(self):
        self.client.force_login(self.editor)
        for page in ("result/", "rows-not-imported.xlsx"):
            response = self.client.get(
                f"/plans/{self.plan.pk}/import/{page}?rows={'a' * 32}", follow=True
            )
            self.assertContains(response, "The rows that were not imported are no longer kept")


class ActionListPlanLayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
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
