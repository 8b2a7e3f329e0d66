from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.timesince import timeuntil

from councils.models import Membership
from sli.lib import mail


class InvitationNotSent(Exception):
    """The person was added, but their invitation could not be e-mailed (the failure is
    logged by sli.lib.mail); they can ask for a link with "Forgotten your password?"."""

    def __init__(self, membership):
        super().__init__(f"The invitation to {membership.user} was not sent")
        self.membership = membership


def add_person(*, council, email, full_name, role, by, request, user=None):
    """Give someone a role for the council, creating their account (and sending ``by``'s
    invitation, with a link to choose a password) when they have none. Raises
    InvitationNotSent, after adding them, when the invitation could not be sent."""
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
        try:
            send_invitation(membership=membership, by=by, request=request)
        except mail.MailNotSent as failure:
            raise InvitationNotSent(membership) from failure
    return membership


def council_account_sign_in(user, site):
    """How an invitation says to sign in with the council account, when single sign-on is
    set up for the invited address's domain; and whether that is the only way in ("yes" or
    empty: GOV.UK Notify's personalisation takes text only, and its optional content shows
    for "yes")."""
    domain = user.email.rpartition("@")[2].lower()
    if not (settings.SSO_ENABLED and domain in settings.OIDC_ALLOWED_EMAIL_DOMAINS):
        return {"council_account_link": "", "council_account_only": ""}
    return {
        "council_account_link": site + reverse("sso_start"),
        "council_account_only": "yes" if settings.LOCAL_PASSWORDS_FOR_ADMINS_ONLY else "",
    }


def send_invitation(*, membership, by, request):
    """E-mail the new user who invited them, to which council in which role, and a link to
    choose a password. The link is a password reset token (the reset form's own lookup skips
    accounts without a usable password, so the mail is sent directly): it works once, for
    PASSWORD_RESET_TIMEOUT."""
    user = membership.user
    now = timezone.now()
    expires = timezone.localtime(now + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT))
    site = f"{'https' if request.is_secure() else 'http'}://{request.get_host()}"
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    inviter = by.get_full_name() or by.get_username()
    mail.send(
        "invitation",
        user.email,
        {
            "name": user.first_name or user.email,
            "inviter_name": inviter,
            "inviter": f"{inviter} ({by.email})" if by.email else inviter,
            "council": membership.council.name,
            "role": membership.get_role_display().lower(),
            "duties": Membership.COUNCIL_ROLE_DUTIES[membership.role],
            "link": site + path,
            "new_link": site + reverse("password_reset"),
            "lifetime": timeuntil(
                now + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT), now
            ).replace("\xa0", " "),
            "expires": f"{date_format(expires, 'H:i')} on {date_format(expires, 'j F Y')}",
            "username": user.get_username(),
            **council_account_sign_in(user, site),
        },
    )
