"""Indicators: ASCOF and local measures, readings per council, each council's rank, quartile
and trend in its region, with charts."""

from django.contrib import messages
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render

from councils.access import led_regions, require, require_some, scoped, visible_or_404
from councils.models import Council, Region
from regional.indicators.figures import meets_target, periods, ranked_readings, regional_pictures
from regional.indicators.forms import ImportReadingsForm, MeasureForm, ReadingForm
from regional.indicators.readings import read_readings_file, save_readings
from regional.models import Measure, Reading
from sli.lib.charts import bar_chart, line_chart

QUARTILE_KIND = {1: "green", 2: "blue", 3: "amber", 4: "red"}


def _led_region_or_403(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    require(
        Region.objects.led_by(request.user),
        region,
        "Only the region's lead changes its indicators.",
    )
    return region


def indicators(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    measures = list(
        Measure.objects.visible_to(request.user).filter(Q(region__isnull=True) | Q(region=region))
    )
    pictures = regional_pictures(measures, region)
    context = {
        "region": region,
        "rows": [(measure, pictures.get(measure.pk)) for measure in measures],
        "can_change": region.is_led_by(request.user),
    }
    return render(request, "regional/indicators/indicators.html", context)


def _region_for(request, measure):
    """A local measure's own region; for a national one, ``?region=`` or the user's first
    region, among the regions the user can see."""
    if measure.region_id:
        return measure.region
    theirs = Region.objects.visible_to(request.user).order_by("name")
    wanted = request.GET.get("region")
    if wanted:
        region = theirs.filter(slug=wanted).first()
        if region is None:
            raise Http404("No such region of yours.")
        return region
    return theirs.first()


def measure(request, pk):
    measure = visible_or_404(Measure.objects.select_related("region"), request.user, pk=pk)
    region = _region_for(request, measure)
    context = {"measure": measure, "region": region, "regions": [], "rows": []}
    if not measure.region_id:
        context["regions"] = Region.objects.visible_to(request.user).order_by("name")
    if region is None:
        return render(request, "regional/indicators/measure.html", context)
    available = periods(measure, region)
    period = _chosen_period(request, available)
    rows = list(ranked_readings(measure, region, period)) if period else []
    for row in rows:
        row.meets_target = meets_target(measure, row.value, row.target)
    council = _chosen_council(request, region, rows)
    history = (
        Reading.objects.filter(measure=measure, council=council).order_by("period_end")
        if council
        else []
    )
    unit = measure.unit
    context.update(
        periods=available,
        period=period,
        rows=rows,
        council=council,
        councils=Council.objects.filter(region=region).order_by("name"),
        can_enter=region.is_led_by(request.user),
        ranking_chart=bar_chart(
            f"{measure.code} by council, {period:%B %Y}"
            if period
            else f"{measure.code} by council",
            [
                (f"{row.rank}. {row.council.name}", float(row.value), QUARTILE_KIND[row.quartile])
                for row in rows
            ],
            unit,
            label_header="Council (rank)",
            value_header="Value",
            id="ranking-chart",
        ),
        trend_chart=line_chart(
            f"{measure.code} for {council.name}" if council else f"{measure.code} trend",
            [(f"{reading.period_end:%b %Y}", float(reading.value)) for reading in history],
            unit,
            y_max=None,
            id="trend-chart",
        ),
    )
    return render(request, "regional/indicators/measure.html", context)


def _chosen_period(request, available):
    wanted = request.GET.get("period")
    for period in available:
        if wanted == period.isoformat():
            return period
    return available[0] if available else None


def _chosen_council(request, region, rows):
    councils = Council.objects.filter(region=region)
    wanted = request.GET.get("council")
    if wanted:
        return councils.filter(slug=wanted).first()
    own = councils.filter(memberships__user=request.user).first()
    if own:
        return own
    return rows[0].council if rows else None


def new_measure(request, slug):
    region = _led_region_or_403(request, slug)
    form = MeasureForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        measure = form.save()
        messages.success(request, f"Measure {measure.code} added")
        return redirect(f"{measure.get_absolute_url()}?region={region.slug}")
    return render(
        request, "regional/indicators/measure_form.html", {"region": region, "form": form}
    )


def new_reading(request, pk):
    measure = visible_or_404(Measure.objects.select_related("region"), request.user, pk=pk)
    councils = scoped(Council.objects.all(), request.user, Q(region__in=led_regions(request.user)))
    if measure.region_id:
        councils = councils.filter(region=measure.region)
    require_some(councils, "Only a regional lead enters readings.")
    form = ReadingForm(request.POST or None, councils=councils.order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reading, created = Reading.objects.update_or_create(
            measure=measure,
            council=data["council"],
            period_end=data["period_end"],
            defaults={"value": data["value"], "target": data["target"]},
        )
        verb = "added" if created else "replaced"
        messages.success(request, f"Reading for {reading.council.name} {verb}")
        return redirect(f"{measure.get_absolute_url()}?region={reading.council.region.slug}")
    return render(
        request, "regional/indicators/reading_form.html", {"measure": measure, "form": form}
    )


def import_readings(request, slug):
    """Upload, see what each row would do, then confirm; the upload is kept in storage
    between the two steps and read again."""
    region = _led_region_or_403(request, slug)
    form = ImportReadingsForm(request.POST or None, request.FILES or None)
    preview = upload_name = None
    folder = f"imports/readings-{region.pk}/"
    if request.POST.get("step") == "apply":
        upload_name = request.POST.get("upload", "")
        if not (
            upload_name.startswith(folder)
            and ".." not in upload_name
            and default_storage.exists(upload_name)
        ):
            messages.error(request, "Upload the file again: the one checked has expired")
            return redirect("regional:import_readings", slug=region.slug)
        with default_storage.open(upload_name, "rb") as upload:
            preview = read_readings_file(upload, name=upload_name, region=region)
        if preview.is_valid:
            count = save_readings(preview)
            default_storage.delete(upload_name)
            messages.success(request, f"{count} reading{'s' if count != 1 else ''} imported")
            return redirect("regional:indicators", slug=region.slug)
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        preview = read_readings_file(upload, name=upload.name, region=region)
        if preview.is_valid:
            upload.seek(0)
            upload_name = default_storage.save(f"{folder}{upload.name}", upload)
    context = {"region": region, "form": form, "preview": preview, "upload_name": upload_name}
    return render(request, "regional/indicators/import.html", context)
