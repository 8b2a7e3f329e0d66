"""The CQC's local authority assessment framework, versioned as data, and the CQC's
assessments of councils against it.

A framework version (the 2023 one is loaded by a data migration) has themes, quality
statements with their "we" and "I" statements, and the evidence categories used for local
authorities. Later versions sit beside it, each applying from its own date.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from reviews.cqc import scoring
from reviews.models.review import Review, ReviewFindingsQuerySet
from sli.lib.working_days import add_working_days, working_days_until


class FrameworkQuerySet(models.QuerySet):
    def applying_on(self, day):
        """The version in force on ``day``: the latest to apply from that day or before."""
        return self.filter(applies_from__lte=day).order_by("-applies_from").first()


class Framework(models.Model):
    """One version of the CQC's assessment framework for local authorities."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=40)
    applies_from = models.DateField(help_text="The date from which assessments use it.")
    source = models.URLField(blank=True, help_text="Where the CQC publishes this version.")

    objects = FrameworkQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["applies_from"]

    def __str__(self):
        return f"{self.name} ({self.version})"

    def statements(self):
        return QualityStatement.objects.filter(theme__framework=self).select_related("theme")


class FrameworkTheme(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="framework_theme_number_unique"
            ),
        ]

    def __str__(self):
        return self.name


class EvidenceCategory(models.Model):
    """A kind of evidence the CQC gathers for a quality statement (people's experience,
    feedback from staff and leaders, feedback from partners, processes)."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="evidence_categories"
    )
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    required_for_every_statement = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order"]
        verbose_name_plural = "evidence categories"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="evidence_category_code_unique"
            ),
        ]

    def __str__(self):
        return self.name


class QualityStatement(models.Model):
    """A quality statement: the "we statement" the CQC assesses against, numbered through the
    framework (Assessing needs is 1, Learning, improvement and innovation 9)."""

    theme = models.ForeignKey(FrameworkTheme, on_delete=models.CASCADE, related_name="statements")
    number = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=60)
    name = models.CharField(max_length=200)
    we_statement = models.TextField()
    evidence_categories = models.ManyToManyField(EvidenceCategory, related_name="statements")

    history = HistoricalRecords()

    class Meta:
        ordering = ["theme__framework", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="quality_statement_number"),
            models.UniqueConstraint(fields=["theme", "code"], name="quality_statement_code"),
        ]

    def __str__(self):
        return self.name


class IStatement(models.Model):
    """What people expect, in their words ("I statements", from Making It Real)."""

    statement = models.ForeignKey(
        QualityStatement, on_delete=models.CASCADE, related_name="i_statements"
    )
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "order"]
        verbose_name = "I statement"

    def __str__(self):
        return self.text


class RatingCharacteristic(models.Model):
    """What a score of a quality statement looks like, as a framework version publishes it."""

    statement = models.ForeignKey(
        QualityStatement, on_delete=models.CASCADE, related_name="rating_characteristics"
    )
    score = models.PositiveSmallIntegerField(choices=list(scoring.SCORE_WORDS.items()))
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "score"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "score"], name="rating_characteristic_per_score"
            ),
        ]

    def __str__(self):
        return f"{self.statement}: {scoring.score_sentence(self.score)}"


class Rating(models.TextChoices):
    INADEQUATE = scoring.INADEQUATE, "Inadequate"
    REQUIRES_IMPROVEMENT = scoring.REQUIRES_IMPROVEMENT, "Requires improvement"
    GOOD = scoring.GOOD, "Good"
    OUTSTANDING = scoring.OUTSTANDING, "Outstanding"


class AssessmentPartQuerySet(ReviewFindingsQuerySet):
    """The CQC's findings are confidential until the report is published, as a letter's are."""


class CqcAssessmentQuerySet(AssessmentPartQuerySet):
    def published(self):
        """Assessments whose report the CQC has published (a draft at its factual accuracy
        check is not yet the CQC's judgement)."""
        return self.filter(review__status__in=Review.ISSUED_STATUSES)

    def latest(self):
        """Each council's latest assessment among these: the one with the latest report
        (or, without a report date, visit), in one query however many councils there are."""
        same_council = self.filter(review__host_council=models.OuterRef("review__host_council"))
        newest = same_council.order_by(
            models.F("report_date").desc(nulls_last=True), "-review__visit_end", "-pk"
        )
        return self.filter(pk=models.Subquery(newest.values("pk")[:1]))


class CqcAssessment(models.Model):
    """What the CQC's report of a local authority assessment says, besides its areas of
    strength and for improvement (findings tagged to a quality statement): the report's date,
    the rating and the percentage as published, the statements' scores, and the date of the
    CQC's e-mail that starts the factual accuracy check of the draft report."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="cqc_assessment")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    report_date = models.DateField(null=True, blank=True)
    published_rating = models.CharField(max_length=30, choices=Rating.choices, blank=True)
    published_percentage = models.PositiveSmallIntegerField(null=True, blank=True)
    draft_report_sent_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date of the CQC's e-mail with the draft report: the 10 working days "
        "for factual accuracy comments count from it.",
    )

    objects = CqcAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    def __str__(self):
        return f"CQC assessment of {self.review.host_council}"

    def get_absolute_url(self):
        return reverse("reviews:cqc:assessment", args=[self.review_id])

    def scores_by_statement(self):
        """{quality statement: score or None}, every statement of the framework in order."""
        scores = {s.statement_id: s.score for s in self.scores.all()}
        return {s: scores.get(s.pk) for s in self.framework.statements()}

    def result(self):
        return AssessmentResult.of(self, self.scores_by_statement())

    @property
    def accuracy_comments_due(self):
        if self.draft_report_sent_on is None:
            return None
        return add_working_days(self.draft_report_sent_on, ACCURACY_WORKING_DAYS)

    def accuracy_days_left(self, today):
        due = self.accuracy_comments_due
        return None if due is None else working_days_until(today, due)


# The CQC's window for factual accuracy comments on a draft report.
ACCURACY_WORKING_DAYS = 10


@dataclass
class AssessmentResult:
    """The percentage and the rating, each as published or, where the report leaves it out,
    computed from the scores (and marked so); and what would move the rating."""

    scores: dict
    percentage: int | None
    percentage_computed: bool
    rating: str
    rating_computed: bool
    computed_rating: str

    @classmethod
    def of(cls, assessment, scores):
        complete = bool(scores) and all(score is not None for score in scores.values())
        computed_percentage = (
            scoring.percentage(sum(scores.values()), len(scores)) if complete else None
        )
        computed_rating = scoring.band(computed_percentage) if complete else ""
        published = assessment.published_percentage
        return cls(
            scores=scores,
            percentage=published if published is not None else computed_percentage,
            percentage_computed=published is None and complete,
            rating=assessment.published_rating or computed_rating,
            rating_computed=not assessment.published_rating and bool(complete),
            computed_rating=computed_rating,
        )

    @property
    def total(self):
        return sum(score for score in self.scores.values() if score is not None)

    @property
    def is_complete(self):
        return bool(self.computed_rating)

    @property
    def rating_name(self):
        return Rating(self.rating).label if self.rating else ""

    @property
    def computed_rating_name(self):
        return Rating(self.computed_rating).label if self.computed_rating else ""

    @property
    def disagrees(self):
        """The published rating is not the band of the published scores."""
        return bool(self.computed_rating and self.rating != self.computed_rating)

    def _named(self):
        return {statement.name: score for statement, score in self.scores.items()}

    @property
    def move_up(self):
        return scoring.move_sentence(scoring.move_up(self._named())) if self.is_complete else ""

    @property
    def move_down(self):
        if not self.is_complete:
            return ""
        return scoring.move_sentence(scoring.move_down(self._named()), up=False)


class ScoreQuerySet(AssessmentPartQuerySet):
    review_path = "assessment__review"


class StatementScore(models.Model):
    assessment = models.ForeignKey(CqcAssessment, on_delete=models.CASCADE, related_name="scores")
    statement = models.ForeignKey(QualityStatement, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(choices=list(scoring.SCORE_WORDS.items()))

    objects = ScoreQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "statement__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement"], name="one_score_per_statement"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=scoring.LOWEST, score__lte=scoring.HIGHEST),
                name="statement_score_from_1_to_4",
            ),
        ]

    def __str__(self):
        return f"{self.statement}: {scoring.score_sentence(self.score)}"

    def get_absolute_url(self):
        return self.assessment.get_absolute_url()

    @property
    def sentence(self):
        return scoring.score_sentence(self.score)


class CorrectionQuerySet(ReviewFindingsQuerySet):
    def editable_by(self, user):
        """The host council's editors write their corrections during the check."""
        return self.filter(review__in=Review.objects.commentable_by(user).values("pk"))


class AccuracyCorrection(models.Model):
    """A factual accuracy comment on the CQC's draft report, in the CQC's three kinds."""

    class Kind(models.TextChoices):
        A = "A", "A: a typing or numerical error"
        B = "B", "B: information behind a judgement is wrong (evidence needed)"
        C = "C", "C: information was missed"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="cqc_corrections")
    kind = models.CharField(max_length=1, choices=Kind.choices)
    where = models.CharField(
        "Page and paragraph", max_length=100, help_text="For example, page 4, paragraph 2"
    )
    report_text = models.TextField("What the draft report says")
    proposed_correction = models.TextField()
    evidence_reference = models.CharField(max_length=250, blank=True)
    evidence_date = models.DateField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CorrectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "created_at", "pk"]

    def __str__(self):
        return f"Correction {self.kind} at {self.where}"

    def get_absolute_url(self):
        return reverse("reviews:cqc:corrections", args=[self.review_id])

    def clean(self):
        errors = {}
        if self.kind == self.Kind.B and not self.evidence_reference.strip():
            errors["evidence_reference"] = (
                "Enter the evidence that shows the information is wrong: a B correction needs it"
            )
        if self.evidence_date and self.review_id and self.evidence_date > self.review.visit_end:
            errors["evidence_date"] = (
                "The evidence must be dated no later than the assessment "
                f"({self.review.visit_end:%-d %B %Y})"
            )
        if errors:
            raise ValidationError(errors)
