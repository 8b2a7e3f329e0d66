from django import forms
from django.contrib.auth import get_user_model
from django.utils.html import format_html

from councils.models import Membership
from improvement_plans.models import (
    Action,
    ActionStatus,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Rag,
    RatingChallenge,
)
from recommendations.forms import parse_label
from recommendations.models import Recommendation
from reviews.cqc.forms import offer_statements
from reviews.models import Review
from sli.lib.concurrency import VersionedFormMixin
from sli.lib.fields import DateInputsField
from sli.lib.uploads import check_evidence_file


class PlanForm(forms.ModelForm):
    version_date = DateInputsField(label="Date of this version")

    class Meta:
        model = ImprovementPlan
        fields = ["title", "version_date", "status", "reviews"]
        labels = {"title": "Title", "status": "Status", "reviews": "Reviews it answers"}
        help_texts = {"title": "For example, Adult social care improvement plan 2025"}
        widgets = {"reviews": forms.CheckboxSelectMultiple, "status": forms.RadioSelect}
        error_messages = {"title": {"required": "Enter the title of the plan"}}

    def __init__(self, *args, council, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviews"].queryset = (
            Review.objects.visible_to(user).filter(host_council=council).issued()
        )
        self.fields["reviews"].label_from_instance = lambda review: review.title


class ActionForm(VersionedFormMixin, forms.ModelForm):
    number = forms.IntegerField(
        label="Action number",
        min_value=1,
        error_messages={"required": "Enter the action number", "min_value": "Use 1 or more"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    recommendation_numbers = forms.CharField(
        label="Recommendations it addresses",
        required=False,
        help_text="Their numbers, separated by commas: for example 3, 16(ii)",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    start_date = DateInputsField(label="Start date")
    due_date = DateInputsField(label="Due date")
    due_date_reason = forms.CharField(
        label="Why the due date is moving",
        required=False,
        help_text="Needed when you change the due date. The date first agreed is kept.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Action
        fields = [
            "number",
            "area",
            "title",
            "recommendation_numbers",
            "how",
            "expected_evidence",
            "owner_name",
            "owner_user",
            "measure_description",
            "measure_baseline",
            "measure_target",
            "measure_unit",
            "start_date",
            "due_date",
            "due_date_reason",
            "quality_statements",
            "exempt",
        ]
        labels = {
            "area": "Improvement area",
            "title": "Action",
            "how": "How it will be achieved",
            "expected_evidence": "Expected evidence of improvement",
            "owner_name": "Owner",
            "owner_user": "Owner's account (for reminders)",
            "measure_description": "Measure",
            "measure_baseline": "Baseline",
            "measure_target": "Target",
            "measure_unit": "Unit",
            "exempt": "Exempt information (never shown publicly)",
            "quality_statements": "Quality statements this action works towards (optional)",
        }
        help_texts = {
            "title": "A short name for the action, on one line.",
            "owner_name": "A named officer or a role, for example Head of Safeguarding.",
            "measure_description": "For example, protection plans reviewed within 28 days",
            "measure_target": "For example, 70",
            "measure_unit": "For example, %",
        }
        widgets = {
            "how": forms.Textarea(attrs={"rows": 4}),
            "expected_evidence": forms.Textarea(attrs={"rows": 3}),
            "quality_statements": forms.CheckboxSelectMultiple,
        }
        error_messages = {"title": {"required": "Enter a short name for the action"}}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["area"].queryset = ImprovementArea.objects.filter(plan=plan)
        self.fields["area"].empty_label = "None"
        self.fields["area"].label_from_instance = lambda area: f"{area}: {area.title[:80]}"
        self.fields["owner_user"].queryset = (
            get_user_model()
            .objects.filter(
                memberships__council=plan.council,
                memberships__role__in=Membership.COUNCIL_ROLES,
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["owner_user"].empty_label = "None"
        self.fields["owner_user"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        offer_statements(self, self.instance.quality_statements.all() if self.instance.pk else None)
        if self.instance.pk:
            self.fields["recommendation_numbers"].initial = ", ".join(
                r.label for r in self.instance.recommendations.select_related("parent")
            )
        else:
            self.fields.pop("due_date_reason")
            last = Action.objects.filter(plan=plan).order_by("-number").first()
            self.initial["number"] = (last.number + 1) if last else 1

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Action.objects.filter(plan=self.plan, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                f"Action {number} already exists in this plan: use another number"
            )
        return number

    def clean_recommendation_numbers(self):
        candidates = Recommendation.objects.filter(
            review__in=self.plan.reviews.all()
        ).select_related("parent")
        linked = (
            set(self.instance.recommendations.values_list("pk", flat=True))
            if self.instance.pk
            else set()
        )
        by_label = {}
        for recommendation in candidates:
            by_label.setdefault(recommendation.label.lower(), []).append(recommendation)
        chosen = []
        for part in filter(
            None, (p.strip() for p in self.cleaned_data["recommendation_numbers"].split(","))
        ):
            label = "".join(part.removeprefix("Recommendation").split()).lower()
            matches = by_label.get(label, [])
            # A report's own reference ("2.2(i)") is a number too, where one has it.
            if not matches and parse_label(label) is None:
                raise forms.ValidationError(
                    f"“{part}” is not a recommendation number: write them like 3, 16(ii)"
                )
            if not matches:
                raise forms.ValidationError(
                    f"There is no recommendation {label} in the reviews this plan answers"
                )
            if len(matches) > 1:
                # The same number in two of the plan's sources: the ones this action already
                # answers stay as they are (its form shows them by number).
                kept = [match for match in matches if match.pk in linked]
                if kept:
                    chosen.extend(kept)
                    continue
                raise forms.ValidationError(
                    f"Recommendation {label} is in more than one of the plan's reviews: "
                    "link this action from the recommendation's own page"
                )
            chosen.append(matches[0])
        return chosen

    def clean(self):
        cleaned = super().clean()
        start, due = cleaned.get("start_date"), cleaned.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", "The due date must be on or after the start date")
        if self.instance.pk and due and due != self.instance.due_date:
            if not cleaned.get("due_date_reason", "").strip():
                self.add_error("due_date_reason", "Say why the due date is moving")
        return cleaned


MilestoneFormSet = forms.inlineformset_factory(
    Action,
    Milestone,
    fields=["text", "due_date", "done_on"],
    field_classes={"due_date": DateInputsField, "done_on": DateInputsField},
    extra=2,
    can_delete=True,
    labels={"text": "Milestone", "due_date": "Due date", "done_on": "Done on"},
    error_messages={"text": {"required": "Enter what the milestone is"}},
)


class ProgressUpdateForm(forms.ModelForm):
    milestones_done = forms.ModelMultipleChoiceField(
        label="Milestones reached",
        queryset=Milestone.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    evidence_file = forms.FileField(
        label="Evidence file (optional)",
        required=False,
        help_text="PDF, Word, Excel or an image, up to 10 MB.",
    )
    evidence_link = forms.URLField(
        label="Or a link to the evidence (optional)",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a full web address, like https://example.gov.uk/report"},
    )
    evidence_description = forms.CharField(
        label="What the evidence is",
        required=False,
        max_length=250,
        help_text="For example, Audit report to DMT, September 2025",
    )

    class Meta:
        model = ProgressUpdate
        fields = [
            "status",
            "rag",
            "percent_complete",
            "narrative",
            "measure_reading",
            "completion_evidence",
        ]
        labels = {
            "status": "Status",
            "rag": "Your RAG rating",
            "percent_complete": "Percent complete",
            "narrative": "Progress since the last update",
            "measure_reading": "Latest reading of the measure (optional)",
            "completion_evidence": "Evidence of improvement (when completing)",
        }
        widgets = {
            "status": forms.RadioSelect,
            "rag": forms.RadioSelect,
            "narrative": forms.Textarea(attrs={"rows": 3}),
            "completion_evidence": forms.Textarea(attrs={"rows": 3}),
            "percent_complete": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
        }
        error_messages = {"status": {"required": "Choose the status"}}

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["rag"].choices = Rag.choices
        self.fields["rag"].required = True
        self.fields["rag"].error_messages["required"] = "Choose a RAG rating"
        if action is None:
            return  # the plan page's quick form, before an action is chosen
        self.fields["milestones_done"].queryset = action.milestones.filter(done_on__isnull=True)
        self.fields["milestones_done"].label_from_instance = lambda milestone: (
            f"{milestone.text} (due {milestone.due_date:%B %Y})"
        )
        if not self.fields["milestones_done"].queryset.exists():
            del self.fields["milestones_done"]
        # Help text is shown as HTML (as Django's own field templates do): escape the user's.
        self.fields["completion_evidence"].help_text = (
            format_html("Expected: {}", action.expected_evidence)
            if action.expected_evidence
            else ""
        )
        if not self.is_bound:
            self.initial.update(
                status=action.status, rag=action.rag, percent_complete=action.percent_complete
            )

    def clean_percent_complete(self):
        percent = self.cleaned_data["percent_complete"]
        if percent is None or not 0 <= percent <= 100:
            raise forms.ValidationError("Enter a percentage between 0 and 100")
        return percent

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            check_evidence_file(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ActionStatus.COMPLETED:
            if not cleaned.get("completion_evidence", "").strip():
                self.add_error(
                    "completion_evidence",
                    "Describe the evidence of improvement that shows the action is complete",
                )
            if cleaned.get("percent_complete") not in (None, 100):
                self.add_error("percent_complete", "A completed action is 100% complete")
        has_evidence = cleaned.get("evidence_file") or cleaned.get("evidence_link")
        if has_evidence and not cleaned.get("evidence_description", "").strip():
            self.add_error("evidence_description", "Say what the evidence is")
        if cleaned.get("evidence_file") and cleaned.get("evidence_link"):
            self.add_error("evidence_link", "Give a file or a link, not both")
        return cleaned


class QuickUpdateForm(forms.Form):
    """The first field of the update form on the plan page: which action."""

    action = forms.ModelChoiceField(
        label="Action", queryset=Action.objects.none(), empty_label="Choose an action"
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = Action.objects.filter(plan=plan).open()
        self.fields["action"].label_from_instance = lambda action: (
            f"Action {action.number}: {action.title[:70]}"
        )
        self.fields["action"].error_messages["required"] = "Choose the action to update"


class ChallengeForm(forms.ModelForm):
    class Meta:
        model = RatingChallenge
        fields = ["comment"]
        labels = {"comment": "Why the rating should be looked at again"}
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"comment": {"required": "Say why you are challenging the rating"}}


class ChallengeAnswerForm(forms.ModelForm):
    class Meta:
        model = RatingChallenge
        fields = ["answer"]
        labels = {"answer": "The council's answer"}
        widgets = {"answer": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True
        self.fields["answer"].error_messages["required"] = "Enter the council's answer"


class ImportForm(forms.Form):
    ALL_OR_NOTHING = "all"
    VALID_ROWS = "valid"

    file = forms.FileField(
        label="The spreadsheet (.xlsx)",
        help_text="Up to 5 MB and 5,000 rows.",
        error_messages={"required": "Choose the spreadsheet to import"},
    )
    if_problems = forms.ChoiceField(
        label="If some rows have problems",
        choices=[
            (ALL_OR_NOTHING, "Import nothing until every row is right"),
            (VALID_ROWS, "Import the rows that are right, and give me back the others"),
        ],
        initial=ALL_OR_NOTHING,
        widget=forms.RadioSelect,
        # Browsers send the chosen radio; a client that sends none gets all or nothing.
        required=False,
    )

    def valid_rows_only(self):
        return self.cleaned_data.get("if_problems") == self.VALID_ROWS


class LinkActionForm(forms.Form):
    """The action of the council's plan that already addresses a recommendation."""

    action = forms.ModelChoiceField(
        queryset=None,
        error_messages={
            "required": "Choose the action that already addresses the recommendation",
            "invalid_choice": "Choose an action of the council's own plan",
        },
    )

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions
