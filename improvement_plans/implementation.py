"""How far recommendations are put into effect, read from the actions that answer them.

Each function takes a queryset of recommendations and returns it annotated (or a dict read from
it): the recommendation knows nothing of plans, the plan's actions say how far it has gone.
An action on "16" answers "16(ii)" too, and one on "16(ii)" counts for 16.
"""

from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from improvement_plans.models import CLOSED_STATUSES, STARTED_STATUSES, Action, ActionStatus
from recommendations.models import ImplementationState, Recommendation, implementation_state
from sli.lib.queries import count_of


def live_actions_addressing_each():
    """The live actions answering the outer recommendation (a subquery)."""
    return Action.objects.live().addressing(OuterRef("pk"))


def with_action_counts(recommendations, today=None):
    today = today or timezone.localdate()
    actions = live_actions_addressing_each()
    return recommendations.annotate(
        action_count=count_of(actions),
        completed_action_count=count_of(actions.completed()),
        overdue_action_count=count_of(actions.overdue(today)),
        started_action_count=count_of(actions.started()),
    )


def with_implementation_state(recommendations, today=None):
    """Annotate ``implementation_state`` row by row: the rules of ``implementation_state()``."""
    return with_action_counts(recommendations, today).annotate(
        implementation_state=Case(
            When(
                response=Recommendation.Response.NOT_ACCEPTED,
                then=Value(ImplementationState.NOT_ACCEPTED),
            ),
            When(action_count=0, then=Value(ImplementationState.NO_ACTION)),
            When(
                completed_action_count=F("action_count"),
                then=Value(ImplementationState.IMPLEMENTED),
            ),
            When(overdue_action_count__gt=0, then=Value(ImplementationState.OVERDUE)),
            When(started_action_count__gt=0, then=Value(ImplementationState.IN_PROGRESS)),
            default=Value(ImplementationState.NOT_STARTED),
            output_field=models.CharField(),
        )
    )


def top_level_states(recommendations, today=None):
    """{pk: ImplementationState} of the top-level recommendations here, in two queries
    whatever their number. ``with_implementation_state()`` gives the same states row by row
    through correlated subqueries, at about 0.1 ms a recommendation: a region's 11,000 took
    seconds."""
    counts = top_level_action_counts(recommendations, today)
    return {
        pk: implementation_state(response, counts.get(pk))
        for pk, response in recommendations.top_level().values_list("pk", "response")
    }


def top_level_action_counts(recommendations, today=None):
    """{pk: counts of live, completed, overdue and started actions} of the top-level
    recommendations here that have any action, in one pass over the action links grouped by
    the top-level recommendation each link falls under (an action on "16(ii)" counts for 16
    once, even if it is on 16 too)."""
    today = today or timezone.localdate()
    live = ~Q(action__status=ActionStatus.CANCELLED)
    past_due = Q(action__due_date__lt=today) & ~Q(action__status__in=CLOSED_STATUSES)
    counts = (
        Action.recommendations.through.objects.annotate(
            top=Coalesce("recommendation__parent", "recommendation")
        )
        .filter(top__in=recommendations.top_level().values("pk"))
        .values("top")
        .annotate(
            total=Count("action", distinct=True, filter=live),
            completed=Count(
                "action", distinct=True, filter=Q(action__status=ActionStatus.COMPLETED)
            ),
            overdue=Count("action", distinct=True, filter=live & past_due),
            started=Count("action", distinct=True, filter=Q(action__status__in=STARTED_STATUSES)),
        )
        .order_by()
    )
    return {row.pop("top"): row for row in counts}


def without_action(recommendations):
    """Recommendations that no live action addresses, directly or through a sub-item."""
    # Counting is index lookups; PostgreSQL turned NOT EXISTS into an anti-join that ran the
    # correlated subquery for every live action link.
    return recommendations.annotate(_addressing=count_of(live_actions_addressing_each())).filter(
        _addressing=0
    )


def gaps(recommendations):
    """Recommendations the council has not declined and that no action addresses yet."""
    return without_action(recommendations).exclude(response=Recommendation.Response.NOT_ACCEPTED)


def by_source(actions):
    """The plan read by source: each review (peer challenge, CQC report, SAR…) whose
    recommendations these actions answer, newest first, with those recommendations and the
    actions answering them (an action is under each of its sources), and the actions that
    answer none. ``actions`` must have their recommendations prefetched with ``review`` and
    ``parent`` selected."""
    sources = {}
    unsourced = []
    for action in actions:
        recommendations = list(action.recommendations.all())
        if not recommendations:
            unsourced.append(action)
        for recommendation in recommendations:
            review = recommendation.review
            source = sources.setdefault(
                review.pk,
                {
                    "review": review,
                    "kind": review.source_kind,
                    "recommendations": {},
                    "actions": {},
                },
            )
            source["recommendations"][recommendation.pk] = recommendation
            source["actions"][action.pk] = action
    ordered = sorted(
        sources.values(), key=lambda s: (s["review"].visit_start, s["review"].pk), reverse=True
    )
    for source in ordered:
        source["recommendations"] = sorted(
            source["recommendations"].values(),
            key=lambda r: (
                r.parent.number if r.parent_id else r.number,
                r.parent_id or 0,
                r.number,
            ),
        )
        source["actions"] = sorted(source["actions"].values(), key=lambda a: a.number)
    return ordered, unsourced
