"""The councils whose data a person sees, for keying the pages that span councils (the home
page, the action list) on those councils' change stamps only."""

from django.conf import settings
from django.core.cache import cache

from councils.access import is_site_admin
from councils.models import Council
from improvement_plans.models import ImprovementPlan
from reviews.models import Review
from sli.lib import change_stamp


def council_ids_seen_by(user):
    """The ids of the councils whose data ``user`` may see on any page: their councils, their
    regions', and the councils of the plans and reviews they read as a reviewer. None for
    someone who sees every council, or when pages are not cached.

    Kept in the cache under the site's own stamp, which every change of role, team or plan's
    reviews moves (those writes name no council)."""
    if not change_stamp.is_enabled() or is_site_admin(user):
        return None
    key = f"councils-seen:{user.pk}:{change_stamp.current(councils=())}"
    seen = cache.get(key)
    if seen is None:
        seen = (
            set(Council.objects.visible_to(user).values_list("pk", flat=True))
            | set(ImprovementPlan.objects.visible_to(user).values_list("council_id", flat=True))
            | set(Review.objects.visible_to(user).values_list("host_council_id", flat=True))
        )
        cache.set(key, seen, settings.PAGE_CACHE_SECONDS)
    return seen
