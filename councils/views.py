from django.db.models import Count
from django.shortcuts import render

from councils.access import visible_or_404
from councils.models import Council, Region
from improvement_plans.models import ImprovementPlan
from reviews.models import Review


def council_list(request):
    councils = (
        Council.objects.visible_to(request.user)
        .select_related("region")
        .annotate(
            review_count=Count("reviews", distinct=True),
            plan_count=Count("improvement_plans", distinct=True),
        )
        .order_by("region__name", "name")
    )
    return render(request, "councils/council_list.html", {"councils": councils})


def council_detail(request, slug):
    council = visible_or_404(Council.objects.select_related("region"), request.user, slug=slug)
    reviews = (
        Review.objects.visible_to(request.user)
        .filter(host_council=council)
        .annotate(recommendation_count=Count("recommendations"))
    )
    plans = (
        ImprovementPlan.objects.visible_to(request.user)
        .filter(council=council)
        .with_action_summary()
    )
    return render(
        request,
        "councils/council_detail.html",
        {"council": council, "reviews": reviews, "plans": plans},
    )


def region_detail(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    councils = (
        Council.objects.visible_to(request.user)
        .filter(region=region)
        .annotate(
            review_count=Count("reviews", distinct=True),
            plan_count=Count("improvement_plans", distinct=True),
        )
    )
    return render(request, "councils/region_detail.html", {"region": region, "councils": councils})
