from datetime import date, timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock

from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from councils.models import Membership
from improvement_plans import reminders
from improvement_plans.models import ActionStatus, ReminderSent
from improvement_plans.reminders import reminders_due, send_reminders
from tests.base import building_pages
from tests.factories import (
    make_action,
    make_membership,
    make_milestone,
    make_plan,
    make_user,
)

TODAY = date(2024, 6, 1)
TOMORROW = TODAY + timedelta(days=1)
SITE = "https://sli.example.gov.uk"


def days(n):
    return TODAY + timedelta(days=n)


def overdue_action(**overrides):
    """An action due five months before TODAY (1 January 2024) and still open."""
    overrides.setdefault("start_date", date(2023, 10, 1))
    overrides.setdefault("due_date", date(2024, 1, 1))
    return make_action(**overrides)


class ReminderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.jane = make_user(first_name="Jane", email="jane@example.org")
        cls.sam = make_user(first_name="Sam", email="sam@example.org")
        cls.milly = make_user(first_name="Milly", email="milly@example.org")
        no_email = make_user(email="")
        inactive = make_user(email="gone@example.org", is_active=False)

        sefton = make_plan(title="Sefton improvement plan")
        walsall = make_plan(title="Walsall improvement plan")
        for person in (cls.jane, cls.sam, cls.milly, no_email, inactive):
            for plan in (sefton, walsall):
                make_membership(person, Membership.Role.COUNCIL_EDITOR, plan.council)

        cls.late = overdue_action(
            plan=sefton, number=12, title="Audit safeguarding referrals", owner_user=cls.jane
        )
        cls.late_elsewhere = overdue_action(
            plan=walsall, title="Recruit social workers", owner_user=cls.jane
        )
        cls.due_today = make_action(
            plan=sefton,
            title="Due today is not overdue",
            due_date=TODAY,
            owner_user=cls.jane,
            today=TODAY,
        )
        overdue_action(
            plan=sefton,
            title="Completed late",
            status=ActionStatus.COMPLETED,
            owner_user=cls.jane,
        )
        overdue_action(
            plan=sefton,
            title="Cancelled late",
            status=ActionStatus.CANCELLED,
            owner_user=cls.jane,
        )

        cls.on_track = make_action(
            plan=sefton, number=20, title="Set up a carers' forum", owner_user=cls.jane, today=TODAY
        )
        cls.in_three_days = make_milestone(
            action=cls.on_track, text="First forum meeting", due_date=days(3)
        )
        cls.on_day_14 = make_milestone(
            action=cls.on_track, text="Terms of reference agreed", due_date=days(14)
        )
        make_milestone(action=cls.on_track, text="Beyond the fortnight", due_date=days(15))
        make_milestone(action=cls.on_track, text="Already done", due_date=days(2), done_on=days(-1))
        make_milestone(action=cls.on_track, text="Missed last week", due_date=days(-7))
        finished = make_action(
            plan=sefton, status=ActionStatus.COMPLETED, owner_user=cls.jane, today=TODAY
        )
        make_milestone(action=finished, text="On a completed action", due_date=days(2))

        cls.sams_late = overdue_action(plan=walsall, title="Publish the plan", owner_user=cls.sam)

        cls.millys = make_action(plan=walsall, owner_user=cls.milly, today=TODAY)
        make_milestone(action=cls.millys, text="Draft the survey", due_date=TODAY)

        overdue_action(plan=sefton, title="Owner without email", owner_user=no_email)
        overdue_action(plan=sefton, title="Owner who left", owner_user=inactive)
        unowned = overdue_action(plan=sefton, title="Owned by a role", owner_user=None)
        make_milestone(action=unowned, text="Unowned milestone", due_date=days(1))

    def email_to(self, user):
        (message,) = [message for message in mail.outbox if message.to == [user.email]]
        return message

    def test_one_email_to_each_owner_with_something_due(self):
        sent = send_reminders(today=TODAY, base_url=SITE)

        self.assertEqual(sent, 3)
        self.assertCountEqual(
            [message.to for message in mail.outbox],
            [["jane@example.org"], ["sam@example.org"], ["milly@example.org"]],
        )

    def test_subject_counts_what_is_overdue_and_due_soon(self):
        send_reminders(today=TODAY, base_url=SITE)

        self.assertEqual(
            self.email_to(self.jane).subject,
            "Sector-led improvement: 2 overdue actions, 2 milestones due soon",
        )
        self.assertEqual(
            self.email_to(self.sam).subject, "Sector-led improvement: 1 overdue action"
        )
        self.assertEqual(
            self.email_to(self.milly).subject, "Sector-led improvement: 1 milestone due soon"
        )

    def test_overdue_action_reads_with_its_plan_due_date_lateness_and_link(self):
        send_reminders(today=TODAY, base_url=SITE)

        body = self.email_to(self.jane).body
        self.assertIn("Dear Jane,", body)
        self.assertIn(
            "Action 12 (Sefton improvement plan): Audit safeguarding referrals"
            " — due 1 January 2024, 5 months overdue\n"
            f"{SITE}{self.late.get_absolute_url()}\n",
            body,
        )
        self.assertIn(f"{SITE}{self.late_elsewhere.get_absolute_url()}", body)
        self.assertIn("(Walsall improvement plan): Recruit social workers", body)

    def test_milestones_due_within_14_days_read_with_date_action_and_link(self):
        send_reminders(today=TODAY, base_url=SITE)

        body = self.email_to(self.jane).body
        self.assertIn(
            "First forum meeting — due 4 June 2024 (in 3 days)\n"
            "On Action 20 (Sefton improvement plan): Set up a carers' forum\n"
            f"{SITE}{self.on_track.get_absolute_url()}#milestone-{self.in_three_days.pk}",
            body,
        )
        self.assertIn("Terms of reference agreed — due 15 June 2024 (in 14 days)", body)
        self.assertIn("Draft the survey — due 1 June 2024 (today)", self.email_to(self.milly).body)

    def test_nothing_closed_done_missed_or_beyond_14_days(self):
        send_reminders(today=TODAY, base_url=SITE)

        everything = "".join(message.body for message in mail.outbox)
        for left_out in [
            "Completed late",
            "Cancelled late",
            "Due today is not overdue",
            "Beyond the fortnight",
            "Already done",
            "Missed last week",
            "On a completed action",
            "Owned by a role",
            "Unowned milestone",
        ]:
            with self.subTest(left_out):
                self.assertNotIn(left_out, everything)

    def test_owners_without_email_or_no_longer_active_get_nothing(self):
        send_reminders(today=TODAY, base_url=SITE)

        everything = "".join(message.body for message in mail.outbox)
        self.assertNotIn("Owner without email", everything)
        self.assertNotIn("Owner who left", everything)
        self.assertNotIn("gone@example.org", [message.to[0] for message in mail.outbox])

    def test_digests_group_each_owners_items(self):
        digests = {digest.user: digest for digest in reminders_due(TODAY)}

        self.assertEqual(set(digests), {self.jane, self.sam, self.milly})
        self.assertEqual(digests[self.jane].overdue_actions, [self.late, self.late_elsewhere])
        self.assertEqual(digests[self.jane].milestones_due, [self.in_three_days, self.on_day_14])

    def test_running_twice_on_one_day_sends_nothing_the_second_time(self):
        send_reminders(today=TODAY, base_url=SITE)

        sent_again = send_reminders(today=TODAY, base_url=SITE)

        self.assertEqual(sent_again, 0)
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(ReminderSent.objects.filter(sent_on=TODAY).count(), 3)

    def test_running_the_next_day_sends_again(self):
        send_reminders(today=TODAY, base_url=SITE)

        sent_next_day = send_reminders(today=TOMORROW, base_url=SITE)

        # Milly's milestone was due today: tomorrow it is missed, not due soon.
        self.assertEqual(sent_next_day, 2)
        second_day = mail.outbox[3:]
        self.assertCountEqual([m.to for m in second_day], [[self.jane.email], [self.sam.email]])
        janes = next(m for m in second_day if m.to == [self.jane.email])
        self.assertIn("Due today is not overdue — due 1 June 2024, 1 day overdue", janes.body)

    def test_a_failed_send_is_retried_logged_and_recorded_so_a_rerun_sends_it(self):
        with (
            mock.patch.object(mail.EmailMessage, "send", side_effect=SMTPException("down")),
            self.assertLogs("sli.lib.mail", "WARNING") as logged,
        ):
            self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 0)

        failed = ReminderSent.objects.filter(sent_on=TODAY, status=ReminderSent.Status.FAILED)
        self.assertEqual(failed.count(), 3)
        self.assertEqual({r.attempts for r in failed}, {settings.MAIL_SEND_ATTEMPTS})
        self.assertEqual({r.error for r in failed}, {"SMTPException: down"})
        self.assertEqual(len(logged.records), 3 * settings.MAIL_SEND_ATTEMPTS)
        self.assertIn("The reminder e-mail to j…@example.org failed (try 3 of 3)", logged.output[2])

        self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 3)
        self.assertEqual(
            set(ReminderSent.objects.values_list("status", "attempts", "error")),
            {(ReminderSent.Status.SENT, 1, "")},
        )

    def test_a_send_that_fails_once_is_sent_on_the_second_try(self):
        send = mail.EmailMessage.send
        failures = iter([SMTPException("busy")])

        def fails_the_first_time(message, *args, **kwargs):
            if error := next(failures, None):
                raise error
            return send(message, *args, **kwargs)

        with mock.patch.object(mail.EmailMessage, "send", fails_the_first_time):
            self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 3)

        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(sorted(ReminderSent.objects.values_list("attempts", flat=True)), [1, 1, 2])

    def test_a_run_overlapping_another_skips_whom_the_other_has_just_sent_to(self):
        def other_run_sends_to_jane_meanwhile(today):
            ReminderSent.objects.create(user=self.jane, sent_on=today)
            return reminders_due(today)

        with mock.patch.object(reminders, "reminders_due", other_run_sends_to_jane_meanwhile):
            sent = send_reminders(today=TODAY, base_url=SITE)

        self.assertEqual(sent, 2)
        self.assertNotIn([self.jane.email], [message.to for message in mail.outbox])

    def test_a_trailing_slash_on_the_base_url_makes_no_double_slash(self):
        send_reminders(today=TODAY, base_url=SITE + "/")

        self.assertIn(f"{SITE}{self.late.get_absolute_url()}", self.email_to(self.jane).body)

    def test_command_sends_for_the_date_given_and_says_how_many(self):
        out = StringIO()

        call_command(
            "send_reminders", "--now", "--date", "2024-06-01", "--base-url", SITE, stdout=out
        )

        self.assertEqual(out.getvalue(), "Sent 3 reminder emails.\n")
        self.assertIn(f"{SITE}{self.late.get_absolute_url()}", self.email_to(self.jane).body)

    def test_command_run_again_that_day_sends_none(self):
        call_command("send_reminders", "--now", "--date", "2024-06-01", stdout=StringIO())
        out = StringIO()

        call_command("send_reminders", "--now", "--date", "2024-06-01", stdout=out)

        self.assertEqual(out.getvalue(), "Sent 0 reminder emails.\n")
        self.assertEqual(len(mail.outbox), 3)

    def test_command_refuses_a_date_it_cannot_read(self):
        with self.assertRaisesMessage(CommandError, "YYYY-MM-DD"):
            call_command("send_reminders", "--date", "1/6/2024", stdout=StringIO())

        self.assertEqual(mail.outbox, [])


@building_pages
class QueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.owners = [make_user(email=f"owner{n}@example.org") for n in range(2)]
        cls.plan = make_plan()
        for owner in cls.owners:
            make_membership(owner, Membership.Role.COUNCIL_EDITOR, cls.plan.council)
            cls.add_action(owner)

    @classmethod
    def add_action(cls, owner):
        action = overdue_action(plan=cls.plan, owner_user=owner)
        later = make_action(plan=cls.plan, owner_user=owner, today=TODAY)
        make_milestone(action=later, due_date=days(5))
        return action

    def queries_to_send(self):
        ReminderSent.objects.all().delete()
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(send_reminders(today=TODAY, base_url=SITE), 2)
        return len(queries)

    def test_same_queries_for_2_actions_or_30(self):
        with_few = self.queries_to_send()
        for n in range(28):
            self.add_action(self.owners[n % 2])

        with_many = self.queries_to_send()

        self.assertEqual(with_many, with_few)
        self.assertIn("15 overdue actions, 15 milestones due soon", mail.outbox[0].subject)
