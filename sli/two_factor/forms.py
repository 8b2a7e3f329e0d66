import math

from django import forms
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

WRONG_CODE = (
    "The code is not right. Enter the 6-digit code your authenticator app shows now, or one of "
    "your recovery codes."
)


def code_field(label, help_text, required_message):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=32,
        error_messages={"required": required_message},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "none",
                "class": "govuk-input--width-10",
            }
        ),
    )


def tidy(code):
    """Codes are typed with spaces (as apps show them) and in either case."""
    return "".join(code.split()).lower()


def throttled(devices):
    """Refuse every try while any of the devices is waiting out its wrong codes: django-otp
    doubles the wait after each one (1, 2, 4, 8… seconds)."""
    waits = []
    for device in devices:
        allowed, detail = device.verify_is_allowed()
        if not allowed and detail.get("locked_until"):
            waits.append((detail["locked_until"] - timezone.now()).total_seconds())
    if waits:
        seconds = max(1, math.ceil(max(waits)))
        raise forms.ValidationError(
            "You have entered a wrong code too many times. Wait "
            f"{seconds} second{'' if seconds == 1 else 's'}, then enter the code your app shows."
        )


def verified(device, code):
    """Check ``code`` on ``device``, locked for the check so two tries at once cannot both
    pass a throttle or both use one recovery code."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        return device if device.verify_token(code) else None


class CodeForm(forms.Form):
    """The second step of signing in: the authenticator's code, or a recovery code."""

    code = code_field(
        "Security code",
        "The 6-digit code shown in your authenticator app. If you do not have your phone, "
        "enter one of your recovery codes instead.",
        "Enter the security code from your authenticator app",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = tidy(self.cleaned_data["code"])
        totp = TOTPDevice.objects.filter(user=self.user, confirmed=True)
        recovery = StaticDevice.objects.filter(user=self.user, confirmed=True)
        devices = [*totp, *recovery]
        throttled(devices)
        # An authenticator's code is all digits; recovery codes have letters too.
        candidates = list(totp) if code.isdigit() else list(recovery)
        for device in candidates:
            self.device = verified(device, code)
            if self.device:
                return code
        raise forms.ValidationError(WRONG_CODE)

    @property
    def used_recovery_code(self):
        return isinstance(self.device, StaticDevice)


class SetUpForm(forms.Form):
    code = code_field(
        "Code from your authenticator app",
        "The 6-digit code the app shows for this account once you have added it.",
        "Enter the 6-digit code from your authenticator app",
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = tidy(self.cleaned_data["code"])
        throttled([self.device])
        if not (code.isdigit() and verified(self.device, code)):
            raise forms.ValidationError(
                "The code is not right. Check the app shows this account, then enter the "
                "6-digit code it shows now."
            )
        return code
