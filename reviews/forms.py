import re

from django import forms
from django.contrib.auth import get_user_model
from django.forms.formsets import DELETION_FIELD_NAME, TOTAL_FORM_COUNT
from django.forms.utils import ErrorDict
from django.utils import timezone

from councils.models import Council
from reviews.models import (
    SOURCE_KINDS,
    AccuracyComment,
    Finding,
    Judgement,
    Review,
    ScopeQuestion,
    TeamMember,
)
from reviews.paste import matching_question, parse_findings
from sli.lib.concurrency import VersionedFormMixin
from sli.lib.fields import DateInputsField, HintedRadioSelect, MonthOnlyDate


class MonthDatesMixin:
    """For review forms with dates a report may give only as a month (``Review.MONTH_DATES``):
    a month and year without a day is saved as the first of the month with its
    ``<name>_month_only`` flag, and shown again without the day."""

    def __init__(self, *args, initial=None, **kwargs):
        super().__init__(*args, initial=initial, **kwargs)
        for name in self.month_dates():
            value = getattr(self.instance, name)
            if (
                value
                and getattr(self.instance, f"{name}_month_only")
                and name not in (initial or {})
            ):
                self.initial[name] = MonthOnlyDate(value.year, value.month)

    def month_dates(self):
        return [name for name in Review.MONTH_DATES if name in self.fields]

    def clean(self):
        cleaned = super().clean()
        for name in self.month_dates():
            if name in cleaned:
                month_only = isinstance(cleaned[name], MonthOnlyDate)
                setattr(self.instance, f"{name}_month_only", month_only)
        return cleaned


class ReviewForm(MonthDatesMixin, VersionedFormMixin, forms.ModelForm):
    visit_start = DateInputsField(label="Visit start date", month_only_allowed=True)
    visit_end = DateInputsField(label="Visit end date", month_only_allowed=True)
    progress_review_date = DateInputsField(
        label="Progress review date (optional)",
        required=False,
        help_text="Often about six months after the visit. For example, 2 5 2016",
    )
    # Asked, in the words of the review's kind, where its kind says so (``date_label``).
    letter_date = DateInputsField(label="Date", required=False, month_only_allowed=True)
    comply_by = DateInputsField(
        label="Date by which the council must comply",
        required=False,
        help_text="The date the Ombudsman set for the council to carry out what it agreed. "
        "It is counted down on the council's home page.",
    )

    class Meta:
        model = Review
        fields = [
            "kind",
            "host_council",
            "lead_council",
            "title",
            "visit_start",
            "visit_end",
            "letter_date",
            "assurance_opinion",
            "comply_by",
            "progress_review_date",
            "focus_areas",
            "capacity_to_improve",
        ]
        labels = {
            "kind": "Kind of review",
            "host_council": "Host council",
            "lead_council": "Council of the review's lead",
            "capacity_to_improve": "Capacity to improve (inspections only)",
        }
        help_texts = {
            "lead_council": "Its name, address and logo head the feedback letter.",
            "title": "For example, Adult social care peer challenge, Walsall (November 2015)",
        }
        widgets = {
            "focus_areas": forms.CheckboxSelectMultiple,
            # Each kind of source says in a line what its document is.
            "kind": HintedRadioSelect(
                hints={str(kind): entry.hint for kind, entry in SOURCE_KINDS.items()}
            ),
        }
        error_messages = {
            "title": {"required": "Enter the title of the review"},
            "host_council": {"required": "Choose the host council"},
            "kind": {"required": "Choose the kind of review"},
        }

    def __init__(self, *args, host_councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.ask_what_the_kind_gives()
        self.fields["host_council"].queryset = host_councils
        self.fields["host_council"].empty_label = "Choose a council"
        self.fields["lead_council"].queryset = Council.objects.order_by("name")
        self.fields["lead_council"].empty_label = "None (for example, an inspection)"

    def ask_what_the_kind_gives(self):
        """The stored kind's date, in its words, and the fields only it has (an audit's
        assurance opinion, the Ombudsman's date to comply by); a new review has none yet."""
        kind = self.instance.source_kind if self.instance.pk else None
        if kind is not None and kind.date_label:
            self.fields["letter_date"].label = kind.date_label
        else:
            self.fields.pop("letter_date")
        for name in ("assurance_opinion", "comply_by"):
            if kind is None or name not in kind.extra_fields:
                self.fields.pop(name)
        if "assurance_opinion" in self.fields:
            self.fields["assurance_opinion"].label = "Assurance opinion"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("visit_start"), cleaned.get("visit_end")
        if start and end and end < start:
            if isinstance(end, MonthOnlyDate) and (end.year, end.month) == (
                start.year,
                start.month,
            ):
                self.add_error(
                    "visit_end",
                    "The visit end date is a month only: give the start date as a month "
                    "only too, or give the end date a day",
                )
            else:
                self.add_error("visit_end", "The visit end date must be on or after the start date")
        return cleaned


class NewReviewForm(ReviewForm):
    lead_email = forms.EmailField(
        label="Email address of the review's lead (optional)",
        required=False,
        help_text="They must already have an account. Leave blank to lead it yourself.",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk"
        },
    )

    def clean_lead_email(self):
        email = self.cleaned_data["lead_email"]
        if not email:
            return None
        lead = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if lead is None:
            raise forms.ValidationError(
                f"No one with the email address {email} has an account: ask an administrator "
                "to add them, or leave this blank"
            )
        return lead


class LetterForm(MonthDatesMixin, VersionedFormMixin, forms.ModelForm):
    letter_date = DateInputsField(
        label="Date of the letter", required=False, month_only_allowed=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One option is always chosen on the page; a post without it keeps what was chosen.
        self.fields["letter_summary"].required = False

    def clean_letter_summary(self):
        return self.cleaned_data["letter_summary"] or self.instance.letter_summary

    class Meta:
        model = Review
        fields = [Review.LETTER_FIELDS[0], "letter_date", *Review.LETTER_FIELDS[1:]]
        fields.insert(fields.index("letter_executive_summary") + 1, "letter_summary")
        labels = {
            "letter_reference": "Reference (the subject line)",
            "letter_addressee": "Addressee",
            "letter_address": "Address",
            "letter_salutation": "Salutation",
            "letter_opening": "Opening",
            "letter_team_paragraph": "The team",
            "letter_scope": "Scope",
            "letter_executive_summary": "Executive summary",
            "letter_summary": "With an executive summary, the letter includes",
            "letter_overview": "Overview",
            "letter_conclusion": "Conclusion",
            "letter_signatory_name": "Signatory's name",
            "letter_signatory_title": "Signatory's title",
            "letter_copy_list": "Copied to",
        }
        help_texts = {
            "letter_addressee": "For example, Keith Skerman, Executive Director, Social Care & "
            "Inclusion",
            "letter_address": "One line of the address on each line.",
            "letter_salutation": "For example, Dear Keith",
            "letter_opening": "Leave a blank line between paragraphs.",
            "letter_copy_list": "One person on each line.",
            "letter_summary": "The general findings are those under no scope question: without "
            "an executive summary they are the letter's summary. Findings under a scope "
            "question are in the letter either way.",
        }
        widgets = {
            "letter_summary": forms.RadioSelect,
            **{
                name: forms.Textarea(attrs={"rows": rows})
                for name, rows in [
                    ("letter_address", 5),
                    ("letter_opening", 8),
                    ("letter_team_paragraph", 5),
                    ("letter_scope", 5),
                    ("letter_executive_summary", 10),
                    ("letter_overview", 8),
                    ("letter_conclusion", 6),
                    ("letter_copy_list", 3),
                ]
            },
        }


class AddAnotherFormSet(forms.BaseInlineFormSet):
    """Rows added and removed without JavaScript (the GOV.UK "add another" pattern).

    "Add another" (``add`` in the post) sends the page back with one more empty row, and
    "Remove" (``remove`` = a row's prefix) with that row gone (marked for deletion, so that
    saving deletes a saved row); what was typed in the other rows is kept and not checked.
    Only saving checks the rows, all of them, and saves them all or none. A new list starts
    with one empty row.
    """

    deletion_widget = forms.HiddenInput

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.changing_rows = False
        if not self.is_bound:
            self.extra = 0 if self.get_queryset().exists() else 1
            return
        total = f"{self.prefix}-{TOTAL_FORM_COUNT}"
        removed = data.get("remove", "")
        if "add" in data and data.get(total, "").isdigit():
            self.data = data.copy()
            self.data[total] = str(int(data[total]) + 1)
            # The new row starts as an empty row would (the kind of role "peer"), so that
            # left alone it is still empty when saving.
            row = f"{self.prefix}-{data[total]}"
            for field in self.empty_form:
                if field.initial not in (None, ""):
                    self.data[f"{row}-{field.name}"] = str(field.initial)
            self.changing_rows = True
        elif re.fullmatch(rf"{re.escape(self.prefix)}-\d+", removed):
            self.data = data.copy()
            self.data[f"{removed}-{DELETION_FIELD_NAME}"] = "on"
            self.changing_rows = True
        if self.changing_rows:
            self.form = unchecked(self.form)

    def is_removed(self, form):
        """The row was removed (it is kept in the page as hidden fields only)."""
        field = form.fields.get(DELETION_FIELD_NAME)
        return bool(self.is_bound and field and field.to_python(form[DELETION_FIELD_NAME].data))

    def rows(self):
        return [form for form in self.forms if not self.is_removed(form)]

    def removed_rows(self):
        return [form for form in self.forms if self.is_removed(form)]

    def is_to_be_saved(self):
        return self.is_bound and not self.changing_rows


def unchecked(form_class):
    """``form_class`` whose forms show what was typed without checking it."""

    class Unchecked(form_class):
        def full_clean(self):
            self._errors, self.cleaned_data = ErrorDict(), {}

    return Unchecked


class TeamFormSet(
    forms.inlineformset_factory(
        Review,
        TeamMember,
        formset=AddAnotherFormSet,
        fields=["name", "role", "role_title", "organisation", "home_council"],
        extra=0,
        can_delete=True,
        labels={
            "name": "Name",
            "role": "Kind of role",
            "role_title": "Role title (optional)",
            "organisation": "Organisation",
            "home_council": "Council they come from (if any)",
        },
        help_texts={
            "role_title": "As the letter names it, for example Director of Adult Social Services. "
            "Leave it blank to use the kind of role.",
        },
        error_messages={"name": {"required": "Enter the team member's name"}},
    )
):
    row_name = "Team member"
    add_label = "Add another member"

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["home_council"].empty_label = "None"


class ScopeFormSet(
    forms.inlineformset_factory(
        Review,
        ScopeQuestion,
        formset=AddAnotherFormSet,
        fields=["number", "text"],
        extra=0,
        can_delete=True,
        labels={"number": "Number", "text": "Key line of enquiry"},
        widgets={
            "number": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "text": forms.Textarea(attrs={"rows": 2}),
        },
        error_messages={
            "number": {
                "required": "Enter the number of the question",
                "invalid": "Enter the number of the question as a whole number, like 3",
            },
            "text": {"required": "Enter the question"},
        },
    )
):
    row_name = "Question"
    add_label = "Add another question"

    def get_unique_error_message(self, unique_check):
        return "Give each question its own number"

    def get_form_error(self):
        return "Another question has this number"


class JudgementFormSet(
    forms.inlineformset_factory(
        Review,
        Judgement,
        formset=AddAnotherFormSet,
        fields=["outcome_area", "grade"],
        extra=0,
        can_delete=True,
        labels={"outcome_area": "Outcome area", "grade": "Judgement"},
        error_messages={
            "outcome_area": {"required": "Enter the outcome area"},
            "grade": {"required": "Choose the judgement"},
        },
    )
):
    row_name = "Outcome area"
    add_label = "Add another outcome area"


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["kind", "scope_question", "text"]
        labels = {"kind": "Kind", "scope_question": "Scope question", "text": "Finding"}
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "kind": {"required": "Choose strength or area for consideration"},
            "text": {"required": "Enter the finding"},
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope_question"].queryset = ScopeQuestion.objects.filter(review=review)
        self.fields["scope_question"].empty_label = "General (no scope question)"


class PasteFindingsForm(forms.Form):
    text = forms.CharField(
        label="Paste the findings",
        help_text="The section of the letter as it is: its scope questions and “Strengths” and "
        "“Areas for consideration” headings say what each finding is and where it goes. "
        "Bullets, numbered lines or paragraphs: each becomes one finding.",
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Paste the text of the findings"},
    )
    kind = forms.ChoiceField(
        label="Findings under no “Strengths” or “Areas for consideration” heading are",
        choices=Finding.Kind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    scope_question = forms.ModelChoiceField(
        label="Scope question for findings under no question in the text",
        queryset=ScopeQuestion.objects.none(),
        required=False,
        empty_label="General (no scope question)",
    )

    def __init__(self, *args, review, adding=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.adding = adding
        self.questions = list(ScopeQuestion.objects.filter(review=review))
        self.fields["scope_question"].queryset = ScopeQuestion.objects.filter(review=review)

    def clean(self):
        cleaned = super().clean()
        self.findings = parse_findings(cleaned.get("text", ""))
        if "text" in cleaned and not self.findings:
            self.add_error("text", "No findings were found in the text: paste at least one")
        elif self.adding and not cleaned.get("kind"):
            if any(not self.findings[i].kind for i in self.kept_indexes()):
                self.add_error(
                    "kind",
                    "Choose whether the findings under no heading are strengths or areas for "
                    "consideration",
                )
        return cleaned

    def kept_indexes(self):
        return [i for i in range(len(self.findings)) if f"keep-{i}" in self.data]

    def kept_findings(self):
        """(kind, scope question, text) of each ticked finding, in the order pasted."""
        default_kind = self.cleaned_data.get("kind")
        default_question = self.cleaned_data.get("scope_question")
        return [
            (
                self.findings[i].kind or default_kind,
                matching_question(self.findings[i].question, self.questions) or default_question,
                self.findings[i].text,
            )
            for i in self.kept_indexes()
        ]

    def preview(self):
        """The findings by the question or heading they come under: (title, what the review's
        scope questions make of it, [(index, finding, ticked)]) in the order of the text. The
        ticks are the parser's, or the user's when adding failed."""
        kept = set(self.kept_indexes()) if self.adding else None
        sections = {}
        for index, finding in enumerate(self.findings):
            group = finding.question or finding.group
            if group not in sections:
                sections[group] = (self._placing(finding.question), [])
            ticked = finding.ticked if kept is None else index in kept
            sections[group][1].append((index, finding, ticked))
        return [
            (group.title if group else "", placing, entries)
            for group, (placing, entries) in sections.items()
        ]

    def _placing(self, question):
        if question is None:
            return ""
        match = matching_question(question, self.questions)
        if match is not None:
            return f"They go under scope question {match.number}."
        return (
            "This is not one of the review’s scope questions: they go under the scope question "
            "chosen above. Add the question on the scope page first to put them under it."
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Move the review to", widget=forms.RadioSelect)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
        self.fields["status"].error_messages["required"] = "Choose the next stage"


class AccuracyCommentForm(forms.ModelForm):
    class Meta:
        model = AccuracyComment
        fields = ["about", "text"]
        labels = {"about": "What it is about (optional)", "text": "Comment"}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"text": {"required": "Enter your comment"}}


class AnswerForm(forms.ModelForm):
    class Meta:
        model = AccuracyComment
        fields = ["answer"]
        labels = {"answer": "Answer"}
        widgets = {"answer": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"answer": {"required": "Enter your answer"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True

    def save(self, *, answered_by):
        comment = super().save(commit=False)
        comment.answered_by, comment.answered_at = answered_by, timezone.now()
        comment.save()
        return comment
