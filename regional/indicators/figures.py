"""Indicators: each council's position in its region (rank, quartile) and trend, worked out
in the database.

Rank follows the measure's better direction (rank 1 is the best value) and ties share a rank,
as in a league table (1, 2, 2, 4). The quartile comes from the rank, so tied councils share a
quartile: quartile = floor(4 × (rank − 1) / councils reporting) + 1. The trend is the change
from the council's previous reading of the measure, judged by the direction.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Rank

from regional.models import Measure, Reading

IMPROVING, WORSENING, NO_CHANGE, NO_EARLIER = (
    "improving",
    "worsening",
    "no change",
    "no earlier reading",
)


def ranked_readings(measure, region, period_end):
    """The region's readings of ``measure`` for one period, best first, each annotated with
    ``rank``, ``reporting`` (councils with a reading), ``quartile``, ``previous`` (the value of
    the council's reading before this one), ``change`` and ``trend`` (words)."""
    best_first = F("value").desc() if measure.better == Measure.Better.HIGHER else F("value").asc()
    previous = (
        Reading.objects.filter(
            measure=OuterRef("measure"),
            council=OuterRef("council"),
            period_end__lt=OuterRef("period_end"),
        )
        .order_by("-period_end")
        .values("value")[:1]
    )
    better_up = measure.better == Measure.Better.HIGHER
    change = ExpressionWrapper(
        F("value") - F("previous"), output_field=DecimalField(max_digits=13, decimal_places=3)
    )
    return (
        Reading.objects.filter(measure=measure, council__region=region, period_end=period_end)
        .select_related("council")
        .annotate(
            rank=Window(Rank(), order_by=best_first),
            reporting=Window(Count("pk")),
            previous=Subquery(previous),
            change=change,
        )
        .annotate(
            quartile=ExpressionWrapper(
                (4 * (F("rank") - 1)) / F("reporting") + 1, output_field=IntegerField()
            ),
            trend=Case(
                When(previous__isnull=True, then=Value(NO_EARLIER)),
                When(value=F("previous"), then=Value(NO_CHANGE)),
                When(
                    Q(value__gt=F("previous")) if better_up else Q(value__lt=F("previous")),
                    then=Value(IMPROVING),
                ),
                default=Value(WORSENING),
                output_field=CharField(),
            ),
        )
        .order_by("rank", "council__name")
    )


def periods(measure, region):
    """The periods with readings of ``measure`` in ``region``, latest first."""
    return list(
        Reading.objects.filter(measure=measure, council__region=region)
        .order_by("-period_end")
        .values_list("period_end", flat=True)
        .distinct()
    )


@dataclass
class RegionalPicture:
    """One measure's latest period in a region."""

    period_end: date
    reporting: int = 0
    total: Decimal = Decimal(0)
    best: Decimal | None = None
    with_target: int = 0
    meeting_target: int = 0

    @property
    def average(self):
        return self.total / self.reporting if self.reporting else None


def regional_pictures(measures, region):
    """{measure pk: RegionalPicture of its latest period in ``region``}, in one query."""
    by_pk = {measure.pk: measure for measure in measures}
    latest = (
        Reading.objects.filter(council__region=region, measure__in=list(by_pk))
        .annotate(latest=Window(Max("period_end"), partition_by=[F("measure")]))
        .filter(period_end=F("latest"))
        .values_list("measure", "period_end", "value", "target")
    )
    pictures = {}
    for measure_pk, period_end, value, target in latest:
        higher = by_pk[measure_pk].better == Measure.Better.HIGHER
        picture = pictures.setdefault(measure_pk, RegionalPicture(period_end))
        picture.reporting += 1
        picture.total += value
        if picture.best is None or (value > picture.best if higher else value < picture.best):
            picture.best = value
        if target is not None:
            picture.with_target += 1
            picture.meeting_target += value >= target if higher else value <= target
    return pictures


def meets_target(measure, value, target):
    if target is None:
        return None
    return value >= target if measure.better == Measure.Better.HIGHER else value <= target
