from django import forms

from regional.models import Measure, Reading
from sli.lib.fields import DateInputsField


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["code", "name", "domain", "better", "unit"]
        labels = {
            "code": "Code",
            "name": "Measure",
            "domain": "Domain (optional)",
            "better": "Which direction is better?",
            "unit": "Unit (optional)",
        }
        help_texts = {
            "code": "A short code used in imports, for example NW1",
            "unit": "For example %",
        }
        widgets = {"better": forms.RadioSelect}
        error_messages = {
            "code": {"required": "Enter a code for the measure"},
            "name": {"required": "Enter the measure"},
            "better": {"required": "Select whether higher or lower is better"},
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["better"].choices = Measure.Better.choices

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = Measure.objects.filter(code__iexact=code).filter(
            region__isnull=True
        ) | Measure.objects.filter(code__iexact=code, region=self.region)
        if taken.exists():
            raise forms.ValidationError("A measure already has this code; choose another code")
        return code

    def save(self, commit=True):
        self.instance.region = self.region
        return super().save(commit)


class ReadingForm(forms.ModelForm):
    period_end = DateInputsField(label="Date the period ends", help_text="For example, 31 3 2024")

    class Meta:
        model = Reading
        fields = ["council", "period_end", "value", "target"]
        labels = {"council": "Council", "value": "Value", "target": "Target (optional)"}
        error_messages = {
            "council": {"required": "Select the council"},
            "value": {"required": "Enter the value", "invalid": "Enter the value as a number"},
            "target": {"invalid": "Enter the target as a number"},
        }

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
        self.fields["council"].empty_label = "Choose a council"

    def validate_unique(self):
        """A reading for the same council and period is replaced, not refused."""


class ImportReadingsForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="An Excel workbook (.xlsx) or a CSV file, at most 5 MB",
        error_messages={"required": "Choose the file with the readings"},
    )
