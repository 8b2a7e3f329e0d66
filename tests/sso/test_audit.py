"""The administrators' audit (issue 17, point 5): every sign-in attempt with how and what came
of it, and who gave or removed which role, read on pages filtered by person and date."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from councils.models import Membership, SignInEvent
from tests.base import building_pages, editor_of
from tests.factories import make_council, make_user

Role = Membership.Role
SIGN_INS = "/audit/sign-ins/"
ROLES = "/audit/roles/"
PASSWORD = "tidal-harbour-lantern"
# Hashed once: the sign-in tests check real passwords without paying for the hasher each time.
HASHED = make_password(PASSWORD)


def rows(response):
    return response.context["table"].paginated_rows


@building_pages
class SignInAuditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_user(username="root", is_staff=True, is_superuser=True)
        cls.officer = make_user(username="officer", email="officer@wirral.gov.uk", password=None)
        cls.officer.password = HASHED
        cls.officer.save()

    def sign_in(self, username, password):
        return self.client.post("/sign-in/", {"username": username, "password": password})

    def test_each_password_attempt_is_recorded_with_how_and_what_came_of_it(self):
        self.sign_in("officer", "wrong")
        self.sign_in("nobody-by-this-name", "wrong")
        self.assertEqual(self.sign_in("officer", PASSWORD).status_code, 302)

        events = list(SignInEvent.objects.order_by("pk"))
        self.assertEqual(
            [(e.username, e.user, e.method, e.outcome, e.reason) for e in events],
            [
                ("officer", self.officer, "password", "failed", "Wrong username or password"),
                ("nobody-by-this-name", None, "password", "failed", "Wrong username or password"),
                ("officer", self.officer, "password", "signed_in", ""),
            ],
        )
        self.assertEqual({e.ip_address for e in events}, {"127.0.0.1"})

    def test_a_lock_out_is_recorded_as_such(self):
        for _ in range(5):
            self.sign_in("officer", "wrong")
        self.assertEqual(self.sign_in("officer", PASSWORD).status_code, 429)
        self.assertEqual(
            list(SignInEvent.objects.order_by("pk").values_list("outcome", flat=True)),
            ["failed"] * 4 + ["locked_out"] * 2,
        )

    def test_the_page_lists_them_newest_first_filtered_by_person_outcome_and_date(self):
        self.sign_in("officer", "wrong")
        self.sign_in("officer", PASSWORD)
        self.client.logout()
        old = SignInEvent.objects.create(
            username="officer",
            user=self.officer,
            method=SignInEvent.Method.SSO,
            outcome=SignInEvent.Outcome.SIGNED_IN,
            at=timezone.now() - timedelta(days=40),
        )
        self.client.force_login(self.admin)

        page = self.client.get(SIGN_INS)
        # The administrator's own sign-in is the newest.
        self.assertEqual(
            [(row.record.username, row.record.outcome) for row in rows(page)],
            [
                ("root", "signed_in"),
                ("officer", "signed_in"),
                ("officer", "failed"),
                ("officer", "signed_in"),
            ],
        )
        self.assertContains(page, "4 sign-in attempts")
        self.assertContains(page, "Council account")

        by_email = self.client.get(SIGN_INS, {"person": "OFFICER@wirral.gov.uk"})
        self.assertEqual(len(rows(by_email)), 3)
        failed = self.client.get(SIGN_INS, {"person": "officer", "outcome": "failed"})
        self.assertEqual(
            [row.record.reason for row in rows(failed)], ["Wrong username or password"]
        )
        since = timezone.localdate() - timedelta(days=7)
        recent = self.client.get(
            SIGN_INS, {"since_0": since.day, "since_1": since.month, "since_2": since.year}
        )
        self.assertNotIn(old, [row.record for row in rows(recent)])
        self.assertEqual(len(rows(recent)), 3)
        until = self.client.get(
            SIGN_INS, {"until_0": since.day, "until_1": since.month, "until_2": since.year}
        )
        self.assertEqual([row.record for row in rows(until)], [old])
        self.assertEqual(len(rows(self.client.get(SIGN_INS, {"person": "someone else"}))), 0)

    def test_a_wrong_date_is_said_and_nothing_listed(self):
        self.client.force_login(self.admin)
        page = self.client.get(SIGN_INS, {"since_0": "31", "since_1": "2", "since_2": "2025"})
        self.assertContains(page, "There is a problem")
        self.assertEqual(len(rows(page)), 0)

    def test_pages_of_25_with_the_same_queries_for_few_and_many(self):
        self.client.force_login(self.admin)

        def queries_for(count):
            # (The administrator's own sign-in is among those deleted.)
            SignInEvent.objects.all().delete()
            SignInEvent.objects.bulk_create(
                SignInEvent(
                    user=self.officer if n % 2 else None,
                    username="officer",
                    method="password",
                    outcome="failed",
                )
                for n in range(count)
            )
            with CaptureQueriesContext(connection) as queries:
                page = self.client.get(SIGN_INS)
            return page, len(queries)

        few, few_queries = queries_for(3)
        many, many_queries = queries_for(60)
        self.assertEqual(few_queries, many_queries)
        self.assertEqual(len(rows(many)), 25)
        self.assertContains(many, "60 sign-in attempts")
        self.assertEqual(len(rows(self.client.get(SIGN_INS, {"page": 3}))), 10)

    def test_only_site_administrators_read_it(self):
        for user in (self.officer, editor_of(make_council())):
            self.client.force_login(user)
            for url in (SIGN_INS, ROLES):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 403)
                self.assertContains(response, "Only site administrators", status_code=403)

    def test_the_administrators_home_page_links_to_it(self):
        self.client.force_login(self.admin)
        self.assertContains(self.client.get("/"), f'href="{SIGN_INS}"')
        self.client.force_login(self.officer)
        self.assertNotContains(self.client.get("/"), f'href="{SIGN_INS}"')


@building_pages
class RoleAuditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_user(username="root", is_staff=True, is_superuser=True)
        cls.council = make_council(name="Wirral Council", slug="wirral")
        cls.editor = editor_of(cls.council, username="eddie", first_name="Eddie", last_name="Tor")

    def test_who_gave_and_who_removed_which_role(self):
        self.client.force_login(self.editor)
        self.client.post(
            "/councils/wirral/people/",
            {
                "email": "noor@wirral.gov.uk",
                "full_name": "Noor Newman",
                "role": Role.COUNCIL_VIEWER,
            },
        )
        given = Membership.objects.get(user__email="noor@wirral.gov.uk")
        self.client.post(f"/councils/wirral/people/{given.pk}/remove/")
        self.assertFalse(Membership.objects.filter(pk=given.pk).exists())

        self.client.force_login(self.admin)
        page = self.client.get(ROLES, {"person": "noor@wirral.gov.uk"})
        self.assertEqual(
            [
                (
                    row.get_cell("history_type"),
                    row.record.user.email,
                    row.get_cell("role"),
                    row.get_cell("scope"),
                    row.record.history_user,
                )
                for row in rows(page)
            ],
            [
                ("Removed", "noor@wirral.gov.uk", "Council viewer", "Wirral Council", self.editor),
                ("Given", "noor@wirral.gov.uk", "Council viewer", "Wirral Council", self.editor),
            ],
        )
        self.assertContains(page, "Eddie Tor (eddie)")

        # Filtered by the person who made the changes, and by the kind of change.
        by_editor = self.client.get(ROLES, {"person": "eddie", "change": "-"})
        self.assertEqual([row.get_cell("history_type") for row in rows(by_editor)], ["Removed"])

    def test_filtered_by_date(self):
        Membership.history.update(history_date=timezone.now() - timedelta(days=400))
        editor_of(self.council, username="newer")
        self.client.force_login(self.admin)
        today = timezone.localdate()
        page = self.client.get(
            ROLES, {"since_0": today.day, "since_1": today.month, "since_2": today.year}
        )
        self.assertEqual([row.record.user.username for row in rows(page)], ["newer"])
        self.assertContains(page, "The system")

    def test_the_same_queries_for_few_and_many_changes(self):
        self.client.force_login(self.admin)

        def queries_for(count):
            for _ in range(count):
                editor_of(make_council())
            with CaptureQueriesContext(connection) as queries:
                page = self.client.get(ROLES)
            self.assertEqual(page.status_code, 200)
            return len(queries)

        self.assertEqual(queries_for(2), queries_for(30))
