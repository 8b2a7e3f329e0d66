from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from councils.models import Membership

ROLE_NAMES = {Membership.Role.COUNCIL_EDITOR: "Editor", Membership.Role.COUNCIL_VIEWER: "Viewer"}


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
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role"},
    )

    def __init__(self, *args, council, roles, **kwargs):
        """``roles``: the council roles the person filling it in may give
        (``council.roles_invitable_by(user)``); with one, the form asks no question about it."""
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["role"].choices = [
            (role, f"{ROLE_NAMES[role]}: {Membership.COUNCIL_ROLE_DUTIES[role]}") for role in roles
        ]
        self.only_role = roles[0] if len(roles) == 1 else None
        if self.only_role:
            del self.fields["role"]

    def clean(self):
        cleaned = super().clean()
        if self.only_role:
            cleaned["role"] = self.only_role
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
