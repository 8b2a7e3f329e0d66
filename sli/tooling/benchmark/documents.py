"""The documents measured, each in a fresh process (``--phase document --job …``): the feedback
letter PDF, the scrutiny report PDF, a 10,000-row .xlsx export and a 1,000-row .xlsx import;
first time, warm time and peak memory."""

import gc
import json
import random
import re
import statistics
import time
import tracemalloc
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from openpyxl import Workbook

from improvement_plans.exports import COLUMNS, actions_to_workbook, format_when, workbook_bytes
from improvement_plans.imports import apply_import, read_plan_workbook
from improvement_plans.models import Action, ImprovementPlan
from improvement_plans.report import is_long, render_report_pdf
from recommendations.models import Recommendation
from reviews.models import Review
from reviews.pdf import render_letter_pdf
from sli.tooling.benchmark.measure import emit, memory_kb, reset_peak_memory
from sli.tooling.generator import OWNER_ROLES, TextMaker

# The columns of the imported sheet, in the export's layout.
IMPORT_KEYS = [
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
IMPORT_STATUSES = ["Not started", "On track", "At risk", "Off track", "Completed"]


def phase_document(options):
    """One document job in a fresh process: first time, warm time, peak memory."""
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
    output, figures, first_extra = _measure(work, options["repeats_documents"], extra)
    result = {"job": job, **description, "bytes": len(output), **figures}
    if job in ("letter", "report"):
        result["pages"] = pdf_pages(output)
    if job == "import":
        result.update({f"first_{k}": v for k, v in first_extra.items()})
        result.update(extra)
    emit(result)


def _measure(work, repeats, extra):
    """``work`` run first, then warm ``repeats`` times, then once more traced: its output,
    the figures, and ``extra`` as the first run left it."""
    gc.collect()
    baseline_kb = memory_kb("VmRSS")
    reset_peak_memory()
    started = time.perf_counter()
    output = work()
    first = time.perf_counter() - started
    first_extra = dict(extra)
    warm = []
    slow = first > 20  # measured once more, and not traced (tracing multiplies the time)
    for _ in range(1 if slow else repeats):
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
    figures = {
        "first_s": round(first, 3),
        "warm_s": round(statistics.median(warm), 3) if warm else None,
        "python_peak_mb": round(python_peak / 1e6, 1) if python_peak is not None else None,
        "rss_growth_mb": round(max(0, peak_rss_kb - baseline_kb) / 1024, 1),
        "baseline_rss_mb": round(baseline_kb / 1024, 1),
        "traced_s": round(traced_s, 1),
    }
    return output, figures, first_extra


def pdf_pages(data):
    try:
        from pypdf import PdfReader  # a development dependency: no page count without it
    except ImportError:
        return None
    return len(PdfReader(BytesIO(data)).pages)


def _letter_job(info):
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
    plan, tried = _plan_of_twenty_pages(candidates, lead)
    pk = plan.pk

    def work():
        return render_report_pdf(ImprovementPlan.objects.get(pk=pk), user=lead)

    return work, {
        "what": f"scrutiny report of plan {pk} ({plan.n} actions; changes over the last six "
        "months)",
        "tried": tried,
        # Whether the report page hands it to the task worker instead of making it in the
        # request (improvement_plans.report.is_long).
        "in_background": is_long(plan),
    }


def _plan_of_twenty_pages(candidates, lead):
    """A plan whose report runs to about 20 pages, and the pages of those tried: pages grow
    with the actions (closed plans have no recent changes, which would add pages of their
    own)."""
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
    return plan, tried


def _export_job(info):
    lead = get_user_model().objects.get(pk=info["lead_id"])
    first = Action.objects.visible_to(lead).order_by("pk").values("pk")[:10000]

    def work():
        actions = Action.objects.visible_to(lead).filter(pk__in=first)
        return workbook_bytes(actions_to_workbook(actions, "Actions"))

    return work, {"what": f"{Action.objects.filter(pk__in=first).count():,} actions, list layout"}


class _RolledBack(Exception):
    pass


def _import_job(info):
    editor = get_user_model().objects.get(username=info["editor"])
    review = Review.objects.get(pk=info["review_id"])
    data = _plan_workbook(review)
    timings = {}

    def work():
        try:
            with transaction.atomic():
                _import_into_new_plan(data, review, editor, timings)
                raise _RolledBack
        except _RolledBack:
            pass
        return data

    return work, {"what": "1,000 rows (new actions, 2 milestones each) into an empty plan"}, timings


def _import_into_new_plan(data, review, editor, timings):
    """Read and save the workbook into a new plan answering ``review``; the times in
    ``timings``. The caller rolls it back."""
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
            "The import found problems: " + "; ".join(str(p) for p in preview.problems[:3])
        )
    result = apply_import(preview, plan=plan, by=editor)
    timings["read_s"] = round(read, 3)
    timings["save_s"] = round(time.perf_counter() - started - read, 3)
    timings["created"] = result.created


def _plan_workbook(review):
    """A 1,000-action plan answering the review's recommendations, as .xlsx bytes."""
    labels = [
        r.label
        for r in Recommendation.objects.filter(review=review).select_related("parent")
        if not r.children.exists()
    ]
    text = TextMaker(random.Random(7))
    rng = random.Random(11)
    headers = {key: header for key, header, _ in COLUMNS}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Plan"
    sheet.append([headers[key] for key in IMPORT_KEYS])
    today = timezone.localdate()
    for number in range(1, 1001):
        sheet.append(_plan_row(number, labels[number % len(labels)], text, rng, today))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plan_row(number, label, text, rng, today):
    area = int(re.match(r"\d+", label)[0])
    start = today - timedelta(days=rng.randint(0, 300))
    due = start + timedelta(days=rng.randint(60, 400))
    steps = [start + (due - start) * k // 3 for k in (1, 2)]
    return [
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
        rng.choice(IMPORT_STATUSES),
        rng.choice(["Red", "Amber", "Green"]),
        rng.randint(0, 100),
        text.narrative(),
    ]
