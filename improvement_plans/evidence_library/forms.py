from itertools import groupby
from operator import attrgetter

from django import forms
from django.utils import timezone

from improvement_plans.evidence_library.library import NOT_CATEGORISED
from improvement_plans.evidence_library.models import EvidenceItem, ProgressEvidenceCategories
from reviews.models import EvidenceCategory, QualityStatement
from sli.lib.fields import DateInputsField
from sli.lib.uploads import check_evidence_file


def statement_choices(statements):
    """Quality statements grouped by theme, numbered as the framework numbers them."""
    return [
        (theme.name, [(s.pk, f"{s.number}. {s.name}") for s in in_theme])
        for theme, in_theme in groupby(statements, key=attrgetter("theme"))
    ]


class LibraryFilterForm(forms.Form):
    statement = forms.TypedChoiceField(label="Quality statement", required=False, coerce=int)
    category = forms.ChoiceField(label="Evidence category", required=False)
    older_than = DateInputsField(
        label="Warn where all of a cell's evidence is older than",
        required=False,
        help_text="For example, 4 12 2024. Without a date, 2 years before today.",
    )

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statement"].choices = [
            ("", "All quality statements"),
            *statement_choices(library.statements),
        ]
        self.fields["category"].choices = [
            ("", "All evidence categories"),
            *((str(c.pk), c.name) for c in library.categories),
            (NOT_CATEGORISED, "Not categorised"),
        ]

    def chosen(self):
        """(statement pk or None, category pk, "none" or None, date or None)."""
        if not self.is_valid():
            return None, None, None
        data = self.cleaned_data
        category = data.get("category") or None
        if category and category != NOT_CATEGORISED:
            category = int(category)
        return data.get("statement") or None, category, data.get("older_than")


class EvidenceItemForm(forms.ModelForm):
    evidence_date = DateInputsField(label="Date of the evidence")
    file = forms.FileField(
        label="Upload a file",
        required=False,
        help_text="PDF, Word, Excel or an image, up to 10 MB.",
        widget=forms.FileInput,
    )
    link = forms.URLField(
        label="Or give a link to a public document",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="For example, https://www.example.gov.uk/adult-social-care/annual-report",
    )

    class Meta:
        model = EvidenceItem
        fields = [
            "title",
            "description",
            "evidence_date",
            "file",
            "link",
            "quality_statements",
            "categories",
        ]
        labels = {
            "title": "Title",
            "description": "Description (optional)",
            "quality_statements": "Quality statements it supports",
            "categories": "Evidence categories",
        }
        help_texts = {
            "title": "As the index should list it, for example Carers' survey 2025",
            "quality_statements": "Choose one or more.",
            "categories": "Choose one or more: the CQC needs evidence of people's experience "
            "for every quality statement.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "quality_statements": forms.CheckboxSelectMultiple,
            "categories": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "title": {"required": "Enter a title for the evidence"},
            "quality_statements": {"required": "Choose at least one quality statement"},
            "categories": {"required": "Choose at least one evidence category"},
        }

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        statements = self.fields["quality_statements"]
        statements.queryset = QualityStatement.objects.filter(
            pk__in=[s.pk for s in library.statements]
        )
        statements.choices = statement_choices(library.statements)
        categories = self.fields["categories"]
        categories.queryset = EvidenceCategory.objects.filter(
            pk__in=[c.pk for c in library.categories]
        )
        categories.choices = [(c.pk, c.name) for c in library.categories]
        if self.instance.file:
            self.fields["file"].label = "Upload a new file (optional)"
            self.fields["file"].help_text = (
                f"Now: {self.instance.file_name}. Leave empty to keep it. "
                "PDF, Word, Excel or an image, up to 10 MB."
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload is not self.instance.file:
            check_evidence_file(upload)
        return upload

    def clean_evidence_date(self):
        day = self.cleaned_data["evidence_date"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date of the evidence must be today or in the past")
        return day

    def clean(self):
        cleaned = super().clean()
        upload = self.files.get(self.add_prefix("file"))
        link = cleaned.get("link")
        if link and not upload:
            cleaned["file"] = False  # a link instead of the file kept: the file goes
        if upload and link:
            self.add_error("link", "Give a file or a link, not both")
        elif not (upload or link or self.instance.file) and "link" not in self.errors:
            self.add_error("file", "Upload a file or give a link to the evidence")
        return cleaned


class CategoriesForm(forms.ModelForm):
    class Meta:
        model = ProgressEvidenceCategories
        fields = ["categories"]
        labels = {"categories": "Evidence categories"}
        help_texts = {"categories": "Choose none to leave it not categorised."}
        widgets = {"categories": forms.CheckboxSelectMultiple}

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["categories"]
        field.queryset = EvidenceCategory.objects.filter(pk__in=[c.pk for c in library.categories])
        field.choices = [(c.pk, c.name) for c in library.categories]
