"""Reciprocity: the officer and member days each council gives to other councils and
receives from them, per financial year (2015 is 2015/16, as for risk assessments).

Days come from two records:

- **review teams**: a team member whose home council is not the host gives the host the
  length of the visit (``visit_end - visit_start + 1`` days). Reviews still being planned
  count for nothing yet; team members from no council (the LGA, experts by experience) are
  not days between councils.
- **support offers** with a providing council, once accepted: their recorded days.

Four grouped queries, whatever the number of councils and reviews.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, DurationField, ExpressionWrapper, F, Sum, When
from django.db.models.functions import ExtractYear

from regional.models import SupportOffer
from reviews.models import Review, TeamMember

# "Far more than the average": at least this many times the region's average days given.
FAR_MORE = 2
GIVEN_STATUSES = (
    SupportOffer.Status.ACCEPTED,
    SupportOffer.Status.IN_PROGRESS,
    SupportOffer.Status.COMPLETED,
)


def financial_year(path):
    """The financial year (April to March) of a date field, as the year it starts."""
    return Case(
        When(**{f"{path}__month__gte": 4}, then=ExtractYear(path)),
        default=ExtractYear(path) - 1,
    )


def financial_year_of(day):
    return day.year if day.month >= 4 else day.year - 1


@dataclass
class YearFigures:
    given: Decimal = Decimal(0)
    received: Decimal = Decimal(0)

    @property
    def balance(self):
        return self.given - self.received


@dataclass
class CouncilReciprocity:
    council: object
    years: dict = field(default_factory=dict)
    only_receives: bool = False
    gives_far_more: bool = False

    def cells(self, years):
        return [self.years.get(year, YearFigures()) for year in years]

    @property
    def total(self):
        return YearFigures(
            given=sum((y.given for y in self.years.values()), Decimal(0)),
            received=sum((y.received for y in self.years.values()), Decimal(0)),
        )


def _team_days(group_by, **filters):
    """Team days between councils, grouped by ``group_by`` and financial year."""
    length = ExpressionWrapper(
        F("review__visit_end") - F("review__visit_start"), output_field=DurationField()
    )
    rows = (
        TeamMember.objects.filter(home_council__isnull=False, **filters)
        .exclude(review__status=Review.Status.PLANNED)
        .exclude(home_council=F("review__host_council"))
        .annotate(year=financial_year("review__visit_start"))
        .values(group_by, "year")
        .annotate(span=Sum(length), places=Count("pk"))
        .order_by()
    )
    # Each place is the visit's span in days plus the first day.
    return {(row[group_by], row["year"]): Decimal(row["span"].days + row["places"]) for row in rows}


def _support_days(group_by, **filters):
    rows = (
        SupportOffer.objects.filter(provider__isnull=False, status__in=GIVEN_STATUSES, **filters)
        .exclude(provider=F("council"))
        .annotate(year=financial_year("offered_on"))
        .values(group_by, "year")
        .annotate(days=Sum("days"))
        .order_by()
    )
    return {(row[group_by], row["year"]): row["days"] or Decimal(0) for row in rows}


def reciprocity(region):
    """Each council of the region with its days given and received per financial year, the
    years that have any, and the region's average days given per council."""
    councils = list(region.councils.all())
    given = defaultdict(Decimal)
    received = defaultdict(Decimal)
    for key, days in _team_days("home_council", home_council__region=region).items():
        given[key] += days
    for key, days in _support_days("provider", provider__region=region).items():
        given[key] += days
    for key, days in _team_days(
        "review__host_council", review__host_council__region=region
    ).items():
        received[key] += days
    for key, days in _support_days("council", council__region=region).items():
        received[key] += days

    rows = {council.pk: CouncilReciprocity(council) for council in councils}
    for (council_id, year), days in given.items():
        rows[council_id].years.setdefault(year, YearFigures()).given = days
    for (council_id, year), days in received.items():
        rows[council_id].years.setdefault(year, YearFigures()).received = days
    years = sorted({year for _, year in given} | {year for _, year in received})

    totals = [row.total for row in rows.values()]
    average = sum((t.given for t in totals), Decimal(0)) / len(totals) if totals else Decimal(0)
    for row, total in zip(rows.values(), totals, strict=True):
        row.only_receives = total.received > 0 and total.given == 0
        row.gives_far_more = total.given > 0 and total.given >= FAR_MORE * average
    return list(rows.values()), years, average
