"""The named cast: the people most tests sign in as, one function each.

A test says who acts ("an editor of Wirral", "the lead of this review") instead of how that
person's membership is made; anything of the user can still be given by keyword, as with the
factories. ``cast_for(review)`` gives the whole cast around one review at once.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser

from councils.models import Membership
from tests.factories import make_council, make_membership, make_user

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


@dataclass(frozen=True)
class Cast:
    editor: AbstractUser
    councillor: AbstractUser
    lead: AbstractUser
    regional_lead: AbstractUser
    outsider: AbstractUser


def cast_for(review):
    """The people around a review: its host council's editor and councillor, its lead, its
    region's lead, and an outsider (an editor of a council in another region)."""
    council = review.host_council
    return Cast(
        editor=editor_of(council, first_name="Eddie", last_name="Editor"),
        councillor=councillor_of(council, first_name="Vera", last_name="Viewer"),
        lead=lead_of(review, first_name="Lena", last_name="Lead"),
        regional_lead=regional_lead_of(council.region, first_name="Rhian", last_name="Region"),
        outsider=editor_of(make_council(), first_name="Olga", last_name="Outsider"),
    )
