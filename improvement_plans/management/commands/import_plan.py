from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from improvement_plans.imports import ImportRefused, apply_import, read_plan_workbook
from improvement_plans.models import ImprovementPlan


class Command(BaseCommand):
    help = (
        "Import an improvement plan from an Excel workbook (.xlsx) into an existing plan: the "
        "layout the plan export writes, or a sheet with one action per row. Prints what each "
        "row would do and every problem; saves only if there are no problems, and never with "
        "--dry-run."
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

    def handle(self, *args, file, plan, dry_run=False, user=None, **options):
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

        if preview.problems:
            count = len(preview.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} found: nothing was saved. "
                "Correct the file and run the import again."
            )
        self.stdout.write(f"{found.title}: {preview.summary}.")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
            return
        try:
            result = apply_import(preview, plan=found, by=by)
        except ImportRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(self.style.SUCCESS(f"Saved: {result}."))
