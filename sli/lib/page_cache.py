"""Rendered parts of pages kept in the cache, for as long as the data they show is unchanged.

A part is keyed on everything that decides what it shows: its name, the page's address with its
query (filters, sorting, page number), the user (whose roles decide the scope: roles are data,
so a change of role moves the stamp too), the day (overdue is counted against today) and the
change stamp (sli/lib/change_stamp.py) of the councils whose data it shows, when the page says
which (a council's dashboard, a plan), or of everything. A form's token differs with each
browser: a part keeps a placeholder where it goes, and each request puts its own in. Parts hold
no script nonce (the pages' scripts are files).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from sli.lib import change_stamp


def fragment_key(request, name, councils=None):
    parts = "|".join(
        str(part)
        for part in (
            name,
            request.get_full_path(),
            request.user.pk,
            timezone.localdate().isoformat(),
            change_stamp.current(councils),
        )
    )
    return "page-part:" + hashlib.sha256(parts.encode()).hexdigest()


# Rendered in place of the form token; get_token puts the request's own in, and makes sure the
# browser has the cookie.
CSRF_PLACEHOLDER = "csrf-token-of-this-request"


def cached_html(request, name, make, councils=None):
    """The HTML ``make()`` returns, from the cache when it was made for the same request,
    user, day and data (of ``councils``, ids, if it shows only theirs). ``make`` puts
    CSRF_PLACEHOLDER where a form's token goes. Only GET requests are cached: a form sent back
    with its errors is made afresh."""
    if not change_stamp.is_enabled() or request.method != "GET":
        html = str(make())
    else:
        key = fragment_key(request, name, councils)
        html = cache.get(key)
        if html is None:
            html = str(make())
            cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    # The HTML a template rendered, escaped there; only the form token is put in.
    return mark_safe(html)  # nosec B308 B703


def render_part(request, template_name, context, councils=None):
    """A template rendered for ``request`` as a cached part of its page; ``context`` is a
    function, called only when the part is not in the cache."""
    return cached_html(
        request,
        template_name,
        lambda: render_to_string(
            template_name, {**context(), "csrf_token": CSRF_PLACEHOLDER}, request
        ),
        councils,
    )


def render_with_part(request, template_name, context, part_name, part_context, councils=None):
    """The page ``template_name``, whose main part (``{{ content }}``) is the template
    ``part_name`` rendered as a cached part from ``part_context()``; ``councils``: the ids of
    the councils whose data the part shows, if it shows no other (else: every change)."""
    content = render_part(request, part_name, part_context, councils)
    return render(request, template_name, {**context, "content": content})
