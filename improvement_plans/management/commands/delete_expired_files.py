from django.conf import settings
from django.core.management.base import BaseCommand

from improvement_plans.prepared.files import delete_expired


class Command(BaseCommand):
    help = (
        "Delete the exports and reports the task worker prepared more than PREPARED_FILE_HOURS "
        f"({settings.PREPARED_FILE_HOURS}) hours ago, from storage and from the database. "
        "Meant to run daily from cron; a new request for a file also clears them."
    )

    def handle(self, *args, **options):
        deleted = delete_expired()
        self.stdout.write(f"Deleted {deleted} expired prepared file{'s' if deleted != 1 else ''}.")
