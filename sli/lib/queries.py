"""Query building blocks shared by the apps."""

from django.db.models import Count, IntegerField, Subquery, Value
from django.db.models.functions import Coalesce


def count_of(queryset):
    """A correlated subquery counting the distinct rows of ``queryset`` (which refers to the
    outer row with OuterRef), so counts of several relations never multiply each other."""
    counted = queryset.order_by().values(key=Value(1)).annotate(n=Count("pk", distinct=True))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), Value(0))


def counts_by(queryset, key):
    """How many rows there are for each value of ``key``, in one grouped query."""
    rows = queryset.values(key).annotate(n=Count("pk")).order_by()
    return {row[key]: row["n"] for row in rows}
