"""Who may see and change what: the membership rules, in one place.

Every scoped model's QuerySet has ``visible_to(user)`` and ``editable_by(user)``, built from
the conditions defined beside Membership in councils/models.py and offered here with the view
helpers. Views, form choices, filters, exports and the admin all go through them.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from councils.models import (
    NOTHING,
    in_councils,
    in_led_regions,
    in_reviews,
    is_site_admin,
    led_regions,
    memberships,
    scoped,
    their_regions,
)

__all__ = [
    "NOTHING",
    "can_edit",
    "in_councils",
    "in_led_regions",
    "in_reviews",
    "is_site_admin",
    "led_regions",
    "memberships",
    "require",
    "require_editable",
    "require_site_admin",
    "require_some",
    "scoped",
    "their_regions",
    "visible_or_404",
    "with_permissions",
]


def visible_or_404(queryset, user, **lookup):
    """The object if the user may see it; otherwise a 404, so its existence is not revealed."""
    return get_object_or_404(queryset.visible_to(user), **lookup)


CANNOT_CHANGE = "You can see this but not change it."


def require(permitted, obj, reason=CANNOT_CHANGE):
    """Refuse (403) an action on an object the user may see but not act on.

    ``permitted`` is the queryset of objects the user may act on, e.g. ``editable_by(user)``;
    ``reason`` is said on the refusal page, in plain words.
    """
    if not permitted.filter(pk=obj.pk).exists():
        raise PermissionDenied(reason)


def require_some(permitted, reason):
    """Refuse (403) a page that acts on no one object when the user may act on none of
    ``permitted`` (e.g. plan a review: the councils where they may plan one)."""
    if not permitted.exists():
        raise PermissionDenied(reason)


def require_site_admin(user, reason):
    """Refuse (403) a page for site administrators only (the audit) to everyone else."""
    if not is_site_admin(user):
        raise PermissionDenied(reason)


def require_editable(queryset, user, obj):
    require(queryset.editable_by(user), obj)


def can_edit(queryset, user, obj):
    return queryset.editable_by(user).filter(pk=obj.pk).exists()


def with_permissions(queryset, user, **checks):
    """Annotate each row with what ``user`` may do with it, in the same query: each keyword
    names an annotation and the QuerySet method that answers it, e.g.
    ``with_permissions(Action.objects.all(), user, can_edit="editable_by")``."""
    manager = queryset.model.objects
    return queryset.annotate(
        **{
            name: Exists(getattr(manager, method)(user).filter(pk=OuterRef("pk")))
            for name, method in checks.items()
        }
    )
