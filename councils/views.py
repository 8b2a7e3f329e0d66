from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from councils.access import require, visible_or_404, with_permissions
from councils.dashboards import council_dashboard, regional_dashboard
from councils.forms import AddPersonForm, ChangedSinceForm, RegionFilterForm
from councils.models import Council, Membership, Region
from councils.services import add_person
from councils.tables import RegionCouncilsTable
from improvement_plans.models import ImprovementPlan
from improvement_plans.report import default_since
from reviews.models import Review


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
    council = visible_or_404(
        with_permissions(
            Council.objects.select_related("region"),
            request.user,
            can_manage_people="for_editor",
            can_see_people="people_visible_to",
            can_invite_first_editor="first_editor_invitable_by",
            can_plan_review="hosts_plannable_by",
            can_enter_cqc_assessment="for_editor_or_lead",
        ),
        request.user,
        slug=slug,
    )
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
    return render(
        request,
        "councils/council_detail.html",
        {
            "council": council,
            "reviews": reviews,
            "plans": plans,
            "dashboard": council_dashboard(council, request.user, since=since),
            "since_form": since_form,
        },
    )


def region_detail(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
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
    table = RegionCouncilsTable([row for row in rows if row.has_anything])
    RequestConfig(request, paginate=False).configure(table)
    context = {
        "region": region,
        "form": form,
        "current_year": timezone.localdate().year,
        "leads_region": Region.objects.led_by(request.user).filter(pk=region.pk).exists(),
        "table": table,
        "nothing_yet": [row.council for row in rows if not row.has_anything],
        **dashboard,
    }
    return render(request, "councils/region_detail.html", context)


def people(request, slug):
    council = visible_or_404(Council.objects, request.user, slug=slug)
    require(Council.objects.people_visible_to(request.user), council)
    if request.method == "POST":
        require(Council.objects.invitable_by(request.user), council)
    roles = council.roles_invitable_by(request.user)
    form = AddPersonForm(request.POST or None, council=council, roles=roles) if roles else None
    if request.method == "POST" and form.is_valid():
        invited = form.cleaned_data["user"] is None
        membership = add_person(
            council=council, by=request.user, request=request, **form.cleaned_data
        )
        messages.success(
            request,
            f"{membership.user.get_full_name() or membership.user.email} is now a "
            f"{membership.get_role_display().lower()} for {council}."
            + (" They have been sent an invitation by email." if invited else ""),
        )
        return redirect("councils:people", slug=council.slug)
    memberships = Membership.objects.visible_to(request.user).filter(council=council)
    context = {
        "council": council,
        "memberships": memberships.select_related("user"),
        "form": form,
        "can_remove": Council.objects.for_editor(request.user).filter(pk=council.pk).exists(),
    }
    return render(request, "councils/people.html", context)


@require_POST
def remove_person(request, slug, pk):
    council = visible_or_404(Council.objects, request.user, slug=slug)
    require(Council.objects.for_editor(request.user), council)
    membership = get_object_or_404(
        Membership.objects.editable_by(request.user).select_related("user"),
        council=council,
        pk=pk,
    )
    editors = Membership.objects.filter(council=council, role=Membership.Role.COUNCIL_EDITOR)
    if membership.role == Membership.Role.COUNCIL_EDITOR and editors.count() == 1:
        messages.error(request, f"{council} needs at least one editor: add another first.")
    else:
        membership.delete()
        messages.success(
            request,
            f"{membership.user.get_full_name() or membership.user.get_username()} is no "
            f"longer a {membership.get_role_display().lower()} for {council}.",
        )
    return redirect("councils:people", slug=council.slug)
