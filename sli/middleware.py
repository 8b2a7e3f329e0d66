"""Middleware of the project's own."""

from django.conf import settings
from django.utils.cache import patch_cache_control


def has_session(request):
    """The request carries a session: every signed-in person's does. Read from the cookie,
    not the session store, so that answering costs nothing even while the database is down."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class PrivateResponsesMiddleware:
    """``Cache-Control: private, no-store`` on every response that depends on who asked, so
    that neither a shared proxy nor the browser's cache keeps a council's confidential plan,
    report or evidence: any response to a request with a session (everyone signed in has
    one), and any that sets a cookie (the session, a form's CSRF token, a message), which
    belongs to that visitor alone. The sign-in and password pages set the CSRF cookie, so they
    are covered too.

    Pages an anonymous visitor sees without a cookie (the public letters and plans, the
    accessibility statement) are the same for everyone and stay cacheable: they vary on the
    cookie only because the page's banner asks whether someone is signed in. Static files
    never get here: whitenoise answers them first.

    The directives are added to any a view set (``never_cache`` keeps its own), never
    replaced, so no view can make a signed-in response public by mistake. Listed before the
    session, CSRF and message middleware, so it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.cookies or has_session(request):
            patch_cache_control(response, private=True, no_store=True)
        return response
