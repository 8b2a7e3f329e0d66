from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from improvement_plans.prepared.files import delete_expired
from improvement_plans.prepared.models import expiry_cutoff
from sli.lib.storage import delete_files_older_than

# Spreadsheets uploaded to an import (a plan's, a region's readings) wait here between the
# check and the import, and the rows an import left out wait here for their download.
IMPORTS_FOLDER = "imports"


class Command(BaseCommand):
    help = (
        "Delete the exports and reports the task worker prepared more than PREPARED_FILE_HOURS "
        f"({settings.PREPARED_FILE_HOURS}) hours ago, from storage and from the database, and "
        "the spreadsheets uploaded to an import as long ago (checked but never imported, or "
        "the rows an import left out). Meant to run daily from cron; a new request for a file "
        "also clears the prepared ones."
    )

    def handle(self, *args, **options):
        deleted = delete_expired()
        self.stdout.write(f"Deleted {deleted} expired prepared file{'s' if deleted != 1 else ''}.")
        left = delete_files_older_than(IMPORTS_FOLDER, expiry_cutoff(), default_storage)
        self.stdout.write(
            f"Deleted {left} spreadsheet{'s' if left != 1 else ''} left from imports."
        )
