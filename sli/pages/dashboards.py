"""The figures of the council and regional dashboards.

Every figure is a grouped count computed by the database; the number of queries does not
depend on how many councils, reviews, actions or updates there are.
"""

import datetime
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncMonth
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from councils.models import Council
from improvement_plans.implementation import (
    gaps,
    top_level_action_counts,
    with_implementation_state,
)
from improvement_plans.models import (
    Action,
    ActionStatus,
    ImprovementPlan,
    ProgressUpdate,
    Rag,
)
from improvement_plans.report import RAG_KINDS, STATE_KINDS, STATUS_KINDS
from recommendations.models import ImplementationState, Recommendation, implementation_state
from reviews.models import FocusArea, Review
from sli.lib.charts import bar_chart, line_chart, stacked_bar

STALE_AFTER_DAYS = 90


@dataclass
class Breakdown:
    """Counts of one thing by category, in a fixed order, with labels people use."""

    title: str
    counts: list  # (value, label, count)

    @property
    def total(self):
        return sum(count for _, _, count in self.counts)


def _breakdown(title, choices, counted):
    return Breakdown(title, [(value, label, counted.get(value, 0)) for value, label in choices])


RESPONSES = [*Recommendation.Response.choices, ("", "No response yet")]
RAGS = [*Rag.choices, ("", "Not rated")]


@dataclass
class ReviewFigures:
    review: object
    responses: Breakdown = None
    states: Breakdown = None
    statuses: Breakdown = None
    rags: Breakdown = None


@dataclass
class Flags:
    """What a councillor should question: each a count with the filtered list behind it."""

    contradicted: int = 0  # rated green against the dates
    rebaselined: int = 0  # due date moved at least once
    challenged: int = 0  # a rating challenged and not answered
    missed_milestone: int = 0
    gaps: int = 0  # accepted recommendations with no action


@dataclass
class Headline:
    """A figure now and at the chosen date (the last committee), for its direction."""

    now: int
    then: int | None = None

    @property
    def change(self):
        return None if self.then is None else self.now - self.then


@dataclass
class CouncilDashboard:
    council: Council
    overall: ReviewFigures
    flags: Flags
    headlines: dict  # name: Headline, for "actions", "completed", "overdue", "on_track"
    overdue_count: int
    completion_by_month: list  # (month date, completed so far, total)
    overdue_by_month: list  # (month date, overdue at its end)
    since: datetime.date | None = None
    changes: dict = field(default_factory=dict)

    @property
    def figures(self):
        """The headline figures as the page shows them: (number, label, link to its rows,
        change since the chosen date or None, kind for the border colour)."""
        council = self.council
        actions = f"{reverse('improvement_plans:actions')}?council={council.pk}"
        recommendations = self.overall.responses.total
        rows = [
            (
                recommendations,
                f"recommendation{pluralize(recommendations)}",
                f"{reverse('recommendations:list')}?council={council.pk}",
                None,
                "",
            )
        ]
        for key, label, query, kind in (
            ("actions", "actions", "", ""),
            ("completed", "done", "&status=completed", "done"),
            ("on_track", "open, not yet due", "&overdue=in_time", "in-time"),
            ("overdue", "late", "&overdue=yes", "late"),
        ):
            headline = self.headlines[key]
            rows.append((headline.now, label, f"{actions}{query}", headline.change, kind))
        return rows

    @property
    def flag_rows(self):
        """(what is flagged, how many, the filtered list of them)."""
        council = self.council
        actions = f"{reverse('improvement_plans:actions')}?council={council.pk}&needs="
        recommendations = f"{reverse('recommendations:list')}?council={council.pk}"
        flags = self.flags
        return [
            ("Rated green against the dates", flags.contradicted, f"{actions}rag_contradicted"),
            ("Due dates moved", flags.rebaselined, f"{actions}rebaselined"),
            ("Ratings challenged", flags.challenged, f"{actions}challenged"),
            (
                "Actions with a milestone missed",
                flags.missed_milestone,
                f"{actions}milestone_missed",
            ),
            (
                "Recommendations with no action",
                flags.gaps,
                f"{recommendations}&implementation_state=no_action",
            ),
        ]

    @property
    def charts(self):
        """The overall figures drawn (SVG with a sentence and a table of figures)."""
        figures = self.overall
        statuses = {value: count for value, _, count in figures.statuses.counts}
        rags = {value: count for value, _, count in figures.rags.counts}
        states = {value: count for value, _, count in figures.states.counts}
        total = figures.statuses.total
        return [
            stacked_bar(
                "Actions by status",
                [(ActionStatus(s).label, statuses.get(s, 0), k) for s, k in STATUS_KINDS.items()],
                total_label="actions",
                label_header="Status",
                value_header="Actions",
                empty_text="There are no actions yet.",
                id="chart-dashboard-status",
            ),
            bar_chart(
                "The council's RAG rating of its actions",
                [(Rag(r).label, rags.get(r, 0), k) for r, k in RAG_KINDS.items()]
                + [("Not rated", rags.get("", 0), "grey")],
                share=True,
                label_header="Council RAG",
                value_header="Actions",
                empty_text="There are no actions yet.",
                id="chart-dashboard-rag",
            ),
            bar_chart(
                "Recommendations by implementation state",
                [(s.label, states.get(s.value, 0), STATE_KINDS[s]) for s in ImplementationState],
                share=True,
                label_header="Implementation state",
                value_header="Recommendations",
                empty_text="No recommendations have been issued yet.",
                id="chart-dashboard-recommendations",
            ),
            line_chart(
                "Share of actions completed, month by month",
                [
                    (month.strftime("%b %Y"), round(100 * done / whole) if whole else 0)
                    for month, done, whole in self.completion_by_month[-36:]
                ],
                unit="%",
                y_max=100,
                label_header="Month",
                value_header="Completed",
                empty_text="There are no actions yet.",
                id="chart-dashboard-completion",
            )
            if total
            else None,
            line_chart(
                "Actions overdue at the end of each month",
                [
                    (month.strftime("%b %Y"), overdue)
                    for month, overdue in self.overdue_by_month[-36:]
                ],
                unit="",
                y_max=None,
                label_header="Month",
                value_header="Overdue actions",
                empty_text="There are no actions yet.",
                id="chart-dashboard-overdue",
            )
            if total
            else None,
        ]


def council_dashboard(council, user, *, since=None, today=None):
    """The council's figures at a glance: no row is listed here, each figure leads to the
    filtered list of its rows. ``since`` (the last committee) gives each headline figure its
    direction and the list of what changed."""
    today = today or timezone.localdate()
    recommendations = (
        Recommendation.objects.visible_to(user)
        .filter(review__host_council=council, review__status__in=Review.ISSUED_STATUSES)
        .top_level()
    )
    actions = Action.objects.visible_to(user).filter(plan__council=council)

    overall = ReviewFigures(None)
    _fill_recommendation_figures(recommendations, overall, today)
    _fill_action_figures(actions, overall)
    timeline = action_timeline(actions)
    headlines = {
        name: Headline(count(timeline, today), count(timeline, since) if since else None)
        for name, count in HEADLINE_COUNTS.items()
    }
    return CouncilDashboard(
        council=council,
        overall=overall,
        flags=_flags(actions, recommendations, today),
        headlines=headlines,
        overdue_count=headlines["overdue"].now,
        completion_by_month=completion_by_month(actions, today),
        overdue_by_month=overdue_by_month(timeline, today),
        since=since,
        changes=changes_since(actions, since, today) if since else {},
    )


def _flags(actions, recommendations, today):
    flagged = actions.with_flags(today).aggregate(
        contradicted=Count("pk", filter=Q(is_rag_contradicted=True)),
        rebaselined=Count("pk", filter=Q(extension_count__gt=0)),
        challenged=Count("pk", filter=Q(open_challenge_count__gt=0)),
        missed_milestone=Count("pk", filter=Q(has_missed_milestone=True)),
    )
    return Flags(**flagged, gaps=gaps(recommendations).count())


@dataclass
class TimelineRow:
    """An action as the dates tell its story: when it started, was due and was completed
    (dated by the first update reporting it; None while open)."""

    start_date: datetime.date
    due_date: datetime.date
    completed_on: datetime.date | None
    is_completed: bool


def action_timeline(actions):
    """One row per live action, read in one query: the trends and the figures at a past
    date are counted from it."""
    return [
        TimelineRow(start, due, completed_on, status == ActionStatus.COMPLETED)
        for start, due, completed_on, status in actions.live()
        .annotate(completed_on=Min("updates__date", filter=Q(updates__status="completed")))
        .values_list("start_date", "due_date", "completed_on", "status")
        .order_by()
    ]


def _done_by(row, day):
    """Completed on or before ``day`` (a completed action with no dated update counts as
    done since it started)."""
    if not row.is_completed:
        return False
    return (row.completed_on or row.start_date) <= day


def _existed(row, day):
    return row.start_date <= day


HEADLINE_COUNTS = {
    "actions": lambda rows, day: sum(_existed(r, day) for r in rows),
    "completed": lambda rows, day: sum(_done_by(r, day) for r in rows),
    "overdue": lambda rows, day: sum(
        _existed(r, day) and r.due_date < day and not _done_by(r, day) for r in rows
    ),
    "on_track": lambda rows, day: sum(
        _existed(r, day) and r.due_date >= day and not _done_by(r, day) for r in rows
    ),
}


def overdue_by_month(timeline, today):
    """For each month since the first action started: actions past their due date at its end
    (today for this month) and not completed by then. Each action is overdue from the day
    after it was due until it was completed; the months are counted by bisecting those days."""
    if not timeline:
        return []
    one_day = datetime.timedelta(days=1)
    became, stopped = [], []
    for row in timeline:
        start = max(row.due_date + one_day, row.start_date)
        end = (row.completed_on or row.start_date) if row.is_completed else None
        if end is not None and end <= start:
            continue  # completed before it was ever overdue
        became.append(start)
        if end is not None:
            stopped.append(end)
    became.sort()
    stopped.sort()
    series, month = [], _month(min(row.start_date for row in timeline))
    while month <= _month(today):
        next_month = (month + datetime.timedelta(days=32)).replace(day=1)
        day = min(today, next_month - one_day)
        series.append((month, bisect_right(became, day) - bisect_right(stopped, day)))
        month = next_month
    return series


def _fill_recommendation_figures(recommendations, figures, today):
    responses = recommendations.values("response").annotate(n=Count("pk")).order_by()
    figures.responses = _breakdown(
        "Council response", RESPONSES, {row["response"]: row["n"] for row in responses}
    )
    stated = with_implementation_state(recommendations, today)
    states = stated.values("implementation_state").annotate(n=Count("pk")).order_by()
    figures.states = _breakdown(
        "Implementation",
        ImplementationState.choices,
        {row["implementation_state"]: row["n"] for row in states},
    )


def _fill_action_figures(actions, figures):
    statuses = actions.values("status").annotate(n=Count("pk")).order_by()
    figures.statuses = _breakdown(
        "Actions by status", ActionStatus.choices, {r["status"]: r["n"] for r in statuses}
    )
    rags = actions.values("rag").annotate(n=Count("pk")).order_by()
    figures.rags = _breakdown("Actions by council RAG", RAGS, {r["rag"]: r["n"] for r in rags})


def completion_by_month(actions, today):
    """For each month since the first action started: actions completed by its end, and
    all live actions. Completion is dated by the first update that reported it."""
    live = actions.live()
    completed = (
        live.completed()
        .annotate(completed_on=Min("updates__date", filter=Q(updates__status="completed")))
        .annotate(month=TruncMonth("completed_on"))
        .values("month")
        .annotate(n=Count("pk", distinct=True))
        .order_by("month")
    )
    span = live.aggregate(first=Min("start_date"), total=Count("pk"))
    if not span["first"]:
        return []
    per_month = {_month(row["month"]): row["n"] for row in completed if row["month"]}
    undated = sum(row["n"] for row in completed if not row["month"])
    series, done, month = [], undated, _month(span["first"])
    while month <= _month(today):
        done += per_month.get(month, 0)
        series.append((month, done, span["total"]))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return series


def _month(value):
    value = value.date() if isinstance(value, datetime.datetime) else value
    return value.replace(day=1)


def changes_since(actions, since, today):
    """What scrutiny asks first: what has moved since the last meeting."""
    updates = (
        ProgressUpdate.objects.filter(action__in=actions, date__gt=since)
        .select_related("action__plan", "author")
        .order_by("-date", "-created_at")
    )
    status_changes = (
        Action.history.filter(id__in=actions.values("pk"), history_date__date__gt=since)
        .order_by("id", "history_date")
        .values("id", "status", "history_date")
    )
    changed_status = _status_changes(status_changes, actions, since)
    return {
        "updates": list(updates),
        "status_changes": changed_status,
        "completed": list(actions.completed().filter(pk__in=[a.pk for a, _, _ in changed_status])),
        "newly_overdue": list(
            actions.open().filter(due_date__gt=since, due_date__lt=today).order_by("due_date")
        ),
    }


def _status_changes(records, actions, since):
    """(action, old status label, new status label) for each action whose status changed
    after ``since``: its status then (or, if it is newer, when it was created) against now."""
    records = list(records)
    baseline, latest = {}, {}
    for record in records:
        baseline.setdefault(record["id"], record["status"])
        latest[record["id"]] = record["status"]
    for record in (
        Action.history.filter(id__in=list(latest), history_date__date__lte=since)
        .order_by("id", "history_date")
        .values("id", "status")
    ):
        baseline[record["id"]] = record["status"]
    moved = {pk for pk, status in latest.items() if baseline[pk] != status}
    labels = dict(ActionStatus.choices)
    by_pk = actions.filter(pk__in=moved).select_related("plan").in_bulk()
    return [
        (by_pk[pk], labels[baseline[pk]], labels[latest[pk]]) for pk in sorted(moved) if pk in by_pk
    ]


# A progress review this close is something the regional lead prepares for now.
PROGRESS_REVIEW_SOON_DAYS = 60


@dataclass
class CouncilRow:
    council: object
    open_recommendations: int
    overdue_actions: int
    last_update: datetime.date | None
    next_progress_review: datetime.date | None
    is_stale: bool
    by_focus_area: list  # counts in FocusArea order
    contradicted: int = 0
    has_anything: bool = True  # an issued review or a plan to show
    progress_review_soon: bool = False

    @property
    def needs_attention(self):
        return bool(
            self.overdue_actions or self.is_stale or self.contradicted or self.progress_review_soon
        )

    @property
    def attention_order(self):
        """Councils needing attention first, the most overdue first among them."""
        return (
            not self.needs_attention,
            -self.overdue_actions,
            -self.contradicted,
            -self.open_recommendations,
            self.council.name,
        )


def regional_dashboard(region, user, *, kind=None, year=None, today=None):
    """Every council of the region on one page, and the grid of councils by focus area."""
    today = today or timezone.localdate()
    reviews = Review.objects.visible_to(user).issued().filter(host_council__region=region)
    if kind:
        reviews = reviews.filter(kind=kind)
    if year:
        reviews = reviews.filter(visit_start__year=year)
    plans = ImprovementPlan.objects.visible_to(user).filter(council__region=region)
    if kind or year:
        plans = plans.filter(reviews__in=reviews)
    actions = Action.objects.filter(plan__in=plans)

    # Open: neither declined nor implemented. The states come from one grouped pass over the
    # action links; the grid and each council's total are counted from them here.
    recommendations = Recommendation.objects.filter(review__in=reviews).top_level()
    counts = top_level_action_counts(recommendations, today)
    grid, open_counts = defaultdict(lambda: defaultdict(int)), defaultdict(int)
    for pk, council, focus_area, response in recommendations.values_list(
        "pk", "review__host_council", "focus_area", "response"
    ):
        state = implementation_state(response, counts.get(pk))
        if state not in (ImplementationState.NOT_ACCEPTED, ImplementationState.IMPLEMENTED):
            grid[council][focus_area] += 1
            open_counts[council] += 1
    by_council = actions.summary_by("plan__council", today)
    plan_councils = list(plans.values_list("council", "status"))
    has_open_plan = {
        council for council, status in plan_councils if status != ImprovementPlan.Status.CLOSED
    }
    with_something = set(reviews.values_list("host_council", flat=True)) | {
        council for council, _ in plan_councils
    }
    last_updates = last_updates_by_council(plans)
    next_reviews = {
        row["host_council"]: row["next"]
        for row in Review.objects.visible_to(user)
        .filter(host_council__region=region, progress_review_date__gte=today)
        .values("host_council")
        .annotate(next=Min("progress_review_date"))
        .order_by()
    }
    focus_areas = list(FocusArea.objects.order_by("number"))
    rows = []
    for council in Council.objects.visible_to(user).filter(region=region).order_by("name"):
        last = last_updates.get(council.pk)
        next_review = next_reviews.get(council.pk)
        rows.append(
            CouncilRow(
                council=council,
                open_recommendations=open_counts.get(council.pk, 0),
                overdue_actions=by_council.get(council.pk, {}).get("overdue", 0),
                last_update=last,
                next_progress_review=next_review,
                is_stale=is_stale(last, council.pk in has_open_plan, today),
                by_focus_area=[grid[council.pk].get(area.pk, 0) for area in focus_areas]
                + [grid[council.pk].get(None, 0)],
                contradicted=by_council.get(council.pk, {}).get("rag_contradicted", 0),
                has_anything=council.pk in with_something,
                progress_review_soon=next_review is not None
                and (next_review - today).days <= PROGRESS_REVIEW_SOON_DAYS,
            )
        )
    rows.sort(key=lambda row: row.attention_order)
    return {
        "rows": rows,
        "focus_areas": focus_areas,
        "grid_top": max((n for row in rows for n in row.by_focus_area), default=0),
    }


def last_updates_by_council(plans):
    """The date of the latest progress update on each council's ``plans``."""
    rows = ProgressUpdate.objects.filter(action__plan__in=plans).values("action__plan__council")
    return dict(
        rows.annotate(last=Max("date")).order_by().values_list("action__plan__council", "last")
    )


def is_stale(last_update, has_open_plan, today):
    """An open plan with no progress update for STALE_AFTER_DAYS."""
    return has_open_plan and (last_update is None or (today - last_update).days > STALE_AFTER_DAYS)
