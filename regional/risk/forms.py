"""Forms of the annual risk assessment, its triggers and the menu of support."""

from django import forms

from councils.models import Council
from regional.models import (
    AssessmentComment,
    RiskAssessment,
    SupportOffer,
    SupportType,
    Trigger,
    TriggerRating,
)
from sli.lib.fields import DateInputsField


class TriggerForm(forms.ModelForm):
    class Meta:
        model = Trigger
        fields = ["category", "text", "data_source"]
        labels = {"text": "Trigger", "data_source": "Source of data or intelligence"}
        help_texts = {"data_source": "For example, NW Performance Leads Group"}
        widgets = {
            "category": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "category": {"required": "Choose the category of the trigger"},
            "text": {"required": "Enter the trigger"},
        }


class SupportTypeForm(forms.ModelForm):
    class Meta:
        model = SupportType
        fields = ["tier", "name", "description"]
        labels = {"tier": "Kind of support", "name": "Name"}
        help_texts = {"description": "For example, via existing regional or national networks"}
        widgets = {"tier": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "tier": {"required": "Choose the kind of support"},
            "name": {"required": "Enter the name of the support"},
        }


class RatingForm(forms.Form):
    """One trigger's rating; left empty while the evidence is still being gathered."""

    rating = forms.ChoiceField(
        choices=TriggerRating.Rating.choices,
        widget=forms.RadioSelect,
        required=False,
        label="Level of concern",
    )
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Evidence"
    )

    def __init__(self, *args, trigger=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.trigger = trigger

    def clean(self):
        data = super().clean()
        if data.get("evidence") and not data.get("rating"):
            self.add_error("rating", "Choose the level of concern for this trigger")
        return data


RatingFormSet = forms.formset_factory(RatingForm, extra=0)


class ConcernForm(forms.ModelForm):
    class Meta:
        model = RiskAssessment
        fields = ["overall_concern", "reasons"]
        labels = {"overall_concern": "Overall level of concern", "reasons": "Reasons"}
        help_texts = {
            "overall_concern": "Your judgement from all the triggers, not a count of them.",
            "reasons": "What led you to this level of concern.",
        }
        widgets = {"overall_concern": forms.RadioSelect, "reasons": forms.Textarea}
        error_messages = {"overall_concern": {"required": "Choose the overall level of concern"}}

    def __init__(self, *args, latest=None, citation=None, **kwargs):
        """``latest``: the council's latest published CQC assessment (a
        ``reviews.cqc.latest.LatestAssessment``) or None; ``citation``: the CQC assessment
        this risk assessment cites already, or None."""
        super().__init__(*args, **kwargs)
        self.fields["overall_concern"].required = True
        self.fields["overall_concern"].choices = RiskAssessment.Concern.choices
        self.fields["reasons"].required = True
        self.fields["reasons"].error_messages["required"] = "Enter the reasons for this level"
        self.latest, self.citation = latest, citation
        choices = cite_choices(latest, citation)
        if len(choices) > 1:
            self.fields["cite"] = forms.ChoiceField(
                label="Cite the CQC's assessment as a reason",
                choices=choices,
                widget=forms.RadioSelect,
                initial=KEEP if citation else NONE,
                help_text="What is cited is kept as it is now, even when a later "
                "assessment is published.",
            )
            statements = latest.cells if latest else []
            names = [(c.statement.number, c.statement.name) for c in statements] or [
                (number, name) for number, name, *_ in citation.statement_rows
            ]
            self.fields["statements"] = forms.TypedMultipleChoiceField(
                label="Quality statements that bear on the concern (optional)",
                choices=names,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=citation.cited_numbers if citation else [],
                help_text="Leave them all unticked to cite the rating alone.",
            )

    def clean(self):
        data = super().clean()
        cite, statements = data.get("cite"), data.get("statements") or []
        if cite == NONE and statements:
            self.add_error(
                "statements",
                "Choose to cite a CQC assessment, or untick the statements",
            )
        return data


KEEP, LATEST, NONE = "keep", "latest", "none"


def cite_choices(latest, citation):
    """What the lead may do about citing the CQC: keep what is cited, cite the latest
    assessment (if it is not the one cited already), or cite none."""
    choices = []
    if citation:
        choices.append((KEEP, f"Keep the assessment cited: {citation.summary}"))
    if latest and (citation is None or citation.cqc_assessment_id != latest.assessment.pk):
        result = latest.result
        percentage = "" if result.percentage is None else f", {result.percentage}%"
        choices.append(
            (
                LATEST,
                f"Cite the {'later' if citation else 'latest'} assessment: "
                f"{result.rating_name or 'No rating'}{percentage}, report of "
                f"{latest.report_date:%-d %B %Y}",
            )
        )
    choices.append((NONE, "Remove the citation" if citation else "Do not cite it"))
    return choices


class DiscussionForm(forms.ModelForm):
    discussed_on = DateInputsField(label="Date of the discussion with the council")

    class Meta:
        model = RiskAssessment
        fields = ["discussed_on", "discussion_notes"]
        labels = {"discussion_notes": "What was discussed"}
        widgets = {"discussion_notes": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["discussion_notes"].required = True
        self.fields["discussion_notes"].error_messages["required"] = (
            "Enter what was discussed with the council"
        )


class CommentForm(forms.ModelForm):
    class Meta:
        model = AssessmentComment
        fields = ["text"]
        labels = {"text": "Your comment"}
        error_messages = {"text": {"required": "Enter your comment"}}


class StartAssessmentForm(forms.Form):
    council = forms.ModelChoiceField(
        queryset=Council.objects.none(),
        label="Council",
        empty_label="Choose a council",
        error_messages={"required": "Choose the council to assess"},
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class OfferForm(forms.ModelForm):
    offered_on = DateInputsField(label="Date offered")

    class Meta:
        model = SupportOffer
        fields = ["support_type", "provider", "description", "days", "offered_on"]
        labels = {
            "support_type": "Support from the menu",
            "provider": "Council giving the support (optional)",
            "description": "What the support is for (optional)",
            "days": "Officer and member days",
        }
        widgets = {
            "support_type": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"support_type": {"required": "Choose the support from the menu"}}

    def __init__(self, *args, region, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_type"].queryset = SupportType.objects.filter(region=region)
        self.fields["support_type"].empty_label = None
        self.fields["provider"].queryset = Council.objects.filter(region=region).exclude(
            pk=council.pk
        )
        self.fields["provider"].empty_label = "No council"
        self.fields["days"].widget.attrs["class"] = "govuk-input--width-5"


class OfferStatusForm(forms.ModelForm):
    completed_on = DateInputsField(label="Date completed", required=False)

    class Meta:
        model = SupportOffer
        fields = ["status", "days", "completed_on", "notes"]
        labels = {"status": "Status", "days": "Officer and member days", "notes": "Notes"}
        widgets = {"status": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        done = data.get("status") == SupportOffer.Status.COMPLETED
        if done and not data.get("completed_on"):
            self.add_error("completed_on", "Enter the date the support was completed")
        if not done and data.get("completed_on"):
            self.add_error("status", "Choose ‘Completed’ if the support was completed")
        return data
