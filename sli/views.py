from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from councils.models import Region
from improvement_plans.models import Action
from reviews.models import Review


def home(request):
    today = timezone.localdate()
    regions = Region.objects.annotate(council_count=Count("councils")).order_by("name")
    recent_reviews = Review.objects.select_related("host_council").order_by("-visit_start")[:10]
    actions = Action.objects.aggregate(
        open=Count("pk", filter=~Q(status__in=["completed", "cancelled"])),
        overdue=Count("pk", filter=Q(pk__in=Action.objects.overdue(today).values("pk"))),
        rag_contradicted=Count(
            "pk", filter=Q(pk__in=Action.objects.rag_contradicted(today).values("pk"))
        ),
    )
    return render(
        request,
        "home.html",
        {"regions": regions, "recent_reviews": recent_reviews, "actions": actions},
    )


@login_not_required
def accessibility(request):
    return render(request, "accessibility.html")
