"""The two pages of a sign-in through the council's identity provider: the start, which sends
the browser there, and the callback it comes back to. mozilla-django-oidc's views, made lazy
(the endpoints are read from discovery when needed) and saying why a sign-in was refused."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.generic import View
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from sli.sso.backend import UNAVAILABLE, ProviderUnavailable, discovery, oidc_setting

CANCELLED = (
    "Your council's sign-in service did not sign you in (you may have cancelled, or it "
    "refused). Try again, or tell your council's IT service desk if it keeps happening."
)
STALE = (
    "This sign-in was started too long ago, or in another browser or tab. Start again from "
    "the sign-in page."
)


def refusal(request, reason, status=403):
    """The page that says why a sign-in through the council account did not work."""
    return render(
        request,
        "registration/sso_refused.html",
        {"reason": reason, "passwords_for_all": not settings.LOCAL_PASSWORDS_FOR_ADMINS_ONLY},
        status=status,
    )


@method_decorator(login_not_required, name="dispatch")
class StartSignIn(OIDCAuthenticationRequestView):
    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs):
        # The library's __init__ asks the provider for its endpoints: only when used, here.
        View.__init__(self, **kwargs)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID

    def get(self, request):
        if not settings.SSO_ENABLED:
            raise Http404("Single sign-on is not set up.")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = discovery()["authorization_endpoint"]
        except (ProviderUnavailable, KeyError):
            return refusal(request, UNAVAILABLE, status=503)
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class FinishSignIn(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        if not settings.SSO_ENABLED:
            raise Http404("Single sign-on is not set up.")
        if request.GET.get("error"):
            request.sso_refusal = CANCELLED
        try:
            return super().get(request)
        except SuspiciousOperation:
            # The state is not one this browser's session started.
            return refusal(request, STALE)

    def login_failure(self):
        return refusal(self.request, getattr(self.request, "sso_refusal", STALE))
