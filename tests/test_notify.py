"""Every e-mail goes through GOV.UK Notify when it is configured: checked against a server on
127.0.0.1 that checks each request as Notify's API documents it (tests/notify_server.py)."""

import re
import uuid
from datetime import date

from django.core import mail
from django.test import TestCase, override_settings

from councils.models import Membership
from improvement_plans.models import ReminderSent
from improvement_plans.reminders import send_reminders
from sli.lib import mail as sli_mail
from tests.factories import make_action, make_council, make_membership, make_user
from tests.notify_server import NotifyServer
from tests.test_settings import run_settings

SERVICE_ID = str(uuid.uuid4())
SECRET = str(uuid.uuid4())
# A Notify API key is "<key name>-<service id>-<secret>".
API_KEY = f"sli_test-{SERVICE_ID}-{SECRET}"
TEMPLATES = {name: str(uuid.uuid4()) for name in sli_mail.TEMPLATE_NAMES}
LINK = re.compile(r"https?://[^/\s]+(/password/reset/[\w-]+/[\w-]+/)")
TODAY = date(2024, 6, 1)
SITE = "https://sli.example.gov.uk"


class NotifyTestCase(TestCase):
    api_key = API_KEY

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notify = cls.enterClassContext(
            NotifyServer(service_id=SERVICE_ID, secret=SECRET, template_ids=TEMPLATES.values())
        )
        cls.enterClassContext(
            override_settings(
                NOTIFY_API_KEY=cls.api_key,
                NOTIFY_BASE_URL=cls.notify.base_url,
                NOTIFY_TEMPLATES=TEMPLATES,
                MAIL_SEND_ATTEMPTS=3,
            )
        )

    def setUp(self):
        for kept in (self.notify.received, self.notify.refused, self.notify.times):
            kept.clear()
        self.notify.failures_to_come.clear()

    def assert_nothing_refused(self):
        self.assertEqual(self.notify.refused, [], "the Notify stand-in refused a request")


class EveryEmailThroughNotifyTests(NotifyTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(name="Wirral")
        cls.editor = make_user(first_name="Eddie", last_name="Editor", email="eddie@wirral.gov.uk")
        make_membership(cls.editor, Membership.Role.COUNCIL_EDITOR, cls.council)

    def test_an_invitation_goes_to_notify_with_a_link_that_works(self):
        self.client.force_login(self.editor)

        response = self.client.post(
            f"/councils/{self.council.slug}/people/",
            {
                "email": "noor.newman@wirral.gov.uk",
                "full_name": "Noor Newman",
                "role": Membership.Role.COUNCIL_VIEWER,
            },
            follow=True,
        )

        self.assertContains(response, "They have been sent an invitation by email.")
        self.assert_nothing_refused()
        self.assertEqual(mail.outbox, [], "nothing went by SMTP")
        (request,) = self.notify.received
        self.assertEqual(request["email_address"], "noor.newman@wirral.gov.uk")
        self.assertEqual(request["template_id"], TEMPLATES["invitation"])
        fields = request["personalisation"]
        self.assertEqual(fields["name"], "Noor")
        self.assertEqual(fields["inviter"], "Eddie Editor (eddie@wirral.gov.uk)")
        self.assertEqual(fields["council"], "Wirral")
        self.assertEqual(fields["username"], "noor.newman@wirral.gov.uk")
        self.assertTrue(all(isinstance(value, str) for value in fields.values()))

        self.client.logout()
        choose = self.client.get(LINK.fullmatch(fields["link"]).group(1), follow=True)
        self.assertTrue(choose.context["validlink"])

    def test_a_password_reset_link_goes_to_notify(self):
        make_user(username="alice", email="alice@wirral.gov.uk", password="x-long-password-1")

        self.client.post("/password/reset/", {"email": "alice@wirral.gov.uk"})

        self.assert_nothing_refused()
        (request,) = self.notify.received
        self.assertEqual(request["template_id"], TEMPLATES["password_reset"])
        self.assertEqual(request["email_address"], "alice@wirral.gov.uk")
        self.assertEqual(request["personalisation"]["username"], "alice")
        path = LINK.fullmatch(request["personalisation"]["link"]).group(1)
        self.assertTrue(self.client.get(path, follow=True).context["validlink"])

    def test_a_password_reset_that_notify_refuses_still_answers_the_same_page(self):
        make_user(username="alice", email="alice@wirral.gov.uk")
        self.notify.fail_next(500, 500, 500)

        with self.assertLogs("sli.lib.mail", "ERROR"):
            response = self.client.post("/password/reset/", {"email": "alice@wirral.gov.uk"})

        self.assertRedirects(response, "/password/reset/sent/")
        self.assertEqual(len(self.notify.times), 3)

    def test_an_invitation_notify_cannot_send_says_so_and_keeps_the_person(self):
        self.client.force_login(self.editor)
        self.notify.fail_next(500, 500, 500)

        with self.assertLogs("sli.lib.mail", "ERROR"):
            response = self.client.post(
                f"/councils/{self.council.slug}/people/",
                {
                    "email": "noor@wirral.gov.uk",
                    "full_name": "Noor Newman",
                    "role": Membership.Role.COUNCIL_VIEWER,
                },
                follow=True,
            )

        self.assertContains(response, "We could not send their invitation email")
        self.assertTrue(Membership.objects.filter(user__email="noor@wirral.gov.uk").exists())


class RemindersThroughNotifyTests(NotifyTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.jane = make_user(first_name="Jane", email="jane@example.org")
        cls.action = make_action(
            start_date=date(2023, 10, 1),
            due_date=date(2024, 1, 1),
            title="Audit safeguarding referrals",
            owner_user=cls.jane,
        )
        make_membership(cls.jane, Membership.Role.COUNCIL_EDITOR, cls.action.plan.council)

    def test_a_reminder_carries_its_links_and_records_notifys_reference(self):
        self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 1)

        self.assert_nothing_refused()
        (request,) = self.notify.received
        self.assertEqual(request["template_id"], TEMPLATES["reminder"])
        self.assertEqual(request["email_address"], "jane@example.org")
        fields = request["personalisation"]
        self.assertEqual(fields["name"], "Jane")
        self.assertEqual(fields["subject"], "Sector-led improvement: 1 overdue action")
        self.assertIn("Audit safeguarding referrals — due 1 January 2024", fields["digest"])
        self.assertIn(f"{SITE}{self.action.get_absolute_url()}", fields["digest"])
        record = ReminderSent.objects.get(user=self.jane, sent_on=TODAY)
        self.assertEqual((record.status, record.attempts), (ReminderSent.Status.SENT, 1))
        uuid.UUID(record.reference)

    @override_settings(MAIL_RETRY_SECONDS=0.2)
    def test_a_failure_is_retried_after_a_wait_and_then_sent(self):
        self.notify.fail_next(500)

        with self.assertLogs("sli.lib.mail", "WARNING") as logged:
            self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 1)

        self.assertEqual(len(self.notify.times), 2)
        self.assertGreaterEqual(self.notify.times[1] - self.notify.times[0], 0.2)
        self.assertIn("try 1 of 3", logged.output[0])
        self.assertIn("Notify answered 500", logged.output[0])
        record = ReminderSent.objects.get(user=self.jane, sent_on=TODAY)
        self.assertEqual((record.status, record.attempts), (ReminderSent.Status.SENT, 2))
        self.assertEqual(len(self.notify.received), 1)

    @override_settings(MAIL_RETRY_SECONDS=0.1)
    def test_the_wait_doubles_between_tries(self):
        self.notify.fail_next(500, 500)

        with self.assertLogs("sli.lib.mail", "WARNING"):
            send_reminders(today=TODAY, base_url=SITE)

        first, second, third = self.notify.times
        self.assertGreaterEqual(second - first, 0.1)
        self.assertGreaterEqual(third - second, 0.2)

    def test_a_reminder_that_keeps_failing_is_recorded_and_sent_by_the_next_run(self):
        self.notify.fail_next(500, 503, 500)

        with self.assertLogs("sli.lib.mail", "WARNING") as logged:
            self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 0)

        self.assertEqual(len(self.notify.times), 3)
        self.assertIn("ERROR:sli.lib.mail:The reminder e-mail to j…@example.org", logged.output[2])
        record = ReminderSent.objects.get(user=self.jane, sent_on=TODAY)
        self.assertEqual((record.status, record.attempts), (ReminderSent.Status.FAILED, 3))
        self.assertIn("Notify answered 500", record.error)

        self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 1)
        record.refresh_from_db()
        self.assertEqual((record.status, record.error), (ReminderSent.Status.SENT, ""))
        self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 0)
        self.assertEqual(len(self.notify.received), 1)

    def test_a_refusal_another_try_cannot_mend_is_not_retried(self):
        with override_settings(NOTIFY_TEMPLATES={**TEMPLATES, "reminder": str(uuid.uuid4())}):
            with self.assertLogs("sli.lib.mail", "ERROR"):
                self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 0)

        self.assertEqual(self.notify.refused, [(400, "Template not found")])
        record = ReminderSent.objects.get(user=self.jane, sent_on=TODAY)
        self.assertEqual((record.status, record.attempts), (ReminderSent.Status.FAILED, 1))


class WrongKeyTests(NotifyTestCase):
    # The same service, another secret: the server must refuse the signature.
    api_key = f"sli_test-{SERVICE_ID}-{uuid.uuid4()}"

    def test_a_token_signed_with_another_key_is_refused_and_not_retried(self):
        with self.assertRaises(sli_mail.MailNotSent) as failure, self.assertLogs("sli.lib.mail"):
            sli_mail.send("reminder", "jane@example.org", {"name": "Jane"})

        self.assertEqual(failure.exception.attempts, 1)
        ((status, message),) = self.notify.refused
        self.assertEqual(status, 403)
        self.assertIn("Signature verification failed", message)
        self.assertEqual(self.notify.received, [])


class WithoutNotifyTests(TestCase):
    def test_without_a_key_mail_goes_through_djangos_backend(self):
        sent = sli_mail.send(
            "password_reset",
            "alice@example.org",
            {"site": "sli.example.gov.uk", "link": "https://sli/x/", "username": "alice"},
        )

        self.assertEqual((sent.attempts, sent.reference), (1, ""))
        (message,) = mail.outbox
        self.assertEqual(
            (message.to, message.subject), (["alice@example.org"], "Reset your password")
        )
        self.assertIn("Your username is alice.", message.body)

    def test_a_key_without_every_template_id_refuses_to_start(self):
        result = run_settings(NOTIFY_API_KEY=API_KEY, NOTIFY_TEMPLATE_INVITATION=str(uuid.uuid4()))

        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("NOTIFY_TEMPLATE_PASSWORD_RESET, NOTIFY_TEMPLATE_REMINDER", result.stderr)


class ReminderOutcomesInTheAdminTests(TestCase):
    def test_staff_read_each_reminders_outcome(self):
        jane = make_user(username="jane", email="jane@example.org")
        ReminderSent.objects.create(
            user=jane,
            sent_on=TODAY,
            status=ReminderSent.Status.FAILED,
            attempts=3,
            error="Notify answered 500: Internal server error",
        )
        self.client.force_login(make_user(is_staff=True, is_superuser=True))

        page = self.client.get("/admin/improvement_plans/remindersent/?status=failed")

        self.assertContains(page, "Notify answered 500: Internal server error")
        self.assertContains(page, "jane")
