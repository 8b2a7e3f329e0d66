from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from councils.models import Membership


def add_person(*, council, email, full_name, role, request, user=None):
    """Give someone a role for the council, creating their account (and sending a link to
    choose a password) when they have none."""
    with transaction.atomic():
        created = user is None
        if created:
            first, _, last = full_name.strip().partition(" ")
            user = get_user_model()(
                username=email.lower(), email=email, first_name=first, last_name=last
            )
            user.set_unusable_password()
            user.save()
        membership = Membership.objects.create(user=user, role=role, council=council)
    if created:
        invite_to_choose_password(user, request)
    return membership


def invite_to_choose_password(user, request):
    """Email the new user a link to choose a password (the reset form's own lookup skips
    accounts without a usable password, so the mail is sent directly)."""
    context = {
        "email": user.email,
        "domain": request.get_host(),
        "site_name": "Sector-led improvement manager",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if request.is_secure() else "http",
    }
    PasswordResetForm().send_mail(
        "registration/password_reset_subject.txt",
        "registration/password_reset_email.html",
        context,
        None,
        user.email,
    )
