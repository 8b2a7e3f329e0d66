import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from improvement_plans.imports import ImportRefused, apply_import, read_plan_workbook
from improvement_plans.models import ImprovementPlan
from improvement_plans.rejected_rows import rejected_rows_workbook


class Command(BaseCommand):
    help = (
        "Import an improvement plan from an Excel workbook (.xlsx) into an existing plan: the "
        "layout the plan export writes, or a sheet with one action per row. Prints what each "
        "row would do and every problem; saves only if there are no problems (or, with "
        "--rejected-rows, the rows without problems, writing the others to that file), and "
        "never with --dry-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xlsx file.")
        parser.add_argument("--plan", type=int, required=True, help="The id of the plan.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and save nothing."
        )
        parser.add_argument(
            "--user",
            help="Username recorded as the author of the changes and progress updates.",
        )
        parser.add_argument(
            "--rejected-rows",
            metavar="FILE",
            help="Import the rows without problems and write the others, with the reason for "
            "each, to this .xlsx file.",
        )

    def handle(self, *args, file, plan, dry_run=False, user=None, rejected_rows=None, **options):
        found = ImprovementPlan.objects.filter(pk=plan).first()
        if found is None:
            raise CommandError(f"There is no plan with id {plan}.")
        by = None
        if user:
            by = get_user_model().objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"There is no user called “{user}”.")
        try:
            preview = read_plan_workbook(file, plan=found)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None

        for row in preview.rows:
            self.stdout.write(str(row))
            for note in row.notes:
                self.stdout.write(f"    Note: {note}")
        for note in preview.notes:
            self.stdout.write(f"Note: {note}")
        for problem in preview.problems:
            self.stdout.write(self.style.ERROR(str(problem)))

        valid_rows_only = bool(rejected_rows) and preview.can_import_valid_rows
        if preview.problems and not valid_rows_only:
            count = len(preview.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} found: nothing was saved. "
                "Correct the file and run the import again."
            )
        if valid_rows_only:
            accepted, rejected = preview.accepted_count, len(preview.rejected_rows)
            self.stdout.write(
                f"{found.title}: {accepted} row{'s' if accepted != 1 else ''} to import, "
                f"{rejected} not."
            )
        else:
            self.stdout.write(f"{found.title}: {preview.summary}.")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
            return
        if not valid_rows_only:
            self.save(preview, found, by)
            return
        # Opened first, so that a file that cannot be written stops the import before it saves.
        given_back = rejected_rows_workbook(preview)
        try:
            out = open(rejected_rows, "wb")
        except OSError as error:
            raise CommandError(f"Cannot write {rejected_rows}: {error.strerror}.") from None
        with out:
            try:
                self.save(preview, found, by, valid_rows_only=True)
            except CommandError:
                out.close()
                os.remove(rejected_rows)
                raise
            out.write(given_back)
        self.stdout.write(f"The rows not imported are in {rejected_rows}.")

    def save(self, preview, plan, by, valid_rows_only=False):
        try:
            result = apply_import(preview, plan=plan, by=by, valid_rows_only=valid_rows_only)
        except ImportRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(self.style.SUCCESS(f"Saved: {result}."))
