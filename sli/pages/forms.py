from django import forms

from reviews.models import Review
from sli.lib.fields import DateInputsField


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
