"""The progress report on an improvement plan for scrutiny: a PDF and an Excel workbook.

``report_context`` gathers everything the report shows in a fixed number of queries, however
large the plan: the summary figures (database aggregates), the charts (``sli.lib.charts``), every
recommendation of the reviews the plan answers with the actions addressing it, the overdue
actions by owner, and what changed since an earlier date (progress updates by their date,
status and due date changes from the actions' history).

Exempt information: the internal copy (``public=False``) holds what the reader may see in
the application, exempt items included and marked; the public copy (``public=True``) leaves
every exempt recommendation and action out.
"""

import bisect
import calendar
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from improvement_plans.implementation import with_implementation_state
from improvement_plans.models import (
    CLOSED_STATUSES,
    Action,
    ActionStatus,
    Milestone,
    ProgressUpdate,
    Rag,
)
from recommendations.models import ImplementationState, Recommendation
from sli.lib.charts import bar_chart, line_chart, percent, stacked_bar
from sli.lib.pdf import render_pdf
from sli.lib.xlsx import text_cell

STYLESHEET = "report/report.css"
DEFAULT_MONTHS_BACK = 6

STATUS_KINDS = {
    ActionStatus.COMPLETED: "green",
    ActionStatus.ON_TRACK: "blue",
    ActionStatus.AT_RISK: "amber",
    ActionStatus.OFF_TRACK: "red",
    ActionStatus.NOT_STARTED: "grey",
}
RAG_KINDS = {Rag.RED: "red", Rag.AMBER: "amber", Rag.GREEN: "green"}
RAG_SYMBOLS = {Rag.RED: "✕", Rag.AMBER: "!", Rag.GREEN: "✓"}
STATE_KINDS = {
    ImplementationState.IMPLEMENTED: "green",
    ImplementationState.IN_PROGRESS: "blue",
    ImplementationState.NOT_STARTED: "grey",
    ImplementationState.OVERDUE: "red",
    ImplementationState.NO_ACTION: "amber",
    ImplementationState.NOT_ACCEPTED: "purple",
}
NO_OWNER = "No owner named"


def months_before(day, months):
    """The same day ``months`` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_since(today=None):
    """When the previous report was is not recorded: six months before ``today``."""
    return months_before(today or timezone.localdate(), DEFAULT_MONTHS_BACK)


def rag_words(rag):
    """ "✕ Red", "! Amber", "✓ Green": the word, with a symbol for who cannot see colour."""
    if not rag:
        return "Not rated"
    return f"{RAG_SYMBOLS[rag]} {Rag(rag).label}"


@dataclass
class Section:
    """A top-level recommendation of the report with its sub-items and its actions."""

    recommendation: Recommendation
    sub_items: list = field(default_factory=list)
    actions: list = field(default_factory=list)

    @property
    def label(self):
        return self.recommendation.label

    @property
    def state_label(self):
        return ImplementationState(self.recommendation.implementation_state).label


@dataclass
class ReviewGroup:
    review: object
    sections: list = field(default_factory=list)


@dataclass
class Change:
    """One line of "Changes since": a status change or a moved due date."""

    when: date
    action: Action
    what: str
    before: str
    after: str
    who: str = ""


def _report_actions(plan, user, *, public):
    """The actions the report shows: visible to ``user``, and not exempt in the public copy."""
    actions = Action.objects.visible_to(user).filter(plan=plan)
    if public:
        actions = actions.filter(exempt=False)
    return actions


def _annotated(actions, today):
    """The actions with their flags, latest update and the day they were completed (the
    first completed update, else the first completed record in their history)."""
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by(
        "-date", "-created_at", "-pk"
    )
    first_completed_update = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"), status=ActionStatus.COMPLETED)
        .order_by("date", "pk")
        .values("date")[:1]
    )
    first_completed_record = (
        Action.history.filter(id=OuterRef("pk"), status=ActionStatus.COMPLETED)
        .order_by("history_date", "history_id")
        .annotate(day=TruncDate("history_date"))
        .values("day")[:1]
    )
    return (
        actions.with_flags(today)
        .annotate(
            latest_update_date=Subquery(latest.values("date")[:1]),
            latest_update_narrative=Subquery(latest.values("narrative")[:1]),
            completed_on=Case(
                When(
                    status=ActionStatus.COMPLETED,
                    then=Coalesce(
                        Subquery(first_completed_update), Subquery(first_completed_record)
                    ),
                ),
                default=None,
            ),
        )
        .order_by("number")
    )


def _figures(actions, today):
    """The plan's figures in one aggregate query."""
    live = ~Q(status=ActionStatus.CANCELLED)
    is_open = ~Q(status__in=CLOSED_STATUSES)
    past_due = is_open & Q(due_date__lt=today)
    missed = Exists(Milestone.objects.filter(action=OuterRef("pk")).missed(today))
    counts = {
        "total": Count("pk", filter=live),
        "open": Count("pk", filter=is_open),
        "overdue": Count("pk", filter=past_due),
        "cancelled": Count("pk", filter=Q(status=ActionStatus.CANCELLED)),
        "with_missed_milestone": Count("pk", filter=is_open & Q(missed)),
        "rag_contradicted": Count(
            "pk", filter=Q(rag=Rag.GREEN) & (past_due | (is_open & Q(missed)))
        ),
        "rebaselined": Count("pk", filter=live & ~Q(due_date=F("original_due_date"))),
        "verified": Count("pk", filter=Q(status=ActionStatus.COMPLETED, verified_at__isnull=False)),
        "rag_none": Count("pk", filter=live & Q(rag="")),
    }
    for status in ActionStatus:
        counts[f"status_{status.value}"] = Count("pk", filter=Q(status=status))
    for rag in Rag:
        counts[f"rag_{rag.value}"] = Count("pk", filter=live & Q(rag=rag))
    figures = actions.order_by().aggregate(**counts)
    figures["completed"] = figures["status_completed"]
    figures["completed_percent"] = percent(figures["completed"], figures["total"])
    return figures


def _recommendations(plan, user, *, public, today):
    recommendations = with_implementation_state(
        Recommendation.objects.visible_to(user).filter(review__in=plan.reviews.all()), today
    ).select_related("parent", "review")
    if public:
        recommendations = recommendations.filter(exempt=False).exclude(parent__exempt=True)
    return recommendations


def _state_counts(recommendations):
    """Top-level recommendations by implementation state, in one aggregate query."""
    return recommendations.top_level().aggregate(
        total=Count("pk"),
        **{
            state.value: Count("pk", filter=Q(implementation_state=state))
            for state in ImplementationState
        },
    )


def _sections(plan, recommendations, actions):
    """Recommendations grouped by review, in number order, each with the actions addressing
    it (an action on a sub-item answers its recommendation), and the actions addressing no
    recommendation the report shows."""
    groups, by_pk = {}, {}
    for recommendation in recommendations:
        if recommendation.parent_id is None:
            section = Section(recommendation)
            by_pk[recommendation.pk] = section
            groups.setdefault(recommendation.review_id, ReviewGroup(recommendation.review))
            groups[recommendation.review_id].sections.append(section)
    top_of = {}
    for recommendation in recommendations:
        if recommendation.parent_id is None:
            top_of[recommendation.pk] = recommendation.pk
        elif recommendation.parent_id in by_pk:
            by_pk[recommendation.parent_id].sub_items.append(recommendation)
            top_of[recommendation.pk] = recommendation.parent_id
    links = Action.recommendations.through.objects.filter(action__plan=plan).values_list(
        "action_id", "recommendation_id"
    )
    addressed = {}
    for action_id, recommendation_id in links:
        if recommendation_id in top_of:
            addressed.setdefault(action_id, set()).add(top_of[recommendation_id])
    unlinked = []
    for action in actions:
        sections = addressed.get(action.pk)
        if not sections:
            unlinked.append(action)
        for pk in sorted(sections or (), key=lambda pk: by_pk[pk].recommendation.number):
            by_pk[pk].actions.append(action)
    return list(groups.values()), unlinked


PERIODS = {
    # name: (the months that end one, how the chart's title says it)
    "month": (set(range(1, 13)), "month by month"),
    "quarter": ({3, 6, 9, 12}, "quarter by quarter"),
    "financial year": ({3}, "at the end of each financial year"),
}


def _periods(start, today):
    """Ends of the periods the completion line is drawn over, from the month the plan
    started to today: month ends for up to two years, quarter ends for up to eight,
    financial year ends (31 March) beyond; the last point is today."""
    months = (today.year * 12 + today.month) - (start.year * 12 + start.month) + 1
    name = "month" if months <= 24 else "quarter" if months <= 96 else "financial year"
    ending = PERIODS[name][0]
    ends = []
    year, month = start.year, start.month
    while True:
        end = date(year, month, calendar.monthrange(year, month)[1])
        if end >= today:
            break
        if month in ending:
            ends.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends + [today], name


def _completion_series(plan, actions, total, today):
    live = [action for action in actions if action.status != ActionStatus.CANCELLED]
    start = min([action.start_date for action in live] + [plan.version_date, today])
    # A completed action with no date of completion on record counts from today.
    done = sorted(
        action.completed_on or today for action in live if action.status == ActionStatus.COMPLETED
    )
    ends, name = _periods(start, today)
    points = [(f"{end:%b %Y}", percent(bisect.bisect_right(done, end), total)) for end in ends]
    points[-1] = (f"{today:%-d %b %Y}", points[-1][1])
    return points, name


def _changes(plan, actions_query, actions, since, *, with_people):
    """What changed after ``since``: progress updates dated after it; status changes and
    moved due dates recorded in the actions' history after it; actions completed after it;
    open actions that fell due after it."""
    by_pk = {action.pk: action for action in actions}
    visible = actions_query.values("pk")
    updates = list(
        ProgressUpdate.objects.filter(action__in=visible, date__gt=since)
        .select_related("action", "author")
        .order_by("date", "action__number", "created_at")
    )
    last_before = Action.history.filter(id=OuterRef("id"), history_date__date__lte=since).order_by(
        "-history_date", "-history_id"
    )
    baseline = {
        row["id"]: row
        for row in Action.history.filter(
            plan_id=plan.pk,
            id__in=visible,
            history_id=Subquery(last_before.values("history_id")[:1]),
        ).values("id", "status", "due_date")
    }
    records = (
        Action.history.filter(plan_id=plan.pk, id__in=visible, history_date__date__gt=since)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    status_changes, due_date_changes, added = [], [], []
    labels = dict(ActionStatus.choices)
    for record in records:
        action = by_pk.get(record.id)
        before = baseline.get(record.id)
        baseline[record.id] = {"status": record.status, "due_date": record.due_date}
        if action is None:
            continue
        who = _person(record.history_user) if with_people else ""
        when = timezone.localtime(record.history_date).date()
        if record.history_type == "+" or before is None:
            added.append(action)
            continue
        if before["status"] != record.status:
            status_changes.append(
                Change(
                    when,
                    action,
                    "Status",
                    labels.get(before["status"], before["status"]),
                    labels.get(record.status, record.status),
                    who,
                )
            )
        if before["due_date"] != record.due_date:
            due_date_changes.append(
                Change(
                    when,
                    action,
                    "Due date",
                    f"{before['due_date']:%-d %B %Y}",
                    f"{record.due_date:%-d %B %Y}",
                    who,
                )
            )
    changed_to_completed = {
        change.action.pk
        for change in status_changes
        if change.after == ActionStatus.COMPLETED.label
    }
    completed = [
        action
        for action in actions
        if action.status == ActionStatus.COMPLETED
        and (
            action.pk in changed_to_completed
            or (action.completed_on is not None and action.completed_on > since)
        )
    ]
    newly_overdue = sorted(
        (action for action in actions if action.is_overdue_flag and action.due_date >= since),
        key=lambda action: (action.due_date, action.number),
    )
    return {
        "updates": updates,
        "status_changes": status_changes,
        "due_date_changes": due_date_changes,
        "completed": completed,
        "newly_overdue": newly_overdue,
        "added": sorted(set(added), key=lambda action: action.number),
    }


def _person(user):
    if user is None:
        return "the system"
    return user.get_full_name() or user.get_username()


def _overdue_by_owner(actions):
    overdue = [action for action in actions if action.is_overdue_flag]
    groups = {}
    for action in sorted(overdue, key=lambda action: (action.due_date, action.number)):
        groups.setdefault(action.owner_name.strip() or NO_OWNER, []).append(action)
    return [
        {"owner": owner, "actions": groups[owner]}
        for owner in sorted(groups, key=lambda owner: (owner == NO_OWNER, owner.lower()))
    ]


def _charts(figures, states, derived, series, period):
    total = figures["total"]
    overdue = figures["overdue"]
    headline = (
        f"{figures['completed']} of {total} action{'s' if total != 1 else ''} "
        f"({figures['completed_percent']}%) {'is' if figures['completed'] == 1 else 'are'} "
        f"completed; {overdue} {'is' if overdue == 1 else 'are'} overdue."
    )
    status_parts = [
        (ActionStatus(status).label, figures[f"status_{status.value}"], kind)
        for status, kind in STATUS_KINDS.items()
    ]
    rag_items = [
        (Rag(rag).label, figures[f"rag_{rag.value}"], kind) for rag, kind in RAG_KINDS.items()
    ] + [("Not rated", figures["rag_none"], "grey")]
    derived_items = [(Rag(rag).label, derived[rag], kind) for rag, kind in RAG_KINDS.items()]
    state_items = [
        (state.label, states[state.value], STATE_KINDS[state])
        for state in ImplementationState
        if states[state.value] or state != ImplementationState.NOT_ACCEPTED
    ]
    return {
        "headline": headline,
        "status_chart": stacked_bar(
            "Actions by status",
            status_parts,
            total_label="actions",
            label_header="Status",
            value_header="Actions",
            empty_text="The plan has no actions yet.",
            id="chart-status",
        ),
        "rag_chart": bar_chart(
            "The council's RAG rating",
            rag_items,
            share=True,
            label_header="Council RAG",
            value_header="Actions",
            empty_text="The plan has no actions yet.",
            id="chart-council-rag",
        ),
        "derived_rag_chart": bar_chart(
            "RAG by the dates (percent complete against time elapsed)",
            derived_items,
            share=True,
            label_header="RAG by the dates",
            value_header="Actions",
            empty_text="The plan has no actions yet.",
            id="chart-derived-rag",
        ),
        "recommendations_chart": bar_chart(
            "Recommendations by implementation state",
            state_items,
            share=True,
            label_header="Implementation state",
            value_header="Recommendations",
            empty_text="No recommendations are linked to this plan.",
            id="chart-recommendations",
        ),
        "completion_chart": line_chart(
            f"Share of the {total} actions completed, {PERIODS[period][1]}",
            series,
            unit="%",
            y_max=100,
            label_header=f"End of {period} (and today)",
            value_header="Completed",
            empty_text="The plan has no actions yet.",
            id="chart-completion",
        )
        if total
        else line_chart(
            "Share of actions completed", [], empty_text="The plan has no actions yet."
        ),
    }


def report_context(plan, *, user, since=None, today=None, public=False, committee="scrutiny"):
    """Everything the progress report shows, in a fixed number of queries.

    ``user`` is the reader: only what they may see in the application is included. With
    ``public=True`` exempt recommendations and actions are left out (the copy to publish);
    otherwise they are included and marked (for readers with access). ``since`` is the date
    of the previous report (six months before ``today`` when not given).
    """
    today = today or timezone.localdate()
    since = since or default_since(today)
    actions_query = _report_actions(plan, user, public=public)
    actions = list(_annotated(actions_query, today))
    for action in actions:
        action.report_derived_rag = action.derived_rag(today)
        action.derived_rag_words = rag_words(action.report_derived_rag)
        action.rag_words = rag_words(action.rag)
        action.is_due_rebaselined = action.is_rebaselined
        action.days_overdue = (today - action.due_date).days if action.is_overdue_flag else 0
    figures = _figures(actions_query, today)
    recommendations = _recommendations(plan, user, public=public, today=today)
    states = _state_counts(recommendations)
    recommendations = list(recommendations)
    groups, unlinked = _sections(plan, recommendations, actions)
    # What the dates say is defined in Python (Action.derived_rag), so it is counted here
    # from the rows already read, to match what every page shows.
    derived = {rag: 0 for rag in Rag}
    for action in actions:
        if action.report_derived_rag:
            derived[action.report_derived_rag] += 1
    series, period = _completion_series(plan, actions, figures["total"], today)
    council = plan.council
    title = f"{plan.title}: progress report, {today:%-d %B %Y}"
    return {
        "plan": plan,
        "council": council,
        "reviews": [group.review for group in groups],
        "today": today,
        "since": since,
        "public": public,
        "committee": committee,
        "document_title": title,
        "document_author": council.name,
        "has_exempt": any(action.exempt for action in actions)
        or any(recommendation.exempt for recommendation in recommendations),
        "figures": figures,
        "recommendation_figures": states,
        "derived_rag_figures": {rag.value: count for rag, count in derived.items()},
        **_charts(figures, states, derived, series, period),
        "completion_points": series,
        "review_groups": groups,
        "several_reviews": len(groups) > 1,
        "unlinked_actions": unlinked,
        "actions": actions,
        "overdue_groups": _overdue_by_owner(actions),
        "changes": _changes(plan, actions_query, actions, since, with_people=not public),
    }


def is_long(plan):
    """Whether the plan's PDF report takes long enough to prepare in the background (about
    2 s: 1 s to start and some 0.03 s an action, measured on the demo's plans)."""
    return plan.actions.count() > settings.REPORT_IN_BACKGROUND_ACTIONS


def report_filename(plan, extension, today=None):
    """ "adult-social-care-progress-report-2025-03-05.pdf" """
    today = today or timezone.localdate()
    return f"{slugify(plan.title)[:80]}-progress-report-{today:%Y-%m-%d}.{extension}"


def render_report_pdf(plan, *, user, since=None, public=False, today=None) -> bytes:
    """The progress report as a tagged PDF (PDF/UA-1), A4, with page numbers."""
    context = report_context(plan, user=user, since=since, today=today, public=public)
    return render_pdf("improvement_plans/report_pdf.html", context, stylesheet=STYLESHEET)


def _row(sheet, values, *, bold=False):
    """Cells for a write-only sheet: text stays text (never a formula), dates are dates."""
    cells = []
    for value in values:
        if isinstance(value, str):
            cell = text_cell(sheet, value)
        else:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, date):
                cell.number_format = "d mmm yyyy"
        if bold:
            cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def _sheet(workbook, title, headers, rows, widths):
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(_row(sheet, headers, bold=True))
    for row in rows:
        sheet.append(_row(sheet, row))
    return sheet


def _action_row(action):
    return [
        action.number,
        action.title,
        action.owner_name,
        action.due_date,
        action.original_due_date if action.is_due_rebaselined else None,
        action.get_status_display(),
        action.get_rag_display() or "Not rated",
        Rag(action.report_derived_rag).label if action.report_derived_rag else "",
        action.percent_complete,
        "Yes" if action.is_overdue_flag else "No",
        action.latest_update_date,
        action.latest_update_narrative or "",
    ]


ACTION_HEADERS = [
    "Action",
    "Title",
    "Owner",
    "Due",
    "First agreed",
    "Status",
    "Council RAG",
    "RAG by the dates",
    "% complete",
    "Overdue",
    "Latest update",
    "Latest narrative",
]


def report_workbook(plan, *, user, since=None, public=False, today=None) -> Workbook:
    """The progress report as a workbook: Summary, Recommendations and actions, Overdue,
    Changes. Written in write-only mode; every piece of text is a text cell."""
    context = report_context(plan, user=user, since=since, today=today, public=public)
    figures, states = context["figures"], context["recommendation_figures"]
    derived = context["derived_rag_figures"]
    workbook = Workbook(write_only=True)

    summary = [
        ["Council", context["council"].name],
        ["Plan", plan.title],
        ["Report date", context["today"]],
        ["Changes since", context["since"]],
        [
            "Copy",
            "Public: exempt information left out"
            if public
            else "Internal: may include exempt information",
        ],
        ["Summary", context["headline"]],
        # At a glance first, as in the PDF: the headline figures, the flags, what changed.
        ["Recommendations", states["total"]],
        ["Actions", figures["total"]],
        ["Completed", figures["completed"]],
        ["Completed (%)", figures["completed_percent"]],
        ["Overdue", figures["overdue"]],
        ["Open", figures["open"]],
        ["Cancelled", figures["cancelled"]],
        ["Rated green against the dates", figures["rag_contradicted"]],
        ["Due date moved since first agreed", figures["rebaselined"]],
        ["With a missed milestone", figures["with_missed_milestone"]],
        ["Recommendations with no action", states["no_action"]],
        ["Completion verified", figures["verified"]],
        ["Progress updates since", len(context["changes"]["updates"])],
        ["Actions completed since", len(context["changes"]["completed"])],
        ["Newly overdue since", len(context["changes"]["newly_overdue"])],
    ]
    summary += [
        [f"Status: {ActionStatus(status).label}", figures[f"status_{status.value}"]]
        for status in STATUS_KINDS
    ]
    summary += [[f"Council RAG: {Rag(rag).label}", figures[f"rag_{rag.value}"]] for rag in Rag]
    summary += [["Council RAG: Not rated", figures["rag_none"]]]
    summary += [[f"RAG by the dates: {Rag(rag).label}", derived[rag.value]] for rag in Rag]
    summary += [
        [f"Recommendations: {state.label}", states[state.value]] for state in ImplementationState
    ]
    _sheet(workbook, "Summary", ["Figure", "Value"], summary, [40, 60])

    rows = []
    for group in context["review_groups"]:
        for section in group.sections:
            recommendation = section.recommendation
            lead = [
                group.review.title,
                f"Recommendation {section.label}",
                recommendation.text,
                section.state_label,
                "Yes" if recommendation.exempt else "No",
            ]
            if not section.actions:
                rows.append(lead + [None] * len(ACTION_HEADERS))
            for action in section.actions:
                rows.append(lead + _action_row(action))
    for action in context["unlinked_actions"]:
        rows.append(["", "No recommendation", "", "", ""] + _action_row(action))
    _sheet(
        workbook,
        "Recommendations and actions",
        ["Review", "Recommendation", "Recommendation text", "Implementation", "Exempt"]
        + ACTION_HEADERS,
        rows,
        [30, 18, 50, 16, 8, 8, 40, 25, 12, 12, 14, 12, 14, 10, 9, 12, 60],
    )

    overdue = [
        [
            group["owner"],
            action.number,
            action.title,
            action.due_date,
            (context["today"] - action.due_date).days,
            action.get_status_display(),
            action.get_rag_display() or "Not rated",
        ]
        for group in context["overdue_groups"]
        for action in group["actions"]
    ]
    _sheet(
        workbook,
        "Overdue",
        ["Owner", "Action", "Title", "Due", "Days overdue", "Status", "Council RAG"],
        overdue,
        [30, 8, 50, 12, 12, 12, 12],
    )

    changes = context["changes"]
    change_rows = [
        [
            update.date,
            "Progress update",
            update.action.number,
            update.action.title,
            update.get_status_display(),
            update.narrative,
        ]
        for update in changes["updates"]
    ]
    change_rows += [
        [
            change.when,
            f"{change.what} changed",
            change.action.number,
            change.action.title,
            f"{change.before} → {change.after}",
            change.who,
        ]
        for change in changes["status_changes"] + changes["due_date_changes"]
    ]
    change_rows += [
        [action.completed_on, "Completed", action.number, action.title, "", ""]
        for action in changes["completed"]
    ]
    change_rows += [
        [action.due_date, "Newly overdue", action.number, action.title, action.owner_name, ""]
        for action in changes["newly_overdue"]
    ]
    change_rows.sort(key=lambda row: (row[0] or context["today"], row[2]))
    _sheet(
        workbook,
        "Changes",
        ["Date", "Change", "Action", "Title", "Detail", "Narrative or who"],
        change_rows,
        [12, 18, 8, 50, 30, 60],
    )
    return workbook
