"""Cached pages (sli.lib.page_cache): never another user's scope, never older than the data.

Every test of the suite runs with the cache on (tests/conftest.py); these ask the questions
a cache could get wrong directly: the same address for two people, a change right after a
visit, a role taken away, and a form in a cached part sent from another session.
"""

import re

from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import reverse

from councils.models import Membership
from improvement_plans.models import Action
from sli.lib import change_stamp
from tests.base import councillor_of, editor_of, regional_lead_of
from tests.factories import make_action, make_council, make_plan, make_region

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class ScopeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        region = make_region()
        cls.wirral = make_council(name="Wirral", region=region)
        cls.sefton = make_council(name="Sefton", region=region)
        cls.wirral_action = make_action(
            plan=make_plan(council=cls.wirral), title="Wirral own action"
        )
        cls.sefton_action = make_action(
            plan=make_plan(council=cls.sefton), title="Sefton own action"
        )
        cls.wirral_editor = editor_of(cls.wirral)
        cls.sefton_editor = editor_of(cls.sefton)
        cls.lead = regional_lead_of(region)

    def page(self, user, path):
        self.client.force_login(user)
        return self.client.get(path).content.decode()

    def test_the_same_address_shows_each_person_their_own_scope(self):
        for path in ("/actions/", "/", "/actions/?overdue=no"):
            with self.subTest(path):
                wirral = self.page(self.wirral_editor, path)
                sefton = self.page(self.sefton_editor, path)
                lead = self.page(self.lead, path)
                self.assertNotIn("Sefton own action", wirral)
                self.assertNotIn("Wirral own action", sefton)
                if path.startswith("/actions/"):
                    self.assertIn("Wirral own action", wirral)
                    self.assertIn("Sefton own action", sefton)
                    self.assertIn("Wirral own action", lead)
                    self.assertIn("Sefton own action", lead)

    def test_the_second_visit_reads_the_cache(self):
        self.client.force_login(self.wirral_editor)
        path = self.wirral.get_absolute_url()
        first = self.client.get(path).content.decode()
        # The session, the user, the council with what they may do there, the session saved.
        with self.assertNumQueries(6):
            again = self.client.get(path).content.decode()
        # The same page, but for the form token: Django masks it afresh for each request.
        self.assertEqual(TOKEN.sub("", first), TOKEN.sub("", again))

    def test_a_change_shows_on_the_next_visit(self):
        path = reverse("improvement_plans:actions")
        self.assertIn("Wirral own action", self.page(self.wirral_editor, path))
        action = Action.objects.get(pk=self.wirral_action.pk)
        action.title = "Renamed through the model"
        action.save()
        self.assertIn("Renamed through the model", self.page(self.wirral_editor, path))
        # A bulk update sends no signal: the stamp moves with the statement itself.
        Action.objects.filter(pk=action.pk).update(title="Renamed by an update")
        self.assertIn("Renamed by an update", self.page(self.wirral_editor, path))

    def test_a_role_taken_away_hides_the_council_at_once(self):
        councillor = councillor_of(self.wirral)
        path = reverse("improvement_plans:actions")
        self.assertIn("Wirral own action", self.page(councillor, path))
        Membership.objects.filter(user=councillor).delete()
        self.assertNotIn("Wirral own action", self.page(councillor, path))

    def test_a_form_in_a_cached_part_carries_the_token_of_its_own_session(self):
        plan = self.wirral_action.plan
        first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        for client in (first, second):
            client.force_login(self.wirral_editor)
        first.get(plan.get_absolute_url())  # cached with the first session's page
        html = second.get(plan.get_absolute_url()).content.decode()
        self.assertNotIn("csrf-token-of-this-request", html)
        token = TOKEN.search(html).group(1)
        response = second.post(
            reverse("improvement_plans:publish_plan", args=[plan.pk]),
            {"publish": "yes", "csrfmiddlewaretoken": token},
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(second.get(plan.get_absolute_url()), "Stop publishing the plan")


class StampTests(TestCase):
    def test_writes_to_shown_tables_move_the_stamp_and_others_do_not(self):
        shown = (
            'INSERT INTO "improvement_plans_action" ("title") VALUES (%s)',
            'UPDATE "councils_membership" SET "role" = %s',
            '  delete from "reviews_review" where id = 1',
            'INSERT INTO "auth_user" ("username") VALUES (%s)',
        )
        unshown = (
            'UPDATE "django_session" SET "expire_date" = %s',
            'INSERT INTO "axes_accessattempt" ("username") VALUES (%s)',
            'UPDATE "sli_api_apitoken" SET "last_used_at" = %s',
            'SELECT "improvement_plans_action"."id" FROM "improvement_plans_action"',
            'SELECT 1 FROM "x" WHERE "note" = \'UPDATE "improvement_plans_action"\'',
        )
        for sql in shown:
            self.assertTrue(change_stamp.writes_shown_table(sql), sql)
        for sql in unshown:
            self.assertFalse(change_stamp.writes_shown_table(sql), sql)

    def test_a_write_in_a_transaction_moves_the_stamp_at_once_and_after_the_commit(self):
        before = change_stamp.current()
        with self.captureOnCommitCallbacks() as callbacks:
            with transaction.atomic():
                make_council()
                make_council()
                self.assertNotEqual(change_stamp.current(), before)
        self.assertEqual(callbacks, [change_stamp.move])

    def test_every_connection_watches_its_writes(self):
        self.assertTrue(
            any(getattr(w, "watches_writes", False) for w in connection.execute_wrappers)
        )

    def test_the_commit_moves_the_stamp_again(self):
        # Another process read the stamp while the transaction was open and kept the page as
        # it was then: the commit moves the stamp again, so that copy is not read after it.
        with self.captureOnCommitCallbacks(execute=True):
            with transaction.atomic():
                make_council()
                during = change_stamp.current()
        self.assertNotEqual(change_stamp.current(), during)
