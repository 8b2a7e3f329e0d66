"""The audit of sign-ins: every attempt, with a password or a council account, and what came
of it (signed in, failed and why, locked out), recorded from Django's sign-in signals.

Django announces sign-ins only by its ``user_logged_in`` and ``user_login_failed`` signals, for
every way in (the sign-in page, the single sign-on callback, the admin's own sign-in), so the
audit listens there rather than in each view. django-axes handles the same signals first
(its app is set up before ours), so a failure it turned into a lock-out is known here.
"""

from axes.helpers import get_client_ip_address
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed

from councils.models import SignInEvent

SSO_BACKEND = "sli.sso.backend.CouncilAccountBackend"
LOCKED_OUT = "Too many failed attempts from this address: sign-in locked for a while"
WRONG_PASSWORD = "Wrong username or password"


def client_address(request):
    if request is None:
        return None
    return getattr(request, "axes_ip_address", None) or get_client_ip_address(request)


def record(request, **fields):
    return SignInEvent.objects.create(ip_address=client_address(request), **fields)


def record_sign_in(sender, request, user, **kwargs):
    method = (
        SignInEvent.Method.SSO
        if getattr(user, "backend", "") == SSO_BACKEND
        else SignInEvent.Method.PASSWORD
    )
    record(
        request,
        user=user,
        username=user.get_username(),
        method=method,
        outcome=SignInEvent.Outcome.SIGNED_IN,
    )


def record_failure(sender, credentials, request=None, **kwargs):
    # Only the single sign-on callback authenticates with a nonce.
    if "nonce" in credentials:
        method = SignInEvent.Method.SSO
        username = getattr(request, "sso_email", "")
        reason = getattr(request, "sso_refusal", "")
        lookup = {"email__iexact": username}
    else:
        method = SignInEvent.Method.PASSWORD
        username = credentials.get("username") or ""
        reason = WRONG_PASSWORD
        lookup = {get_user_model().USERNAME_FIELD: username}
    locked_out = getattr(request, "axes_locked_out", False)
    record(
        request,
        user=get_user_model().objects.filter(**lookup).first() if username else None,
        username=username[:254],
        method=method,
        outcome=SignInEvent.Outcome.LOCKED_OUT if locked_out else SignInEvent.Outcome.FAILED,
        reason=(LOCKED_OUT if locked_out else reason)[:300],
    )


def record_password_refusal(request, user, reason):
    """A right password refused by the rules (passwords only for site administrators)."""
    record(
        request,
        user=user,
        username=user.get_username(),
        method=SignInEvent.Method.PASSWORD,
        outcome=SignInEvent.Outcome.FAILED,
        reason=reason[:300],
    )


def listen():
    user_logged_in.connect(record_sign_in, dispatch_uid="sli.audit.sign_in")
    user_login_failed.connect(record_failure, dispatch_uid="sli.audit.failure")
