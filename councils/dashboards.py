"""The figures of the council and regional dashboards.

Every figure is a grouped count computed by the database; the number of queries does not
depend on how many councils, reviews, actions or updates there are.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from councils.models import Council
from improvement_plans.models import (
    Action,
    ActionStatus,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Rag,
)
from improvement_plans.report import RAG_KINDS, STATE_KINDS, STATUS_KINDS
from recommendations.models import ImplementationState, Recommendation, implementation_state
from reviews.models import FocusArea, Review
from sli.charts import bar_chart, line_chart, stacked_bar

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
class CouncilDashboard:
    overall: ReviewFigures
    by_review: list
    overdue_by_owner: list  # (owner, [actions])
    missed_by_owner: list  # (owner, [milestones])
    gaps: list
    flagged: list
    completion_by_month: list  # (month date, completed so far, total)
    since: datetime.date | None = None
    changes: dict = field(default_factory=dict)

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
        ]


def council_dashboard(council, user, *, since=None, today=None):
    today = today or timezone.localdate()
    recommendations = (
        Recommendation.objects.visible_to(user)
        .filter(review__host_council=council, review__status__in=Review.ISSUED_STATUSES)
        .top_level()
    )
    actions = Action.objects.visible_to(user).filter(plan__council=council)
    reviews = list(
        Review.objects.visible_to(user)
        .issued()
        .filter(host_council=council)
        .order_by("-visit_start")
    )

    by_review = {review.pk: ReviewFigures(review) for review in reviews}
    overall = ReviewFigures(None)
    _fill_recommendation_figures(recommendations, by_review, overall, today)
    _fill_action_figures(actions, by_review, overall)

    return CouncilDashboard(
        overall=overall,
        by_review=[by_review[review.pk] for review in reviews],
        overdue_by_owner=_group_by_owner(
            actions.overdue(today).select_related("plan").order_by("owner_name", "due_date"),
            owner=lambda action: action.owner_name,
        ),
        missed_by_owner=_group_by_owner(
            Milestone.objects.visible_to(user)
            .filter(action__plan__council=council)
            .missed(today)
            .select_related("action__plan")
            .order_by("action__owner_name", "due_date"),
            owner=lambda milestone: milestone.action.owner_name,
        ),
        gaps=list(recommendations.gaps().select_related("review", "parent")),
        flagged=list(
            actions.with_flags(today)
            .filter(Q(is_rag_contradicted=True) | Q(open_challenge_count__gt=0))
            .select_related("plan")
        ),
        completion_by_month=completion_by_month(actions, today),
        since=since,
        changes=changes_since(actions, since, today) if since else {},
    )


def _fill_recommendation_figures(recommendations, by_review, overall, today):
    responses, states = defaultdict(dict), defaultdict(dict)
    for row in recommendations.values("review", "response").annotate(n=Count("pk")).order_by():
        responses[row["review"]][row["response"]] = row["n"]
    stated = recommendations.with_implementation_state(today)
    for row in stated.values("review", "implementation_state").annotate(n=Count("pk")).order_by():
        states[row["review"]][row["implementation_state"]] = row["n"]
    for review_pk, figures in by_review.items():
        figures.responses = _breakdown("Council response", RESPONSES, responses[review_pk])
        figures.states = _breakdown(
            "Implementation", ImplementationState.choices, states[review_pk]
        )
    overall.responses = _breakdown("Council response", RESPONSES, _sum(responses))
    overall.states = _breakdown("Implementation", ImplementationState.choices, _sum(states))


def _fill_action_figures(actions, by_review, overall):
    statuses, rags = defaultdict(dict), defaultdict(dict)
    per_review = actions.filter(plan__reviews__in=list(by_review))
    for row in per_review.values("plan__reviews", "status").annotate(n=Count("pk")).order_by():
        statuses[row["plan__reviews"]][row["status"]] = row["n"]
    for row in per_review.values("plan__reviews", "rag").annotate(n=Count("pk")).order_by():
        rags[row["plan__reviews"]][row["rag"]] = row["n"]
    for review_pk, figures in by_review.items():
        figures.statuses = _breakdown(
            "Actions by status", ActionStatus.choices, statuses[review_pk]
        )
        figures.rags = _breakdown("Actions by council RAG", RAGS, rags[review_pk])
    overall.statuses = _breakdown(
        "Actions by status",
        ActionStatus.choices,
        {r["status"]: r["n"] for r in actions.values("status").annotate(n=Count("pk")).order_by()},
    )
    overall.rags = _breakdown(
        "Actions by council RAG",
        RAGS,
        {r["rag"]: r["n"] for r in actions.values("rag").annotate(n=Count("pk")).order_by()},
    )


def _sum(per_review):
    total = defaultdict(int)
    for counts in per_review.values():
        for key, n in counts.items():
            total[key] += n
    return total


def _group_by_owner(rows, *, owner):
    grouped = defaultdict(list)
    for row in rows:
        grouped[owner(row) or "No owner named"].append(row)
    return sorted(grouped.items())


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


@dataclass
class CouncilRow:
    council: object
    open_recommendations: int
    overdue_actions: int
    last_update: datetime.date | None
    next_progress_review: datetime.date | None
    is_stale: bool
    by_focus_area: list  # counts in FocusArea order


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
    counts = recommendations.top_level_action_counts(today)
    grid, open_counts = defaultdict(lambda: defaultdict(int)), defaultdict(int)
    for pk, council, focus_area, response in recommendations.values_list(
        "pk", "review__host_council", "focus_area", "response"
    ):
        state = implementation_state(response, counts.get(pk))
        if state not in (ImplementationState.NOT_ACCEPTED, ImplementationState.IMPLEMENTED):
            grid[council][focus_area] += 1
            open_counts[council] += 1
    overdue = _counts(actions.overdue(today), "plan__council")
    last_updates = {
        row["action__plan__council"]: row["last"]
        for row in ProgressUpdate.objects.filter(action__plan__in=plans)
        .values("action__plan__council")
        .annotate(last=Max("date"))
        .order_by()
    }
    next_reviews = {
        row["host_council"]: row["next"]
        for row in Review.objects.visible_to(user)
        .filter(host_council__region=region, progress_review_date__gte=today)
        .values("host_council")
        .annotate(next=Min("progress_review_date"))
        .order_by()
    }
    has_open_plan = set(
        ImprovementPlan.objects.visible_to(user)
        .filter(council__region=region)
        .exclude(status=ImprovementPlan.Status.CLOSED)
        .values_list("council", flat=True)
    )
    focus_areas = list(FocusArea.objects.order_by("number"))
    rows = []
    for council in Council.objects.visible_to(user).filter(region=region).order_by("name"):
        last = last_updates.get(council.pk)
        rows.append(
            CouncilRow(
                council=council,
                open_recommendations=open_counts.get(council.pk, 0),
                overdue_actions=overdue.get(council.pk, 0),
                last_update=last,
                next_progress_review=next_reviews.get(council.pk),
                is_stale=council.pk in has_open_plan
                and (last is None or (today - last).days > STALE_AFTER_DAYS),
                by_focus_area=[grid[council.pk].get(area.pk, 0) for area in focus_areas]
                + [grid[council.pk].get(None, 0)],
            )
        )
    return {"rows": rows, "focus_areas": focus_areas}


def _counts(queryset, key):
    return {row[key]: row["n"] for row in queryset.values(key).annotate(n=Count("pk")).order_by()}
