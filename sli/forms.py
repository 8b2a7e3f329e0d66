from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Autofocus skips the page's heading and skip link for screen reader users.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].widget.attrs["spellcheck"] = "false"


class ResetPasswordForm(PasswordResetForm):
    def get_users(self, email):
        """Active accounts with this email, including people invited who have not chosen a
        password yet (Django's form skips accounts without a usable password)."""
        return get_user_model().objects.filter(email__iexact=email, is_active=True)
