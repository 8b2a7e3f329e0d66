"""A council's own assessment against the CQC's framework: a score of 1 to 4 for each quality
statement, with a narrative, strengths, areas to improve and the evidence behind it.

A council makes one as often as it likes (once a year at least, to discuss with the CQC).
A draft is its own; once submitted it is read-only, and the teams of its peer challenges and
its region's lead may challenge a self-rating, which the council answers. Both the council's
rating and the one proposed are kept, as with a challenge to an action's RAG.

The evidence links point at improvement_plans.Evidence by name, so this module imports no
module of the plans and the plans' models can register it (improvement_plans/models.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from councils.models import (
    Membership,
    in_councils,
    in_led_regions,
    memberships,
    scoped,
)
from reviews.cqc import scoring
from reviews.models import Framework, QualityStatement, Review

Role = Membership.Role
# The reviews whose teams are the council's peers: they read its submitted self-assessments
# (to prepare a visit or a progress review) and may challenge a self-rating.
PEER_KINDS = (
    Review.Kind.PEER_CHALLENGE,
    Review.Kind.LGA_PEER_REVIEW,
    Review.Kind.INTERIM_PEER_CHALLENGE,
)
READ_ONLY = "This self-assessment was submitted: it can no longer be changed."


def peer_councils(user):
    """The councils hosting a peer challenge whose team the user is on."""
    return (
        memberships(user, Membership.REVIEW_ROLES)
        .filter(review__kind__in=PEER_KINDS)
        .values("review__host_council")
    )


class SelfAssessmentPartQuerySet(models.QuerySet):
    """A self-assessment and what hangs from it. A draft is the council's own (its editors
    and viewers); a submitted one is read by its region's lead and its peer teams too.
    Drafts are changed by the council's editors; submitted ones by nobody. The region's
    lead and the peer teams challenge submitted self-ratings."""

    assessment_path = ""

    def _path(self, name):
        return f"{self.assessment_path}__{name}" if self.assessment_path else name

    def _submitted(self):
        return Q(**{self._path("submitted_at__isnull"): False})

    def _outside_readers(self, user):
        council = self._path("council")
        return in_led_regions(user, council) | Q(**{f"{council}__in": peer_councils(user)})

    def visible_to(self, user):
        council = self._path("council")
        return scoped(
            self, user, in_councils(user, council) | self._submitted() & self._outside_readers(user)
        )

    def editable_by(self, user):
        council = self._path("council")
        drafts = self.filter(**{self._path("submitted_at__isnull"): True})
        return scoped(drafts, user, in_councils(user, council, [Role.COUNCIL_EDITOR]))

    def challengeable_by(self, user):
        return scoped(self.filter(self._submitted()), user, self._outside_readers(user))


class CqcSelfAssessment(models.Model):
    """One dated self-assessment of a council against a version of the framework."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="cqc_self_assessments"
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    assessed_on = models.DateField(
        "Date of the self-assessment", default=timezone.localdate, help_text="For example, 3 3 2026"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SelfAssessmentPartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["council", "-assessed_on", "-pk"]
        verbose_name = "CQC self-assessment"

    def __str__(self):
        return f"Self-assessment of {self.council}, {self.assessed_on:%-d %B %Y}"

    def save(self, *args, **kwargs):
        # Read from the database: the copy in hand may predate the submission.
        if (
            not self._state.adding
            and CqcSelfAssessment.objects.filter(pk=self.pk, submitted_at__isnull=False).exists()
        ):
            raise ValidationError(READ_ONLY)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("improvement_plans:self_assessment:detail", args=[self.pk])

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    def check_editable(self):
        """Refuse a change to a submitted self-assessment (the rule is here, not in views)."""
        if self.is_submitted:
            raise ValidationError(READ_ONLY)

    def submit(self, *, by):
        """Submit it, once every statement is completed; from then on it is read-only."""
        self.check_editable()
        unfinished = [r.statement.name for r in self.ratings.all() if not r.completed]
        if unfinished or not self.ratings.exists():
            raise ValidationError(
                "Complete every statement before you submit: "
                + (", ".join(unfinished) or "no statement is rated")
            )
        self.submitted_at, self.submitted_by = timezone.now(), by
        self.save()


class SelfRatingQuerySet(SelfAssessmentPartQuerySet):
    assessment_path = "assessment"


class SelfRating(models.Model):
    """The council's view of one quality statement: its score, narrative, strengths, areas
    to improve, and the evidence behind it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"

    assessment = models.ForeignKey(
        CqcSelfAssessment, on_delete=models.CASCADE, related_name="ratings"
    )
    statement = models.ForeignKey(QualityStatement, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        "Self-rating", choices=list(scoring.SCORE_WORDS.items()), null=True, blank=True
    )
    narrative = models.TextField(blank=True)
    strengths = models.TextField(blank=True)
    improvements = models.TextField("Areas to improve", blank=True)
    evidence = models.ManyToManyField(
        "improvement_plans.Evidence", blank=True, related_name="self_ratings"
    )
    completed = models.BooleanField(default=False)

    objects = SelfRatingQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=["evidence"])

    class Meta:
        ordering = ["assessment", "statement__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement"], name="one_self_rating_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True)
                | Q(score__gte=scoring.LOWEST, score__lte=scoring.HIGHEST),
                name="self_rating_from_1_to_4",
            ),
            models.CheckConstraint(
                condition=Q(completed=False) | Q(score__isnull=False),
                name="completed_self_rating_has_a_score",
            ),
        ]

    def __str__(self):
        return f"{self.statement}: self-rated {self.score or 'not yet'}"

    def save(self, *args, **kwargs):
        self.assessment.check_editable()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.assessment.get_absolute_url()}#statement-{self.statement.number}"

    def clean(self):
        if self.completed and (self.score is None or not self.narrative.strip()):
            raise ValidationError(
                "Choose a self-rating and write the narrative before you mark it completed"
            )

    @property
    def status(self):
        """Needs ``links`` and ``evidence`` prefetched."""
        if self.completed:
            return self.Status.COMPLETED
        started = (
            self.score
            or any((self.narrative, self.strengths, self.improvements))
            or self.links.all()
            or self.evidence.all()
        )
        return self.Status.IN_PROGRESS if started else self.Status.NOT_STARTED

    @property
    def sentence(self):
        return scoring.score_sentence(self.score) if self.score else "Not rated yet"


class SelfRatingPartQuerySet(SelfAssessmentPartQuerySet):
    assessment_path = "rating__assessment"


class SelfRatingLink(models.Model):
    """A public document that shows the evidence (a strategy, a board paper, a survey)."""

    rating = models.ForeignKey(SelfRating, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(max_length=250)
    url = models.URLField("Web address", max_length=500)

    objects = SelfRatingPartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["rating", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.rating.assessment.check_editable()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.rating.get_absolute_url()

    def delete(self, *args, **kwargs):
        self.rating.assessment.check_editable()
        return super().delete(*args, **kwargs)


class ChallengeQuerySet(SelfRatingPartQuerySet):
    def editable_by(self, user):
        """The council's editors answer a challenge to their submitted self-assessment."""
        return scoped(self, user, in_councils(user, self._path("council"), [Role.COUNCIL_EDITOR]))

    def open(self):
        return self.filter(answered_at__isnull=True)


class SelfRatingChallenge(models.Model):
    """A peer or the regional lead proposes another score for a self-rating, with a reason;
    the council answers, accepting the proposed score or keeping its own. The council's
    score stays as it rated it; the proposed one is kept beside it."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", "We accept the proposed rating"
        KEPT = "kept", "We keep our own rating"

    rating = models.ForeignKey(SelfRating, on_delete=models.CASCADE, related_name="challenges")
    score_challenged = models.PositiveSmallIntegerField(choices=list(scoring.SCORE_WORDS.items()))
    proposed_score = models.PositiveSmallIntegerField(
        "Proposed rating", choices=list(scoring.SCORE_WORDS.items())
    )
    reason = models.TextField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = ChallengeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["rating", "raised_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    proposed_score__gte=scoring.LOWEST, proposed_score__lte=scoring.HIGHEST
                ),
                name="proposed_self_rating_from_1_to_4",
            ),
        ]

    def __str__(self):
        return f"Challenge to the self-rating of {self.rating.statement}"

    def get_absolute_url(self):
        return f"{self.rating.assessment.get_absolute_url()}#challenge-{self.pk}"

    @property
    def is_open(self):
        return self.answered_at is None

    @property
    def is_accepted(self):
        return self.outcome == self.Outcome.ACCEPTED

    def clean(self):
        if self.proposed_score is not None and self.proposed_score == self.score_challenged:
            raise ValidationError(
                {"proposed_score": "Choose a rating different from the council's own"}
            )
