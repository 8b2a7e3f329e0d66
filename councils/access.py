"""Who may see and change what: the membership rules, in one place.

Every scoped model's QuerySet has ``visible_to(user)`` and ``editable_by(user)``, built from
the conditions below. Views, form choices, filters, exports and the admin all go through them.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from councils.models import Membership, Region

Role = Membership.Role
NOTHING = Q(pk__in=[])


def is_site_admin(user):
    return user.is_active and (user.is_staff or user.is_superuser)


def _memberships(user, roles):
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, user__is_active=True, role__in=roles)


def in_councils(user, council_path, roles=Membership.COUNCIL_ROLES):
    """The object's council is one where the user holds one of ``roles``."""
    return Q(**{f"{council_path}__in": _memberships(user, roles).values("council")})


def led_regions(user):
    return _memberships(user, [Role.REGIONAL_LEAD]).values("region")


def their_regions(user):
    """The regions whose people the user is among: where they hold a council role, and those
    they lead. A review team is not among them: it reads its review, its host council and the
    plans answering the review, not the regional programme."""
    councils = _memberships(user, Membership.COUNCIL_ROLES).values("council")
    return Region.objects.filter(Q(pk__in=led_regions(user)) | Q(councils__in=councils)).values(
        "pk"
    )


def in_led_regions(user, council_path):
    """The object's council is in a region the user leads ("" when the object is a council)."""
    path = f"{council_path}__region__in" if council_path else "region__in"
    return Q(**{path: led_regions(user)})


def in_reviews(user, review_path, roles=Membership.REVIEW_ROLES):
    """The object belongs to a review whose team the user is on (with one of ``roles``)."""
    return Q(**{f"{review_path}__in": _memberships(user, roles).values("review")})


def scoped(queryset, user, condition):
    """Filter ``queryset`` to ``condition`` for ``user``: all for site admins, none for guests."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if is_site_admin(user):
        return queryset
    return queryset.filter(condition)


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
