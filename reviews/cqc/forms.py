from itertools import groupby
from operator import attrgetter

from django import forms
from django.db.models import Q
from django.utils import timezone

from reviews.cqc import scoring
from reviews.cqc.reader import read_report
from reviews.models import AccuracyCorrection, CqcAssessment, Framework, QualityStatement
from sli.lib.fields import DateInputsField


def offer_statements(form, tagged=None):
    """Offer on ``form``'s "quality_statements" field the CQC's quality statements in force
    today (and those in ``tagged``, a queryset of those already chosen), as checkboxes grouped
    by theme; with none to offer the field is taken off the form."""
    field = form.fields["quality_statements"]
    framework = Framework.objects.applying_on(timezone.localdate())
    offered = Q(theme__framework=framework) if framework else Q(pk__in=[])
    if tagged is not None:
        offered |= Q(pk__in=tagged.values("pk"))
    field.queryset = QualityStatement.objects.filter(offered).select_related("theme")
    in_order = field.queryset.order_by("theme__framework__applies_from", "theme__number", "number")
    field.choices = [
        (theme.name, [(statement.pk, statement.name) for statement in statements])
        for theme, statements in groupby(in_order, key=attrgetter("theme"))
    ]
    if not field.choices:
        form.fields.pop("quality_statements")


SCORE_CHOICES = [("", "Not given in the report")] + [
    (str(score), scoring.score_sentence(score)) for score in range(scoring.HIGHEST, 0, -1)
]


class NewAssessmentForm(forms.Form):
    council = forms.ModelChoiceField(
        label="Council assessed",
        queryset=None,
        empty_label="Choose a council",
        error_messages={"required": "Choose the council the CQC assessed"},
    )
    visit_start = DateInputsField(label="First day of the CQC's on-site assessment")
    visit_end = DateInputsField(label="Last day of the CQC's on-site assessment")
    published = forms.TypedChoiceField(
        label="Where is the CQC's report?",
        choices=[
            ("no", "The CQC has sent its draft report for factual accuracy comments"),
            ("yes", "The CQC has published its report"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the CQC's report is"},
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("visit_start"), cleaned.get("visit_end")
        if start and end and end < start:
            self.add_error("visit_end", "The last day must be on or after the first day")
        return cleaned


class AssessmentForm(forms.ModelForm):
    """The report's date, its rating and percentage as published, the date of the CQC's
    e-mail, and a score for each quality statement."""

    report_date = DateInputsField(label="Date of the published report", required=False)
    draft_report_sent_on = DateInputsField(
        label="Date of the CQC's e-mail with the draft report",
        required=False,
        help_text="The 10 working days for factual accuracy comments count from it. "
        "For example, 3 12 2026",
    )

    class Meta:
        model = CqcAssessment
        fields = ["report_date", "draft_report_sent_on", "published_rating", "published_percentage"]
        labels = {
            "published_rating": "Overall rating, as the report gives it",
            "published_percentage": "Overall percentage, as the report gives it (optional)",
        }
        help_texts = {
            "published_rating": "Leave it out if the report does not give it: it is worked out "
            "from the scores.",
            "published_percentage": "Leave it blank if the report does not give it: it is worked "
            "out from the scores.",
        }

    def __init__(self, *args, statements, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_rating"].choices = [("", "Not given in the report")] + list(
            self.fields["published_rating"].choices
        )[1:]
        self.fields["published_percentage"].widget.attrs.update(
            {"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"}
        )
        self.statements = statements
        for statement in statements:
            self.fields[self.score_field(statement)] = forms.TypedChoiceField(
                label=f"{statement.number}. {statement.name}",
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=str(scores.get(statement) or ""),
                widget=forms.RadioSelect,
            )

    @staticmethod
    def score_field(statement):
        return f"score_{statement.number}"

    def clean_published_percentage(self):
        value = self.cleaned_data["published_percentage"]
        if value is not None and not 25 <= value <= 100:
            raise forms.ValidationError("The percentage must be between 25 and 100")
        return value

    def scores(self):
        return {s: self.cleaned_data[self.score_field(s)] for s in self.statements}


def paragraphs(text):
    """The paragraphs of a text box: blank lines between them."""
    chunks = text.replace("\r\n", "\n").split("\n\n")
    return [" ".join(chunk.split()) for chunk in chunks if chunk.strip()]


class AreasForm(forms.Form):
    strengths = forms.CharField(
        label="Areas of strength",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="As the report says them. Leave a blank line between areas.",
    )
    improvements = forms.CharField(
        label="Areas for improvement",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Also called areas for development. Leave a blank line between areas: each "
        "can become a recommendation.",
    )

    def clean_strengths(self):
        return paragraphs(self.cleaned_data["strengths"])

    def clean_improvements(self):
        return paragraphs(self.cleaned_data["improvements"])


class PasteReportForm(forms.Form):
    text = forms.CharField(
        label="The report's text",
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text="Copy the report from the CQC's website or PDF, from the first quality "
        "statement to the last, and paste it here.",
        error_messages={"required": "Paste the text of the CQC's report"},
    )

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = {s.name: s for s in framework.statements()}
        self.theme_names = [theme.name for theme in framework.themes.all()]

    def clean(self):
        cleaned = super().clean()
        if "text" in cleaned:
            self.report = read_report(cleaned["text"], list(self.statements), self.theme_names)
            if not self.report.statements:
                self.add_error(
                    "text",
                    "No quality statement's heading was found: paste the report from its "
                    "first quality statement, for example “Assessing needs”",
                )
        return cleaned


class CorrectionForm(forms.ModelForm):
    evidence_date = DateInputsField(
        label="Date of the evidence (optional)",
        required=False,
        help_text="No later than the last day of the assessment. For example, 14 10 2026",
    )

    class Meta:
        model = AccuracyCorrection
        fields = [
            "kind",
            "where",
            "report_text",
            "proposed_correction",
            "evidence_reference",
            "evidence_date",
        ]
        labels = {
            "kind": "Kind of correction",
            "proposed_correction": "Your proposed correction",
            "evidence_reference": "Evidence reference",
        }
        help_texts = {
            "evidence_reference": "The document and section that show it, for example "
            "“Information return, appendix 4”. Needed for a B correction.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "report_text": forms.Textarea(attrs={"rows": 4}),
            "proposed_correction": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "kind": {"required": "Choose the kind of correction"},
            "where": {"required": "Enter the page and paragraph of the draft report"},
            "report_text": {"required": "Enter what the draft report says"},
            "proposed_correction": {"required": "Enter your proposed correction"},
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.review = review
        self.fields["kind"].choices = self.fields["kind"].choices[1:]
