from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from sli.two_factor.state import has_two_factor, is_pending


class SecondStepMiddleware:
    """After the password, until the code: every page but the code page, the set-up page (for
    someone who must use two-factor and has no authenticator yet) and sign-out sends the
    person to give their code. Placed after the session lifetime check, so that a session it
    ended is not asked for a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_pending(request) and request.path not in self.open_paths():
            step = "two_factor_code" if has_two_factor(request.user) else "two_factor_setup"
            query = ""
            if request.method == "GET":
                query = "?" + urlencode({"next": request.get_full_path()})
            return redirect(reverse(step) + query)
        return self.get_response(request)

    def open_paths(self):
        return {reverse(name) for name in ("two_factor_code", "two_factor_setup", "logout")}
