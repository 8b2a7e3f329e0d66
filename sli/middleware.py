"""Middleware of the project's own."""

from django.utils.cache import patch_cache_control


def is_signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class PrivateResponsesMiddleware:
    """``Cache-Control: private, no-store`` on every response that depends on who asked, so
    that neither a shared proxy nor the browser's cache keeps a council's confidential plan,
    report or evidence: any response to a signed-in person, and any that sets a cookie (the
    session, a form's CSRF token, a message), which belongs to that visitor alone. The sign-in
    and password pages set the CSRF cookie, so they are covered too.

    Pages an anonymous visitor sees without a cookie (the public letters and plans, the
    accessibility statement) are the same for everyone and stay cacheable: they vary on the
    cookie only because the page's banner asks whether someone is signed in. Static files never get
    here: whitenoise answers them first.

    The directives are added to any a view set (``never_cache`` keeps its own), never
    replaced, so no view can make a signed-in response public by mistake. Listed before the
    session, CSRF and message middleware, so it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.cookies or is_signed_in(request):
            patch_cache_control(response, private=True, no_store=True)
        return response
