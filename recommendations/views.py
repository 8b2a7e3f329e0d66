from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from councils.access import require, visible_or_404
from improvement_plans.models import Action
from recommendations.forms import AmendmentForm
from recommendations.models import Recommendation
from recommendations.services import amend_recommendation
from sli.history import history_entries

RECOMMENDATION_PAGE = Recommendation.objects.select_related(
    "review__host_council__region", "parent", "scope_question", "focus_area"
)


def recommendation_detail(request, pk):
    user = request.user
    recommendation = visible_or_404(RECOMMENDATION_PAGE.with_implementation_state(), user, pk=pk)
    sub_items = (
        Recommendation.objects.visible_to(user)
        .filter(parent=recommendation)
        .select_related("parent")
        .with_implementation_state()
    )
    actions = (
        Action.objects.visible_to(user)
        .addressing(recommendation)
        .distinct()
        .select_related("plan", "area")
        .with_flags()
        .order_by("plan", "number")
    )
    context = {
        "recommendation": recommendation,
        "sub_items": sub_items,
        "actions": actions,
        "amendments": recommendation.amendments.select_related("made_by"),
        "can_amend": Recommendation.objects.editable_by(user).issued().filter(pk=pk).exists(),
        "history": history_entries(
            (Recommendation.history.filter(id=recommendation.pk), "the recommendation")
        ),
    }
    return render(request, "recommendations/recommendation_detail.html", context)


def amend(request, pk):
    recommendation = visible_or_404(RECOMMENDATION_PAGE, request.user, pk=pk)
    require(Recommendation.objects.editable_by(request.user).issued(), recommendation)
    form = AmendmentForm(request.POST or None, initial={"text": recommendation.text})
    if request.method == "POST" and form.is_valid():
        try:
            amend_recommendation(
                recommendation=recommendation,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Recommendation {recommendation.label} was amended.")
            return redirect(recommendation)
    return render(
        request,
        "recommendations/amend.html",
        {"recommendation": recommendation, "form": form},
    )
