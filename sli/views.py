from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.shortcuts import render

from councils.models import Council, Region
from improvement_plans.models import Action, ImprovementPlan
from reviews.models import Review


def home(request):
    summary = Action.objects.visible_to(request.user).summary()
    regions = Region.objects.visible_to(request.user).annotate(council_count=Count("councils"))
    recent_reviews = (
        Review.objects.visible_to(request.user)
        .select_related("host_council")
        .order_by("-visit_start")[:10]
    )
    return render(
        request,
        "home.html",
        {
            "regions": regions,
            "recent_reviews": recent_reviews,
            "actions": summary,
            "can_plan_reviews": Council.objects.hosts_plannable_by(request.user).exists(),
        },
    )


@login_not_required
def accessibility(request):
    return render(request, "accessibility.html")


@login_not_required
def public_index(request):
    reviews = (
        Review.objects.published()
        .select_related("host_council")
        .order_by("host_council__name", "-letter_date")
    )
    plans = ImprovementPlan.objects.published().select_related("council")
    return render(request, "public/index.html", {"reviews": reviews, "plans": plans})
