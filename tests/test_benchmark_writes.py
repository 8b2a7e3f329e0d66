"""The benchmark's council editor, who saves progress updates while the mixes run
(sli/tooling/benchmark/writes.py): the update form read as a browser reads it and posted back,
the editor and their actions chosen on a small generated data set, saves through a live server
on a timetable, and what the report says about them."""

import json
import re
import time
from datetime import date
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import LiveServerTestCase, TestCase
from django.urls import reverse

from councils.models import Membership
from improvement_plans.models import Action, ActionStatus, ProgressUpdate
from sli.lib import change_stamp
from sli.tooling.benchmark.pages import choose_pages, choose_writer, sign_in
from sli.tooling.benchmark.report import report_lines
from sli.tooling.benchmark.writes import (
    NARRATIVE,
    ProgressWriter,
    Write,
    encode,
    read_form,
    summarise_writes,
    update_fields,
)
from sli.tooling.generator import PREFIX
from sli.tooling.html_forms import Form
from tests.base import editor_of
from tests.demo import put_back_migration_rows
from tests.factories import make_action, make_milestone, make_plan

TODAY = date(2025, 6, 30)
Role = Membership.Role


def generate(*args):
    call_command(
        "generate_national_data",
        *("--councils", "3", "--years", "2", "--seed", "5", "--today", TODAY.isoformat()),
        "--allow-production",  # the test runner turns DEBUG off
        *args,
        stdout=StringIO(),
    )


def form_html(html):
    """The markup of the page's progress update form."""
    forms = re.findall(r'<form method="post".*?</form>', html, re.S)
    return next(form for form in forms if 'name="narrative"' in form)


class UpdateFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.plan = make_plan()
        cls.action = make_action(plan=cls.plan, status=ActionStatus.AT_RISK, rag="red")
        make_milestone(action=cls.action)
        cls.editor = editor_of(cls.plan.council)
        cls.path = reverse("improvement_plans:update", args=[cls.action.pk])

    def setUp(self):
        self.client.force_login(self.editor)
        self.html = self.client.get(self.path).content.decode()

    def test_every_field_is_read_as_a_browser_sends_it(self):
        form = read_form(self.html, having="narrative")
        markup = form_html(self.html)
        named = set(re.findall(r'name="([^"]+)"', markup))
        not_sent = set(re.findall(r'type="file"[^>]*name="([^"]+)"', markup)) | {
            "milestones_done"  # a box nobody ticked
        }
        self.assertEqual({name for name, _ in form.fields}, named - not_sent)
        self.assertTrue(form.value("csrfmiddlewaretoken"))
        self.assertEqual(form.action, "", "the update form, not the header's sign-out form")
        self.assertEqual(form.value("status"), ActionStatus.AT_RISK)
        self.assertEqual(form.value("rag"), "red")
        self.assertEqual(form.choices["rag"], ["red", "amber", "green"])
        self.assertIn(ActionStatus.COMPLETED, form.choices["status"])
        self.assertEqual(form.value("narrative"), "")
        self.assertEqual(form.enctype, "multipart/form-data")

    def test_the_filled_in_form_saves_an_update_keeping_status_and_rag(self):
        form = read_form(self.html, having="narrative")
        body, content_type = encode(form, update_fields(form, 7))

        response = self.client.generic("POST", self.path, body, content_type=content_type)

        self.assertRedirects(
            response, self.action.get_absolute_url(), fetch_redirect_response=False
        )
        update = ProgressUpdate.objects.get(action=self.action)
        self.assertEqual(update.narrative, f"{NARRATIVE} (Update 7.)")
        self.assertEqual((update.status, update.rag), (ActionStatus.AT_RISK, "red"))
        self.assertEqual(update.author, self.editor)

    def test_an_action_without_a_rag_is_given_amber(self):
        form = Form(
            fields=[("csrfmiddlewaretoken", "t"), ("status", "on_track")],
            choices={"rag": ["red", "amber", "green"], "status": ["on_track", "at_risk"]},
        )
        data = dict(update_fields(form, 1))
        self.assertEqual((data["status"], data["rag"]), ("on_track", "amber"))

    def test_the_reader_takes_the_posting_form_as_a_browser_would(self):
        html = """
            <form method="post" action="/sign-out/">
              <input type="hidden" name="csrfmiddlewaretoken" value="out"></form>
            <form method="get"><input name="q" value="search"></form>
            <form method="post" action="/save/">
              <input type="hidden" name="csrfmiddlewaretoken" value="abc">
              <input type="hidden" name="version" value="4">
              <textarea name="notes">
first line</textarea>
              <select name="owner"><option value="1">A</option>
                <option value="2" selected>B</option></select>
              <input type="checkbox" name="done" value="x" checked>
              <input type="checkbox" name="later" value="y">
              <input type="submit" name="go" value="Save">
            </form>"""

        form = read_form(html, having="notes")

        self.assertEqual(form.action, "/save/")
        self.assertEqual(
            form.fields,
            [
                ("csrfmiddlewaretoken", "abc"),
                ("version", "4"),
                ("notes", "first line"),
                ("owner", "2"),
                ("done", "x"),
            ],
        )
        body, content_type = encode(form, form.filled(notes="changed"))
        self.assertEqual(content_type, "application/x-www-form-urlencoded")
        self.assertIn(b"version=4", body)
        self.assertIn(b"notes=changed", body)
        with self.assertRaises(ValueError):
            read_form('<form method="post"><input name="notes"></form>', having="notes")
        with self.assertRaises(ValueError):
            read_form(html, having="q")  # a search, not a form that posts


class GeneratedEditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        generate()
        cls.chosen = choose_pages()

    def test_the_editor_edits_a_council_of_the_mixes_and_its_open_actions(self):
        editor, council, paths = choose_writer(self.chosen)

        self.assertIn(council, self.chosen.councils)
        self.assertEqual(council.region, self.chosen.region)
        self.assertTrue(
            Membership.objects.filter(user=editor, role=Role.COUNCIL_EDITOR, council=council)
        )
        ids = [int(re.search(r"/actions/(\d+)/update/", path)[1]) for path in paths]
        self.assertEqual(len(ids), 3)
        actions = Action.objects.filter(pk__in=ids)
        self.assertEqual(actions.editable_by(editor).open().count(), 3)
        self.assertEqual(set(actions.values_list("plan__council", flat=True)), {council.pk})
        self.assertIn(ids[0], self.chosen.actions, "an action whose page is in the mixes")

    def test_without_an_editor_one_is_made_once(self):
        Membership.objects.filter(
            council__in=self.chosen.councils, role=Role.COUNCIL_EDITOR
        ).delete()

        first, council, _ = choose_writer(self.chosen)
        again, _, _ = choose_writer(self.chosen)

        self.assertEqual(first, again)
        self.assertTrue(first.username.startswith(PREFIX))  # removed with the generated data
        self.assertFalse(first.has_usable_password())
        self.assertEqual(
            Membership.objects.filter(council=council, role=Role.COUNCIL_EDITOR).count(), 1
        )


class LiveWritesTests(LiveServerTestCase):
    def setUp(self):
        put_back_migration_rows()  # a transactional test before may have flushed them
        generate()
        self.chosen = choose_pages()
        self.editor, self.council, self.paths = choose_writer(self.chosen)
        self.port = int(self.live_server_url.rsplit(":", 1)[1])

    def writer(self, user, every, seconds):
        return ProgressWriter(
            port=self.port,
            session=sign_in(user, 1)[0],
            paths=self.paths,
            every=every,
            deadline=time.monotonic() + seconds,
        )

    def test_the_editor_saves_an_update_on_a_timetable_through_the_site(self):
        stamp = change_stamp.current()
        writer = self.writer(self.editor, every=0.4, seconds=1.3)

        writer.start()
        figures = writer.finish()

        self.assertEqual(figures["writes"], 3, writer.records)
        self.assertEqual(figures["write_errors"], 0, writer.records)
        self.assertGreater(figures["write_p95_ms"], 0)
        self.assertEqual({write.path for write in writer.records}, set(self.paths))
        updates = ProgressUpdate.objects.filter(author=self.editor, narrative__startswith=NARRATIVE)
        self.assertEqual(updates.count(), 3)
        self.assertNotEqual(change_stamp.current(), stamp, "every save moves the change stamp")
        # The data set can be generated again over the history the saves left.
        generate("--reset")
        self.assertFalse(ProgressUpdate.objects.filter(narrative__startswith=NARRATIVE).exists())

    def test_a_save_refused_is_a_write_error(self):
        viewer = get_user_model().objects.get(
            memberships__council=self.council, memberships__role=Role.COUNCIL_VIEWER
        )
        writer = self.writer(viewer, every=1, seconds=0)

        write = writer.save_update(self.paths[0], 1)

        self.assertEqual(write.form_status, 403)
        self.assertIsNone(write.status)
        self.assertEqual(summarise_writes([write], 1)["write_errors"], 1)


def test_write_figures_count_failures_and_take_the_p95_of_the_posts():
    records = [Write("/a/", 200, 302, 10.0), Write("/a/", 200, 200, 30.0), Write("/b/", 403)]
    assert summarise_writes(records, 10) == {
        "write_every_s": 10,
        "writes": 3,
        "write_errors": 2,
        "write_p95_ms": 29.0,
    }
    assert summarise_writes([], 0)["write_p95_ms"] is None


def report_of(write_every, **mix_figures):
    results = json.loads((Path(__file__).parent.parent / "benchmarks" / "results.json").read_text())
    info = results["info"]
    info["writer"] = {
        "user": "gen-c042-editor",
        "council": "Council 042 (London)",
        "paths": ["/actions/1/update/", "/actions/2/update/", "/actions/3/update/"],
    }
    for mix in results["mix"].values():
        mix.update(mix_figures)
    options = {
        "duration": 10,
        "max_requests": 3000,
        "repeats": 5,
        "workers": 5,
        "mix_duration": 60,
        "write_every": write_every,
        "repeats_documents": 3,
    }
    return report_lines(info, results, options)


def test_the_report_says_an_editor_saved_updates_during_the_mixes_with_their_figures():
    lines = report_of(10, writes=6, write_errors=0, write_p95_ms=85.2, errors=0, p95_ms=100.0)

    text = "\n".join(lines)
    assert "saved a progress update every 10 s" in text
    assert "`gen-c042-editor`, an editor of Council 042 (London)" in text
    header = next(line for line in lines if line.startswith("| mix |"))
    assert "| writes | write errors | write p95 ms |" in header
    realistic = next(line for line in lines if line.startswith("| realistic |"))
    assert "| 6 | 0 | 85.2 |" in realistic
    assert "met" in realistic


def test_a_failed_save_misses_the_mix_goal_and_is_named():
    lines = report_of(10, writes=6, write_errors=2, write_p95_ms=85.2, errors=0, p95_ms=100.0)

    realistic = next(line for line in lines if line.startswith("| realistic |"))
    assert "**missed**" in realistic
    assert any("2 of 6 progress updates not saved" in line for line in lines)


def test_without_writes_the_report_says_the_mixes_only_read():
    text = "\n".join(report_of(0, writes=0, write_errors=0, write_p95_ms=None))

    assert "The mixes only read (`--write-every 0`)" in text
    assert "saved a progress update every" not in text
