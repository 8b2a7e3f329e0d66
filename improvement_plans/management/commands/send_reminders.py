import argparse
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand

from improvement_plans.reminders import DAYS_AHEAD, send_reminders


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
        "same day sends nothing new."
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

    def handle(self, *args, day=None, base_url, **options):
        sent = send_reminders(today=day, base_url=base_url)
        self.stdout.write(f"Sent {sent} reminder email{'' if sent == 1 else 's'}.")
