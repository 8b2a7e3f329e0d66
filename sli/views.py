from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.shortcuts import render

from councils.models import Region
from improvement_plans.models import ImprovementPlan
from reviews.models import Review
from sli.home import home_sections


def home(request):
    regions = Region.objects.visible_to(request.user).annotate(council_count=Count("councils"))
    recent_reviews = (
        Review.objects.visible_to(request.user)
        .select_related("host_council")
        .order_by("-visit_start")[:10]
    )
    context = {"regions": regions, "recent_reviews": recent_reviews}
    return render(request, "home.html", context | home_sections(request.user))


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
