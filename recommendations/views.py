from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from improvement_plans.models import Action
from recommendations.models import Recommendation


def recommendation_detail(request, pk):
    recommendation = get_object_or_404(
        Recommendation.objects.select_related(
            "review__host_council", "parent", "scope_question", "focus_area"
        ).with_implementation_state(),
        pk=pk,
    )
    sub_items = recommendation.children.select_related("parent").with_implementation_state()
    actions = (
        Action.objects.filter(
            Q(recommendations=recommendation) | Q(recommendations__parent=recommendation)
        )
        .distinct()
        .select_related("plan", "area")
        .with_flags()
        .order_by("plan", "number")
    )
    return render(
        request,
        "recommendations/recommendation_detail.html",
        {"recommendation": recommendation, "sub_items": sub_items, "actions": actions},
    )
