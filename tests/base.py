"""The named cast: the people most tests sign in as, one function each.

A test says who acts ("an editor of Wirral", "the lead of this review") instead of how that
person's membership is made; anything of the user (a name, an email address) can still be
given by keyword, as with the factories.
"""

from django.test import override_settings

from councils.models import Membership
from tests.factories import make_membership, make_user

Role = Membership.Role


def holding(role, scope, **fields):
    user = make_user(**fields)
    make_membership(user, role, scope)
    return user


def editor_of(council, **fields):
    """A council editor: changes the council's plans and answers its reviews."""
    return holding(Role.COUNCIL_EDITOR, council, **fields)


def councillor_of(council, **fields):
    """A council viewer, such as a scrutiny councillor: reads the council's work, changes
    nothing."""
    return holding(Role.COUNCIL_VIEWER, council, **fields)


def lead_of(review, **fields):
    """The peer lead of a review (its review lead)."""
    return holding(Role.REVIEW_LEAD, review, **fields)


def team_member_of(review, **fields):
    """A member of a review's team."""
    return holding(Role.REVIEW_TEAM, review, **fields)


def regional_lead_of(region, **fields):
    """A regional lead (the region's ADASS lead)."""
    return holding(Role.REGIONAL_LEAD, region, **fields)


# A query budget measures what building a page costs: with cached pages on (as in every other
# test), a page asked for again would cost only reading it from the cache.
building_pages = override_settings(PAGE_CACHE=False)
