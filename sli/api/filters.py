"""The API's filters: those of the lists (recommendations, actions), with dates as
YYYY-MM-DD instead of the pages' day, month and year boxes, and simple ones for the rest."""

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from councils.models import Council
from improvement_plans.filters import ActionFilter
from improvement_plans.models import ImprovementPlan, ProgressUpdate
from recommendations.filters import RecommendationFilter
from reviews.filters import focus_areas, quality_statements, visible_reviews
from reviews.models import Review

BIGGEST_ID = 2**63 - 1


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": BIGGEST_ID})
class IdFilter(django_filters.NumberFilter):
    """A record's number: a whole number the database can hold, or the answer is 400 (a
    number too big for a foreign key's column is an error in the database, not "none")."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=BIGGEST_ID, **kwargs)


@extend_schema_field(OpenApiTypes.INT)
class ChosenById(django_filters.ModelChoiceFilter):
    """A record picked by its number, among those the user may see."""


class CouncilApiFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__slug", help_text="A region's slug.")

    class Meta:
        model = Council
        fields = ["region", "kind"]


class ReviewApiFilter(django_filters.FilterSet):
    council = django_filters.CharFilter(
        field_name="host_council__slug", help_text="The host council's slug."
    )
    published = django_filters.BooleanFilter(
        field_name="published_at", lookup_expr="isnull", exclude=True
    )
    visit_from = django_filters.DateFilter(field_name="visit_start", lookup_expr="gte")
    visit_to = django_filters.DateFilter(field_name="visit_start", lookup_expr="lte")

    class Meta:
        model = Review
        fields = ["council", "kind", "status", "published", "visit_from", "visit_to"]


class RecommendationApiFilter(RecommendationFilter):
    """The recommendation list's filters (council and review by their ids)."""

    quality_statement = ChosenById(queryset=quality_statements, method="filter_quality_statement")


class ActionApiFilter(ActionFilter):
    """The action list's filters, and the plan."""

    review = ChosenById(queryset=visible_reviews, method="filter_review")
    focus_area = ChosenById(queryset=focus_areas, method="filter_focus_area")
    due_from = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    due_to = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")
    plan = IdFilter(field_name="plan")


class PlanApiFilter(django_filters.FilterSet):
    council = django_filters.CharFilter(field_name="council__slug", help_text="A council's slug.")
    published = django_filters.BooleanFilter(
        field_name="published_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = ImprovementPlan
        fields = ["council", "status", "published"]


class ProgressUpdateApiFilter(django_filters.FilterSet):
    council = django_filters.CharFilter(
        field_name="action__plan__council__slug", help_text="A council's slug."
    )
    plan = IdFilter(field_name="action__plan")
    action = IdFilter(field_name="action")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = ProgressUpdate
        fields = ["council", "plan", "action", "status", "date_from", "date_to"]
