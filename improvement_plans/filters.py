import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from improvement_plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    Milestone,
    Rag,
    RatingChallenge,
)
from reviews.filters import ReviewFilter, focus_areas, visible_councils, visible_reviews
from sli.lib.filters import DayFilter, ListFilterSet, matching_words

WORDS_FIELDS = ("title", "how", "expected_evidence", "owner_name")
NOT_RATED = "none"


class ActionFilter(ListFilterSet):
    q = django_filters.CharFilter(
        label="Words",
        method="filter_words",
        help_text="In the action, how it will be achieved, the expected evidence or the owner",
    )
    council = django_filters.ModelChoiceFilter(
        label="Council",
        field_name="plan__council",
        queryset=visible_councils,
        empty_label="All councils",
    )
    review = ReviewFilter(
        label="Review",
        queryset=visible_reviews,
        method="filter_review",
        empty_label="All reviews",
    )
    focus_area = django_filters.ModelChoiceFilter(
        label="Area of focus",
        queryset=focus_areas,
        method="filter_focus_area",
        empty_label="All areas of focus",
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=ActionStatus.choices, empty_label="Any status"
    )
    rag = django_filters.ChoiceFilter(
        label="Council's RAG rating",
        choices=[*Rag.choices, (NOT_RATED, "Not rated")],
        method="filter_rag",
        empty_label="Any rating",
    )
    owner = django_filters.CharFilter(label="Owner", method="filter_owner")
    overdue = django_filters.ChoiceFilter(
        label="Overdue",
        choices=[("yes", "Overdue"), ("no", "Not overdue"), ("in_time", "Open, not yet due")],
        method="filter_overdue",
        empty_label="Overdue or not",
    )
    needs = django_filters.ChoiceFilter(
        label="Needs attention",
        choices=[
            ("milestone_missed", "A milestone missed"),
            ("update_due", "Due for an update"),
            ("rag_contradicted", "Rated green against the dates"),
            ("rebaselined", "Due date moved"),
            ("challenged", "Rating challenged"),
        ],
        method="filter_needs",
        empty_label="Anything",
    )
    due_from = DayFilter(label="Due on or after", field_name="due_date", lookup_expr="gte")
    due_to = DayFilter(label="Due on or before", field_name="due_date", lookup_expr="lte")

    class Meta:
        model = Action
        fields = []

    def filter_words(self, queryset, name, value):
        return matching_words(queryset, WORDS_FIELDS, value)

    def filter_review(self, queryset, name, review):
        """Actions of plans answering the review, or addressing one of its recommendations."""
        answering = Action.objects.filter(
            Q(plan__reviews=review) | Q(recommendations__review=review)
        )
        return queryset.filter(pk__in=answering.values("pk"))

    def filter_focus_area(self, queryset, name, focus_area):
        """Actions addressing a recommendation in that area (a sub-item takes its parent's)."""
        addressing = Action.objects.filter(
            Q(recommendations__focus_area=focus_area)
            | Q(
                recommendations__focus_area__isnull=True,
                recommendations__parent__focus_area=focus_area,
            )
        )
        return queryset.filter(pk__in=addressing.values("pk"))

    def filter_rag(self, queryset, name, value):
        return queryset.filter(rag="" if value == NOT_RATED else value)

    def filter_owner(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(owner_name__icontains=value)
            | Q(owner_user__first_name__icontains=value)
            | Q(owner_user__last_name__icontains=value)
        )

    def filter_overdue(self, queryset, name, value):
        if value == "yes":
            return queryset.overdue()
        if value == "in_time":
            return queryset.open().filter(due_date__gte=timezone.localdate())
        return queryset.exclude(pk__in=Action.objects.overdue().values("pk"))

    def filter_needs(self, queryset, name, value):
        if value == "milestone_missed":
            missed = Milestone.objects.missed().filter(action=OuterRef("pk"))
            return queryset.filter(Exists(missed))
        if value == "update_due":
            return queryset.update_due()
        if value == "rebaselined":
            return queryset.filter(Exists(DueDateChange.objects.filter(action=OuterRef("pk"))))
        if value == "challenged":
            unanswered = RatingChallenge.objects.filter(action=OuterRef("pk"), answer="")
            return queryset.filter(Exists(unanswered))
        return queryset.rag_contradicted()
