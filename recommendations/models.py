import itertools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Count,
    F,
    Q,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from councils.access import in_councils, in_reviews, scoped
from councils.models import Membership
from reviews.models import Review, ReviewFindingsQuerySet
from sli.lib.numbering import recommendation_label


class ImplementationState(models.TextChoices):
    """How far a recommendation has been put into effect, derived from its actions."""

    NOT_ACCEPTED = "not_accepted", "Not accepted"
    NO_ACTION = "no_action", "No action"
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    OVERDUE = "overdue", "Overdue"
    IMPLEMENTED = "implemented", "Implemented"


def implementation_state(response, counts):
    """The state from the response and the counts of live, completed, overdue and started
    actions (None for none): the rules of ``with_implementation_state()`` in
    improvement_plans.implementation."""
    if response == Recommendation.Response.NOT_ACCEPTED:
        return ImplementationState.NOT_ACCEPTED
    if not counts or not counts["total"]:
        return ImplementationState.NO_ACTION
    if counts["completed"] == counts["total"]:
        return ImplementationState.IMPLEMENTED
    if counts["overdue"]:
        return ImplementationState.OVERDUE
    if counts["started"]:
        return ImplementationState.IN_PROGRESS
    return ImplementationState.NOT_STARTED


def renumbering_sentence(changes, parent_number=None):
    """The sentence saying how numbers change: "Recommendations 6 to 9 will become 5 to 8."
    for the changes [(6, 5), … (9, 8)] of the numbers under ``parent_number`` (None for the
    top level); "" for no change."""
    if not changes:
        return ""

    def labels(numbers):
        return [recommendation_label(number, parent_number) for number in numbers]

    nows, afters = (labels(numbers) for numbers in zip(*changes, strict=True))
    if len(changes) == 1:
        return f"Recommendation {nows[0]} will become {afters[0]}."
    if all(
        b == a + 1 for numbers in zip(*changes, strict=True) for a, b in itertools.pairwise(numbers)
    ):
        return f"Recommendations {nows[0]} to {nows[-1]} will become {afters[0]} to {afters[-1]}."
    return (
        f"Recommendations {', '.join(nows[:-1])} and {nows[-1]} will become "
        f"{', '.join(afters[:-1])} and {afters[-1]}, in that order."
    )


class RecommendationQuerySet(ReviewFindingsQuerySet):
    def issued(self):
        return self.filter(review__status__in=Review.ISSUED_STATUSES)

    def amendable_by(self, user):
        """Issued recommendations the user may correct by a recorded amendment."""
        return self.editable_by(user).issued()

    def assessable_by(self, user):
        """At the progress review the review's lead assesses each issued recommendation."""
        return scoped(
            self.issued(), user, in_reviews(user, "review", [Membership.Role.REVIEW_LEAD])
        )

    def drafts(self):
        return self.exclude(review__status__in=Review.ISSUED_STATUSES)

    def public(self):
        """What anyone may read: published letters, never exempt items."""
        return self.filter(review__in=Review.objects.published(), exempt=False).exclude(
            parent__exempt=True
        )

    def respondable_by(self, user):
        """The host council's editors answer issued recommendations."""
        return scoped(
            self.filter(review__status__in=Review.ISSUED_STATUSES),
            user,
            in_councils(user, "review__host_council", [Membership.Role.COUNCIL_EDITOR]),
        )

    def top_level(self):
        return self.filter(parent__isnull=True)


class Recommendation(models.Model):
    class Response(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
        NOT_ACCEPTED = "not_accepted", "Not accepted"

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(
        help_text="Numbered across the whole review; a sub-item's number is its place "
        "under its parent (2 is shown as “(ii)”)."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    text = models.TextField()
    scope_question = models.ForeignKey(
        "reviews.ScopeQuestion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    focus_area = models.ForeignKey(
        "reviews.FocusArea",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    quality_statements = models.ManyToManyField(
        "reviews.QualityStatement",
        blank=True,
        related_name="recommendations",
        verbose_name="quality statements it answers",
        help_text="The CQC quality statements it answers.",
    )
    finding = models.ForeignKey(
        "reviews.Finding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
        help_text="The area for improvement in a CQC report it was made from.",
    )
    page_reference = models.CharField(
        max_length=50, blank=True, help_text="Pages of the inspection report it refers to."
    )
    reference = models.CharField(
        max_length=30,
        blank=True,
        help_text="The report's own reference, for reports numbered by section (“2.2(i)”): "
        "shown instead of the number.",
    )
    response = models.CharField(max_length=20, choices=Response.choices, blank=True)
    response_reason = models.TextField(blank=True)
    exempt = models.BooleanField(
        default=False,
        help_text="Exempt information (Local Government Act 1972, Schedule 12A): "
        "never shown publicly.",
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every save, so that a stale form cannot overwrite."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecommendationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=["quality_statements"])

    class Meta:
        ordering = [
            "review",
            Coalesce("parent__number", "number"),
            F("parent").asc(nulls_first=True),
            "number",
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"],
                condition=Q(parent__isnull=True),
                name="recommendation_number_unique_in_review",
                violation_error_message="Another recommendation in this review has that number.",
            ),
            models.UniqueConstraint(
                fields=["parent", "number"],
                condition=Q(parent__isnull=False),
                name="recommendation_sub_item_unique_in_parent",
                violation_error_message="Another sub-item of this recommendation has that number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="recommendation_number_positive"
            ),
        ]

    def __str__(self):
        return f"Recommendation {self.label}"

    def save(self, *args, amending=False, **kwargs):
        if not amending and (changed := self.locked_changes()):
            raise ValidationError(
                f"Recommendation {self.label} was issued: its "
                f"{' and '.join(name.removesuffix('_id') for name in changed)} can only "
                "change through a recorded amendment."
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("recommendations:detail", args=[self.pk])

    LOCKED_FIELDS = ("number", "reference", "text", "parent_id", "review_id")

    def locked_changes(self):
        """Numbers and texts are fixed once the letter is issued; return what this save would
        change of them (a correction goes through ``amend_recommendation``)."""
        if self._state.adding:
            return []
        stored = (
            Recommendation.objects.filter(pk=self.pk)
            .values(*self.LOCKED_FIELDS, "review__status")
            .first()
        )
        if stored is None or stored["review__status"] not in Review.ISSUED_STATUSES:
            return []
        return [field for field in self.LOCKED_FIELDS if stored[field] != getattr(self, field)]

    @property
    def label(self):
        """The number people use: "16" or, for a sub-item, "16(ii)"; or the report's own
        reference where it numbers by section ("2.2(i)")."""
        if self.reference:
            return self.reference
        parent_number = self.parent.number if self.parent_id else None
        return recommendation_label(self.number, parent_number)

    def renumbering_on_deletion(self):
        """What deleting this recommendation does to the numbers of the others, as a sentence
        ("" when none changes): the later ones move up one, as ``delete_recommendation``
        renumbers them."""
        siblings = (
            Recommendation.objects.filter(review=self.review_id, parent=self.parent_id)
            .exclude(pk=self.pk)
            .order_by("number")
            .annotate(sub_items=Count("children"))
            .values_list("number", "sub_items")
        )
        changes, with_sub_items = [], False
        for after, (now, sub_items) in enumerate(siblings, start=1):
            if now != after:
                changes.append((now, after))
                with_sub_items |= bool(sub_items)
        sentence = renumbering_sentence(changes, self.parent.number if self.parent_id else None)
        if with_sub_items:
            sentence = sentence.replace(" will become ", ", with their sub-items, will become ")
        return sentence

    def clean(self):
        errors = {}
        if self.locked_changes():
            errors["text"] = (
                "This recommendation has been issued. Record an amendment to correct it."
            )
        if self.parent_id:
            if self.parent.parent_id:
                errors["parent"] = "A sub-item cannot have sub-items of its own."
            elif self.parent.review_id != self.review_id:
                errors["parent"] = "Choose a recommendation from the same review."
        if self.scope_question_id and self.scope_question.review_id != self.review_id:
            errors["scope_question"] = "Choose a scope question from the same review."
        if errors:
            raise ValidationError(errors)


class Amendment(models.Model):
    """A correction to an issued recommendation, recorded with who, when and why."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="amendments"
    )
    previous_text = models.TextField()
    new_text = models.TextField()
    reason = models.TextField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "made_at"]

    def __str__(self):
        return f"Amendment to {self.recommendation} on {self.made_at:%d %B %Y}"

    def get_absolute_url(self):
        return f"{self.recommendation.get_absolute_url()}#amendment-{self.pk}"


class ProgressAssessmentQuerySet(ReviewFindingsQuerySet):
    review_path = "recommendation__review"


class ProgressAssessment(models.Model):
    """At the progress review, the review lead's view of one recommendation, shown beside
    the council's own status."""

    class Verdict(models.TextChoices):
        GOOD = "good", "Good progress"
        SOME = "some", "Some progress"
        LIMITED = "limited", "Limited progress"
        NONE = "none", "No progress"

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="assessments"
    )
    date = models.DateField()
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    comment = models.TextField(blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgressAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "-date", "-created_at"]

    def __str__(self):
        return f"{self.get_verdict_display()} on {self.recommendation}"

    def get_absolute_url(self):
        return f"{self.recommendation.get_absolute_url()}#assessment-{self.pk}"
