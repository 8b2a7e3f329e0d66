"""Large exports and long reports are prepared by the task worker, for real: the page asks,
``manage.py db_worker --batch`` runs the queued tasks with the database backend, the page
then links the file, which is read back.

TransactionTestCase: the worker commits its own transactions (and checks its connection
between tasks), as it does in production, which a TestCase's wrapping transaction forbids.
"""

import io
import os
from datetime import date, timedelta
from pathlib import Path

from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook
from pypdf import PdfReader

from councils.models import Membership
from improvement_plans.models import PreparedFile
from improvement_plans.prepared.files import delete_expired
from tests.base import editor_of
from tests.factories import (
    make_action,
    make_membership,
    make_plan,
    make_recommendation,
    make_review,
    make_user,
)
from tests.worker import run_worker

TODAY = date(2024, 6, 1)
SITE = "https://sli.example.gov.uk"


@override_settings(EXPORT_IN_BACKGROUND_ROWS=3, REPORT_IN_BACKGROUND_ACTIONS=3)
class PreparedInTheBackgroundTests(TransactionTestCase):
    def setUp(self):
        self.plan = make_plan(title="Sefton improvement plan")
        self.editor = editor_of(self.plan.council)
        for n in range(5):
            make_action(plan=self.plan, title=f"Recruit social workers {n}")
        self.client.force_login(self.editor)

    def ask(self, url):
        """Follow the link as a person clicks it: the "Preparing your file" page."""
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302, "a large file is not prepared in the page")
        page = self.client.get(response["Location"])
        self.assertContains(page, "Preparing your file")
        self.assertContains(page, 'role="status"')
        self.assertContains(page, 'aria-live="polite"')
        self.assertEqual(page["Refresh"], "3")
        return response["Location"]

    def download_link(self, status_url):
        page = self.client.get(status_url)
        self.assertContains(page, "Your file is ready")
        self.assertFalse(page.has_header("Refresh"))
        prepared = PreparedFile.objects.get()
        link = f"/files/{prepared.pk}/download/"
        self.assertContains(page, f'href="{link}"')
        return link

    def test_a_large_action_list_export_is_prepared_then_downloaded(self):
        status_url = self.ask("/actions/?export=xlsx&sort=-action")
        self.assertEqual(DBTaskResult.objects.get().status, "READY")

        run_worker()

        link = self.download_link(status_url)
        response = self.client.get(link)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertIn(".xlsx", response["Content-Disposition"])
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        titles = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
        # The list's own sort (?sort=-action) is kept.
        self.assertEqual(
            titles, [f"Action {n + 1}: Recruit social workers {n}" for n in (4, 3, 2, 1, 0)]
        )
        self.assertEqual(DBTaskResult.objects.get().status, "SUCCESSFUL")

    def test_the_plan_layout_and_csv_exports_too(self):
        for export, expected in (("csv", "Recruit social workers 3"), ("plan-layout", None)):
            with self.subTest(export):
                status_url = self.ask(f"/actions/?export={export}")
                self.assertContains(
                    self.client.get(status_url),
                    f"the list of actions ({'CSV' if export == 'csv' else 'Excel'})",
                )
                run_worker()
                link = self.download_link(status_url)
                content = b"".join(self.client.get(link).streaming_content)
                if expected:
                    self.assertIn(expected, content.decode("utf-8-sig"))
                else:
                    self.assertTrue(load_workbook(io.BytesIO(content)).sheetnames)
                PreparedFile.objects.all().delete()

    def test_a_long_report_is_prepared_then_downloaded_as_a_pdf(self):
        status_url = self.ask(f"/plans/{self.plan.pk}/report.pdf?since=2024-01-01")

        run_worker()

        link = self.download_link(status_url)
        response = self.client.get(link)
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
        text = "".join(page.extract_text() for page in reader.pages)
        self.assertIn("Sefton improvement plan", text)
        self.assertIn("Recruit social workers 4", text)

    def test_only_the_person_who_asked_sees_the_page_and_the_file(self):
        status_url = self.ask(f"/plans/{self.plan.pk}/report.pdf")
        run_worker()
        link = self.download_link(status_url)
        prepared = PreparedFile.objects.get()
        colleague = editor_of(self.plan.council)

        self.client.force_login(colleague)
        for url in (status_url, link):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(f"/files/{prepared.pk}/retry/").status_code, 404)

    def test_someone_who_no_longer_sees_the_plan_no_longer_gets_its_file(self):
        status_url = self.ask(f"/plans/{self.plan.pk}/report.pdf")
        run_worker()
        link = self.download_link(status_url)

        Membership.objects.filter(user=self.editor).delete()

        self.assertEqual(self.client.get(link).status_code, 404)
        self.assertEqual(self.client.get(status_url).status_code, 404)

    def test_a_task_that_fails_says_so_and_can_be_tried_again(self):
        status_url = self.ask("/actions/?export=xlsx")
        prepared = PreparedFile.objects.get()
        # The storage cannot be written (its folder is a file): the task raises.
        blocked = Path(default_storage.location) / "blocked"
        blocked.write_text("not a folder")
        with override_settings(MEDIA_ROOT=str(blocked)):
            run_worker()

        page = self.client.get(status_url)
        self.assertContains(page, "We could not prepare your file")
        self.assertContains(page, "We could not prepare the list of actions (Excel)")
        self.assertFalse(page.has_header("Refresh"))
        self.assertContains(page, f'action="/files/{prepared.pk}/retry/"')
        self.assertContains(page, "csrfmiddlewaretoken")
        self.assertEqual(DBTaskResult.objects.get().status, "FAILED")
        self.assertEqual(self.client.get(f"/files/{prepared.pk}/download/").status_code, 302)

        response = self.client.post(f"/files/{prepared.pk}/retry/")

        self.assertRedirects(response, status_url)
        self.assertContains(self.client.get(status_url), "Preparing your file")
        run_worker()
        link = self.download_link(status_url)
        self.assertEqual(self.client.get(link).status_code, 200)
        self.assertEqual(
            sorted(DBTaskResult.objects.values_list("status", flat=True)),
            ["FAILED", "SUCCESSFUL"],
        )

    def test_a_task_that_ends_without_saying_shows_as_failed(self):
        """As when a release renamed the task between the click and the worker."""
        status_url = self.ask("/actions/?export=xlsx")
        DBTaskResult.objects.update(task_path="improvement_plans.prepared.files.renamed")

        run_worker()

        self.assertEqual(DBTaskResult.objects.get().status, "FAILED")
        self.assertContains(self.client.get(status_url), "We could not prepare your file")
        self.client.post(f"/files/{PreparedFile.objects.get().pk}/retry/")
        run_worker()
        self.download_link(status_url)

    def test_a_worker_stopped_mid_way_leaves_a_file_that_can_be_tried_again(self):
        """A worker killed (or its host restarted) while it prepares the file leaves its task
        "running" for ever: after PREPARED_FILE_GIVE_UP_MINUTES the page says it failed."""
        status_url = self.ask("/actions/?export=xlsx")
        started = timezone.now() - timedelta(minutes=14)
        DBTaskResult.objects.update(status="RUNNING", started_at=started, worker_ids=["gone"])

        self.assertContains(self.client.get(status_url), "Preparing your file")

        DBTaskResult.objects.update(started_at=started - timedelta(minutes=2))
        page = self.client.get(status_url)
        self.assertContains(page, "We could not prepare your file")
        self.assertIn("the worker stopped", PreparedFile.objects.get().error)
        self.client.post(f"/files/{PreparedFile.objects.get().pk}/retry/")
        run_worker()
        self.download_link(status_url)

    def test_the_page_says_when_no_worker_has_started_on_the_file(self):
        status_url = self.ask("/actions/?export=xlsx")
        self.assertNotContains(self.client.get(status_url), "task worker")

        DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=3))
        page = self.client.get(status_url)
        self.assertContains(page, "Preparing your file")
        self.assertContains(page, "the site's task worker is busy or not running")

        run_worker()
        self.download_link(status_url)

    def test_retry_needs_a_post_with_the_csrf_token(self):
        self.ask("/actions/?export=xlsx")
        prepared = PreparedFile.objects.get()
        self.assertEqual(self.client.get(f"/files/{prepared.pk}/retry/").status_code, 405)

    def test_clicking_again_while_it_is_prepared_queues_it_once(self):
        first = self.ask("/actions/?export=xlsx")
        second = self.ask("/actions/?export=xlsx")

        self.assertEqual(first, second)
        self.assertEqual(DBTaskResult.objects.count(), 1)

    def test_small_exports_stay_immediate(self):
        with override_settings(EXPORT_IN_BACKGROUND_ROWS=5, REPORT_IN_BACKGROUND_ACTIONS=5):
            for url in ("/actions/?export=xlsx", f"/plans/{self.plan.pk}/report.pdf"):
                with self.subTest(url):
                    self.assertEqual(self.client.get(url).status_code, 200)
        self.assertFalse(PreparedFile.objects.exists())
        self.assertFalse(DBTaskResult.objects.exists())

    def test_prepared_files_expire(self):
        status_url = self.ask("/actions/?export=xlsx")
        run_worker()
        link = self.download_link(status_url)
        prepared = PreparedFile.objects.get()
        self.assertTrue(default_storage.exists(prepared.stored_name))

        PreparedFile.objects.update(created_at=prepared.created_at - timedelta(hours=25))

        self.assertEqual(self.client.get(link).status_code, 404)
        self.assertEqual(delete_expired(), 1)
        self.assertFalse(PreparedFile.objects.exists())
        self.assertFalse(default_storage.exists(prepared.stored_name))

    def test_the_daily_command_deletes_expired_files(self):
        status_url = self.ask("/actions/?export=xlsx")
        run_worker()
        self.download_link(status_url)
        prepared = PreparedFile.objects.get()
        out = io.StringIO()
        call_command("delete_expired_files", stdout=out)
        self.assertEqual(out.getvalue().splitlines()[0], "Deleted 0 expired prepared files.")
        self.assertTrue(default_storage.exists(prepared.stored_name))

        PreparedFile.objects.update(created_at=prepared.created_at - timedelta(hours=25))
        out = io.StringIO()
        call_command("delete_expired_files", stdout=out)
        self.assertEqual(out.getvalue().splitlines()[0], "Deleted 1 expired prepared file.")
        self.assertFalse(PreparedFile.objects.exists())
        self.assertFalse(default_storage.exists(prepared.stored_name))


@override_settings(EXPORT_IN_BACKGROUND_ROWS=3)
class RecommendationListInTheBackgroundTests(TransactionTestCase):
    """A region's recommendations take seconds to write out (each row's implementation state
    is worked out): a long list is prepared by the worker like the action list."""

    def setUp(self):
        review = make_review(title="Sefton peer challenge")
        for n in range(5):
            make_recommendation(review=review, text=f"Shorten the wait for assessments {n}")
        make_plan(review=review)
        self.client.force_login(editor_of(review.host_council))

    def test_a_long_list_is_prepared_then_downloaded(self):
        for export in ("csv", "xlsx"):
            with self.subTest(export):
                response = self.client.get(
                    f"/recommendations/?export={export}&sort=-recommendation"
                )
                self.assertEqual(response.status_code, 302)
                page = self.client.get(response["Location"])
                self.assertContains(page, "Preparing your file")
                file_format = "CSV" if export == "csv" else "Excel"
                self.assertContains(page, f"the list of recommendations ({file_format})")
                self.assertContains(page, 'href="/recommendations/">Go back to the list of')

                run_worker()

                page = self.client.get(response["Location"])
                self.assertContains(page, "Your file is ready")
                prepared = PreparedFile.objects.get()
                download = self.client.get(f"/files/{prepared.pk}/download/")
                content = b"".join(download.streaming_content)
                if export == "csv":
                    rows = content.decode("utf-8-sig").splitlines()[1:]
                else:
                    sheet = load_workbook(io.BytesIO(content)).active
                    rows = [str(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
                # All five, in the page's sort (?sort=-recommendation: the last first).
                self.assertEqual(len(rows), 5)
                self.assertIn("Shorten the wait for assessments 4", rows[0])
                self.assertIn("Shorten the wait for assessments 0", rows[4])
                PreparedFile.objects.all().delete()

    def test_a_short_list_is_downloaded_at_once(self):
        with override_settings(EXPORT_IN_BACKGROUND_ROWS=5):
            response = self.client.get("/recommendations/?export=csv")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Shorten the wait for assessments 4", response.content.decode("utf-8-sig"))
        self.assertFalse(PreparedFile.objects.exists())


class LeftFromImportsTests(TestCase):
    """A spreadsheet checked but never imported, and the rows an import left out, are deleted
    by the daily command once they are PREPARED_FILE_HOURS old."""

    def setUp(self):
        self.plan = make_plan(title="Sefton improvement plan")
        self.editor = editor_of(self.plan.council)
        make_action(plan=self.plan, title="Recruit social workers")
        self.client.force_login(self.editor)

    def checked_but_not_imported(self):
        exported = self.client.get(f"/plans/{self.plan.pk}/export.xlsx").content
        preview = self.client.post(
            f"/plans/{self.plan.pk}/import/",
            {"step": "preview", "file": SimpleUploadedFile("our plan.xlsx", exported)},
        )
        return preview.context["upload_name"]

    def daily_command(self):
        out = io.StringIO()
        call_command("delete_expired_files", stdout=out)
        return out.getvalue().splitlines()[1]

    def test_an_upload_checked_but_never_imported_goes_after_a_day(self):
        upload_name = self.checked_but_not_imported()
        path = Path(default_storage.path(upload_name))
        kept_since = (timezone.now() - timedelta(hours=23)).timestamp()
        os.utime(path, (kept_since, kept_since))

        self.assertEqual(self.daily_command(), "Deleted 0 spreadsheets left from imports.")
        self.assertTrue(default_storage.exists(upload_name))

        kept_since = (timezone.now() - timedelta(hours=25)).timestamp()
        os.utime(path, (kept_since, kept_since))
        self.assertEqual(self.daily_command(), "Deleted 1 spreadsheet left from imports.")
        self.assertFalse(default_storage.exists(upload_name))
        # Checking it again now says it has expired, and saves nothing.
        response = self.client.post(
            f"/plans/{self.plan.pk}/import/", {"step": "apply", "upload": upload_name}, follow=True
        )
        self.assertContains(response, "the one checked has expired")
        self.assertEqual(self.plan.actions.count(), 1)


class RemindersByTheWorkerTests(TransactionTestCase):
    def setUp(self):
        self.owner = make_user(first_name="Jane", email="jane@example.org")
        plan = make_plan(title="Sefton improvement plan")
        make_membership(self.owner, Membership.Role.COUNCIL_EDITOR, plan.council)
        self.late = make_action(
            plan=plan,
            title="Audit safeguarding referrals",
            owner_user=self.owner,
            start_date=date(2023, 10, 1),
            due_date=date(2024, 1, 1),
        )

    def test_the_command_queues_the_reminders_and_the_worker_sends_them(self):
        out = io.StringIO()

        call_command("send_reminders", "--date", TODAY.isoformat(), "--base-url", SITE, stdout=out)

        self.assertIn("Queued the reminders for 2024-06-01", out.getvalue())
        self.assertIn("manage.py db_worker", out.getvalue())
        self.assertEqual(mail.outbox, [])

        run_worker()

        self.assertEqual([message.to for message in mail.outbox], [["jane@example.org"]])
        self.assertIn(f"{SITE}{self.late.get_absolute_url()}", mail.outbox[0].body)
        result = DBTaskResult.objects.get()
        self.assertEqual(result.status, "SUCCESSFUL")
        self.assertEqual(result.return_value, 1)

    def test_with_now_the_command_sends_them_itself(self):
        out = io.StringIO()

        call_command("send_reminders", "--now", "--date", TODAY.isoformat(), stdout=out)

        self.assertEqual(out.getvalue(), "Sent 1 reminder email.\n")
        self.assertEqual(len(mail.outbox), 1)
        self.assertFalse(DBTaskResult.objects.exists())


@override_settings(
    EXPORT_IN_BACKGROUND_ROWS=3,
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
)
class WithoutAWorkerTests(TestCase):
    """TASKS_BACKEND=immediate: a trial on one machine runs the task in the web process."""

    def test_the_file_is_ready_when_the_page_opens(self):
        plan = make_plan()
        for _ in range(4):
            make_action(plan=plan)
        self.client.force_login(editor_of(plan.council))

        page = self.client.get("/actions/?export=csv", follow=True)

        self.assertContains(page, "Your file is ready")
        self.assertFalse(DBTaskResult.objects.exists())
