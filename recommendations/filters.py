import django_filters
from django.db.models import Q

from recommendations.models import ImplementationState, Recommendation
from reviews.filters import (
    ReviewFilter,
    focus_areas,
    quality_statements,
    visible_councils,
    visible_reviews,
)
from sli.lib.filters import ListFilterSet, matching_words

NOT_ANSWERED = "none"


class RecommendationFilter(ListFilterSet):
    """Filters a queryset annotated by ``with_implementation_state()`` (of
    improvement_plans.implementation)."""

    q = django_filters.CharFilter(
        label="Words", method="filter_words", help_text="In the text of the recommendation"
    )
    council = django_filters.ModelChoiceFilter(
        label="Council",
        field_name="review__host_council",
        queryset=visible_councils,
        empty_label="All councils",
    )
    review = ReviewFilter(label="Review", queryset=visible_reviews, empty_label="All reviews")
    focus_area = django_filters.ModelChoiceFilter(
        label="Area of focus",
        queryset=focus_areas,
        method="filter_focus_area",
        empty_label="All areas of focus",
    )
    quality_statement = django_filters.ModelChoiceFilter(
        label="Quality statement",
        queryset=quality_statements,
        method="filter_quality_statement",
        empty_label="All quality statements",
    )
    response = django_filters.ChoiceFilter(
        label="Council's response",
        choices=[*Recommendation.Response.choices, (NOT_ANSWERED, "Not answered yet")],
        method="filter_response",
        empty_label="Any response",
    )
    implementation_state = django_filters.ChoiceFilter(
        label="Implementation", choices=ImplementationState.choices, empty_label="Any state"
    )

    class Meta:
        model = Recommendation
        fields = []

    def filter_words(self, queryset, name, value):
        return matching_words(queryset, ("text",), value)

    def filter_focus_area(self, queryset, name, focus_area):
        """A sub-item without an area of its own is in its parent's."""
        return queryset.filter(
            Q(focus_area=focus_area) | Q(focus_area__isnull=True, parent__focus_area=focus_area)
        )

    def filter_quality_statement(self, queryset, name, statement):
        """A sub-item untagged is under its parent's statements."""
        tagged = Recommendation.quality_statements.through.objects.filter(
            qualitystatement=statement
        ).values("recommendation")
        return queryset.filter(
            Q(pk__in=tagged) | Q(quality_statements__isnull=True, parent__in=tagged)
        )

    def filter_response(self, queryset, name, value):
        return queryset.filter(response="" if value == NOT_ANSWERED else value)
