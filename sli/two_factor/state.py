"""Who must give a second factor, and where a signed-in session stands with it.

A session signed in by password (sli.two_factor.backends.PasswordBackend) is "pending" until
its code is given, if the person must use two-factor; SecondStepMiddleware lets a pending
session reach only the code and set-up pages and sign-out. The state is worked out once, as
the password is accepted, and kept in the session: other requests cost no query.
"""

import django_otp
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from councils.models import Membership, is_site_admin

SECOND_STEP = "second_step"
PENDING, DONE, NOT_NEEDED = "pending", "done", "not needed"
RECOVERY_CODES = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def is_required(user):
    """Site administrators and regional leads must use two-factor with a password."""
    return is_site_admin(user) or (
        Membership.objects.filter(user=user, role=Membership.Role.REGIONAL_LEAD).exists()
    )


def authenticator(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_two_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def start_second_step(sender, request, user, **kwargs):
    """On user_logged_in (connected in sli.apps): a password sign-in by someone who must use
    two-factor leaves the session pending. Django's own hook for what a sign-in starts, the
    one django-otp and django-axes use: it sees the admin's sign-in form as well as ours."""
    if getattr(user, "signed_in_with_password", False):
        must = has_two_factor(user) or is_required(user)
        request.session[SECOND_STEP] = PENDING if must else NOT_NEEDED


def is_pending(request):
    """True while this session has given a password but not yet the code it must give."""
    return request.user.is_authenticated and request.session.get(SECOND_STEP) == PENDING


def complete(request, device):
    """The code was right: the session is fully signed in, under a new session key (the
    session has gained rights, so a key seen before this moment is worth nothing)."""
    request.session.cycle_key()
    django_otp.login(request, device)
    request.session[SECOND_STEP] = DONE


def unconfirmed_authenticator(user):
    """The authenticator being set up: the same one (and QR code) until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def enrol(request, device):
    """Confirm the authenticator whose code was just given, give the user new recovery codes
    (returned, to be shown once) and sign the session fully in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = make_recovery_codes(device.user)
    complete(request, device)
    return codes


def make_recovery_codes(user):
    """New recovery codes for ``user``, replacing any they had; each works once."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def turn_off(user):
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
