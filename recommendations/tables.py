import django_tables2 as tables
from django.db.models import F
from django.db.models.functions import Coalesce
from django.template.defaultfilters import truncatewords
from django.utils.html import format_html

from recommendations.models import ImplementationState
from sli.lib.tables import NumericColumn, Table

STATE_TAG_COLOURS = {
    "implemented": "green",
    "overdue": "red",
    "no_action": "orange",
    "in_progress": "blue",
}


class RecommendationTable(Table):
    """Needs recommendations with the review, its host council and the parent selected, and
    annotated by ``with_implementation_state()`` (improvement_plans.implementation)."""

    council = tables.Column("Council", accessor="review__host_council__name")
    review = tables.Column("Review", accessor="review__title")
    recommendation = tables.Column("Recommendation", accessor="number", empty_values=())
    text = tables.Column("Text", orderable=False)
    statements = tables.Column(
        "Quality statements", accessor="quality_statements", empty_values=(), orderable=False
    )
    response = tables.Column("Response", empty_values=(), order_by=("response", "pk"))
    implementation_state = tables.Column("Implementation", order_by=("implementation_state", "pk"))
    action_count = NumericColumn("Actions", order_by=("action_count", "pk"))

    caption = "Recommendations"
    empty_text = "No recommendations match these filters."

    class Meta(Table.Meta):
        pass

    def order_recommendation(self, queryset, is_descending):
        """In the users' numbering: 16, 16(i), 16(ii), 17, within each review."""
        keys = [
            F("review__title"),
            F("review_id"),
            Coalesce("parent__number", "number"),
            F("parent_id").asc(nulls_first=True),
            F("number"),
        ]
        if is_descending:
            keys = [
                F("review__title").desc(),
                F("review_id").desc(),
                Coalesce("parent__number", "number").desc(),
                F("parent_id").desc(nulls_last=True),
                F("number").desc(),
            ]
        return queryset.order_by(*keys), True

    def render_review(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            record.review.get_absolute_url(),
            record.review,
        )

    def value_review(self, record):
        return record.review.title

    def render_recommendation(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">Recommendation {}</a>',
            record.get_absolute_url(),
            record.label,
        )

    def value_recommendation(self, record):
        return f"Recommendation {record.label}"

    def render_text(self, value):
        return truncatewords(value, 25)

    def value_text(self, value):
        return value

    def render_statements(self, record):
        return self.value_statements(record) or "None"

    def value_statements(self, record):
        # Prefetched with the rows (``listed_recommendations``).
        return "; ".join(statement.name for statement in record.quality_statements.all())

    def render_response(self, record):
        return record.get_response_display() or "Not answered yet"

    def value_response(self, record):
        return record.get_response_display()

    def render_implementation_state(self, record):
        state = record.implementation_state
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
            STATE_TAG_COLOURS.get(state, "grey"),
            ImplementationState(state).label,
        )

    def value_implementation_state(self, record):
        return ImplementationState(record.implementation_state).label
