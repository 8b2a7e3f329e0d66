from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from improvement_plans.models import (
    Action,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
)
from recommendations.models import Recommendation

RECOMMENDATION_LABELS = Prefetch(
    "recommendations",
    queryset=Recommendation.objects.select_related("parent", "review"),
)


def plan_detail(request, pk):
    plan = get_object_or_404(
        ImprovementPlan.objects.select_related("council").prefetch_related("reviews"), pk=pk
    )
    actions = Action.objects.filter(plan=plan).with_flags().prefetch_related(RECOMMENDATION_LABELS)
    areas = ImprovementArea.objects.filter(plan=plan).prefetch_related(
        RECOMMENDATION_LABELS, Prefetch("actions", queryset=actions)
    )
    gaps = (
        Recommendation.objects.filter(review__in=plan.reviews.all())
        .gaps()
        .select_related("parent", "review")
    )
    return render(
        request,
        "improvement_plans/plan_detail.html",
        {
            "plan": plan,
            "areas": areas,
            "unassigned_actions": actions.filter(area__isnull=True),
            "gaps": gaps,
        },
    )


def action_detail(request, pk):
    action = get_object_or_404(
        Action.objects.select_related("plan__council", "area", "owner_user")
        .with_flags()
        .prefetch_related(
            RECOMMENDATION_LABELS,
            Prefetch("milestones", queryset=Milestone.objects.with_missed_flag()),
        ),
        pk=pk,
    )
    updates = (
        ProgressUpdate.objects.filter(action=action)
        .select_related("author")
        .prefetch_related("evidence")
    )
    return render(
        request,
        "improvement_plans/action_detail.html",
        {"action": action, "updates": updates},
    )
