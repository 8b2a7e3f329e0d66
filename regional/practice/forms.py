from django import forms

from regional.models import PracticeEntry
from reviews.models import FocusArea


class PracticeSearchForm(forms.Form):
    q = forms.CharField(
        label="Search the directory",
        required=False,
        max_length=200,
        help_text="Words that must all appear, for example: workforce plan",
    )
    focus_area = forms.ModelChoiceField(
        FocusArea.objects.all(), required=False, empty_label="All focus areas", label="Focus area"
    )


class PracticeEntryForm(forms.ModelForm):
    class Meta:
        model = PracticeEntry
        fields = ["council", "focus_area", "title", "description", "contact_role"]
        labels = {
            "title": "What the practice is",
            "description": "Describe it and what it achieved",
            "contact_role": "Who to contact (their role, not their name)",
        }
        error_messages = {
            "council": {"required": "Choose the council whose practice this is"},
            "title": {"required": "Enter what the practice is"},
            "description": {"required": "Describe the practice"},
            "contact_role": {"required": "Enter the role of the person to contact"},
        }

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
        self.fields["focus_area"].empty_label = "No particular focus area"
        if councils.count() == 1:
            self.fields["council"].initial = councils.first()
