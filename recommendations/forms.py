import re

from django import forms
from django.conf import settings
from django.db.models import Max
from django.template.defaultfilters import pluralize

from recommendations.models import ProgressAssessment, Recommendation
from recommendations.services import NEW_QUESTION
from reviews.cqc.forms import offer_statements
from reviews.models import FocusArea, ScopeQuestion
from reviews.paste import matching_question, parse_recommendations
from sli.lib.concurrency import VersionedFormMixin
from sli.lib.fields import DateInputsField
from sli.lib.numbering import recommendation_label, roman


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


class RecommendationForm(VersionedFormMixin, forms.ModelForm):
    number = forms.IntegerField(
        label="Number",
        min_value=1,
        required=False,
        help_text="Leave blank to put it at the end. Later recommendations move down one.",
        error_messages={"min_value": "The number must be 1 or more", "invalid": "Enter a number"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )

    class Meta:
        model = Recommendation
        fields = [
            "parent",
            "text",
            "scope_question",
            "focus_area",
            "reference",
            "page_reference",
            "quality_statements",
            "exempt",
        ]
        labels = {
            "parent": "Sub-item of",
            "text": "Recommendation",
            "scope_question": "Scope question",
            "focus_area": "Focus area",
            "reference": "The report’s own reference (optional)",
            "page_reference": "Report page (inspections)",
            "exempt": "Exempt information (never shown publicly)",
            "quality_statements": "Quality statements it answers (optional)",
        }
        help_texts = {
            "text": "Write “see also recommendations 6 and 8” and the numbers become links.",
            "reference": "For reports numbered by section, like 2.2(i): it is shown instead of "
            "the number.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "reference": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "quality_statements": forms.CheckboxSelectMultiple,
        }
        error_messages = {"text": {"required": "Enter the text of the recommendation"}}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        parents = Recommendation.objects.filter(review=review, parent=None)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["number"].initial = self.instance.number
            self.fields["number"].help_text = "Change it to move the recommendation."
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "None: a numbered recommendation"
        self.fields["parent"].label_from_instance = lambda item: f"Recommendation {item.number}"
        self.fields["scope_question"].queryset = ScopeQuestion.objects.filter(review=review)
        self.fields["scope_question"].empty_label = "None"
        self.fields["focus_area"].empty_label = "None"
        offer_statements(self, self.instance.quality_statements.all() if self.instance.pk else None)
        if review.is_issued:
            # Issued: the number, text and place are fixed (a correction is an amendment).
            for name in ("number", "parent", "text", "reference"):
                self.fields[name].disabled = True
                self.fields[name].help_text = "Fixed since the letter was issued."

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if parent and self.instance.pk and self.instance.children.exists():
            raise forms.ValidationError(
                "This recommendation has sub-items of its own, so it cannot become a sub-item"
            )
        return parent


LABEL = re.compile(r"^\s*(\d+)\s*(?:\(\s*([ivxlcdm]+)\s*\))?\s*$", re.IGNORECASE)


def parse_label(label):
    """ "16" → (16, None); "16(ii)" → (16, 2); anything else → None."""
    match = LABEL.match(label or "")
    if not match:
        return None
    number, sub = int(match.group(1)), match.group(2)
    if sub is None:
        return number, None
    sub_number = next((n for n in range(1, 100) if roman(n) == sub.lower()), None)
    return (number, sub_number) if sub_number else None


# The preview sends each row back as eight fields (keep, label, text, note, reference, page,
# group, other), each group of rows as four, and the rest of the page as a few more.
# Django answers "Bad Request" to more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS or a body over
# DATA_UPLOAD_MAX_MEMORY_SIZE, so a preview beyond them could never be added: the paste is
# refused first, with a message.
FIELDS_PER_ROW = 8
FIELDS_PER_GROUP = 4
OTHER_FIELDS = 20


def max_pasted_rows(groups=0):
    """As many rows as a request may send back, and the formset will read."""
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    most = PastedRowFormSet.absolute_max
    if limit is None:
        return most
    return min(most, (limit - OTHER_FIELDS - groups * FIELDS_PER_GROUP) // FIELDS_PER_ROW)


def max_pasted_characters():
    """Adding sends the text twice (as pasted, and in the rows), URL-encoded."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return None if limit is None else limit // 3


class PasteRecommendationsForm(forms.Form):
    text = forms.CharField(
        label="Paste the recommendations",
        help_text="The whole section of the letter or report, as it is: scope questions, "
        "strengths and areas for consideration, numbered recommendations and their sub-items. "
        "Only what reads as a recommendation is ticked, and nothing is added until you have "
        "checked it.",
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": "Paste the text of the recommendations"},
    )
    scope_question = forms.ModelChoiceField(
        label="Scope question for recommendations under no question in the text (optional)",
        queryset=ScopeQuestion.objects.none(),
        required=False,
        empty_label="None",
    )
    focus_area = forms.ModelChoiceField(
        label="Focus area (optional)",
        queryset=FocusArea.objects.all(),
        required=False,
        empty_label="None",
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.questions = list(ScopeQuestion.objects.filter(review=review))
        self.fields["scope_question"].queryset = ScopeQuestion.objects.filter(review=review)

    def clean_text(self):
        text = self.cleaned_data["text"]
        most = max_pasted_characters()
        if most is not None and len(text) > most:
            raise forms.ValidationError(
                f"The text is too long to check at once ({len(text):,} characters). Paste at "
                f"most {most:,} characters at a time: part of the letter, then the rest"
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if "text" in cleaned:
            self.items = parse_recommendations(cleaned["text"], self.next_number())
            self.groups = list(dict.fromkeys(item.group for item in self.items))
            rows = sum(1 + len(item.sub_items) for item in self.items)
            most = max_pasted_rows(len(self.groups))
            if rows > most:
                self.add_error(
                    "text",
                    f"The text holds {rows:,} recommendations and sub-items, more than can be "
                    f"checked at once. Paste at most {most:,} at a time: part of the letter, "
                    "then the rest",
                )
        return cleaned

    def next_number(self):
        numbers = Recommendation.objects.filter(review=self.review, parent=None)
        return (numbers.aggregate(last=Max("number"))["last"] or 0) + 1

    def pasted_rows(self):
        """Rows for the preview: one per recommendation or paragraph and one per sub-item."""
        rows = []
        for item in self.items:
            group = self.groups.index(item.group)
            number = item.suggested_number
            rows.append(
                {
                    "label": "" if number is None else str(number),
                    "text": item.text,
                    "keep": item.ticked,
                    "note": "\n".join(item.warnings),
                    "reference": item.reference,
                    "page_reference": item.page_reference,
                    "group": group,
                    "other": not item.is_recommendation,
                }
            )
            for position, (text, reference) in enumerate(
                zip(item.sub_items, item.sub_references, strict=True), start=1
            ):
                rows.append(
                    {
                        "label": "" if number is None else f"{number}({roman(position)})",
                        "text": text,
                        "keep": item.ticked,
                        "reference": reference,
                        "group": group,
                        "other": not item.is_recommendation,
                    }
                )
        return rows

    def pasted_groups(self):
        """One per scope question or heading the rows come under, with the review's scope
        question it matches, or the offer to add it as one."""
        groups = []
        for heading in self.groups:
            match = matching_question(heading, self.questions)
            if match is not None:
                choice = str(match.pk)
            elif heading is not None and heading.is_question:
                choice = NEW_QUESTION
            else:
                choice = ""
            groups.append(
                {
                    "scope_question": choice,
                    "heading": heading.text if heading else "",
                    "number": heading.number if heading else None,
                    "is_question": bool(heading and heading.is_question),
                }
            )
        return groups

    def notes(self):
        """What the page says about the whole paste, as sentences."""
        recommendations = [item for item in self.items if item.is_recommendation]
        ticked = [item for item in recommendations if item.ticked]
        others = len(self.items) - len(recommendations)
        questions = {item.group for item in ticked if item.group and item.group.is_question}
        subs = sum(len(item.sub_items) for item in ticked)
        found = f"{len(ticked)} recommendation{pluralize(len(ticked))} ticked"
        if subs:
            found += f", with {subs} sub-item{pluralize(subs)}"
        if questions:
            found += f", under {len(questions)} question{pluralize(len(questions))} of the text"
        if others:
            found += f"; {others} other paragraph{pluralize(others)} listed but not ticked"
        notes = [found + "."]
        if recommendations and all(item.number is None for item in recommendations):
            first = recommendations[0].suggested_number
            notes.append(
                "No numbers were written in the text: the recommendations are numbered from "
                f"{first} in the order they were pasted."
            )
        return notes

    def defaults(self):
        return {
            "scope_question": self.cleaned_data["scope_question"],
            "focus_area": self.cleaned_data["focus_area"],
        }


class PastedRowForm(forms.Form):
    keep = forms.BooleanField(label="Add this one", required=False)
    label = forms.CharField(
        label="Number",
        required=False,
        help_text="For example 16, or 16(ii) for a sub-item.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4"}),
    )
    text = forms.CharField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the text of the recommendation"},
    )
    note = forms.CharField(required=False, widget=forms.HiddenInput)
    reference = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
    page_reference = forms.CharField(required=False, max_length=50, widget=forms.HiddenInput)
    group = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    other = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("keep"):
            cleaned["label"] = None
            return cleaned
        label = cleaned.get("label", "")
        if not label.strip():
            self.add_error("label", "Enter the number, like 16 or 16(ii), or untick the row")
        elif (parsed := parse_label(label)) is None:
            self.add_error("label", "Write the number like 16, or 16(ii) for a sub-item")
        else:
            cleaned["label"] = parsed
        return cleaned

    @property
    def warnings(self):
        return [line for line in (self["note"].value() or "").split("\n") if line]


class BasePastedRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review

    def kept_rows(self):
        return [form.cleaned_data for form in self.forms if form.cleaned_data.get("keep")]

    def clean(self):
        if any(self.errors):
            return
        existing = set(
            Recommendation.objects.filter(review=self.review, parent=None).values_list(
                "number", flat=True
            )
        )
        seen, top_level = set(), existing.copy()
        for form in self.forms:
            if not form.cleaned_data.get("keep"):
                continue
            number, sub = form.cleaned_data["label"]
            label = recommendation_label(sub, number) if sub else str(number)
            if (number, sub) in seen:
                form.add_error(
                    "label",
                    f"Recommendation {label} appears twice: change one, or untick one",
                )
            elif sub is None and number in existing:
                form.add_error(
                    "label", f"Recommendation {label} already exists: give this one another number"
                )
            elif sub is not None and number not in top_level:
                form.add_error(
                    "label", f"There is no recommendation {number} for {label} to go under"
                )
            seen.add((number, sub))
            if sub is None:
                top_level.add(number)
        if not self.kept_rows():
            raise forms.ValidationError("Tick at least one recommendation to add")


PastedRowFormSet = forms.formset_factory(PastedRowForm, formset=BasePastedRowFormSet, extra=0)


class PastedGroupForm(forms.Form):
    """The scope question that the rows under one question or heading of the text answer."""

    scope_question = forms.ChoiceField(label="Scope question they answer", required=False)
    heading = forms.CharField(required=False, widget=forms.HiddenInput)
    number = forms.IntegerField(
        required=False, min_value=1, max_value=999, widget=forms.HiddenInput
    )
    is_question = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, review_questions, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "None")]
        if self.is_question_heading:
            choices.append((NEW_QUESTION, "Add it as a new scope question"))
        choices += [(str(q.pk), f"{q.number}. {q.text}") for q in review_questions]
        self.fields["scope_question"].choices = choices
        self.review_questions = {str(q.pk): q for q in review_questions}

    def clean_scope_question(self):
        value = self.cleaned_data["scope_question"]
        if value == NEW_QUESTION:
            return NEW_QUESTION
        return self.review_questions.get(value)

    @property
    def is_question_heading(self):
        return str(self["is_question"].value()) in ("True", "true", "on", "1")

    @property
    def title(self):
        heading, number = self["heading"].value(), self["number"].value()
        return f"{number}. {heading}" if number not in (None, "") and heading else heading


class BasePastedGroupFormSet(forms.BaseFormSet):
    def __init__(self, *args, review_questions, **kwargs):
        self.review_questions = review_questions
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"review_questions": self.review_questions}


PastedGroupFormSet = forms.formset_factory(PastedGroupForm, formset=BasePastedGroupFormSet, extra=0)


def pasted_sections(rows, groups):
    """The preview's rows by the question or heading they come under: (group form, the
    recommendation rows, the other paragraphs' rows) in the order of the text."""
    if not rows or groups is None:
        return []
    group_forms = list(groups)
    sections = {index: (form, [], []) for index, form in enumerate(group_forms)}
    loose = (None, [], [])
    for row in rows:
        index = row["group"].value()
        _, recommendations, others = sections.get(_index(index), loose)
        is_other = str(row["other"].value()) in ("True", "true", "on", "1")
        (others if is_other else recommendations).append(row)
    return [section for section in [*sections.values(), loose] if section[1] or section[2]]


def _index(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class AssessmentForm(forms.ModelForm):
    date = DateInputsField(label="Date of the progress review")

    class Meta:
        model = ProgressAssessment
        fields = ["date", "verdict", "comment"]
        labels = {"verdict": "Progress made", "comment": "Comment"}
        widgets = {"verdict": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"verdict": {"required": "Choose how much progress has been made"}}


class ResponseForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["response", "response_reason"]
        labels = {"response": "The council's response", "response_reason": "Reason"}
        help_texts = {"response_reason": "Needed when the recommendation is not fully accepted."}
        widgets = {
            "response": forms.RadioSelect,
            "response_reason": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].choices = Recommendation.Response.choices
        self.fields["response"].required = True
        self.fields["response"].error_messages["required"] = "Choose the council's response"

    def clean(self):
        cleaned = super().clean()
        response = cleaned.get("response")
        if response and response != Recommendation.Response.ACCEPTED:
            if not cleaned.get("response_reason", "").strip():
                self.add_error(
                    "response_reason", "Give the reason the recommendation is not fully accepted"
                )
        return cleaned


class ResponseRowForm(ResponseForm):
    """One row of the table of responses. A row left as it was is neither checked nor saved,
    so recommendations without a response yet may stay so."""

    class Meta(ResponseForm.Meta):
        widgets = {"response_reason": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False
        label = self.instance.label
        response = self.fields["response"]
        response.widget = forms.Select()
        response.choices = [("", "No response yet"), *Recommendation.Response.choices]
        response.label = f"Response to recommendation {label}"
        reason = self.fields["response_reason"]
        reason.label = f"Reason for the response to recommendation {label}"
        reason.help_text = ""  # said once above the table, not on every row


class BaseResponseFormSet(forms.BaseModelFormSet):
    def total_form_count(self):
        """One row for each recommendation shown: rows added to what is sent are ignored."""
        return self.initial_form_count()

    def changed_forms(self):
        return [form for form in self.forms if form.has_changed()]

    def again_over(self, conflicts):
        """The table as it was sent, to send again over what others saved meanwhile: each
        conflicting row takes the version saved now and says what it holds."""
        data = self.data.copy()
        for conflict in conflicts:
            data[conflict.form.add_prefix("version")] = conflict.saved.version
            latest = conflict.latest.history_id if conflict.latest else ""
            data[conflict.form.add_prefix("opened_record")] = latest
        formset = type(self)(data, queryset=self.queryset, prefix=self.prefix)
        formset.is_valid()
        by_pk = {conflict.saved.pk: conflict for conflict in conflicts}
        for form in formset.forms:
            if conflict := by_pk.get(form.instance.pk):
                saved = conflict.saved
                reason = f" (“{saved.response_reason}”)" if saved.response_reason else ""
                form.add_error(
                    None,
                    f"{conflict.saved_by} saved a response to recommendation {saved.label} "
                    f"while you were editing: it is now "
                    f"“{saved.get_response_display() or 'No response yet'}”{reason}. "
                    "Your answer is kept here: save again to replace it",
                )
        return formset


ResponseFormSet = forms.modelformset_factory(
    Recommendation, form=ResponseRowForm, formset=BaseResponseFormSet, extra=0, edit_only=True
)
