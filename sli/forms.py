import hashlib

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.urls import reverse

from councils.access import is_site_admin
from sli.audit import record_password_refusal
from sli.lib import mail
from sli.signin import is_within_hourly_limit


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your administrator.",
        "council_account_only": (
            "Sign in with your council account: passwords are for site administrators only."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Autofocus skips the page's heading and skip link for screen reader users.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].widget.attrs["spellcheck"] = "false"

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if settings.LOCAL_PASSWORDS_FOR_ADMINS_ONLY and not is_site_admin(user):
            record_password_refusal(self.request, user, self.error_messages["council_account_only"])
            raise ValidationError(
                self.error_messages["council_account_only"], code="council_account_only"
            )


class ResetPasswordForm(PasswordResetForm):
    def get_users(self, email):
        """Active accounts with this email, including people invited who have not chosen a
        password yet (Django's form skips accounts without a usable password)."""
        return get_user_model().objects.filter(email__iexact=email, is_active=True)

    def save(self, *args, request, **kwargs):
        """Send the link, unless this client address or this e-mail address has asked too often
        this hour. The page that follows is the same either way, so it tells nobody whether an
        account exists or was limited."""
        client_address = get_client_ip_address(request)
        # Hashed: an e-mail address can be longer than a cache key may be, and the cache need
        # not hold people's addresses.
        account = hashlib.sha256(self.cleaned_data["email"].lower().encode()).hexdigest()
        if not is_within_hourly_limit(
            f"password-reset-from:{client_address}", settings.PASSWORD_RESET_ADDRESS_LIMIT
        ):
            return
        if not is_within_hourly_limit(
            f"password-reset-to:{account}", settings.PASSWORD_RESET_ACCOUNT_LIMIT
        ):
            return
        super().save(*args, request=request, **kwargs)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Send the link as the "password_reset" e-mail (by GOV.UK Notify when configured).
        A failure is logged and retried by sli.lib.mail; the page that follows is the same
        either way, as for an unknown address."""
        path = reverse(
            "password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        try:
            mail.send(
                "password_reset",
                to_email,
                {
                    "site": context["domain"],
                    "link": f"{context['protocol']}://{context['domain']}{path}",
                    "username": context["user"].get_username(),
                },
            )
        except mail.MailNotSent:
            pass
