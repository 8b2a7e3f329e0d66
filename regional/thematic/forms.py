from django import forms

from regional.models import Theme

LEVELS = [(str(n), f"Level {n}") for n in range(5)]
LEVEL_HINT = "Level 1 is the minimum standard"


class ThemeForm(forms.ModelForm):
    standards = forms.CharField(
        label="Standards",
        help_text="One standard a line, in order: they are numbered 1, 2, 3 as listed",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the theme's standards, one a line"},
    )

    class Meta:
        model = Theme
        fields = ["year", "title", "description"]
        labels = {"year": "Year", "title": "Theme", "description": "Description (optional)"}
        help_texts = {"year": "The year the self-assessment is for, for example 2024"}
        error_messages = {
            "year": {"required": "Enter the year", "invalid": "Enter the year as a number"},
            "title": {"required": "Enter the theme"},
        }

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("Enter a year between 2000 and 2100")
        return year

    def clean_standards(self):
        lines = [line.strip() for line in self.cleaned_data["standards"].splitlines()]
        return [line for line in lines if line]


class SelfAssessmentForm(forms.Form):
    """A level, evidence, strengths and areas for development for each standard of a theme."""

    def __init__(self, *args, standards, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.standards = list(standards)
        self.groups = []
        for standard in self.standards:
            entry = levels.get(standard.pk)
            prefix = f"standard_{standard.number}"
            self.fields[f"{prefix}_level"] = forms.ChoiceField(
                label=f"Level for standard {standard.number}",
                choices=LEVELS,
                widget=forms.RadioSelect,
                help_text=LEVEL_HINT,
                initial=str(entry.level) if entry else None,
                error_messages={"required": f"Select a level for standard {standard.number}"},
            )
            for name, label in (
                ("evidence", "Evidence"),
                ("strengths", "Strengths"),
                ("areas_for_development", "Areas for development"),
            ):
                self.fields[f"{prefix}_{name}"] = forms.CharField(
                    label=f"{label} (standard {standard.number})",
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    initial=getattr(entry, name, ""),
                )
            self.groups.append((standard, [self[f"{prefix}_{name}"] for name in _PARTS]))

    def entries(self):
        """[(standard, {level, evidence, strengths, areas_for_development})] once valid."""
        data = self.cleaned_data
        return [
            (
                standard,
                {
                    name: (
                        int(data[f"standard_{standard.number}_{name}"])
                        if name == "level"
                        else data[f"standard_{standard.number}_{name}"]
                    )
                    for name in _PARTS
                },
            )
            for standard in self.standards
        ]


_PARTS = ("level", "evidence", "strengths", "areas_for_development")
