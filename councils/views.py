from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from councils.models import Council, Region
from improvement_plans.models import ImprovementPlan
from reviews.models import Review


def council_list(request):
    councils = (
        Council.objects.select_related("region")
        .annotate(
            review_count=Count("reviews", distinct=True),
            plan_count=Count("improvement_plans", distinct=True),
        )
        .order_by("region__name", "name")
    )
    return render(request, "councils/council_list.html", {"councils": councils})


def council_detail(request, slug):
    council = get_object_or_404(Council.objects.select_related("region"), slug=slug)
    reviews = Review.objects.filter(host_council=council).annotate(
        recommendation_count=Count("recommendations")
    )
    plans = ImprovementPlan.objects.filter(council=council).with_action_summary()
    return render(
        request,
        "councils/council_detail.html",
        {"council": council, "reviews": reviews, "plans": plans},
    )


def region_detail(request, slug):
    region = get_object_or_404(Region, slug=slug)
    councils = region.councils.annotate(
        review_count=Count("reviews", distinct=True),
        plan_count=Count("improvement_plans", distinct=True),
    )
    return render(request, "councils/region_detail.html", {"region": region, "councils": councils})
