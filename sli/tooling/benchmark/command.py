"""``manage.py benchmark``: its options, and the phases its child processes run."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sli.tooling.benchmark.documents import phase_document
from sli.tooling.benchmark.pages import phase_prepare, phase_sql
from sli.tooling.benchmark.run import Bench

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sli_bench"
DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "benchmarks" / "RESULTS.md"


class Command(BaseCommand):
    help = (
        "Benchmark the application on the generated national data set (PostgreSQL database "
        "sli_bench, gunicorn on 127.0.0.1, wrk) and write benchmarks/RESULTS.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-url",
            default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
            help="The benchmark's own PostgreSQL database (created if missing). Default "
            "$BENCH_DATABASE_URL or " + DEFAULT_DATABASE_URL,
        )
        parser.add_argument(
            "--redis-url",
            default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
            help="The Redis database the benchmark's cache uses (emptied at the start). "
            "Default $BENCH_REDIS_URL or redis://127.0.0.1:6379/15",
        )
        parser.add_argument("--councils", type=int, default=150)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--regenerate", action="store_true", help="Generate the data set again."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=2 * (os.cpu_count() or 1) + 1,
            help="gunicorn workers (default: two per core plus one, as the README deploys).",
        )
        parser.add_argument(
            "--duration", type=int, default=10, help="Seconds of each single-page run."
        )
        parser.add_argument("--mix-duration", type=int, default=60, help="Seconds of each mix.")
        parser.add_argument(
            "--write-every",
            type=int,
            default=10,
            help="Seconds between the progress updates a council editor saves during each mix "
            "(default 10; 0: the mixes only read).",
        )
        parser.add_argument(
            "--max-requests", type=int, default=3000, help="Most requests in any one run."
        )
        parser.add_argument("--repeats", type=int, default=5, help="In-process requests per page.")
        parser.add_argument("--repeats-documents", type=int, default=2)
        parser.add_argument("--sessions", type=int, default=60)
        parser.add_argument(
            "--statement-timeout",
            type=int,
            default=30,
            help="Seconds: PostgreSQL cancels a benchmark statement after this long (set on "
            "the benchmark database after generation), and the page fails.",
        )
        parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
        parser.add_argument("--skip-load", action="store_true")
        parser.add_argument("--skip-documents", action="store_true")
        parser.add_argument("--phase", choices=["prepare", "sql", "document"], help="(internal)")
        parser.add_argument("--job", choices=["letter", "report", "export", "import"])
        parser.add_argument("--info", help="(internal)")

    def handle(self, *args, **options):
        if options["write_every"] < 0:
            raise CommandError("--write-every is a number of seconds: 0 or more")
        phase = options["phase"]
        if phase == "prepare":
            return phase_prepare(options)
        if phase == "sql":
            return phase_sql(options)
        if phase == "document":
            return phase_document(options)
        Bench(options, self.stdout).run()
