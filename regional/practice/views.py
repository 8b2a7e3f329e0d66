from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect, render

from councils.access import require, require_some, visible_or_404
from councils.models import Council, Region
from regional.models import PracticeEntry
from regional.practice.directory import directory, match
from regional.practice.forms import PracticeEntryForm, PracticeSearchForm
from regional.practice.reciprocity import reciprocity

PER_PAGE = 50


def councils_for_practice(user):
    """Councils whose notable practice the user may record: their own as an editor, and
    every council of a region they lead."""
    return Council.objects.filter(
        Q(pk__in=Council.objects.for_editor(user).values("pk"))
        | Q(pk__in=Council.objects.hosts_plannable_by(user).values("pk"))
    )


def directory_page(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    form = PracticeSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = directory(
        request.user,
        region=region,
        focus_area=filters.get("focus_area"),
        words=filters.get("q", ""),
    )
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "regional/practice/directory.html",
        {
            "region": region,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "searched": bool(filters.get("q") or filters.get("focus_area")),
            "can_add": councils_for_practice(request.user).filter(region=region).exists(),
        },
    )


def new_practice(request):
    councils = councils_for_practice(request.user)
    require_some(councils, "Only a council's editors and the regional lead add practice.")
    form = PracticeEntryForm(request.POST or None, councils=councils)
    if form.is_valid():
        entry = form.save(commit=False)
        entry.created_by = request.user
        entry.save()
        messages.success(request, f"“{entry.title}” added to the good-practice directory.")
        return redirect(entry)
    return render(request, "regional/practice/entry_form.html", {"form": form})


def practice_detail(request, pk):
    # Practice is shared across the region; the council's own page is for its people.
    council_visible = Council.objects.visible_to(request.user).filter(pk=OuterRef("council"))
    entry = visible_or_404(
        PracticeEntry.objects.select_related(
            "council__region", "focus_area", "created_by"
        ).annotate(council_visible=Exists(council_visible)),
        request.user,
        pk=pk,
    )
    return render(request, "regional/practice/entry.html", {"entry": entry})


def matches(request, slug):
    council = visible_or_404(Council.objects.select_related("region"), request.user, slug=slug)
    needs, ranking = match(council, request.user)
    return render(
        request,
        "regional/practice/matches.html",
        {
            "council": council,
            "needs": needs,
            "ranking": ranking,
            "matched": sum(1 for need in needs if need.suggestions),
        },
    )


def reciprocity_page(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    require(Region.objects.led_by(request.user), region, "Reciprocity is for the regional lead.")
    rows, years, average = reciprocity(region)
    return render(
        request,
        "regional/practice/reciprocity.html",
        {
            "region": region,
            "rows": [(row, row.cells(years), row.total) for row in rows],
            "years": years,
            "average": average,
        },
    )
