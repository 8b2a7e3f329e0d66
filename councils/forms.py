from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from councils.models import Membership
from reviews.models import Review
from sli.fields import DateInputsField


class AddPersonForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="If they have no account yet, one is created and they are sent a link "
        "to choose a password.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
    )
    full_name = forms.CharField(
        label="Full name",
        required=False,
        max_length=150,
        help_text="Needed only for someone who has no account yet.",
    )
    role = forms.ChoiceField(
        label="Role",
        choices=[
            (
                Membership.Role.COUNCIL_EDITOR,
                "Editor: responds to recommendations and updates the plan",
            ),
            (Membership.Role.COUNCIL_VIEWER, "Viewer: reads everything, changes nothing"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role"},
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council

    def clean(self):
        cleaned = super().clean()
        email, role = cleaned.get("email"), cleaned.get("role")
        if not (email and role):
            return cleaned
        # Someone may have an account under this address as their username only.
        user = (
            get_user_model()
            .objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
            .first()
        )
        if user is None and not cleaned.get("full_name", "").strip():
            self.add_error("full_name", "Enter their full name: they have no account yet")
        if user and Membership.objects.filter(user=user, role=role, council=self.council).exists():
            self.add_error("email", f"{email} already has that role for {self.council}")
        cleaned["user"] = user
        return cleaned


class ChangedSinceForm(forms.Form):
    since = DateInputsField(
        label="Show what changed since",
        required=False,
        help_text="For example, the date of the last committee meeting: 14 3 2026",
    )


class RegionFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of review", required=False, choices=[("", "All kinds"), *Review.Kind.choices]
    )
    year = forms.TypedChoiceField(label="Year of the visit", required=False, coerce=int)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "All years"), *((y, y) for y in years)]
