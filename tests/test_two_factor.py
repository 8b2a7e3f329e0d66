"""Two-factor sign-in for local accounts: after the password, a code from an authenticator app
(or a recovery code) before any page, for site administrators, regional leads and anyone who
turned it on."""

import re
import time
from datetime import timedelta

from axes.utils import reset as reset_axes
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sli.two_factor import state
from tests.base import editor_of, regional_lead_of
from tests.factories import make_council, make_region, make_user
from tests.test_demo import FAST_HASHING

PASSWORD = "correct-horse-battery"
CODE_PAGE = "/sign-in/code/"
SET_UP_PAGE = "/account/two-factor/set-up/"
OPEN_WHILE_PENDING = {CODE_PAGE, SET_UP_PAGE, "/sign-out/"}


def next_code(device):
    """The code an authenticator app would show now, or the next one if this one was used
    (a code is accepted once; the server accepts one step either side of its clock)."""
    device.refresh_from_db()
    now = int(time.time()) // device.step + device.drift
    return f"{hotp(device.bin_key, max(now, device.last_t + 1)):06d}"


def give_authenticator(user):
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    codes = state.make_recovery_codes(user)
    return device, codes


def concrete_paths(patterns=None, prefix=""):
    """Every route of the site with sample values in its parameters (the admin's too)."""
    samples = {"int": "1", "slug": "x", "str": "x", "path": "x/change", "uuid": "0" * 32}
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(pattern.pattern)
        if route.startswith("^"):
            continue  # a regular expression (two in the admin): its neighbours cover it
        route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: samples[m.group(1) or "str"], route)
        if isinstance(pattern, URLResolver):
            yield from concrete_paths(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route


@FAST_HASHING
class TwoFactorTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region()
        cls.council = make_council(region=cls.region)
        cls.lead = regional_lead_of(cls.region, username="lead", password=PASSWORD)
        cls.editor = editor_of(cls.council, username="editor", password=PASSWORD)
        cls.admin = make_user(username="admin", password=PASSWORD, is_staff=True)

    def setUp(self):
        reset_axes()

    def sign_in(self, username, next_url=None):
        data = {"username": username, "password": PASSWORD}
        url = "/sign-in/" + (f"?next={next_url}" if next_url else "")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, "the password was refused")
        return response

    def give_code(self, code, next_url=None):
        url = CODE_PAGE + (f"?next={next_url}" if next_url else "")
        return self.client.post(url, {"code": code})

    def assert_sent_to(self, response, page):
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(page), response["Location"])

    def assert_signed_in(self):
        self.assertEqual(self.client.get("/").status_code, 200)


class WhoIsAskedTests(TwoFactorTestCase):
    def test_a_regional_lead_without_an_authenticator_must_set_one_up_first(self):
        self.sign_in("lead")

        self.assert_sent_to(self.client.get("/"), SET_UP_PAGE + "?next=%2F")
        self.assertContains(
            self.client.get(SET_UP_PAGE), "regional leads must use two-factor authentication"
        )

    def test_a_site_administrator_without_an_authenticator_must_set_one_up_first(self):
        self.sign_in("admin")

        self.assert_sent_to(self.client.get("/admin/"), SET_UP_PAGE)

    def test_a_regional_lead_with_an_authenticator_is_asked_for_the_code(self):
        device, _ = give_authenticator(self.lead)
        self.sign_in("lead")

        self.assert_sent_to(self.client.get("/"), CODE_PAGE + "?next=%2F")
        self.assert_sent_to(self.give_code(next_code(device)), "/")
        self.assert_signed_in()

    def test_someone_else_signs_in_with_the_password_alone(self):
        self.sign_in("editor")

        self.assert_signed_in()

    def test_someone_else_who_turned_it_on_is_asked_for_the_code(self):
        device, _ = give_authenticator(self.editor)
        self.sign_in("editor")

        self.assert_sent_to(self.client.get("/"), CODE_PAGE)
        self.give_code(next_code(device))
        self.assert_signed_in()

    def test_the_page_asked_for_is_opened_after_the_code(self):
        device, _ = give_authenticator(self.lead)
        self.sign_in("lead", next_url="/councils/")

        self.assert_sent_to(self.client.get("/councils/"), CODE_PAGE + "?next=%2Fcouncils%2F")
        self.assert_sent_to(self.give_code(next_code(device), "/councils/"), "/councils/")

    def test_a_next_page_elsewhere_is_not_followed(self):
        device, _ = give_authenticator(self.lead)
        self.sign_in("lead")

        self.assert_sent_to(self.give_code(next_code(device), "https://evil.example/"), "/")

    def test_the_session_key_changes_when_the_code_is_given(self):
        device, _ = give_authenticator(self.lead)
        self.sign_in("lead")
        before = self.client.session.session_key

        self.give_code(next_code(device))

        self.assertNotEqual(self.client.session.session_key, before)


class NothingBeforeTheCodeTests(TwoFactorTestCase):
    def test_after_only_the_password_every_page_sends_to_the_code(self):
        give_authenticator(self.lead)
        self.sign_in("lead")
        paths = set(concrete_paths()) - OPEN_WHILE_PENDING
        self.assertGreater(len(paths), 100)
        self.assertIn("/admin/", paths)

        for path in sorted(paths):
            for method in ("get", "post"):
                with self.subTest(path=path, method=method):
                    response = getattr(self.client, method)(path)
                    self.assert_sent_to(response, CODE_PAGE)

    def test_signing_in_through_the_admin_also_asks_for_the_code(self):
        give_authenticator(self.admin)

        response = self.client.post(
            "/admin/login/?next=/admin/", {"username": "admin", "password": PASSWORD}
        )

        self.assert_sent_to(response, "/admin/")
        self.assert_sent_to(self.client.get("/admin/"), CODE_PAGE)
        self.assert_sent_to(self.client.get("/admin/auth/user/"), CODE_PAGE)

    def test_someone_with_only_the_password_cannot_add_their_own_authenticator(self):
        give_authenticator(self.lead)
        self.sign_in("lead")

        self.assert_sent_to(self.client.get(SET_UP_PAGE), CODE_PAGE)
        self.assert_sent_to(self.client.post(SET_UP_PAGE, {"code": "123456"}), CODE_PAGE)
        self.assertEqual(TOTPDevice.objects.filter(user=self.lead).count(), 1)

    def test_signing_out_is_open_before_the_code(self):
        give_authenticator(self.lead)
        self.sign_in("lead")

        self.assert_sent_to(self.client.post("/sign-out/"), "/sign-in/")
        self.assert_sent_to(self.client.get("/"), "/sign-in/")


class WrongCodeTests(TwoFactorTestCase):
    def setUp(self):
        super().setUp()
        self.device, self.recovery = give_authenticator(self.lead)
        self.sign_in("lead")

    def wait_out_the_throttle(self):
        """Move the last failure back past django-otp's wait (1, 2, 4… seconds)."""
        for model in (TOTPDevice, StaticDevice):
            for device in model.objects.filter(user=self.lead):
                if device.throttling_failure_timestamp:
                    wait = 2 ** (device.throttling_failure_count - 1)
                    device.throttling_failure_timestamp -= timedelta(seconds=wait + 1)
                    device.save()

    def wrong(self, code):
        good = next_code(self.device)
        return code if code != good else f"{(int(code) + 1) % 10**6:06d}"

    def test_a_wrong_code_is_refused_and_signs_nobody_in(self):
        response = self.give_code(self.wrong("123456"))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The code is not right.")
        self.assertContains(response, "Error: Enter your security code")
        self.assert_sent_to(self.client.get("/"), CODE_PAGE)

    def test_a_missing_code_is_asked_for(self):
        response = self.give_code("")

        self.assertContains(response, "Enter the security code from your authenticator app")

    def test_an_unknown_recovery_code_is_refused(self):
        response = self.give_code("abcdefgh")

        self.assertContains(response, "The code is not right.")
        self.assert_sent_to(self.client.get("/"), CODE_PAGE)

    def test_after_a_wrong_code_even_the_right_one_waits(self):
        self.give_code(self.wrong("000000"))

        refused = self.give_code(next_code(self.device))

        self.assertContains(refused, "You have entered a wrong code too many times. Wait 1 second")
        self.assert_sent_to(self.client.get("/"), CODE_PAGE)
        self.wait_out_the_throttle()
        self.assert_sent_to(self.give_code(next_code(self.device)), "/")
        self.assert_signed_in()

    def test_the_wait_doubles_with_each_wrong_code(self):
        for _ in range(4):
            self.give_code(self.wrong("000000"))
            self.wait_out_the_throttle()
        self.give_code(self.wrong("000000"))

        refused = self.give_code(next_code(self.device))

        self.assertContains(refused, "Wait 16 seconds")

    def test_recovery_codes_wait_too_after_wrong_codes(self):
        self.give_code(self.wrong("000000"))

        refused = self.give_code(self.recovery[0])

        self.assertContains(refused, "You have entered a wrong code too many times.")
        self.assertEqual(StaticToken.objects.filter(token=self.recovery[0]).count(), 1)


class RecoveryCodeTests(TwoFactorTestCase):
    def test_a_recovery_code_signs_in_once(self):
        _, codes = give_authenticator(self.lead)
        self.sign_in("lead")

        response = self.give_code(codes[3].upper()[:4] + " " + codes[3].upper()[4:])

        self.assert_sent_to(response, "/")
        self.assertContains(self.client.get("/"), "You have 9 left.")
        self.client.post("/sign-out/")
        self.sign_in("lead")
        self.assertContains(self.give_code(codes[3]), "The code is not right.")

    def test_new_codes_replace_the_old(self):
        device, old = give_authenticator(self.lead)
        self.sign_in("lead")
        self.give_code(next_code(device))

        page = self.client.post("/account/two-factor/recovery-codes/", follow=True)
        new = re.findall(r"<code>(\w+)</code>", page.content.decode())

        self.assertEqual(len(new), 10)
        self.assertFalse(set(new) & set(old))
        self.assertEqual(
            set(StaticToken.objects.filter(device__user=self.lead).values_list("token", flat=True)),
            set(new),
        )


class EnrolmentTests(TwoFactorTestCase):
    def key_on(self, page):
        key = re.search(r'data-testid="setup-key">([A-Z2-7 ]+)<', page.content.decode()).group(1)
        return key.replace(" ", "")

    def test_setting_up_confirms_the_app_and_shows_recovery_codes_once(self):
        self.sign_in("lead")
        page = self.client.get(SET_UP_PAGE)
        self.assertContains(page, 'src="data:image/png;base64,')
        device = TOTPDevice.objects.get(user=self.lead, confirmed=False)
        self.assertEqual(self.key_on(page), self.key_on(self.client.get(SET_UP_PAGE)))

        wrong = self.client.post(SET_UP_PAGE, {"code": "12345x"})
        self.assertContains(wrong, "The code is not right.")
        device.throttle_reset()
        done = self.client.post(SET_UP_PAGE, {"code": next_code(device)})

        self.assert_sent_to(done, "/account/two-factor/recovery-codes/")
        shown = self.client.get("/account/two-factor/recovery-codes/")
        codes = re.findall(r"<code>(\w+)</code>", shown.content.decode())
        self.assertEqual(len(codes), 10)
        self.assertNotContains(self.client.get("/account/two-factor/recovery-codes/"), codes[0])
        self.assert_signed_in()
        self.assertTrue(TOTPDevice.objects.get(user=self.lead).confirmed)

    def test_someone_else_turns_it_on_and_off_from_their_account(self):
        self.client.force_login(self.editor)
        self.assertContains(self.client.get("/password/"), 'href="/account/two-factor/"')
        self.assertContains(self.client.get("/account/two-factor/"), "Off")
        self.client.get(SET_UP_PAGE)
        device = TOTPDevice.objects.get(user=self.editor)
        self.client.post(SET_UP_PAGE, {"code": next_code(device)})
        self.assertContains(self.client.get("/account/two-factor/"), "Turn off")

        self.client.post("/account/two-factor/turn-off/")

        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())
        self.assertFalse(StaticDevice.objects.filter(user=self.editor).exists())

    def test_a_regional_lead_cannot_turn_it_off(self):
        give_authenticator(self.lead)
        self.client.force_login(self.lead)

        page = self.client.post("/account/two-factor/turn-off/", follow=True)

        self.assertContains(page, "it cannot be turned off")
        self.assertTrue(TOTPDevice.objects.filter(user=self.lead).exists())
