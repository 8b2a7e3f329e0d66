from django import forms

from improvement_plans.models import Evidence
from improvement_plans.self_assessment.models import SelfRating, SelfRatingChallenge
from reviews.cqc import scoring
from sli.lib.fields import DateInputsField

SCORE_CHOICES = [(score, scoring.score_sentence(score)) for score in range(scoring.HIGHEST, 0, -1)]
YES_NO = [("yes", "Yes, I’ve completed this statement"), ("no", "No, I’ll come back to it later")]


class NewSelfAssessmentForm(forms.Form):
    assessed_on = DateInputsField(
        label="Date of the self-assessment",
        help_text="The date the council's view is as at. For example, 3 3 2026",
    )


class EvidenceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        kind = "file" if obj.file else "link"
        return (
            f"{obj.description} ({kind}, action {obj.update.action.number}, "
            f"{obj.update.date:%-d %B %Y})"
        )


class SelfRatingForm(forms.ModelForm):
    """One statement of the task list: the score, the words, the evidence, and whether the
    council has finished with it."""

    score = forms.TypedChoiceField(
        label="Self-rating",
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    evidence = EvidenceChoiceField(
        label="Evidence from the improvement plan's progress updates",
        help_text="Choose the files and links already given with progress updates.",
        queryset=Evidence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    link_title = forms.CharField(
        label="Title of a public document (optional)",
        help_text="For example, Carers' strategy 2025 to 2028",
        max_length=250,
        required=False,
    )
    link_url = forms.URLField(
        label="Its web address",
        help_text="For example, https://www.example.gov.uk/carers-strategy",
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    remove_links = forms.ModelMultipleChoiceField(
        label="Remove links",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_completed = forms.ChoiceField(
        label="Have you completed this statement?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you have completed this statement"},
    )

    class Meta:
        model = SelfRating
        fields = ["score", "narrative", "strengths", "improvements", "evidence"]
        labels = {"narrative": "Narrative", "strengths": "Strengths"}
        help_texts = {
            "narrative": "In a few sentences: how the council meets the statement, and how it "
            "knows.",
        }
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 6}),
            "strengths": forms.Textarea(attrs={"rows": 4}),
            "improvements": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, evidence, adding_link=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.adding_link = adding_link
        # Adding a link keeps the page open: whether the statement is done is asked on saving.
        self.fields["is_completed"].required = not adding_link
        self.fields["evidence"].queryset = evidence
        links = self.instance.links.all()
        self.fields["remove_links"].queryset = links
        self.fields["remove_links"].label_from_instance = lambda link: link.title
        if not links:
            del self.fields["remove_links"]
        if not evidence:
            del self.fields["evidence"]
        self.initial.setdefault("is_completed", "yes" if self.instance.completed else None)

    def clean(self):
        cleaned = super().clean()
        title, url = cleaned.get("link_title"), cleaned.get("link_url")
        if self.adding_link and not (title or url):
            self.add_error("link_title", "Enter the title of the document")
        if title and not url and "link_url" not in self.errors:
            self.add_error("link_url", "Enter the web address of the document")
        if url and not title:
            self.add_error("link_title", "Enter the title of the document")
        if cleaned.get("is_completed") == "yes":
            if cleaned.get("score") is None:
                self.add_error("score", "Choose a self-rating before you mark it completed")
            if not (cleaned.get("narrative") or "").strip():
                self.add_error("narrative", "Write the narrative before you mark it completed")
        return cleaned

    def values(self):
        """The keyword arguments of services.save_rating."""
        data = self.cleaned_data
        return {
            "score": data["score"],
            "narrative": data["narrative"],
            "strengths": data["strengths"],
            "improvements": data["improvements"],
            "evidence": list(data.get("evidence") or []),
            "completed": (data["is_completed"] == "yes")
            if data.get("is_completed")
            else self.instance.completed,
            "new_link": (data["link_title"], data["link_url"]) if data.get("link_url") else None,
            "removed": list(data.get("remove_links") or []),
        }


class ChallengeForm(forms.Form):
    proposed_score = forms.TypedChoiceField(
        label="The rating you propose",
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the rating you propose"},
    )
    reason = forms.CharField(
        label="Why the rating should be different",
        help_text="Say what you saw or read that the self-assessment does not reflect.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say why the rating should be different"},
    )

    def __init__(self, *args, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_score"].choices = [
            (score, words) for score, words in SCORE_CHOICES if score != current
        ]


class AnswerForm(forms.ModelForm):
    class Meta:
        model = SelfRatingChallenge
        fields = ["outcome", "answer"]
        labels = {"outcome": "The council's answer", "answer": "Why"}
        widgets = {"outcome": forms.RadioSelect, "answer": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"outcome": {"required": "Choose whether the council accepts it"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["outcome"].choices = SelfRatingChallenge.Outcome.choices
        self.fields["answer"].required = True
        self.fields["answer"].error_messages["required"] = "Say why"
