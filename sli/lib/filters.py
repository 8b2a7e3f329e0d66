"""Pieces shared by the list filters: words in the text, GOV.UK date inputs, the filter set
whose choices come from what the user may see."""

from functools import reduce
from operator import and_, or_

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Q

from sli.lib.fields import DateInputsField

SEARCH_CONFIG = "english"


def matching_words(queryset, fields, text):
    """Rows whose ``fields`` contain the words of ``text``: PostgreSQL full-text search
    (English stemming, so "reviewing" finds "reviewed"; quotes and "or" as on the web), or on
    SQLite every word somewhere in the fields, ignoring case."""
    words = text.split()
    if not words:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        return queryset.alias(words_document=SearchVector(*fields, config=SEARCH_CONFIG)).filter(
            words_document=SearchQuery(
                " ".join(words), config=SEARCH_CONFIG, search_type="websearch"
            )
        )
    return queryset.filter(
        reduce(
            and_,
            (
                reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
                for word in words
            ),
        )
    )


class DayFilter(django_filters.DateFilter):
    """A date as day, month and year boxes (the GOV.UK date input)."""

    field_class = DateInputsField


class ListFilterSet(django_filters.FilterSet):
    """Filters whose choices come from what ``request.user`` may see."""

    def __init__(self, data=None, queryset=None, *, request, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)

    @property
    def applied(self):
        """The labels of the filters the request sets (a date counts once, whatever its
        parts), for the summary of the folded filter panel."""
        data = self.data or {}
        return [
            str(field.label)
            for name, field in self.filters.items()
            if any(
                value
                for key, value in data.items()
                if key == name or key.startswith(f"{name}_")  # a date's day, month and year
            )
        ]
