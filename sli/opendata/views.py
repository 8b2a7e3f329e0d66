"""The open data pages: the data dictionary, and each published letter's and plan's files
at addresses that never change (the council's slug and the record's number)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from improvement_plans.models import ImprovementPlan
from reviews.models import Review
from sli.lib.opendata import LICENCE_NAME, LICENCE_URL, download
from sli.opendata.datasets import LETTER_COLUMNS, PLAN_COLUMNS, letter_dataset, plan_dataset


@login_not_required
def dictionary(request):
    context = {
        "letter_columns": LETTER_COLUMNS,
        "plan_columns": PLAN_COLUMNS,
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
    }
    return render(request, "public/open_data.html", context)


@login_not_required
def letter_data(request, council, pk, file_format):
    review = get_object_or_404(
        Review.objects.published().select_related("host_council"),
        pk=pk,
        host_council__slug=council,
    )
    source = request.build_absolute_uri(reverse("public_letter", args=[review.pk]))
    return download(letter_dataset(review, source), file_format, f"{council}-letter-{review.pk}")


@login_not_required
def plan_data(request, council, pk, file_format):
    plan = get_object_or_404(
        ImprovementPlan.objects.published().select_related("council"), pk=pk, council__slug=council
    )
    source = request.build_absolute_uri(reverse("public_plan", args=[plan.pk]))
    return download(plan_dataset(plan, source), file_format, f"{council}-plan-{plan.pk}")
