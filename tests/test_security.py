"""Security settings, headers, sign-in throttling, passwords, signing out and password resets."""

import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import timedelta
from html import unescape
from pathlib import Path

from axes.utils import reset as reset_axes
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management.utils import get_random_secret_key
from django.test import Client, SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from councils.models import Membership
from sli.signin import SIGNED_IN_AT
from tests.factories import (
    make_action,
    make_council,
    make_evidence,
    make_membership,
    make_plan,
    make_recommendation,
    make_review,
    make_update,
    make_user,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Real passwords are set and checked here; the fast hasher keeps the file quick.
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Variables the settings read, dropped so that the developer's or CI's own cannot leak in.
SETTINGS_VARIABLES = {
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "DJANGO_SETTINGS_MODULE",
    "EMAIL_BACKEND",
    "SESSION_IDLE_MINUTES",
    "SESSION_MAX_HOURS",
}
SETTINGS_PREFIXES = ("SECURE_", "AXES_", "PASSWORD_RESET_")

PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({name: getattr(settings, name) for name in ["
    "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
    "'SECURE_HSTS_SECONDS', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_AGE', "
    "'SESSION_SAVE_EVERY_REQUEST', 'X_FRAME_OPTIONS', 'SECURE_CONTENT_TYPE_NOSNIFF']}))"
)


def production(*command, **env):
    """Run ``command`` with the variables a deployment sets, on SQLite (no DATABASE_URL)."""
    base = {
        name: value
        for name, value in os.environ.items()
        if name not in SETTINGS_VARIABLES and not name.startswith(SETTINGS_PREFIXES)
    }
    production_env = {
        "DEBUG": "false",
        "SECRET_KEY": get_random_secret_key(),
        "ALLOWED_HOSTS": "sli.example.org",
        "DJANGO_SETTINGS_MODULE": "sli.settings",
    }
    return subprocess.run(
        [sys.executable, *command],
        cwd=PROJECT_ROOT,
        env={**base, **production_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(**env):
    result = production("-c", PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class ProductionSettingsTests(SimpleTestCase):
    def test_the_deployment_checks_pass(self):
        result = production("manage.py", "check", "--deploy", "--fail-level", "WARNING")

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_cookies_and_transport_are_secure(self):
        values = production_settings()

        self.assertIs(values["DEBUG"], False)
        self.assertIs(values["SESSION_COOKIE_SECURE"], True)
        self.assertIs(values["CSRF_COOKIE_SECURE"], True)
        self.assertIs(values["SESSION_COOKIE_HTTPONLY"], True)
        self.assertGreaterEqual(values["SECURE_HSTS_SECONDS"], 31_536_000)
        self.assertIs(values["SECURE_SSL_REDIRECT"], True)
        self.assertIs(values["SESSION_SAVE_EVERY_REQUEST"], True)
        self.assertEqual(values["SESSION_COOKIE_AGE"], 60 * 60)

    def test_hsts_and_the_idle_timeout_come_from_the_environment(self):
        values = production_settings(SECURE_HSTS_SECONDS="0", SESSION_IDLE_MINUTES="15")

        self.assertEqual(values["SECURE_HSTS_SECONDS"], 0)
        self.assertEqual(values["SESSION_COOKIE_AGE"], 900)
        # Saved on every request, the session ends after 15 idle minutes, not 15 in all.
        self.assertIs(values["SESSION_SAVE_EVERY_REQUEST"], True)

    def test_an_address_limit_no_larger_than_the_username_limit_refuses_to_start(self):
        result = production(
            "-c", PRINT_SETTINGS, AXES_FAILURE_LIMIT="5", AXES_ADDRESS_FAILURE_LIMIT="5"
        )

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("AXES_ADDRESS_FAILURE_LIMIT", result.stderr)


def csp_directives(response):
    header = response.headers.get("Content-Security-Policy")
    assert header, f"No Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def page_title(response):
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
    return unescape(match.group(1).strip())


def field_error(response, name):
    """The error message drawn next to the field ``name``, or "" when there is none."""
    match = re.search(
        rf'<p class="govuk-error-message" id="id_{name}_error">(.*?)</p>',
        response.content.decode(),
        re.DOTALL,
    )
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def signed_in_user_id(client):
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id else None


@override_settings(PASSWORD_HASHERS=FAST_HASHER)
class SignedInTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(slug="wirral")
        cls.alice = make_user(
            username="alice", email="alice@wirral.gov.uk", password="correct-horse-battery"
        )
        cls.bob = make_user(username="bob", email="bob@wirral.gov.uk", password="staple-river-kite")
        make_membership(cls.alice, Membership.Role.COUNCIL_VIEWER, cls.council)

    def setUp(self):
        # TestCase rolls back axes' records; reset too, in case another kind of test left some.
        reset_axes()

    def sign_in(self, username, password, client=None):
        return (client or self.client).post(
            "/sign-in/", {"username": username, "password": password}
        )


class SecurityHeaderTests(SignedInTestCase):
    def responses(self):
        anonymous = Client()
        signed_in = Client()
        signed_in.force_login(self.alice)
        return {
            "sign-in page": anonymous.get("/sign-in/"),
            "sign-in error": anonymous.post("/sign-in/", {"username": "x", "password": "y"}),
            "redirect to sign in": anonymous.get("/"),
            "public page": anonymous.get("/public/"),
            "password reset": anonymous.get("/password/reset/"),
            "home": signed_in.get("/"),
            "council": signed_in.get("/councils/wirral/"),
            "forbidden": signed_in.get("/councils/wirral/people/"),
            "not found": signed_in.get("/councils/nowhere/"),
            "method not allowed": signed_in.get("/sign-out/"),
            "admin sign-in": anonymous.get("/admin/login/"),
        }

    def test_every_response_has_a_strict_content_security_policy(self):
        for name, response in self.responses().items():
            with self.subTest(name):
                directives = csp_directives(response)
                self.assertEqual(directives["default-src"], ["'self'"])
                self.assertIn("script-src", directives)
                self.assertNotIn("'unsafe-inline'", directives["script-src"])
                self.assertNotIn("'unsafe-eval'", directives["script-src"])
                self.assertEqual(directives["frame-ancestors"], ["'none'"])

    def test_every_response_refuses_framing_and_sniffing(self):
        for name, response in self.responses().items():
            with self.subTest(name):
                self.assertEqual(response.headers.get("X-Frame-Options"), "DENY")
                self.assertEqual(response.headers.get("X-Content-Type-Options"), "nosniff")
                self.assertEqual(response.headers.get("Referrer-Policy"), "same-origin")

    def test_the_responses_are_what_they_claim_to_be(self):
        statuses = {name: response.status_code for name, response in self.responses().items()}

        self.assertEqual(
            statuses,
            {
                "sign-in page": 200,
                "sign-in error": 200,
                "redirect to sign in": 302,
                "public page": 200,
                "password reset": 200,
                "home": 200,
                "council": 200,
                "forbidden": 403,
                "not found": 404,
                "method not allowed": 405,
                "admin sign-in": 200,
            },
        )


class SignInThrottlingTests(SignedInTestCase):
    def lock_out_alice(self):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            response = self.sign_in("alice", "wrong-password")
        return response

    def test_the_failure_limit_is_small(self):
        self.assertLessEqual(settings.AXES_FAILURE_LIMIT, 10)

    def test_below_the_limit_the_right_password_still_works(self):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            failed = self.sign_in("alice", "wrong-password")
            self.assertEqual(failed.status_code, 200)
            self.assertContains(failed, "Enter a correct username and password")

        response = self.sign_in("alice", "correct-horse-battery")

        self.assertRedirects(response, "/")
        self.assertEqual(signed_in_user_id(self.client), self.alice.pk)

    def test_after_too_many_failures_even_the_right_password_is_refused(self):
        self.lock_out_alice()

        response = self.sign_in("alice", "correct-horse-battery")

        # django-axes answers a locked-out sign-in with 429 Too Many Requests.
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Sign-in locked", status_code=429)
        self.assertIsNone(signed_in_user_id(self.client))
        self.assertIn("default-src 'self'", response.headers["Content-Security-Policy"])

    def test_spaces_around_the_username_do_not_get_round_the_lock(self):
        self.lock_out_alice()

        response = self.sign_in("  alice ", "correct-horse-battery")

        self.assertEqual(response.status_code, 429)
        self.assertIsNone(signed_in_user_id(self.client))

    def test_other_people_at_the_same_address_can_still_sign_in(self):
        self.lock_out_alice()

        response = self.sign_in("bob", "staple-river-kite", client=Client())

        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_the_lock_ends_when_axes_is_reset(self):
        self.lock_out_alice()
        reset_axes(username="alice")

        self.assertRedirects(self.sign_in("alice", "correct-horse-battery"), "/")


SPRAYING_ADDRESS = "203.0.113.7"
ANOTHER_ADDRESS = "198.51.100.20"


class PasswordSprayingTests(SignedInTestCase):
    """One wrong guess on each of many accounts from one address: the per-username lock never
    trips, so the address has its own, larger, limit."""

    def spray(self, guesses):
        for n in range(guesses):
            Client(REMOTE_ADDR=SPRAYING_ADDRESS).post(
                "/sign-in/", {"username": f"officer{n}", "password": "Summer2025!"}
            )

    def sign_in_from(self, address, username, password):
        client = Client(REMOTE_ADDR=address)
        return client, self.sign_in(username, password, client=client)

    def test_the_address_limit_is_larger_than_the_username_limit(self):
        # So that one person's typos do not lock out an office behind one address.
        self.assertGreater(settings.AXES_ADDRESS_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT)

    def test_after_too_many_failures_from_one_address_even_the_right_password_is_refused(self):
        self.spray(settings.AXES_ADDRESS_FAILURE_LIMIT)

        client, response = self.sign_in_from(SPRAYING_ADDRESS, "alice", "correct-horse-battery")

        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Sign-in locked", status_code=429)
        self.assertIsNone(signed_in_user_id(client))

    def test_the_same_account_can_still_sign_in_from_another_address(self):
        self.spray(settings.AXES_ADDRESS_FAILURE_LIMIT)

        client, response = self.sign_in_from(ANOTHER_ADDRESS, "alice", "correct-horse-battery")

        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(signed_in_user_id(client), self.alice.pk)

    def test_below_the_address_limit_the_right_password_still_works(self):
        self.spray(settings.AXES_ADDRESS_FAILURE_LIMIT - 1)

        client, response = self.sign_in_from(SPRAYING_ADDRESS, "alice", "correct-horse-battery")

        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(signed_in_user_id(client), self.alice.pk)

    def test_signing_in_to_one_account_does_not_clear_the_address_s_failures(self):
        self.spray(settings.AXES_ADDRESS_FAILURE_LIMIT - 1)
        self.sign_in_from(SPRAYING_ADDRESS, "alice", "correct-horse-battery")
        Client(REMOTE_ADDR=SPRAYING_ADDRESS).post(
            "/sign-in/", {"username": "officer-last", "password": "Summer2025!"}
        )

        client, response = self.sign_in_from(SPRAYING_ADDRESS, "bob", "staple-river-kite")

        self.assertEqual(response.status_code, 429)
        self.assertIsNone(signed_in_user_id(client))


class PasswordChangeTests(SignedInTestCase):
    def change_password(self, new_password):
        self.client.force_login(self.alice)
        return self.client.post(
            "/password/",
            {
                "old_password": "correct-horse-battery",
                "new_password1": new_password,
                "new_password2": new_password,
            },
        )

    def assert_refused(self, response, *messages):
        self.assertEqual(response.status_code, 200)
        self.assertTrue(page_title(response).startswith("Error: Change your password"))
        self.assertContains(response, 'href="#id_new_password2"')
        error = field_error(response, "new_password2")
        for message in messages:
            self.assertIn(message, error)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password("correct-horse-battery"))

    def test_a_common_password_is_refused(self):
        self.assert_refused(self.change_password("password"), "harder to guess")

    def test_a_short_numeric_password_is_refused(self):
        self.assert_refused(
            self.change_password("4821"), "at least 8 characters", "not only numbers"
        )

    def test_a_password_like_the_username_is_refused(self):
        self.assert_refused(self.change_password("alice@wirral"), "not like your")

    def test_a_good_password_is_saved(self):
        response = self.change_password("lantern-orchard-pebble")

        self.assertRedirects(response, "/password/changed/")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password("lantern-orchard-pebble"))

    def test_password_messages_say_what_to_do(self):
        messages = [
            message
            for password in ("password", "4821")
            for message in self.change_password(password).context["form"].errors["new_password2"]
        ]

        self.assertEqual([m for m in messages if m.startswith("This password")], [])


class SignInPageTests(SignedInTestCase):
    def test_a_wrong_password_shows_the_error_summary(self):
        response = self.sign_in("alice", "wrong-password")

        self.assertEqual(response.status_code, 200)
        self.assertTrue(page_title(response).startswith("Error: Sign in"), page_title(response))
        summary = re.search(
            r'<div class="govuk-error-summary".*?</ul>', response.content.decode(), re.DOTALL
        )
        self.assertIsNotNone(summary)
        self.assertIn("There is a problem", summary.group(0))
        self.assertIn(
            '<a href="#id_username">Enter a correct username and password. '
            "Both are case-sensitive.</a>",
            summary.group(0),
        )
        self.assertContains(response, 'id="id_username"')
        self.assertIsNone(signed_in_user_id(self.client))

    def test_a_switched_off_account_cannot_sign_in(self):
        bob = type(self.bob).objects.get(pk=self.bob.pk)
        bob.is_active = False
        bob.save()

        response = self.sign_in("bob", "staple-river-kite")

        self.assertEqual(response.status_code, 200)
        self.assertIsNone(signed_in_user_id(self.client))

    def test_the_sign_in_form_needs_its_csrf_token(self):
        client = Client(enforce_csrf_checks=True)

        response = self.sign_in("alice", "correct-horse-battery", client=client)

        self.assertEqual(response.status_code, 403)
        self.assertIsNone(signed_in_user_id(client))

    def test_the_session_cookie_is_http_only(self):
        self.sign_in("alice", "correct-horse-battery")

        cookie = self.client.cookies[settings.SESSION_COOKIE_NAME]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(int(cookie["max-age"]), settings.SESSION_COOKIE_AGE)
        self.assertEqual(cookie["samesite"], "Lax")


class SignOutTests(SignedInTestCase):
    def test_sign_out_is_post_only(self):
        self.sign_in("alice", "correct-horse-battery")

        response = self.client.get("/sign-out/")

        self.assertEqual(response.status_code, 405)
        self.assertEqual(signed_in_user_id(self.client), self.alice.pk)

    def test_signing_out_ends_the_session(self):
        self.sign_in("alice", "correct-horse-battery")
        session_key = self.client.session.session_key

        response = self.client.post("/sign-out/")

        self.assertRedirects(response, "/sign-in/")
        self.assertIsNone(signed_in_user_id(self.client))
        self.assertNotEqual(self.client.session.session_key, session_key)
        self.assertRedirects(self.client.get("/"), "/sign-in/?next=/")


class PasswordResetTests(SignedInTestCase):
    def test_an_existing_account_is_sent_a_link(self):
        response = self.client.post("/password/reset/", {"email": "Alice@Wirral.gov.uk"})

        self.assertRedirects(response, "/password/reset/sent/")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["alice@wirral.gov.uk"])
        self.assertRegex(mail.outbox[0].body, r"/password/reset/[\w-]+/[\w-]+/")
        self.assertIn("Your username is alice", mail.outbox[0].body)

    def test_an_unknown_address_gets_the_same_answer_and_no_mail(self):
        known = self.client.post("/password/reset/", {"email": "alice@wirral.gov.uk"}, follow=True)
        mail.outbox.clear()

        unknown = self.client.post(
            "/password/reset/", {"email": "nobody@wirral.gov.uk"}, follow=True
        )

        self.assertRedirects(unknown, "/password/reset/sent/")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(unknown.content, known.content)

    def test_the_link_sets_a_new_password_that_signs_in(self):
        self.client.post("/password/reset/", {"email": "alice@wirral.gov.uk"})
        link = re.search(r"/password/reset/[\w-]+/[\w-]+/", mail.outbox[0].body).group(0)

        form_page = self.client.get(link, follow=True)
        self.client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": "lantern-orchard-pebble", "new_password2": "lantern-orchard-pebble"},
        )

        self.assertRedirects(self.sign_in("alice", "lantern-orchard-pebble"), "/")
        self.assertEqual(signed_in_user_id(self.client), self.alice.pk)


def cache_directives(response):
    header = response.headers.get("Cache-Control", "")
    return {part.strip().split("=")[0] for part in header.split(",") if part.strip()}


class PrivateResponsesAreNotStoredTests(TestCase):
    """What a signed-in person sees, and the sign-in and password pages, stay out of shared
    and browser caches (issue 19, point 5); public pages for anonymous visitors may be kept."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user()
        cls.review = make_review(published_at=timezone.now())
        make_membership(cls.editor, Membership.Role.COUNCIL_EDITOR, cls.review.host_council)
        recommendation = make_recommendation(review=cls.review)
        cls.plan = make_plan(review=cls.review)
        action = make_action(plan=cls.plan, recommendations=[recommendation])
        cls.evidence = make_evidence(
            update=make_update(action=action),
            link="",
            file=ContentFile(b"%PDF-1.4 audit", name="audit.pdf"),
        )

    def signed_in_responses(self):
        self.client.force_login(self.editor)
        plan = self.plan.pk
        addresses = {
            "home": "/",
            "plan": f"/plans/{plan}/",
            "plan export": f"/plans/{plan}/export.xlsx",
            "report PDF": f"/plans/{plan}/report.pdf",
            "report workbook": f"/plans/{plan}/report.xlsx",
            "action list workbook": "/actions/?export=xlsx",
            "action list CSV": "/actions/?export=csv",
            "recommendation list CSV": "/recommendations/?export=csv",
            "evidence download": f"/evidence/{self.evidence.pk}/",
            "public letter": f"/public/letters/{self.review.pk}/",
            "not found": "/plans/0/",
        }
        for name, address in addresses.items():
            response = self.client.get(address)
            if response.streaming:
                # Read through the client's wrapper: closing the response directly would send
                # request_finished, which closes the database connection mid-test.
                b"".join(response.streaming_content)
            yield name, response

    def test_every_signed_in_response_is_private_and_never_stored(self):
        for name, response in self.signed_in_responses():
            with self.subTest(name):
                self.assertIn(response.status_code, {200, 404})
                self.assertLessEqual({"private", "no-store"}, cache_directives(response))
                self.assertNotIn("public", cache_directives(response))

    def test_sign_in_and_password_pages_are_never_stored(self):
        anonymous = Client()
        responses = {
            "sign-in": anonymous.get("/sign-in/"),
            "password reset": anonymous.get("/password/reset/"),
        }
        self.client.force_login(self.editor)
        responses["password change"] = self.client.get("/password/")
        for name, response in responses.items():
            with self.subTest(name):
                self.assertEqual(response.status_code, 200)
                self.assertLessEqual({"private", "no-store"}, cache_directives(response))

    def test_public_pages_for_anonymous_visitors_may_be_cached(self):
        anonymous = Client()
        for address in (
            f"/public/letters/{self.review.pk}/",
            "/public/",
            "/accessibility/",
        ):
            with self.subTest(address):
                response = anonymous.get(address)

                self.assertEqual(response.status_code, 200)
                self.assertNotIn("no-store", cache_directives(response))
                self.assertNotIn("private", cache_directives(response))


# A drawing that would run script if opened as a page without a policy.
SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(2)</script><rect width='1' height='1'/></svg>"
)


class StaticFileHeaderTests(SimpleTestCase):
    """Static files served by whitenoise carry a strict policy of their own and refuse
    framing and sniffing (issue 19, point 6): a drawing opened from /static/ runs nothing.

    The files are collected into a temporary STATIC_ROOT, as in a deployment; each test's
    client loads the middleware afresh, so whitenoise reads these settings and its headers."""

    def setUp(self):
        root = Path(self.enterContext(tempfile.TemporaryDirectory()))
        (root / "images").mkdir()
        (root / "images" / "drawing.svg").write_bytes(SCRIPTED_SVG)
        (root / "site.css").write_text("body { background: url('images/drawing.svg'); }")
        self.enterContext(
            override_settings(
                STATIC_ROOT=root, WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False
            )
        )

    def static_responses(self):
        client = Client()
        return {
            path: client.get(path) for path in ("/static/images/drawing.svg", "/static/site.css")
        }

    def test_static_files_are_served_by_whitenoise(self):
        for path, response in self.static_responses().items():
            with self.subTest(path):
                self.assertEqual(response.status_code, 200)
                self.assertEqual(type(response).__name__, "WhiteNoiseFileResponse")

    def test_static_files_carry_a_policy_that_runs_nothing(self):
        for path, response in self.static_responses().items():
            with self.subTest(path):
                directives = csp_directives(response)
                self.assertEqual(directives["default-src"], ["'none'"])
                self.assertNotIn("script-src", directives)
                self.assertEqual(directives["frame-ancestors"], ["'none'"])
                # What the site's own stylesheets and drawings may still use.
                self.assertEqual(directives["style-src"], ["'self'"])
                self.assertEqual(directives["img-src"], ["'self'", "data:"])
                self.assertEqual(directives["font-src"], ["'self'"])

    def test_static_files_refuse_framing_and_sniffing(self):
        for path, response in self.static_responses().items():
            with self.subTest(path):
                self.assertEqual(response.headers.get("X-Frame-Options"), "DENY")
                self.assertEqual(response.headers.get("X-Content-Type-Options"), "nosniff")


class PasswordResetLimitTests(SignedInTestCase):
    def ask_for_reset(self, email, address="192.0.2.1"):
        return Client(REMOTE_ADDR=address).post("/password/reset/", {"email": email}, follow=True)

    def test_one_account_is_sent_a_few_emails_an_hour_however_often_it_is_asked(self):
        answers = {
            self.ask_for_reset("alice@wirral.gov.uk", f"192.0.2.{n}").content for n in range(20)
        }

        self.assertEqual(len(mail.outbox), settings.PASSWORD_RESET_ACCOUNT_LIMIT)
        self.assertLessEqual(settings.PASSWORD_RESET_ACCOUNT_LIMIT, 5)
        # The answer does not show whether an email went out.
        self.assertEqual(len(answers), 1)

    def test_one_address_asking_for_many_accounts_is_limited_too(self):
        for n in range(settings.PASSWORD_RESET_ADDRESS_LIMIT):
            self.ask_for_reset(f"officer{n}@wirral.gov.uk", SPRAYING_ADDRESS)
        sent = self.ask_for_reset("alice@wirral.gov.uk", ANOTHER_ADDRESS)
        mail.outbox.clear()

        limited = self.ask_for_reset("bob@wirral.gov.uk", SPRAYING_ADDRESS)

        self.assertEqual(mail.outbox, [])
        self.assertRedirects(limited, "/password/reset/sent/")
        self.assertEqual(limited.content, sent.content)

    def test_below_the_address_limit_emails_are_sent(self):
        for n in range(settings.PASSWORD_RESET_ADDRESS_LIMIT - 1):
            self.ask_for_reset(f"officer{n}@wirral.gov.uk", SPRAYING_ADDRESS)

        self.ask_for_reset("bob@wirral.gov.uk", SPRAYING_ADDRESS)

        self.assertEqual([message.to for message in mail.outbox], [["bob@wirral.gov.uk"]])


class SessionLifetimeTests(SignedInTestCase):
    def signed_in_hours_ago(self, **elapsed):
        self.client.force_login(self.alice)
        session = self.client.session
        session[SIGNED_IN_AT] = (timezone.now() - timedelta(**elapsed)).timestamp()
        session.save()

    def test_a_session_ends_after_its_lifetime_even_when_used_all_along(self):
        self.signed_in_hours_ago(hours=12, minutes=1)

        response = self.client.get("/", follow=True)

        self.assertRedirects(response, "/sign-in/?next=/")
        self.assertIsNone(signed_in_user_id(self.client))
        self.assertContains(
            response, "For your security, we signed you out 12 hours after you signed in."
        )

    def test_a_session_within_its_lifetime_carries_on(self):
        self.signed_in_hours_ago(hours=11, minutes=59)

        response = self.client.get("/")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(signed_in_user_id(self.client), self.alice.pk)

    def test_the_lifetime_counts_from_signing_in_not_from_the_last_request(self):
        self.sign_in("alice", "correct-horse-battery")
        signed_in_at = self.client.session[SIGNED_IN_AT]

        self.client.get("/")
        self.client.get("/")

        self.assertAlmostEqual(signed_in_at, timezone.now().timestamp(), delta=60)
        self.assertEqual(self.client.session[SIGNED_IN_AT], signed_in_at)

    def test_the_lifetime_is_twelve_hours_by_default(self):
        self.assertEqual(settings.SESSION_MAX_HOURS, 12)
