"""The orchestrator: the benchmark database made ready, the data set generated once, then the
runs, each step of which (``--phase``) is this command again in a child process whose
environment points at the benchmark database; the results written at the end."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import redis
from django.conf import settings
from django.core.management.base import CommandError

from sli.tooling.benchmark.database import BenchDatabase
from sli.tooling.benchmark.load import LoadRuns, summarise
from sli.tooling.benchmark.measure import received
from sli.tooling.benchmark.pages import PAGE_ORDER
from sli.tooling.benchmark.report import GOALS, write_report
from sli.tooling.benchmark.server import Gunicorn, check_pages, production_like_environment
from sli.tooling.benchmark.writes import check_writer

BASE_DIR = Path(settings.BASE_DIR)


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


class Bench:
    # The figures of a load run from its latencies (kept here, where the tests look for it).
    summarise = staticmethod(summarise)

    def __init__(self, options, out):
        self.options = options
        self.out = out
        self.started = time.perf_counter()
        self.results = {"goals": GOALS, "started": datetime.now().isoformat(timespec="seconds")}
        self.server = None

    def say(self, message):
        self.out.write(f"[{time.perf_counter() - self.started:7.1f} s] {message}")
        self.out.flush()

    # Set-up ------------------------------------------------------------------------------

    def environment(self):
        # Cached pages in Redis, as the README deploys: emptied first, so that each page is
        # built once in this run.
        redis.Redis.from_url(self.options["redis_url"]).flushdb()
        return production_like_environment(
            database_url=self.options["database_url"],
            REDIS_URL=self.options["redis_url"],
            CACHE_KEY_PREFIX="sli-bench",
        )

    def manage(self, *args, timeout=1800, env=None):
        command = [sys.executable, str(BASE_DIR / "manage.py"), *args]
        result = subprocess.run(
            command,
            cwd=BASE_DIR,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise CommandError(
                f"{' '.join(args[:3])} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result.stdout

    def ensure_tools(self):
        if shutil.which("wrk") is None:
            if os.geteuid() == 0 and shutil.which("apt-get"):
                self.say("wrk is missing: installing Debian's wrk")
                subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False)
            if shutil.which("wrk") is None:
                raise CommandError("wrk is needed: sudo apt-get install -y wrk")
        if not (BASE_DIR / "static" / "build" / "main.css").exists():
            raise CommandError("The stylesheet is not built: run `make install` first.")

    def generate(self):
        options = self.options
        args = [
            "generate_national_data",
            "--councils",
            str(options["councils"]),
            "--years",
            str(options["years"]),
            "--seed",
            str(options["seed"]),
            "--allow-production",
        ]
        args.append("--reset" if options["regenerate"] else "--if-missing")
        self.say("generating the national data set (if missing)")
        started = time.perf_counter()
        output = self.manage(*args, timeout=3600)
        elapsed = time.perf_counter() - started
        if "nothing to do" in output:
            note = self.database.note()
            note["this_run"] = False
            self.say("data already present")
        else:
            note = self._generation_note(output, elapsed)
            self.database.note(note)
            note["this_run"] = True
            self.say(f"generated in {note['generation_s']} s")
        self.results["generation"] = note

    def _generation_note(self, output, elapsed):
        options = self.options
        generated = re.search(r"Generated in ([\d.]+) s", output)
        removed = re.search(r"Removed in ([\d.]+) s", output)
        return {
            "generation_s": float(generated[1]) if generated else round(elapsed, 1),
            "removal_s": float(removed[1]) if removed else None,
            "command_s": round(elapsed, 1),
            "councils": options["councils"],
            "years": options["years"],
            "seed": options["seed"],
            "when": datetime.now().isoformat(timespec="seconds"),
            "load_average": load_average(),
            "output": output[-4000:],
        }

    def write_info(self):
        # A private file (mkstemp), not a guessable name in /tmp that another user could plant.
        handle, self.info_path = tempfile.mkstemp(prefix="sli-bench-info-", suffix=".json")
        with os.fdopen(handle, "w") as file:
            file.write(json.dumps(self.info))

    # gunicorn and the load runs ----------------------------------------------------------

    def start_gunicorn(self):
        self.server.start()
        self.say(f"gunicorn on {self.server.base_url} with {self.options['workers']} workers")

    def load_tests(self):
        sql = self.results["sql"]
        load = LoadRuns(
            options=self.options,
            info=self.info,
            server=self.server,
            database=self.database,
            say=self.say,
        )
        self.say("warming up the workers")
        load.warm_up(sql)
        self.results["single"] = load.single_pages(sql)
        self.results["mix"] = load.mixes(sql, restart=self.start_gunicorn)

    # Documents -----------------------------------------------------------------------------

    def documents(self):
        self.results["documents"] = {}
        for job in ("letter", "report", "export", "import"):
            self.say(f"document: {job}")
            try:
                output = self.manage(
                    "benchmark",
                    "--phase",
                    "document",
                    "--job",
                    job,
                    "--info",
                    self.info_path,
                    "--repeats-documents",
                    str(self.options["repeats_documents"]),
                    timeout=900,
                )
                self.results["documents"][job] = received(output)
            except CommandError as error:
                self.results["documents"][job] = {"job": job, "error": str(error)[-1500:]}
            self.say(f"  {self.results['documents'][job]}")

    # The run -------------------------------------------------------------------------------

    def run(self):
        options = self.options
        self.results["load_average_start"] = load_average()
        self.ensure_tools()
        self.database = BenchDatabase(options["database_url"], self.say)
        self.database.ensure()
        self.env = self.environment()
        self.prepare()
        self.time_pages()
        if not options["skip_load"]:
            self.server = Gunicorn(
                workers=options["workers"], timeout=options["statement_timeout"] + 15, env=self.env
            )
            try:
                self.start_gunicorn()
                check_pages(self.server.base_url, self.info, self.results["sql"], self.say)
                if options["write_every"]:
                    check_writer(self.server.port, self.info)
                self.load_tests()
            finally:
                self.server.stop()
        if not options["skip_documents"]:
            self.documents()
        self.results["load_average_end"] = load_average()
        self.results["elapsed_s"] = round(time.perf_counter() - self.started, 1)
        Path(self.info_path).unlink(missing_ok=True)
        raw = BASE_DIR / "benchmarks" / "results.json"
        info = {
            key: value
            for key, value in self.info.items()
            if key not in ("sessions", "writer_session")
        }
        raw.write_text(json.dumps({"info": info, **self.results}, indent=1, default=str))
        write_report(options["output"], self.info, self.results, options)
        self.say(f"wrote {options['output']}")

    def prepare(self):
        """The database migrated, the data set generated, the static files collected, and
        the pages chosen (``--phase prepare``)."""
        options = self.options
        self.say(f"benchmark database {self.database.name}: migrating")
        self.database.statement_timeout(None)
        self.manage("migrate", "--no-input")
        self.generate()
        self.database.statement_timeout(options["statement_timeout"])
        self.say("collecting static files")
        self.manage("collectstatic", "--no-input")
        self.info = received(
            self.manage("benchmark", "--phase", "prepare", "--sessions", str(options["sessions"]))
        )
        self.write_info()
        self.say(
            f"pages for {self.info['lead']} ({self.info['region']}, "
            f"{self.info['visible_actions']:,} actions visible); progress updates by "
            f"{self.info['writer']['user']} ({self.info['writer']['council']})"
        )

    def time_pages(self):
        """Each page and its SQL in process (``--phase sql``)."""
        self.say("timing each page and its SQL in process")
        self.results["sql"] = received(
            self.manage(
                "benchmark",
                "--phase",
                "sql",
                "--info",
                self.info_path,
                "--repeats",
                str(self.options["repeats"]),
            )
        )
        for key, label in PAGE_ORDER:
            page = self.results["sql"][key]
            self.say(
                f"{label}: {page['wall_ms']} ms in process, SQL {page['sql_ms']} ms "
                f"in {page['queries']} queries"
            )
