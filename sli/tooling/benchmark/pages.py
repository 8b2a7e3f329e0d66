"""The pages measured, the user who asks for them and the council editor who saves progress
updates during the mixes: run with ``--phase prepare`` (choose the pages' objects and the
editor's actions, sign both people in, count the rows) and ``--phase sql`` (each page in
process), in child processes on the benchmark database."""

import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from councils.models import Council, Membership, Region
from improvement_plans.models import Action, ImprovementPlan, Milestone, ProgressUpdate
from recommendations.models import Recommendation
from reviews.models import Review
from sli.lib.tables import PER_PAGE
from sli.tooling.benchmark.measure import emit, time_page
from sli.tooling.generator import PREFIX

# The floor: a page with no records on it (the accessibility statement), through the same
# gunicorn, middleware, session and signed-in user as the others. Every page is also reported
# as a multiple of it: ratios survive a noisy machine, absolute times do not. Not in the mixes.
FLOOR = "floor"
PAGE_ORDER = [
    (FLOOR, "Floor: the accessibility statement, no records"),
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
# The council editor of the mixes saves progress updates on this many actions, in turn.
WRITER_ACTIONS = 3


@dataclass
class Chosen:
    """The benchmark user (the lead of the largest generated region) and the objects whose
    pages are measured, the busiest of each kind first."""

    region: Region
    lead: object
    councils: list
    reviews: list
    plans: list
    actions: list  # ids
    all_count: int  # actions the lead sees
    overdue_count: int

    @property
    def council(self):
        return self.councils[0]

    @property
    def review(self):
        return self.reviews[0]

    @property
    def plan(self):
        return self.plans[0]


def phase_prepare(options):
    """Choose the pages and their objects and the editor's actions, sign the benchmark user and
    the editor in (sessions made in the database), and count the rows of every table."""
    chosen = choose_pages()
    region, council = chosen.region, chosen.council
    pages, notes = _pages(chosen), _notes(chosen)
    sessions = sign_in(chosen.lead, options["sessions"])
    editor, editor_council, update_paths = choose_writer(chosen)
    rows = _row_counts()
    database_bytes, server_version, shared_buffers = _database_facts()
    generated = Council.objects.filter(slug__startswith=PREFIX)
    emit(
        {
            "region": region.name,
            "region_councils": region.councils.count(),
            "lead": chosen.lead.username,
            "lead_id": chosen.lead.pk,
            "editor": f"{PREFIX}c{council.slug.removeprefix(PREFIX + 'council-')}-editor",
            "council": council.name,
            "council_id": council.pk,
            "review_id": chosen.review.pk,
            "plan_id": chosen.plan.pk,
            "visible_actions": chosen.all_count,
            "visible_overdue": chosen.overdue_count,
            "pages": pages,
            "notes": notes,
            "sessions": sessions,
            "writer": {
                "user": editor.username,
                "council": editor_council.name,
                "paths": update_paths,
            },
            "writer_session": sign_in(editor, 1)[0],
            "rows": rows,
            "database_bytes": database_bytes,
            "postgres": server_version,
            "shared_buffers": shared_buffers,
            "generated_councils": generated.count(),
            "generated_reviews": Review.objects.filter(host_council__in=generated).count(),
            "regions": Region.objects.count(),
        }
    )


def choose_pages():
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
    reviews = list(
        Review.objects.filter(host_council__in=councils, improvement_plans__isnull=False)
        .filter(status=Review.Status.PROGRESS_REVIEW)
        .order_by("-visit_start")[:5]
    ) or list(
        Review.objects.filter(host_council__in=councils, improvement_plans__isnull=False).order_by(
            "-visit_start"
        )[:5]
    )
    plans = list(ImprovementPlan.objects.filter(reviews__in=reviews).order_by("-version_date"))
    actions = list(
        Action.objects.filter(plan__in=plans)
        .annotate(n=Count("updates"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)[:20]
    )
    visible = Action.objects.visible_to(lead)
    return Chosen(
        region, lead, councils, reviews, plans, actions, visible.count(), visible.overdue().count()
    )


def choose_writer(chosen, count=WRITER_ACTIONS):
    """The council editor who saves progress updates while the mixes run, their council and
    the update forms of the open actions they take turns on: actions of the busiest council
    that has open ones on the mixes' plans, those whose own pages are in the mixes first, so
    that every save changes what the mixes' pages show."""
    open_actions = Action.objects.filter(plan__in=chosen.plans).open()
    for council in chosen.councils:
        ids = set(open_actions.filter(plan__council=council).values_list("pk", flat=True))
        in_the_mixes = [pk for pk in chosen.actions if pk in ids]
        chosen_ids = (in_the_mixes + sorted(ids - set(in_the_mixes)))[:count]
        if chosen_ids:
            paths = [reverse("improvement_plans:update", args=[pk]) for pk in chosen_ids]
            return _council_editor(council), council, paths
    raise CommandError("The mixes' plans have no open action to save a progress update on.")


def _council_editor(council):
    """An editor of ``council``: the generated one, or else one made here once (its name has
    the generated prefix, so that generating the data again removes it)."""
    membership = (
        Membership.objects.filter(council=council, role=Membership.Role.COUNCIL_EDITOR)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is not None:
        return membership.user
    code = council.slug.removeprefix(PREFIX)
    editor, _ = get_user_model().objects.get_or_create(
        username=f"{PREFIX}bench-editor-{code}",
        # Signed in by a session made in the database only: no password signs them in.
        defaults={
            "first_name": "Benchmark",
            "last_name": "Editor",
            "password": make_password(None),
        },
    )
    Membership.objects.get_or_create(
        user=editor, role=Membership.Role.COUNCIL_EDITOR, council=council
    )
    return editor


def _last_page(count):
    return max(1, math.ceil(count / PER_PAGE))


def _pages(chosen):
    """Kind of page → the paths asked for, the first of each kind measured alone."""
    all_count, overdue_count = chosen.all_count, chosen.overdue_count
    return {
        FLOOR: ["/accessibility/"],
        "home": ["/"],
        "council": [f"/councils/{c.slug}/" for c in chosen.councils],
        "region": [f"/regions/{chosen.region.slug}/"],
        "actions_first": ["/actions/"],
        "actions_last": [f"/actions/?page={_last_page(all_count)}"],
        "overdue_first": ["/actions/?overdue=yes"],
        "overdue_last": [f"/actions/?overdue=yes&page={_last_page(overdue_count)}"],
        "review": [f"/reviews/{r.pk}/" for r in chosen.reviews],
        "plan": [f"/plans/{p.pk}/" for p in chosen.plans[:5]],
        "action": [f"/actions/{pk}/" for pk in chosen.actions],
    }


def _notes(chosen):
    """Kind of page → how big its first object is, for the report."""
    all_count, overdue_count = chosen.all_count, chosen.overdue_count
    council, action = chosen.council, chosen.actions[0]
    review_recommendations = Recommendation.objects.filter(review=chosen.review)
    top = review_recommendations.filter(parent__isnull=True).count()
    council_actions = Action.objects.filter(plan__council=council).count()
    return {
        FLOOR: "the session and the user only",
        "home": f"{all_count:,} actions in the summary",
        "council": f"{council_actions:,} actions in "
        f"{ImprovementPlan.objects.filter(council=council).count()} plans",
        "region": f"{chosen.region.councils.count()} councils",
        "actions_first": f"{all_count:,} actions",
        "actions_last": f"page {_last_page(all_count)}",
        "overdue_first": f"{overdue_count:,} actions",
        "overdue_last": f"page {_last_page(overdue_count)}",
        "review": f"{top} recommendations, {review_recommendations.count() - top} sub-items",
        "plan": f"{chosen.plan.actions.count()} actions",
        "action": f"{ProgressUpdate.objects.filter(action_id=action).count()} updates, "
        f"{Milestone.objects.filter(action_id=action).count()} milestones",
    }


def sign_in(user, count):
    """``count`` sessions of the user, made in the database: the session keys."""
    SessionStore.clear_expired()
    sessions = []
    for _ in range(count):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "sli.two_factor.backends.PasswordBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return sessions


def _row_counts():
    rows = {}
    for app in ("auth", "councils", "reviews", "recommendations", "improvement_plans"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if model._meta.db_table.startswith(("auth_group", "auth_permission")):
                continue
            rows[model._meta.db_table] = model.objects.count()
    return rows


def _database_facts():
    """The database's size in bytes, PostgreSQL's version and its shared_buffers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        database_bytes = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    return database_bytes, server_version, shared_buffers


def phase_sql(options):
    """Every page in process: its time, the time of its SQL alone and its query count."""
    info = json.loads(Path(options["info"]).read_text())
    lead = get_user_model().objects.get(pk=info["lead_id"])
    client = Client(raise_request_exception=False)
    client.force_login(lead, backend="sli.two_factor.backends.PasswordBackend")
    results = {}
    for key, _ in PAGE_ORDER:
        path = info["pages"][key][0]
        results[key] = time_page(client, path, repeats=options["repeats"], explain_over_ms=20)
    emit(results)
