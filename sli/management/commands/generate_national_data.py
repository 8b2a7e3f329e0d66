import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sli.tooling.generator import (
    BATCH_SIZE,
    PASSWORD,
    NationalDataGenerator,
    Sizes,
    delete_generated,
    generated_summary,
)

# Above this many reviews SQLite is refused unless asked for: the full data set is meant for
# PostgreSQL, as deployed.
SQLITE_REVIEW_LIMIT = 60


class Command(BaseCommand):
    help = (
        "Generate a realistic national data set in bulk: the nine regions, COUNCILS councils "
        "(slugs starting 'gen-'), a review a year for YEARS years, numbered recommendations "
        "with sub-items, improvement plans with actions, milestones and progress updates, "
        "and users with memberships (all with one known password). Refuses to run twice "
        "unless given --reset, which first removes the generated data (and nothing else)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--councils", type=int, default=150)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument(
            "--reviews-per-council", type=int, default=None, help="Default: one a year."
        )
        parser.add_argument(
            "--recommendations", type=int, default=35, help="Per review, on average."
        )
        parser.add_argument(
            "--actions", type=int, default=4, help="Per recommendation, on average."
        )
        parser.add_argument("--updates", type=int, default=6, help="Per action, on average.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="The date the data set is 'now' (YYYY-MM-DD); default today.",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument("--reset", action="store_true", help="Delete the generated data first.")
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing (and succeed) when generated data of this size is already there.",
        )
        parser.add_argument(
            "--delete-only", action="store_true", help="Delete the generated data and stop."
        )
        parser.add_argument(
            "--allow-sqlite",
            action="store_true",
            help="Generate a large data set into SQLite anyway.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Generate even though DEBUG is off (the users share a published password).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "DEBUG is off, so this looks like a live site: the generated users share a "
                "published password. Use --allow-production to generate anyway."
            )
        sizes = Sizes(
            councils=options["councils"],
            years=options["years"],
            reviews_per_council=options["reviews_per_council"],
            recommendations=options["recommendations"],
            actions=options["actions"],
            updates=options["updates"],
        )
        if sizes.councils < 1 or sizes.years < 1 or sizes.reviews_per_council < 1:
            raise CommandError("--councils, --years and --reviews-per-council must be at least 1.")
        reviews = sizes.councils * sizes.reviews_per_council
        if (
            connection.vendor == "sqlite"
            and reviews > SQLITE_REVIEW_LIMIT
            and not options["allow_sqlite"]
            and not options["delete_only"]
        ):
            raise CommandError(
                f"This would write {reviews:,} reviews and their plans into SQLite. Set "
                "DATABASE_URL to a PostgreSQL database (as deployed), or use --allow-sqlite."
            )
        present = generated_summary()
        if options["delete_only"]:
            delete_generated(log=self.stdout.write)
            return
        if present["councils"]:
            if options["if_missing"] and (
                present["councils"] == sizes.councils and present["reviews"] == reviews
            ):
                self.stdout.write(
                    f"Generated data already present ({present['councils']} councils, "
                    f"{present['reviews']} reviews): nothing to do."
                )
                return
            if not (options["reset"] or options["if_missing"]):
                raise CommandError(
                    f"Generated data is already present ({present['councils']} councils, "
                    f"{present['reviews']} reviews). Run again with --reset to replace it."
                )
            started = time.perf_counter()
            delete_generated(log=self.stdout.write)
            self.stdout.write(f"Removed in {time.perf_counter() - started:.1f} s.")

        started = time.perf_counter()
        generator = NationalDataGenerator(
            sizes,
            seed=options["seed"],
            today=options["today"],
            batch_size=options["batch_size"],
            log=self.stdout.write,
        )
        rows = generator.run()
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Generated in {elapsed:.1f} s:"))
        width = max(len(name) for name in rows)
        for name, count in sorted(rows.items()):
            self.stdout.write(f"  {name.ljust(width)}  {count:>10,}")
        self.stdout.write(
            f"  {'total'.ljust(width)}  {sum(rows.values()):>10,}\n"
            f"Users 'gen-…' (e.g. gen-lead-north-west, gen-c001-editor) share the password "
            f"{PASSWORD!r}."
        )
