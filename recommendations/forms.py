from django import forms


class AmendmentForm(forms.Form):
    text = forms.CharField(
        label="Corrected text",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the corrected text of the recommendation"},
    )
    reason = forms.CharField(
        label="Reason for the amendment",
        help_text="For example, the factual error it corrects. "
        "The reason is shown in the recommendation's history.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for the amendment"},
    )
