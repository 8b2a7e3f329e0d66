"""Defences against sign-in abuse: a limit on failed sign-ins from one address, hourly limits
counted in the cache, and a session lifetime that activity does not extend."""

import time

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.cache import cache
from django.db.models import Sum
from django.template.defaultfilters import pluralize

SIGNED_IN_AT = "signed_in_at"
HOUR = 60 * 60


class AddressLimitedAxesHandler(AxesDatabaseHandler):
    """django-axes with a second, larger limit: AXES_ADDRESS_FAILURE_LIMIT failures from one
    address, whatever the usernames, lock that address out.

    Axes can count by several combinations ("ip_address" beside username and address) but holds
    them all to the one AXES_FAILURE_LIMIT, which would lock an office out after one person's
    five typos. Counting here also stops a successful sign-in from wiping the address's count:
    axes resets every combination the success matches, so a sprayer with one account of their
    own could start again after each success.
    """

    def get_failures(self, request, credentials=None):
        # Axes compares this one number with AXES_FAILURE_LIMIT both before checking a password
        # and after recording a failure, so an address past its own limit reports that limit.
        if self.address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return get_failure_limit(request, credentials)
        return super().get_failures(request, credentials)

    def address_failures(self, request):
        recent = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        )
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


def is_within_hourly_limit(key, limit):
    """Count one more use of ``key`` this clock hour; true while the count is within ``limit``."""
    # A fixed window keeps this to one add and one atomic increment, whichever cache is set up.
    window_key = f"hourly-limit:{key}:{int(time.time() // HOUR)}"
    cache.add(window_key, 0, timeout=HOUR)
    try:
        count = cache.incr(window_key)
    except ValueError:
        # The cache dropped the entry between the two calls (it was full, or the hour ended).
        cache.set(window_key, 1, timeout=HOUR)
        count = 1
    return count <= limit


class SessionLifetimeMiddleware:
    """Sign people out SESSION_MAX_HOURS after they signed in, however busy they have been.

    The idle timeout alone lets a session in steady use, or a stolen session cookie kept busy,
    last for ever.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.has_expired(request):
            logout(request)
            hours = settings.SESSION_MAX_HOURS
            messages.info(
                request,
                f"For your security, we signed you out {hours} hour{pluralize(hours)} after "
                "you signed in. Sign in again to continue.",
            )
            # LoginRequiredMiddleware now sends them to sign in, and back here afterwards;
            # public pages, the sign-in page among them, simply show as to anyone.

        response = self.get_response(request)
        # Stamped after the view, so that the sign-in request starts the clock; a session from
        # before this middleware starts it at its first request.
        if request.user.is_authenticated:
            request.session.setdefault(SIGNED_IN_AT, time.time())
        return response

    def has_expired(self, request):
        signed_in_at = request.session.get(SIGNED_IN_AT)
        return (
            request.user.is_authenticated
            and signed_in_at is not None
            and time.time() - signed_in_at > settings.SESSION_MAX_HOURS * HOUR
        )
