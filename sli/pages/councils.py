"""A council's and a region's pages, and the list of councils: each gathers reviews, plans
and their figures from every app, so they live at the project level."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django_tables2 import RequestConfig

from councils.access import visible_or_404, with_permissions
from councils.models import Council, Region
from improvement_plans.models import ImprovementPlan
from improvement_plans.report import default_since
from reviews.cqc.latest import ORDERS, HeatMap
from reviews.models import Review
from sli.lib.page_cache import render_with_part
from sli.pages.dashboards import council_dashboard, regional_dashboard
from sli.pages.forms import ChangedSinceForm, RegionFilterForm
from sli.pages.tables import RegionCouncilsTable


def council_list(request):
    councils = (
        Council.objects.visible_to(request.user)
        .select_related("region")
        .annotate(
            # Counted from what the user may see, as the council's page lists them.
            review_count=Count(
                "reviews",
                filter=Q(reviews__in=Review.objects.visible_to(request.user)),
                distinct=True,
            ),
            plan_count=Count(
                "improvement_plans",
                filter=Q(improvement_plans__in=ImprovementPlan.objects.visible_to(request.user)),
                distinct=True,
            ),
        )
        .order_by("region__name", "name")
    )
    return render(request, "councils/council_list.html", {"councils": councils})


def council_detail(request, slug):
    council = visible_or_404(Council.objects.select_related("region"), request.user, slug=slug)
    return render_with_part(
        request,
        "councils/council_detail.html",
        {"council": council},
        "councils/includes/council_content.html",
        lambda: _council_context(request, council),
        councils=[council.pk],
    )


def _council_context(request, shown):
    council = with_permissions(
        Council.objects.select_related("region"),
        request.user,
        can_manage_people="for_editor",
        can_see_people="people_visible_to",
        can_invite_first_editor="first_editor_invitable_by",
        can_plan_review="hosts_plannable_by",
        can_enter_cqc_assessment="for_editor_or_lead",
        can_read_evidence="for_people_or_lead",
    ).get(pk=shown.pk)
    since_form = ChangedSinceForm(request.GET or None)
    # Without a chosen date, compare with six months ago (a committee meets twice a year).
    since = (since_form.cleaned_data["since"] if since_form.is_valid() else None) or (
        default_since()
    )
    reviews = with_permissions(
        Review.objects.visible_to(request.user)
        .filter(host_council=council)
        .with_recommendation_counts(request.user),
        request.user,
        can_respond="respondable_by",
    )
    plans = (
        ImprovementPlan.objects.visible_to(request.user)
        .filter(council=council)
        .with_action_summary()
    )
    return {
        "council": council,
        "reviews": reviews,
        "plans": plans,
        "dashboard": council_dashboard(council, request.user, since=since),
        "since_form": since_form,
    }


def region_detail(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    return render_with_part(
        request,
        "councils/region_detail.html",
        {"region": region},
        "councils/includes/region_content.html",
        lambda: _region_context(request, region),
        councils=region.councils.values_list("pk", flat=True),
    )


def _region_context(request, region):
    years = (
        Review.objects.visible_to(request.user)
        .filter(host_council__region=region)
        .dates("visit_start", "year", order="DESC")
    )
    form = RegionFilterForm(request.GET or None, years=[day.year for day in years])
    filters = form.cleaned_data if form.is_valid() else {}
    dashboard = regional_dashboard(
        region, request.user, kind=filters.get("kind"), year=filters.get("year")
    )
    rows = dashboard["rows"]
    heat_map = HeatMap.of(
        [row.council for row in rows], request.user, order=request.GET.get("cqc_order", "")
    )
    table = RegionCouncilsTable([row for row in rows if row.has_anything])
    RequestConfig(request, paginate=False).configure(table)
    return {
        "region": region,
        "form": form,
        "current_year": timezone.localdate().year,
        "leads_region": Region.objects.led_by(request.user).filter(pk=region.pk).exists(),
        "table": table,
        "nothing_yet": [row.council for row in rows if not row.has_anything],
        "heat_map": heat_map,
        "heat_map_orders": [
            (value, label, _with_query(request, cqc_order=value)) for value, label in ORDERS.items()
        ],
        **dashboard,
    }


def _with_query(request, **changes):
    """This page's query string with ``changes``: a link that keeps the chosen filters."""
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = value
    return f"?{query.urlencode()}"
