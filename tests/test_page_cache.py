"""Cached pages (sli.lib.page_cache): never another user's scope, never older than the data.

Every test of the suite runs with the cache on (tests/conftest.py); these ask the questions
a cache could get wrong directly: the same address for two people, a change right after a
visit, a role taken away, and a form in a cached part sent from another session.
"""

import re
from unittest.mock import patch

from django.db import connection, transaction
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from councils.models import Council, Membership
from improvement_plans.models import Action
from reviews.models import Review
from sli.lib import change_stamp, page_cache
from tests.base import councillor_of, editor_of, regional_lead_of, team_member_of
from tests.factories import (
    make_action,
    make_council,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
)
from tests.improvement_plans.test_plan_workflow import edit_data, update_data

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
            'UPDATE "auth_user" SET "last_login" = %s, "first_name" = %s WHERE "id" = %s',
        )
        unshown = (
            'UPDATE "django_session" SET "expire_date" = %s',
            'INSERT INTO "axes_accessattempt" ("username") VALUES (%s)',
            'UPDATE "sli_api_apitoken" SET "last_used_at" = %s',
            'INSERT INTO "councils_signinevent" ("at", "user_id") VALUES (%s, %s)',
            'UPDATE "auth_user" SET "last_login" = %s WHERE "auth_user"."id" = %s',
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
        self.assertEqual([again.stamp_keys for again in callbacks], [(change_stamp.STAMP_KEY,)])

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


class CouncilStampTests(TestCase):
    """A progress update or an action edited in Wirral moves Wirral's stamp only: Sefton's
    pages stay in the cache, and every page anyone reads afterwards, cached or not, is the page
    as it would be built afresh."""

    @classmethod
    def setUpTestData(cls):
        region = make_region(name="North West")
        cls.wirral = make_council(name="Wirral", region=region)
        cls.sefton = make_council(name="Sefton", region=region)
        cls.actions = {}
        for council in (cls.wirral, cls.sefton):
            review = make_review(host_council=council, title=f"{council.name} peer challenge")
            recommendation = make_recommendation(review=review, text=f"{council.name} carers")
            plan = make_plan(review=review, title=f"{council.name} plan")
            cls.actions[council.name] = make_action(
                plan=plan,
                title=f"{council.name} carers' assessments",
                recommendations=[recommendation],
            )
        cls.wirral_editor = editor_of(cls.wirral)
        cls.sefton_editor = editor_of(cls.sefton)
        cls.lead = regional_lead_of(region)
        cls.peer = team_member_of(Review.objects.get(host_council=cls.sefton))

    def pages(self, council):
        action = self.actions[council.name]
        return [
            council.get_absolute_url(),
            action.plan.get_absolute_url(),
            action.get_absolute_url(),
            action.plan.reviews.get().get_absolute_url(),
        ]

    def all_pages(self):
        region = self.wirral.region.get_absolute_url()
        common = ["/", reverse("improvement_plans:actions"), region]
        return common + self.pages(self.wirral) + self.pages(self.sefton)

    def read(self, user, path):
        self.client.force_login(user)
        response = self.client.get(path)
        return response.status_code, TOKEN.sub("", response.content.decode())

    def read_everything(self):
        """Every page for every person: (person, page) → what the cached site shows."""
        for user in (self.wirral_editor, self.sefton_editor, self.lead, self.peer):
            self.read(user, "/accessibility/")  # the message of a change is shown once, here
        return {
            (user.username, path): self.read(user, path)
            for user in (self.wirral_editor, self.sefton_editor, self.lead, self.peer)
            for path in self.all_pages()
        }

    def assert_every_page_is_as_built_afresh(self):
        cached = self.read_everything()
        with override_settings(PAGE_CACHE=False):
            fresh = self.read_everything()
        for key, page in cached.items():
            self.assertEqual(page, fresh[key], key)

    def built_pages(self, user, paths):
        """Which of ``paths`` the cache did not have for ``user`` (they were built)."""
        built = []
        for path in paths:
            with patch.object(page_cache.cache, "set", wraps=page_cache.cache.set) as kept:
                self.read(user, path)
            if any(call.args[0].startswith("page-part:") for call in kept.call_args_list):
                built.append(path)
        return built

    def update_wirral_action(self):
        action = self.actions["Wirral"]
        self.client.force_login(self.wirral_editor)
        response = self.client.post(
            reverse("improvement_plans:update", args=[action.pk]),
            update_data(narrative="Carers' assessments halved the waiting list"),
        )
        self.assertEqual(response.status_code, 302)

    def test_an_update_in_wirral_leaves_seftons_pages_cached(self):
        self.read_everything()
        with self.captureOnCommitCallbacks(execute=True):
            self.update_wirral_action()

        sefton_pages = self.pages(self.sefton)
        # Sefton's people see nothing of Wirral: their home page and action list stay too.
        spanning = ["/", reverse("improvement_plans:actions")]
        self.assertEqual(self.built_pages(self.sefton_editor, sefton_pages + spanning), [])
        self.assertEqual(self.built_pages(self.peer, sefton_pages[1:] + spanning), [])
        self.assertEqual(self.built_pages(self.lead, sefton_pages), [])
        # Wirral's pages, and for those who see Wirral the pages spanning councils, are made
        # afresh.
        wirral_pages = self.pages(self.wirral)
        self.assertEqual(
            self.built_pages(self.wirral_editor, wirral_pages + spanning), wirral_pages + spanning
        )
        region = [self.wirral.region.get_absolute_url()]
        self.assertEqual(
            self.built_pages(self.lead, wirral_pages + region + spanning),
            wirral_pages + region + spanning,
        )
        page = self.read(self.lead, self.actions["Wirral"].get_absolute_url())[1]
        self.assertIn("Carers&#x27; assessments halved the waiting list", page)

    def test_after_each_change_every_page_is_as_built_afresh(self):
        wirral_action = self.actions["Wirral"]
        changes = {
            "a progress update": self.update_wirral_action,
            "an action edited": lambda: self.client.post(
                reverse("improvement_plans:edit_action", args=[wirral_action.pk]),
                edit_data(
                    Action.objects.get(pk=wirral_action.pk), title="Assess every carer in 28 days"
                ),
            ),
            "completion verified": lambda: (
                Action.objects.filter(pk=wirral_action.pk).update(status="completed"),
                self.client.force_login(self.lead),
                self.client.post(reverse("improvement_plans:verify", args=[wirral_action.pk])),
            ),
            "a council renamed": lambda: Council.objects.filter(pk=self.sefton.pk).update(
                name="Sefton Council"
            ),
            "a role given": lambda: editor_of(self.wirral, username="second.editor"),
        }
        self.assert_every_page_is_as_built_afresh()
        for name, change in changes.items():
            with self.subTest(name):
                self.client.force_login(self.wirral_editor)
                with self.captureOnCommitCallbacks(execute=True):
                    change()
                self.assert_every_page_is_as_built_afresh()
