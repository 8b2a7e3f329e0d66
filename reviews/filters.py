"""Filters of the lists that pick a council, a review or a focus area: choices limited to
what the user may see, so a dropdown never names the others."""

import django_filters
from django import forms

from councils.models import Council
from reviews.models import FocusArea, QualityStatement, Review


class ReviewChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, review):
        return f"{review.title} ({review.host_council.name})"


class ReviewFilter(django_filters.ModelChoiceFilter):
    field_class = ReviewChoiceField


def visible_councils(request):
    """Only councils the user may see: a dropdown must not name the others."""
    return Council.objects.visible_to(request.user).only("pk", "name")


def visible_reviews(request):
    # Only what the label needs: a review row carries the whole letter's text.
    return (
        Review.objects.visible_to(request.user)
        .select_related("host_council")
        .only("pk", "title", "host_council__name")
        .order_by("host_council__name", "-visit_start", "title")
    )


def focus_areas(request):
    return FocusArea.objects.all()


def quality_statements(request):
    """Every version's statements, the latest framework's first."""
    return QualityStatement.objects.select_related("theme").order_by(
        "-theme__framework__applies_from", "number"
    )
