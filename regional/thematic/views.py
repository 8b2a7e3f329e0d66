"""Thematic reviews: the region's themes, each council's self-assessment against a theme's
standards, and the summary across councils."""

from collections import Counter

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from councils.access import require, visible_or_404
from councils.models import Council, Region
from regional.models import SelfAssessment, Standard, StandardLevel, Theme
from regional.thematic.forms import SelfAssessmentForm, ThemeForm

LEVELS = range(5)


def themes(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    context = {
        "region": region,
        "themes": Theme.objects.visible_to(request.user).filter(region=region),
        "can_add": region.is_led_by(request.user),
    }
    return render(request, "regional/thematic/themes.html", context)


def new_theme(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    require(Region.objects.led_by(request.user), region, "Only the region's lead sets its themes.")
    form = ThemeForm(request.POST or None, instance=Theme(region=region))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            theme = form.save()
            Standard.objects.bulk_create(
                Standard(theme=theme, number=number, text=text)
                for number, text in enumerate(form.cleaned_data["standards"], start=1)
            )
        messages.success(request, f"Theme “{theme.title}” added")
        return redirect(theme)
    return render(request, "regional/thematic/theme_form.html", {"region": region, "form": form})


def theme_summary(theme):
    """For each standard, councils at each level, and the strengths and areas for development
    councils gave; the councils below Level 1 on any standard."""
    levels = (
        StandardLevel.objects.filter(standard__theme=theme)
        .select_related("self_assessment__council")
        .order_by("standard__number", "self_assessment__council__name")
    )
    by_standard = {standard.pk: [] for standard in theme.standards.all()}
    for entry in levels:
        by_standard.setdefault(entry.standard_id, []).append(entry)
    rows = []
    below = {}
    for standard in theme.standards.all():
        entries = by_standard[standard.pk]
        counts = Counter(entry.level for entry in entries)
        for entry in entries:
            if entry.level < 1:
                council = entry.self_assessment.council
                below.setdefault(council.pk, (council, []))[1].append(standard.number)
        rows.append(
            {
                "standard": standard,
                "counts": [counts.get(level, 0) for level in LEVELS],
                "below": [e.self_assessment.council for e in entries if e.level < 1],
                "strengths": [e for e in entries if e.strengths.strip()],
                "areas": [e for e in entries if e.areas_for_development.strip()],
            }
        )
    return rows, sorted(below.values(), key=lambda item: item[0].name)


def theme(request, pk):
    theme = visible_or_404(Theme.objects.select_related("region"), request.user, pk=pk)
    rows, below = theme_summary(theme)
    assessments = {
        sa.council_id: sa
        for sa in SelfAssessment.objects.filter(theme=theme).only("council", "submitted_at")
    }
    councils = [
        (council, assessments.get(council.pk))
        for council in Council.objects.filter(region=theme.region).order_by("name")
    ]
    context = {
        "theme": theme,
        "rows": rows,
        "below": below,
        "councils": councils,
        "levels": LEVELS,
        "submitted": sum(1 for _, sa in councils if sa and sa.submitted_at),
    }
    return render(request, "regional/thematic/theme.html", context)


def self_assessment(request, pk):
    assessment = visible_or_404(
        SelfAssessment.objects.select_related("council"), request.user, pk=pk
    )
    return redirect(
        "regional:council_self_assessment", pk=assessment.theme_id, slug=assessment.council.slug
    )


def council_self_assessment(request, pk, slug):
    theme = visible_or_404(Theme.objects.select_related("region"), request.user, pk=pk)
    council = get_object_or_404(Council, region=theme.region, slug=slug)
    assessment = SelfAssessment.objects.filter(theme=theme, council=council).first()
    fillers = Council.objects.for_editor_or_lead(request.user)
    can_fill = fillers.filter(pk=council.pk).exists()
    if request.method == "POST":
        require(fillers, council, "Only the council's editors and the region's lead fill this in.")
    standards = list(theme.standards.all())
    levels = {
        entry.standard_id: entry
        for entry in (assessment.levels.all() if assessment else StandardLevel.objects.none())
    }
    form = SelfAssessmentForm(request.POST or None, standards=standards, levels=levels)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            assessment, _ = SelfAssessment.objects.get_or_create(theme=theme, council=council)
            for standard, values in form.entries():
                StandardLevel.objects.update_or_create(
                    self_assessment=assessment, standard=standard, defaults=values
                )
            assessment.submitted_at = timezone.now()
            assessment.save(update_fields=["submitted_at"])
        messages.success(request, f"The self-assessment of {council.name} was submitted")
        return redirect(theme)
    context = {
        "theme": theme,
        "council": council,
        "assessment": assessment,
        "form": form,
        "can_fill": can_fill,
        "entries": [(standard, levels.get(standard.pk)) for standard in standards],
    }
    return render(request, "regional/thematic/self_assessment.html", context)
