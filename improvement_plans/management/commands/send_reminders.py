import argparse
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from improvement_plans.reminders import DAYS_AHEAD, send_reminders, send_reminders_in_background


def _iso_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"enter the date as YYYY-MM-DD, for example 2024-06-01, not {value!r}"
        ) from None


class Command(BaseCommand):
    help = (
        "Email each action owner one reminder of their overdue actions and of milestones due "
        f"in the next {DAYS_AHEAD} days. Meant to run daily from cron; running it again on the "
        "same day sends nothing new. The e-mails are sent by the task worker (manage.py "
        "db_worker), or by this command itself with --now."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            dest="day",
            type=_iso_date,
            help="The day to remind for, as YYYY-MM-DD (default: today).",
        )
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="Start of the links in the emails (default: $SITE_URL or http://127.0.0.1:8000).",
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send the e-mails from this command and wait for them, not from the worker.",
        )

    def handle(self, *args, day=None, base_url, now, **options):
        if now:
            sent = send_reminders(today=day, base_url=base_url)
            self.stdout.write(f"Sent {sent} reminder email{'' if sent == 1 else 's'}.")
            return
        day = day or timezone.localdate()
        result = send_reminders_in_background.enqueue(day=day.isoformat(), base_url=base_url)
        self.stdout.write(
            f"Queued the reminders for {day.isoformat()} (task {result.id}): the task worker "
            "(manage.py db_worker) sends them."
        )
