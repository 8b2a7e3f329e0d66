"""python manage.py benchmark: the application on the national data set, measured.

On a separate PostgreSQL database (``sli_bench`` by default, created if missing) it migrates,
generates the national data set (once; ``--regenerate`` to do it again), collects the static
files and starts gunicorn on 127.0.0.1 with production settings. Then, every run bounded in
time and in requests, on loopback only:

* each main page in process with the Django test client, timing every SQL statement
  (``connection.execute_wrapper``): the page's own time beside the time of its SQL alone and
  its query count;
* each page through gunicorn with wrk (Debian's ``wrk``), 1 user and 10 users, no think time;
* a realistic mix (25 users, 2–8 s think time) and an excess mix (50 users);
* the feedback letter PDF, the scrutiny report PDF, a 10,000-row .xlsx export and a 1,000-row
  .xlsx import, each in a fresh process: time and peak memory.

It writes ``benchmarks/RESULTS.md``. A section between ``<!-- analysis -->`` and
``<!-- /analysis -->`` in an existing RESULTS.md is kept (the people's reading of the figures).

Internally the command runs itself again with ``--phase`` in child processes whose
environment points at the benchmark database.
"""

import json
import math
import os
import platform
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime
from io import BytesIO
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

MARK = "BENCH-JSON "
BASE_DIR = Path(settings.BASE_DIR)
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sli_bench"
LUA_SCRIPT = BASE_DIR / "benchmarks" / "pages.lua"
DEFAULT_OUTPUT = BASE_DIR / "benchmarks" / "RESULTS.md"
ANALYSIS = re.compile(r"<!-- analysis -->.*?<!-- /analysis -->", re.S)

GOALS = {
    "mix_p95_ms": 250,
    "excess_p95_ms": 500,
    "page_floor_ms": 50,
    "page_sql_factor": 2,
    "last_page_factor": 2,
    "letter_s": 2.5,
    "export_s": 2.5,
    "export_mb": 100,
    "import_s": 1.5,
}


# ---------------------------------------------------------------------------------------
# Measuring a page in process: its own time, and the time of its SQL alone
# ---------------------------------------------------------------------------------------


class QueryTimer:
    """An execute wrapper that counts and times every SQL statement run inside it."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.count += 1
            self.seconds += elapsed
            self.queries.append((elapsed, sql, params))

    def slowest(self, number=3):
        return [
            {"ms": round(seconds * 1000, 1), "sql": " ".join(sql.split())[:400]}
            for seconds, sql, _ in sorted(self.queries, key=lambda q: q[0], reverse=True)[:number]
        ]


def time_request(client, path):
    """One GET through the whole Django stack, with every SQL statement timed."""
    timer = QueryTimer()
    with connection.execute_wrapper(timer):
        started = time.perf_counter()
        response = client.get(path)
        wall = time.perf_counter() - started
    return response, wall, timer


def time_page(client, path, *, repeats=5, warmups=1, explain_over_ms=None, slow_s=2.0):
    """The page's median time in process, the median time of its SQL, and its query count.

    A page that takes longer than ``slow_s`` the first time is measured that once."""
    first = time_request(client, path)
    runs = [first] if first[1] > slow_s else []
    if not runs:
        for _ in range(max(0, warmups - 1)):
            client.get(path)
        runs = [time_request(client, path) for _ in range(repeats)]
    runs.sort(key=lambda run: run[1])
    response, _, timer = runs[len(runs) // 2]
    explain = ""
    if explain_over_ms is not None and timer.queries:
        seconds, sql, params = max(timer.queries, key=lambda q: q[0])
        if seconds * 1000 >= explain_over_ms and sql.lstrip().upper().startswith("SELECT"):
            # EXPLAIN ANALYZE runs the statement again: only for those that finish soon.
            prefix = "EXPLAIN (ANALYZE, BUFFERS) " if seconds < 5 else "EXPLAIN "
            try:
                with connection.cursor() as cursor:
                    cursor.execute(prefix + sql, params)
                    explain = "\n".join(row[0] for row in cursor.fetchall())
            except Exception as error:  # a statement timeout, say: the plan is optional
                explain = f"(no plan: {error})"
    return {
        "path": path,
        "status": response.status_code,
        "bytes": len(response.content),
        "runs": len(runs),
        "wall_ms": round(statistics.median(run[1] for run in runs) * 1000, 1),
        "sql_ms": round(statistics.median(run[2].seconds for run in runs) * 1000, 1),
        "queries": timer.count,
        "slowest": timer.slowest(),
        "explain": explain,
    }


def percentile(values, share):
    """The value below which ``share`` of ``values`` lie (linear between closest ranks)."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * share
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def emit(data):
    sys.stdout.write(MARK + json.dumps(data, default=str) + "\n")
    sys.stdout.flush()


def received(output):
    for line in reversed(output.splitlines()):
        if line.startswith(MARK):
            return json.loads(line[len(MARK) :])
    raise CommandError(f"No result in the output of a benchmark step:\n{output[-3000:]}")


def memory_kb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak_memory():
    """Start VmHWM again from the current resident size (Linux: clear_refs 5)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


# ---------------------------------------------------------------------------------------
# Phases run in child processes, on the benchmark database
# ---------------------------------------------------------------------------------------

PAGE_ORDER = [
    ("home", "Home"),
    ("council", "Council dashboard"),
    ("region", "Regional dashboard"),
    ("actions_first", "Action list, unfiltered, first page"),
    ("actions_last", "Action list, unfiltered, last page"),
    ("overdue_first", "Action list, filtered (overdue), first page"),
    ("overdue_last", "Action list, filtered (overdue), last page"),
    ("review", "Review"),
    ("plan", "Improvement plan"),
    ("action", "Action"),
]
# How often each kind of page is asked for in the mixes (a working day of leads, officers
# and councillors: dashboards and plans more than the long lists).
MIX_WEIGHTS = {
    "home": 12,
    "council": 14,
    "region": 8,
    "actions_first": 8,
    "actions_last": 2,
    "overdue_first": 8,
    "overdue_last": 2,
    "review": 12,
    "plan": 12,
    "action": 22,
}


def phase_prepare(options):
    """Choose the pages and their objects, sign the benchmark user in (sessions made in the
    database), and count the rows of every table."""
    from django.apps import apps
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count

    from councils.models import Council, Region
    from improvement_plans.models import Action, ImprovementPlan
    from reviews.models import Review
    from sli.lib.tables import PER_PAGE
    from sli.tooling.generator import PREFIX

    region = (
        Region.objects.filter(councils__slug__startswith=PREFIX)
        .annotate(n=Count("councils"))
        .order_by("-n", "name")
        .first()
    )
    if region is None:
        raise CommandError("No generated data in the benchmark database.")
    lead = get_user_model().objects.get(username=f"{PREFIX}lead-{region.slug}")
    councils = list(
        Council.objects.filter(region=region, slug__startswith=PREFIX)
        .annotate(n=Count("improvement_plans__actions"))
        .order_by("-n", "name")[:5]
    )
    council = councils[0]
    reviews = list(
        Review.objects.filter(host_council__in=councils, improvement_plans__isnull=False)
        .filter(status=Review.Status.PROGRESS_REVIEW)
        .order_by("-visit_start")[:5]
    ) or list(
        Review.objects.filter(host_council__in=councils, improvement_plans__isnull=False).order_by(
            "-visit_start"
        )[:5]
    )
    review = reviews[0]
    plans = list(ImprovementPlan.objects.filter(reviews__in=reviews).order_by("-version_date"))
    plan = plans[0]
    actions = list(
        Action.objects.filter(plan__in=plans)
        .annotate(n=Count("updates"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)[:20]
    )
    visible = Action.objects.visible_to(lead)
    all_count = visible.count()
    overdue_count = visible.overdue().count()

    def last(count):
        return max(1, math.ceil(count / PER_PAGE))

    pages = {
        "home": ["/"],
        "council": [f"/councils/{c.slug}/" for c in councils],
        "region": [f"/regions/{region.slug}/"],
        "actions_first": ["/actions/"],
        "actions_last": [f"/actions/?page={last(all_count)}"],
        "overdue_first": ["/actions/?overdue=yes"],
        "overdue_last": [f"/actions/?overdue=yes&page={last(overdue_count)}"],
        "review": [f"/reviews/{r.pk}/" for r in reviews],
        "plan": [f"/plans/{p.pk}/" for p in plans[:5]],
        "action": [f"/actions/{pk}/" for pk in actions],
    }

    from improvement_plans.models import Milestone, ProgressUpdate
    from recommendations.models import Recommendation

    review_recommendations = Recommendation.objects.filter(review=review)
    top = review_recommendations.filter(parent__isnull=True).count()
    council_actions = Action.objects.filter(plan__council=council).count()
    notes = {
        "home": f"{all_count:,} actions in the summary",
        "council": f"{council_actions:,} actions in "
        f"{ImprovementPlan.objects.filter(council=council).count()} plans",
        "region": f"{region.councils.count()} councils",
        "actions_first": f"{all_count:,} actions",
        "actions_last": f"page {last(all_count)}",
        "overdue_first": f"{overdue_count:,} actions",
        "overdue_last": f"page {last(overdue_count)}",
        "review": f"{top} recommendations, {review_recommendations.count() - top} sub-items",
        "plan": f"{plan.actions.count()} actions",
        "action": f"{ProgressUpdate.objects.filter(action_id=actions[0]).count()} updates, "
        f"{Milestone.objects.filter(action_id=actions[0]).count()} milestones",
    }

    SessionStore.clear_expired()
    sessions = []
    for _ in range(options["sessions"]):
        session = SessionStore()
        session[SESSION_KEY] = str(lead.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = lead.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)

    rows = {}
    for app in ("auth", "councils", "reviews", "recommendations", "improvement_plans"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if model._meta.db_table.startswith(("auth_group", "auth_permission")):
                continue
            rows[model._meta.db_table] = model.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        database_bytes = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]

    generated = Council.objects.filter(slug__startswith=PREFIX)
    emit(
        {
            "region": region.name,
            "region_councils": region.councils.count(),
            "lead": lead.username,
            "lead_id": lead.pk,
            "editor": f"{PREFIX}c{council.slug.removeprefix(PREFIX + 'council-')}-editor",
            "council": council.name,
            "council_id": council.pk,
            "review_id": review.pk,
            "plan_id": plan.pk,
            "visible_actions": all_count,
            "visible_overdue": overdue_count,
            "pages": pages,
            "notes": notes,
            "sessions": sessions,
            "rows": rows,
            "database_bytes": database_bytes,
            "postgres": server_version,
            "shared_buffers": shared_buffers,
            "generated_councils": generated.count(),
            "generated_reviews": Review.objects.filter(host_council__in=generated).count(),
            "regions": Region.objects.count(),
        }
    )


def phase_sql(options):
    """Every page in process: its time, the time of its SQL alone and its query count."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    info = json.loads(Path(options["info"]).read_text())
    lead = get_user_model().objects.get(pk=info["lead_id"])
    client = Client(raise_request_exception=False)
    client.force_login(lead, backend="django.contrib.auth.backends.ModelBackend")
    results = {}
    for key, _ in PAGE_ORDER:
        path = info["pages"][key][0]
        results[key] = time_page(client, path, repeats=options["repeats"], explain_over_ms=20)
    emit(results)


def _letter_job(info):
    from django.db.models import Count, Q

    from recommendations.models import Recommendation
    from reviews.models import Review
    from reviews.pdf import render_letter_pdf

    reviews = (
        Review.objects.issued()
        .filter(host_council__slug__startswith="gen-")
        .annotate(top=Count("recommendations", filter=Q(recommendations__parent__isnull=True)))
    )
    review = reviews.filter(top=40).order_by("-visit_start").first()
    if review is None:
        review = min(reviews, key=lambda r: abs(r.top - 40))
    pk = review.pk
    total = Recommendation.objects.filter(review=review).count()

    def work():
        return render_letter_pdf(Review.objects.get(pk=pk))

    return work, {
        "what": f"feedback letter of review {pk}: {review.top} recommendations "
        f"({total - review.top} sub-items besides), {review.findings.count()} findings",
    }


def _report_job(info):
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from improvement_plans.models import ImprovementPlan
    from improvement_plans.report import render_report_pdf

    lead = get_user_model().objects.get(pk=info["lead_id"])
    plans = (
        ImprovementPlan.objects.visible_to(lead)
        .filter(council__slug__startswith="gen-", status=ImprovementPlan.Status.CLOSED)
        .annotate(n=Count("actions"))
        .order_by("n", "pk")
    )
    candidates = list(plans) or list(
        ImprovementPlan.objects.filter(pk=info["plan_id"]).annotate(n=Count("actions"))
    )
    # Find a plan whose report runs to about 20 pages: pages grow with the actions (closed
    # plans have no recent changes, which would add pages of their own).
    plan = candidates[len(candidates) // 2]
    tried = {}
    for _ in range(2):
        started = time.perf_counter()
        pages = pdf_pages(render_report_pdf(plan, user=lead)) or 20
        if time.perf_counter() - started > 10:
            break  # too slow to search further: measure this one
        tried[plan.pk] = pages
        if 17 <= pages <= 23:
            break
        wanted = plan.n * 20 / pages
        untried = [p for p in candidates if p.pk not in tried]
        if not untried:
            break
        plan = min(untried, key=lambda p: abs(p.n - wanted))
    else:
        plan = min((p for p in candidates if p.pk in tried), key=lambda p: abs(tried[p.pk] - 20))
    pk = plan.pk

    def work():
        return render_report_pdf(ImprovementPlan.objects.get(pk=pk), user=lead)

    return work, {
        "what": f"scrutiny report of plan {pk} ({plan.n} actions; changes over the last six "
        "months)",
        "tried": tried,
    }


def _export_job(info):
    from django.contrib.auth import get_user_model

    from improvement_plans.exports import actions_to_workbook, workbook_bytes
    from improvement_plans.models import Action

    lead = get_user_model().objects.get(pk=info["lead_id"])
    first = Action.objects.visible_to(lead).order_by("pk").values("pk")[:10000]

    def work():
        actions = Action.objects.visible_to(lead).filter(pk__in=first)
        return workbook_bytes(actions_to_workbook(actions, "Actions"))

    return work, {"what": f"{Action.objects.filter(pk__in=first).count():,} actions, list layout"}


class _RolledBack(Exception):
    pass


def _import_job(info):
    from datetime import date, timedelta

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone
    from openpyxl import Workbook

    from improvement_plans.exports import COLUMNS, format_when
    from improvement_plans.imports import apply_import, read_plan_workbook
    from improvement_plans.models import ImprovementPlan
    from recommendations.models import Recommendation
    from reviews.models import Review
    from sli.tooling.generator import OWNER_ROLES, TextMaker

    editor = get_user_model().objects.get(username=info["editor"])
    review = Review.objects.get(pk=info["review_id"])
    labels = [
        r.label
        for r in Recommendation.objects.filter(review=review).select_related("parent")
        if not r.children.exists()
    ]
    text = TextMaker(random.Random(7))
    rng = random.Random(11)
    headers = {key: header for key, header, _ in COLUMNS}
    keys = [
        "area",
        "recommendations",
        "number",
        "title",
        "how",
        "expected_evidence",
        "owner",
        "start_date",
        "due_date",
        "milestones",
        "status",
        "rag",
        "percent_complete",
        "latest_update",
    ]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Plan"
    sheet.append([headers[key] for key in keys])
    today = timezone.localdate()
    statuses = ["Not started", "On track", "At risk", "Off track", "Completed"]
    for number in range(1, 1001):
        label = labels[number % len(labels)]
        area = int(re.match(r"\d+", label)[0])
        start = today - timedelta(days=rng.randint(0, 300))
        due = start + timedelta(days=rng.randint(60, 400))
        steps = [start + (due - start) * k // 3 for k in (1, 2)]
        sheet.append(
            [
                f"{area} – Area {area}",
                label,
                number,
                text.title(),
                text.words(text.hows, 30, 80),
                text.words(text.evidence, 15, 40),
                rng.choice(OWNER_ROLES),
                start,
                due,
                "\n".join(f"{format_when(d)} – {text.pick(text.milestones)}" for d in steps),
                rng.choice(statuses),
                rng.choice(["Red", "Amber", "Green"]),
                rng.randint(0, 100),
                text.narrative(),
            ]
        )
    buffer = BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    timings = {}

    def work():
        try:
            with transaction.atomic():
                plan = ImprovementPlan.objects.create(
                    council=review.host_council,
                    title="Benchmark import (rolled back)",
                    version_date=date.today(),
                )
                plan.reviews.add(review)
                started = time.perf_counter()
                preview = read_plan_workbook(data, plan=plan)
                read = time.perf_counter() - started
                if preview.problems:
                    raise CommandError(
                        "The import found problems: "
                        + "; ".join(str(p) for p in preview.problems[:3])
                    )
                result = apply_import(preview, plan=plan, by=editor)
                timings["read_s"] = round(read, 3)
                timings["save_s"] = round(time.perf_counter() - started - read, 3)
                timings["created"] = result.created
                raise _RolledBack
        except _RolledBack:
            pass
        return data

    return work, {"what": "1,000 rows (new actions, 2 milestones each) into an empty plan"}, timings


def pdf_pages(data):
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(BytesIO(data)).pages)


def phase_document(options):
    """One document job in a fresh process: first time, warm time, peak memory."""
    import gc
    import tracemalloc

    info = json.loads(Path(options["info"]).read_text())
    job = options["job"]
    # A document is measured to the end, even where its SQL outlasts the pages' timeout.
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '120s'")
    made = {"letter": _letter_job, "report": _report_job, "export": _export_job}.get(job)
    extra = {}
    if job == "import":
        work, description, extra = _import_job(info)
    else:
        work, description = made(info)
    gc.collect()
    baseline_kb = memory_kb("VmRSS")
    reset_peak_memory()
    started = time.perf_counter()
    output = work()
    first = time.perf_counter() - started
    first_extra = dict(extra)
    warm = []
    slow = first > 20  # measured once more, and not traced (tracing multiplies the time)
    for _ in range(1 if slow else options["repeats_documents"]):
        started = time.perf_counter()
        work()
        warm.append(time.perf_counter() - started)
    peak_rss_kb = memory_kb("VmHWM")
    gc.collect()
    started = time.perf_counter()
    python_peak = None
    if not slow:
        tracemalloc.start()
        work()
        _, python_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    traced_s = time.perf_counter() - started
    result = {
        "job": job,
        **description,
        "bytes": len(output),
        "first_s": round(first, 3),
        "warm_s": round(statistics.median(warm), 3) if warm else None,
        "python_peak_mb": round(python_peak / 1e6, 1) if python_peak is not None else None,
        "rss_growth_mb": round(max(0, peak_rss_kb - baseline_kb) / 1024, 1),
        "baseline_rss_mb": round(baseline_kb / 1024, 1),
        "traced_s": round(traced_s, 1),
    }
    if job in ("letter", "report"):
        result["pages"] = pdf_pages(output)
    if job == "import":
        result.update({f"first_{k}": v for k, v in first_extra.items()})
        result.update(extra)
    emit(result)


# ---------------------------------------------------------------------------------------
# The orchestrator
# ---------------------------------------------------------------------------------------


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def command_version(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "not found"
    return (result.stdout or result.stderr).strip().splitlines()[0] if result else ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Bench:
    def __init__(self, options, out):
        self.options = options
        self.out = out
        self.started = time.perf_counter()
        self.results = {"goals": GOALS, "started": datetime.now().isoformat(timespec="seconds")}
        self.gunicorn = None

    def say(self, message):
        self.out.write(f"[{time.perf_counter() - self.started:7.1f} s] {message}")
        self.out.flush()

    # Set-up ------------------------------------------------------------------------------

    def environment(self):
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": self.options["database_url"],
                "DEBUG": "false",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
                "SECURE_SSL_REDIRECT": "false",
                "SESSION_COOKIE_SECURE": "false",
                "CSRF_COOKIE_SECURE": "false",
                "SECURE_HSTS_SECONDS": "0",
                "LOG_LEVEL": "WARNING",
                "SESSION_IDLE_MINUTES": "240",
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        return env

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

    def ensure_database(self):
        config = dj_database_url.parse(self.options["database_url"])
        if "postgresql" not in config["ENGINE"]:
            raise CommandError("The benchmark runs on PostgreSQL: give a postgres:// URL.")
        name = config["NAME"]
        self.database_config = config
        admin = self.connect(dbname="postgres")
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                self.say(f"creating database {name}")
                cursor.execute(f'CREATE DATABASE "{name}"')
        admin.close()

    def connect(self, dbname=None):
        """An autocommit connection to the benchmark database (or ``dbname`` on its server)."""
        import psycopg2

        config = self.database_config
        conn = psycopg2.connect(
            dbname=dbname or config["NAME"],
            user=config.get("USER") or None,
            password=config.get("PASSWORD") or None,
            host=config.get("HOST") or None,
            port=config.get("PORT") or None,
        )
        conn.autocommit = True
        return conn

    def statement_timeout(self, seconds):
        """Bound every statement on the benchmark database (new connections), or not."""
        conn = self.connect()
        name = self.database_config["NAME"]
        with conn.cursor() as cursor:
            if seconds:
                cursor.execute(
                    f"ALTER DATABASE \"{name}\" SET statement_timeout = '{int(seconds)}s'"
                )
            else:
                cursor.execute(f'ALTER DATABASE "{name}" RESET statement_timeout')
        conn.close()

    def database_note(self, value=None):
        """The generation time is kept as the benchmark database's comment."""
        config = self.database_config
        conn = self.connect()
        with conn.cursor() as cursor:
            if value is not None:
                comment = json.dumps(value).replace("'", "''")
                cursor.execute(f"COMMENT ON DATABASE \"{config['NAME']}\" IS '{comment}'")
            cursor.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                "WHERE datname = current_database()"
            )
            text = cursor.fetchone()[0]
        conn.close()
        try:
            return json.loads(text) if text else {}
        except ValueError:
            return {}

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
            note = self.database_note()
            note["this_run"] = False
            self.say("data already present")
        else:
            generated = re.search(r"Generated in ([\d.]+) s", output)
            removed = re.search(r"Removed in ([\d.]+) s", output)
            note = {
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
            self.database_note(note)
            note["this_run"] = True
            self.say(f"generated in {note['generation_s']} s")
        self.results["generation"] = note

    def write_info(self):
        # A private file (mkstemp), not a guessable name in /tmp that another user could plant.
        handle, self.info_path = tempfile.mkstemp(prefix="sli-bench-info-", suffix=".json")
        with os.fdopen(handle, "w") as file:
            file.write(json.dumps(self.info))

    # gunicorn ----------------------------------------------------------------------------

    def start_gunicorn(self):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn if gunicorn.exists() else "gunicorn"),
            "sli.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.options["workers"]),
            "--no-control-socket",
            "--log-level",
            "warning",
            "--timeout",
            str(self.options["statement_timeout"] + 15),
        ]
        self.gunicorn_log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "w", prefix="sli-bench-gunicorn-", suffix=".log", delete=False
        )
        self.gunicorn = subprocess.Popen(
            command, cwd=BASE_DIR, env=self.env, stdout=self.gunicorn_log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.gunicorn.poll() is not None:
                raise CommandError("gunicorn stopped; see " + self.gunicorn_log.name)
            try:
                # Always http://127.0.0.1:<port>/, never a URL from outside.
                urllib.request.urlopen(self.base_url + "/accessibility/", timeout=5).read()  # nosec B310
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        else:
            raise CommandError("gunicorn did not answer within 60 s")
        self.say(f"gunicorn on {self.base_url} with {self.options['workers']} workers")

    def stop_gunicorn(self):
        if self.gunicorn and self.gunicorn.poll() is None:
            self.gunicorn.terminate()
            try:
                self.gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.gunicorn.kill()
                self.gunicorn.wait()
        self.gunicorn = None

    def check_pages(self):
        """Each page answers 200 to the benchmark user, with no redirect to sign in."""
        opener = urllib.request.build_opener(NoRedirect)
        cookie = f"{settings.SESSION_COOKIE_NAME}={self.info['sessions'][0]}"
        for key, paths in self.info["pages"].items():
            # The first object of each kind, unless it is already known to take seconds.
            if self.results["sql"][key]["wall_ms"] > 5000:
                continue
            for path in paths[:1]:
                request = urllib.request.Request(self.base_url + path, headers={"Cookie": cookie})
                try:
                    status = opener.open(request, timeout=60).status
                except urllib.error.HTTPError as error:
                    status = error.code
                if status == 500:
                    self.say(f"{path} ({key}) answered 500 (a statement timeout?)")
                elif status != 200:
                    raise CommandError(f"{path} ({key}) answered {status}, not 200")

    # wrk ---------------------------------------------------------------------------------

    def wrk(self, weighted_paths, users, duration, *, think=(0, 0), max_requests=None):
        max_requests = max_requests or self.options["max_requests"]
        per_thread = max(1, math.ceil(max_requests / users))
        env = dict(os.environ)
        env.update(
            {
                "BENCH_PATHS": "|".join(f"{weight} {path}" for weight, path in weighted_paths),
                "BENCH_COOKIES": ",".join(self.info["sessions"]),
                "BENCH_THINK_MS": f"{think[0]},{think[1]}",
                "BENCH_MAX_REQUESTS": str(per_thread),
                "BENCH_COOKIE_NAME": settings.SESSION_COOKIE_NAME,
            }
        )
        command = [
            "wrk",
            "-t",
            str(users),
            "-c",
            str(users),
            "-d",
            f"{duration}s",
            "--timeout",
            f"{self.options['statement_timeout'] + 10}s",
            "-s",
            str(LUA_SCRIPT),
            self.base_url,
        ]
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=duration + 180
        )
        if result.returncode != 0:
            raise CommandError(f"wrk failed: {result.stderr[-2000:]}")
        latencies, statuses = {}, {}
        socket_errors, seconds = 0, duration
        for line in result.stdout.splitlines():
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "REQ":
                index, status, micros = int(parts[1]) - 1, int(parts[2]), int(parts[3])
                latencies.setdefault(index, []).append(micros / 1000)
                statuses.setdefault(index, []).append(status)
            elif parts[0] == "ERRORS":
                # connect, read, write, timeout (wrk's "status" errors are counted below).
                socket_errors = sum(int(p) for i, p in enumerate(parts[1:]) if i != 3)
            elif parts[0] == "DURATION":
                seconds = int(parts[1]) / 1e6
        return self.summarise(latencies, statuses, socket_errors, seconds, weighted_paths)

    @staticmethod
    def summarise(latencies, statuses, socket_errors, seconds, weighted_paths):
        every = [ms for values in latencies.values() for ms in values]
        bad = sum(1 for values in statuses.values() for status in values if status != 200)

        def figures(values):
            return {
                "requests": len(values),
                "p50_ms": round(percentile(values, 0.5), 1) if values else None,
                "p95_ms": round(percentile(values, 0.95), 1) if values else None,
                "max_ms": round(max(values), 1) if values else None,
            }

        per_path = {}
        for index, values in latencies.items():
            per_path[weighted_paths[index][1]] = figures(values)
        return {
            **figures(every),
            "errors": bad + socket_errors,
            "non_200": bad,
            "socket_errors": socket_errors,
            "seconds": round(seconds, 1),
            "rps": round(len(every) / seconds, 1) if seconds else None,
            "per_path": per_path,
        }

    def users(self, weighted_paths, users, duration, *, think=(2000, 8000), max_requests=None):
        """Users with think time: one thread each, arriving over the first think time, each
        request on a new connection (as a proxy such as nginx makes them towards gunicorn).
        wrk would hold its connections open while a user thinks, and an idle open connection
        holds a gunicorn sync worker: that measures the missing proxy, not the application."""
        import http.client
        import threading

        max_requests = max_requests or self.options["max_requests"]
        paths = [path for _, path in weighted_paths]
        weights = [weight for weight, _ in weighted_paths]
        cookie = settings.SESSION_COOKIE_NAME
        timeout = self.options["statement_timeout"] + 10
        records, lock = [], threading.Lock()
        deadline = time.monotonic() + duration
        sent = [0]

        def user(number):
            rng = random.Random(number)
            session = self.info["sessions"][number % len(self.info["sessions"])]
            time.sleep(rng.uniform(0, think[1] / 1000))
            while time.monotonic() < deadline:
                with lock:
                    if sent[0] >= max_requests:
                        return
                    sent[0] += 1
                index = rng.choices(range(len(paths)), weights)[0]
                started = time.perf_counter()
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
                    conn.request("GET", paths[index], headers={"Cookie": f"{cookie}={session}"})
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                    conn.close()
                except (OSError, http.client.HTTPException):
                    status = 0
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    records.append((index, status, elapsed))
                time.sleep(rng.uniform(think[0], think[1]) / 1000)

        threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=duration + timeout + think[1] / 1000 + 5)
        seconds = time.monotonic() - started
        latencies, statuses = {}, {}
        with lock:
            for index, status, elapsed in records:
                latencies.setdefault(index, []).append(elapsed)
                statuses.setdefault(index, []).append(status)
        return self.summarise(latencies, statuses, 0, seconds, weighted_paths)

    def settle(self, limit=60):
        """Wait until the benchmark database runs no statement (a request that wrk gave up
        on may still be running in a worker), so that runs do not overlap."""
        import psycopg2

        config = self.database_config
        conn = psycopg2.connect(
            dbname=config["NAME"],
            user=config.get("USER") or None,
            password=config.get("PASSWORD") or None,
            host=config.get("HOST") or None,
            port=config.get("PORT") or None,
        )
        conn.autocommit = True
        deadline = time.monotonic() + limit
        try:
            with conn.cursor() as cursor:
                while time.monotonic() < deadline:
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND state = 'active' AND pid <> pg_backend_pid()"
                    )
                    if cursor.fetchone()[0] == 0:
                        return
                    time.sleep(0.5)
        finally:
            conn.close()

    def load_tests(self):
        options = self.options
        pages = self.info["pages"]
        sql = self.results["sql"]
        every_page = [(1, paths[0]) for key, paths in pages.items() if sql[key]["wall_ms"] < 5000]
        self.say("warming up the workers")
        self.wrk(every_page, 3, 5, max_requests=300)
        self.settle()
        self.results["single"] = {}
        for key, label in PAGE_ORDER:
            path = pages[key][0]
            alone_s = sql[key]["wall_ms"] / 1000
            if alone_s > 5:
                # One request takes seconds: wait long enough for a few, and skip 10 users,
                # which would only queue behind each other until the timeouts.
                duration = int(min(40, max(options["duration"], 2.5 * alone_s)))
                one = self.wrk([(1, path)], 1, duration)
                self.settle()
                ten = {"skipped": f"one request alone takes {alone_s:.0f} s"}
            else:
                one = self.wrk([(1, path)], 1, options["duration"])
                self.settle()
                ten = self.wrk([(1, path)], 10, options["duration"])
                self.settle()
            self.results["single"][key] = {"one": one, "ten": ten}
            self.say(
                f"{label}: 1 user p50 {one['p50_ms']} ms p95 {one['p95_ms']} ms "
                f"{one['rps']} req/s, errors {one['errors']}; 10 users "
                + (
                    ten["skipped"]
                    if "skipped" in ten
                    else f"p50 {ten['p50_ms']} ms p95 {ten['p95_ms']} ms {ten['rps']} req/s, "
                    f"errors {ten['errors']}"
                )
            )

        def weighted(keys):
            mix = []
            for key in keys:
                paths = pages[key]
                for path in paths:
                    mix.append((max(1, round(MIX_WEIGHTS[key] * 10 / len(paths))), path))
            return mix

        self.mix_kinds = {path: key for key, paths in pages.items() for path in paths}
        runs = [("realistic", 25, list(MIX_WEIGHTS)), ("excess", 50, list(MIX_WEIGHTS))]
        slow = [key for key in MIX_WEIGHTS if sql[key]["sql_ms"] > 1000]
        if slow:
            fast = [key for key in MIX_WEIGHTS if key not in slow]
            runs.append(("realistic, without the slow pages", 25, fast))
        self.results["mix"] = {}
        for name, users, keys in runs:
            # A fresh gunicorn: requests abandoned by the previous run's users may still be
            # queued in the old one's backlog.
            self.stop_gunicorn()
            self.settle()
            self.start_gunicorn()
            self.wrk(every_page, 3, 5, max_requests=300)
            self.settle()
            mix = weighted(keys)
            self.say(f"{name} mix: {users} users, 2–8 s think time, {options['mix_duration']} s")
            figures = self.users(mix, users, options["mix_duration"], think=(2000, 8000))
            figures["users"] = users
            figures["without"] = [key for key in MIX_WEIGHTS if key not in keys]
            figures["by_kind"] = self.by_kind(figures, mix)
            self.results["mix"][name] = figures
            self.settle()
            self.say(
                f"{name} mix: {figures['requests']} requests, p50 {figures['p50_ms']} ms, "
                f"p95 {figures['p95_ms']} ms, errors {figures['errors']}"
            )

    def by_kind(self, figures, mix):
        """Mix figures per kind of page (several objects of each kind are asked for)."""
        kinds = {}
        for path, values in figures["per_path"].items():
            kinds.setdefault(self.mix_kinds[path], []).append(values)
        result = {}
        for kind, entries in kinds.items():
            requests = sum(entry["requests"] for entry in entries)
            result[kind] = {
                "requests": requests,
                "p50_ms": max(entry["p50_ms"] or 0 for entry in entries),
                "p95_ms": max(entry["p95_ms"] or 0 for entry in entries),
                "max_ms": max(entry["max_ms"] or 0 for entry in entries),
            }
        return result

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
        self.ensure_database()
        self.env = self.environment()
        self.say(f"benchmark database {self.database_config['NAME']}: migrating")
        self.statement_timeout(None)
        self.manage("migrate", "--no-input")
        self.generate()
        self.statement_timeout(options["statement_timeout"])
        self.say("collecting static files")
        self.manage("collectstatic", "--no-input")
        self.info = received(
            self.manage("benchmark", "--phase", "prepare", "--sessions", str(options["sessions"]))
        )
        self.write_info()
        self.say(
            f"pages for {self.info['lead']} ({self.info['region']}, "
            f"{self.info['visible_actions']:,} actions visible)"
        )
        self.say("timing each page and its SQL in process")
        self.results["sql"] = received(
            self.manage(
                "benchmark",
                "--phase",
                "sql",
                "--info",
                self.info_path,
                "--repeats",
                str(options["repeats"]),
            )
        )
        for key, label in PAGE_ORDER:
            page = self.results["sql"][key]
            self.say(
                f"{label}: {page['wall_ms']} ms in process, SQL {page['sql_ms']} ms "
                f"in {page['queries']} queries"
            )
        if not options["skip_load"]:
            try:
                self.start_gunicorn()
                self.check_pages()
                self.load_tests()
            finally:
                self.stop_gunicorn()
        if not options["skip_documents"]:
            self.documents()
        self.results["load_average_end"] = load_average()
        self.results["elapsed_s"] = round(time.perf_counter() - self.started, 1)
        Path(self.info_path).unlink(missing_ok=True)
        raw = BASE_DIR / "benchmarks" / "results.json"
        info = {key: value for key, value in self.info.items() if key != "sessions"}
        raw.write_text(json.dumps({"info": info, **self.results}, indent=1, default=str))
        write_report(options["output"], self.info, self.results, options)
        self.say(f"wrote {options['output']}")


# ---------------------------------------------------------------------------------------
# RESULTS.md
# ---------------------------------------------------------------------------------------


def _ms(value):
    return "–" if value is None else f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def _mark(met):
    return "met" if met else "**missed**"


def machine_lines():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    import django
    import gunicorn
    import openpyxl
    import weasyprint

    return [
        f"- Cores: {os.cpu_count()} ({cpu}); memory: {memory}; "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, gunicorn "
        f"{gunicorn.__version__} (sync workers), WeasyPrint {weasyprint.__version__}, "
        f"openpyxl {openpyxl.__version__}, {command_version(['wrk', '--version'])}",
    ]


def write_report(path, info, results, options):
    path = Path(path)
    kept = ""
    if path.exists():
        found = ANALYSIS.search(path.read_text())
        kept = found[0] if found else ""
    lines = report_lines(info, results, options)
    text = "\n".join(lines) + "\n"
    text = text.replace("<!-- analysis --><!-- /analysis -->", kept or DEFAULT_ANALYSIS)
    path.write_text(text)


DEFAULT_ANALYSIS = (
    "<!-- analysis -->\n_No reading of these figures has been written yet._\n<!-- /analysis -->"
)


def report_lines(info, results, options):
    goals = results["goals"]
    generation = results.get("generation", {})
    sql = results.get("sql", {})
    single = results.get("single", {})
    mixes = results.get("mix", {})
    documents = results.get("documents", {})
    rows = info["rows"]
    lines = [
        "# Benchmark results",
        "",
        "Written by `python manage.py benchmark` (see `make bench`); the raw figures are in "
        "`benchmarks/results.json`. Everything runs on this one machine, over loopback "
        "(127.0.0.1): PostgreSQL, gunicorn and the load generator (wrk) share its cores.",
        "",
        "## Machine and run",
        "",
        *machine_lines(),
        f"- PostgreSQL {info['postgres']} (shared_buffers {info['shared_buffers']}), "
        f"database size {info['database_bytes'] / 1e9:.2f} GB",
        f"- Run started {results['started']}, took {results.get('elapsed_s', 0) / 60:.1f} "
        f"minutes. Load average at start {results.get('load_average_start')}, at end "
        f"{results.get('load_average_end')}"
        + (
            ". **Other work was running on the machine at the same time** "
            "(load average above 1 before the benchmark started), so figures are somewhat "
            "pessimistic."
            if float(str(results.get("load_average_start", "0")).split()[0]) >= 1
            else "."
        ),
        f"- gunicorn: `sli.wsgi`, {options['workers']} sync workers, `--no-control-socket`, "
        "production settings (DEBUG off, manifest static files, a random SECRET_KEY; only "
        "HTTPS redirect, secure cookies and HSTS turned off, since loopback has no TLS).",
        f"- Every page is requested as `{info['lead']}`, the regional lead of {info['region']} "
        f"({info['region_councils']} councils, the largest region: "
        f"{info['visible_actions']:,} actions visible, {info['visible_overdue']:,} of them "
        "overdue), signed in through sessions in the database.",
        "",
        "## Data set",
        "",
    ]
    if generation:
        when = "in this run" if generation.get("this_run") else f"on {generation.get('when')}"
        lines.append(
            f"`generate_national_data --councils {generation.get('councils')} --years "
            f"{generation.get('years')} --seed {generation.get('seed')}` took "
            f"**{generation.get('generation_s')} s** ({when}; load average then "
            f"{generation.get('load_average')})."
        )
    lines += [
        f"{info['regions']} regions, {info['generated_councils']} generated councils, "
        f"{info['generated_reviews']:,} generated reviews "
        "(the demo councils, if loaded, are counted below too).",
        "Generated rows are written with `bulk_create`, so django-simple-history has no rows "
        "for them: History sections start empty.",
        "",
        "| table | rows |",
        "|---|---:|",
    ]
    for table, count in sorted(rows.items(), key=lambda item: -item[1]):
        if count:
            lines.append(f"| {table} | {count:,} |")
    lines += [
        "",
        "## Pages",
        "",
        f"Through gunicorn with wrk: each page alone, {options['duration']} s per run "
        f"(at most {options['max_requests']:,} requests), no think time. In process: the "
        f"Django test client on the same database, median of {options['repeats']} requests "
        "after a warm-up, every SQL statement timed by an execute wrapper (SQL ms is the time "
        "spent waiting for PostgreSQL, including transfer). Goal: the page (1 user, p50) "
        f"within {goals['page_sql_factor']}× its SQL time or under {goals['page_floor_ms']} ms, "
        "without errors (so a page can meet it while being slow: its time is then its SQL's).",
        "",
        "| page | queries | SQL ms | in process ms | 1 user p50 / p95 ms | 1 user req/s "
        "| 10 users p50 / p95 ms | 10 users req/s | errors | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    missed = []
    for key, label in PAGE_ORDER:
        page = sql.get(key, {})
        one = single.get(key, {}).get("one", {})
        ten = single.get(key, {}).get("ten", {})
        p50 = one.get("p50_ms")
        limit = max(goals["page_floor_ms"], goals["page_sql_factor"] * page.get("sql_ms", 0))
        met = (
            p50 is not None
            and p50 <= limit
            and page.get("status") == 200
            and one.get("errors", 0) == 0
        )
        errors = one.get("errors", 0) + ten.get("errors", 0)
        if one and not met:
            missed.append(("page", key, label, page, p50))
        note = info.get("notes", {}).get(key, "")
        in_process = _ms(page.get("wall_ms"))
        if page.get("status") != 200:
            in_process += f" (answered {page.get('status')}: statement timeout)"
        if "skipped" in ten:
            ten_cells = f"skipped: {ten['skipped']} | –"
        else:
            ten_cells = (
                f"{_ms(ten.get('p50_ms'))} / {_ms(ten.get('p95_ms'))} | {ten.get('rps', '–')}"
            )
        one_cells = f"{_ms(p50)} / {_ms(one.get('p95_ms'))} | {one.get('rps', '–')}"
        if one and p50 is None:
            one_cells = "no answer within the run | 0"
        lines.append(
            f"| {label}: {note} (`{page.get('path', '')}`) | {page.get('queries', '–')} | "
            f"{_ms(page.get('sql_ms'))} | {in_process} | {one_cells} | {ten_cells} | "
            f"{errors} | {_mark(met) if one else '–'} |"
        )
    lines += ["", "### First and last page of the lists", ""]
    lines += [
        f"Goal: the last page no slower than {goals['last_page_factor']}× the first (1 user, p50).",
        "",
        "| list | first page ms | last page ms | ratio | goal |",
        "|---|---:|---:|---:|---|",
    ]
    for first, last, label in (
        ("actions_first", "actions_last", "Actions, unfiltered"),
        ("overdue_first", "overdue_last", "Actions, overdue"),
    ):
        a = single.get(first, {}).get("one", {}).get("p50_ms")
        b = single.get(last, {}).get("one", {}).get("p50_ms")
        if a and b:
            ratio = b / a
            met = ratio <= goals["last_page_factor"]
            if not met:
                missed.append(("last", first, label, sql.get(last, {}), b))
            lines.append(f"| {label} | {_ms(a)} | {_ms(b)} | {ratio:.2f} | {_mark(met)} |")
    lines += [
        "",
        "### Slowest statements of each page (in process)",
        "",
    ]
    for key, label in PAGE_ORDER:
        page = sql.get(key, {})
        if not page:
            continue
        lines.append(
            f"- **{label}**: "
            + "; ".join(
                f"{query['ms']} ms `{query['sql'][:160]}…`" for query in page.get("slowest", [])[:2]
            )
        )
    lines += [
        "",
        "## Mixes",
        "",
        "All pages above, several objects of each kind (5 councils, 5 reviews and plans, 20 "
        "actions), weighted "
        + ", ".join(f"{key} {weight}" for key, weight in MIX_WEIGHTS.items())
        + f"; each user waits 2–8 s between requests and the users arrive over the first 8 s; "
        f"{options['mix_duration']} s per mix (and the requests still open then). The mixes "
        "are sent by the benchmark's own client (a thread a user, a new connection a request, "
        "as nginx makes them towards gunicorn): wrk keeps each connection open while its "
        "user thinks, and an idle open connection holds a gunicorn sync worker until the "
        "next request, which measures the missing proxy rather than the application.",
        "",
        "| mix | users | requests | req/s | p50 ms | p95 ms | max ms | errors | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    mix_goals = {"realistic": goals["mix_p95_ms"], "excess": goals["excess_p95_ms"]}
    for name, mix in mixes.items():
        goal = mix_goals.get(name)
        if goal is None:
            goal_text = "for comparison: without " + ", ".join(mix.get("without", []))
        else:
            met = mix["p95_ms"] is not None and mix["p95_ms"] <= goal and mix["errors"] == 0
            if not met:
                missed.append(("mix", name, name, mix, mix["p95_ms"]))
            goal_text = f"p95 ≤ {goal} ms, no errors: {_mark(met)}"
        lines.append(
            f"| {name} | {mix['users']} | {mix['requests']:,} | {mix['rps']} | "
            f"{_ms(mix['p50_ms'])} | {_ms(mix['p95_ms'])} | {_ms(mix['max_ms'])} | "
            f"{mix['errors']} | {goal_text} |"
        )
    if mixes:
        lines += [
            "",
            "Per kind of page in the mixes (p95 ms; the worst object of the kind):",
            "",
            "| page | " + " | ".join(mixes) + " |",
            "|---|" + "---:|" * len(mixes),
        ]
        for key, label in PAGE_ORDER:
            cells = [
                _ms(mix.get("by_kind", {}).get(key, {}).get("p95_ms")) for mix in mixes.values()
            ]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Documents",
        "",
        "Each in a fresh process on the same database: the first run (fonts and templates "
        f"loaded), then the median of {options['repeats_documents']} more; peak memory as "
        "tracemalloc's peak of Python allocations in a further run, and the growth of the "
        "process's peak resident size (VmHWM) over its size before the first run.",
        "",
        "| document | what | size | first s | warm s | Python peak MB | RSS growth MB | goal |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    document_goals = {
        "letter": (goals["letter_s"], None, "Feedback letter PDF"),
        "report": (None, None, "Scrutiny report PDF"),
        "export": (goals["export_s"], goals["export_mb"], ".xlsx export"),
        "import": (goals["import_s"], None, ".xlsx import with validation"),
    }
    for job, (seconds, megabytes, label) in document_goals.items():
        doc = documents.get(job)
        if not doc:
            continue
        if "error" in doc:
            lines.append(f"| {label} | failed: {doc['error'][-300:]!r} | | | | | | |")
            continue
        size = f"{doc['bytes'] / 1e6:.2f} MB"
        if doc.get("pages"):
            size += f", {doc['pages']} pages"
        goal_text = "–"
        if seconds is not None:
            met = doc["warm_s"] <= seconds
            goal_text = f"≤ {seconds} s"
            if megabytes is not None:
                peak = max(doc["python_peak_mb"] or 0, doc["rss_growth_mb"])
                met = met and peak < megabytes
                goal_text += f" in < {megabytes} MB"
            goal_text += f": {_mark(met)}"
            if not met:
                missed.append(("document", job, label, doc, doc["warm_s"]))
        what = doc["what"]
        if job == "import":
            what += (
                f"; first run: read and checked {doc.get('first_read_s')} s, saved "
                f"{doc.get('first_save_s')} s, {doc.get('first_created')} actions created"
            )
        lines.append(
            f"| {label} | {what} | {size} | {doc['first_s']} | {doc['warm_s']} | "
            f"{doc['python_peak_mb'] if doc['python_peak_mb'] is not None else 'not traced'} | "
            f"{doc['rss_growth_mb']} | {goal_text} |"
        )
    lines += ["", "## Goals missed", ""]
    if not missed:
        lines.append("None: every goal above was met in this run.")
    for kind, _key, label, data, value in missed:
        if kind == "page" and value is None:
            lines.append(
                f"- **{label}**: no answer within the run; in process "
                f"{_ms(data.get('wall_ms'))} ms, SQL {_ms(data.get('sql_ms'))} ms, slowest "
                f"statement {data.get('slowest', [{}])[0].get('ms')} ms."
            )
        elif kind == "page":
            outside = data.get("wall_ms", 0) - data.get("sql_ms", 0)
            slow = data.get("slowest", [{}])[0]
            lines.append(
                f"- **{label}**: {_ms(value)} ms against SQL {_ms(data.get('sql_ms'))} ms in "
                f"{data.get('queries')} queries; in process {_ms(outside)} ms are spent outside "
                f"the database (Python: view, forms, template). Slowest statement "
                f"{slow.get('ms')} ms."
            )
        elif kind == "last":
            lines.append(
                f"- **{label}, last page**: {_ms(value)} ms; its slowest statement "
                f"{data.get('slowest', [{}])[0].get('ms')} ms: "
                f"`{data.get('slowest', [{}])[0].get('sql', '')[:200]}…`"
            )
        elif kind == "mix":
            worst = sorted(data.get("by_kind", {}).items(), key=lambda item: -item[1]["p95_ms"])[:3]
            lines.append(
                f"- **{label} mix**: p95 {_ms(value)} ms, {data['errors']} errors; the slowest "
                "kinds of page: "
                + ", ".join(f"{kind_} p95 {_ms(v['p95_ms'])} ms" for kind_, v in worst)
            )
        else:
            lines.append(f"- **{label}**: {value} s warm, {data.get('first_s')} s first.")
    lines += ["", "## Reading the figures", "", "<!-- analysis --><!-- /analysis -->"]
    return lines


# ---------------------------------------------------------------------------------------


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
        phase = options["phase"]
        if phase == "prepare":
            return phase_prepare(options)
        if phase == "sql":
            return phase_sql(options)
        if phase == "document":
            return phase_document(options)
        Bench(options, self.stdout).run()
