"""The regional programme: risk assessment against triggers, the menu of support, thematic
self-assessments, indicators, and the good-practice directory."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from councils.access import in_councils, in_led_regions, led_regions, scoped, their_regions
from councils.models import Membership
from reviews.cqc.models import Rating as CqcRating
from reviews.cqc.scoring import score_words

Role = Membership.Role


class RegionalQuerySet(models.QuerySet):
    """Things of one region (``region_path``) or of one council (``council_path``): read by
    the region's people, changed by its regional lead. Nothing here is public."""

    region_path = "region"
    council_path = None
    council_reads_own_only = False

    def _region(self, user, path):
        """The object's region is one whose people the user is among."""
        return Q(**{f"{path}__in": their_regions(user)})

    def visible_to(self, user):
        if self.council_path and self.council_reads_own_only:
            condition = in_councils(user, self.council_path) | in_led_regions(
                user, self.council_path
            )
        elif self.council_path:
            condition = self._region(user, f"{self.council_path}__region")
        else:
            condition = self._region(user, self.region_path)
        return scoped(self, user, condition)

    def editable_by(self, user):
        if self.council_path:
            return scoped(self, user, in_led_regions(user, self.council_path))
        return scoped(self, user, Q(**{f"{self.region_path}__in": led_regions(user)}))


class Trigger(models.Model):
    """An item of the region's menu of risk triggers (Table 2 of the North West MoU)."""

    class Category(models.TextChoices):
        OUTCOMES = "outcomes", "Outcomes"
        RESOURCES = "resources", "Resources: finance and people"
        INTELLIGENCE = "intelligence", "Other intelligence"
        STAKEHOLDERS = "stakeholders", "Interface with stakeholders"

    region = models.ForeignKey("councils.Region", on_delete=models.CASCADE, related_name="triggers")
    category = models.CharField(max_length=20, choices=Category.choices)
    text = models.TextField()
    data_source = models.CharField(max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    retired_on = models.DateField(
        null=True, blank=True, help_text="Retired triggers stay in past assessments."
    )

    objects = RegionalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["region", "order", "pk"]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("regional:triggers", args=[self.region.slug])


class SupportType(models.Model):
    """An item of the region's menu of support (Table 1 of the North West MoU)."""

    class Tier(models.TextChoices):
        SELF_HELP = "self_help", "Self-help"
        TARGETED = "targeted", "Targeted support"
        INTERVENTION = "intervention", "Intervention"

    region = models.ForeignKey(
        "councils.Region", on_delete=models.CASCADE, related_name="support_types"
    )
    tier = models.CharField(max_length=20, choices=Tier.choices)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = RegionalQuerySet.as_manager()

    class Meta:
        ordering = ["region", "order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_tier_display().lower()})"

    def get_absolute_url(self):
        return reverse("regional:support_menu", args=[self.region.slug])


class RiskAssessmentQuerySet(RegionalQuerySet):
    council_path = "council"
    council_reads_own_only = True

    def neighbouring_years(self, year, *, this_year):
        """The years before and after ``year`` that have assessments here (or are this year,
        when assessments may start): the pages a year's "previous" and "next" links lead to,
        None where there is none."""
        years = set(self.order_by().values_list("year", flat=True).distinct()) | {this_year}
        earlier = [y for y in years if y < year]
        later = [y for y in years if y > year]
        return (max(earlier) if earlier else None, min(later) if later else None)


class RiskAssessment(models.Model):
    """A council's annual risk assessment. The overall level of concern is the regional
    lead's judgement, not a formula, and the discussion with the council comes first."""

    class Concern(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        DISCUSSED = "discussed", "Discussed with the council"
        FINAL = "final", "Final"

    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="risk_assessments"
    )
    year = models.PositiveSmallIntegerField(help_text="The year it starts, e.g. 2013 for 2013/14.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    overall_concern = models.CharField(max_length=10, choices=Concern.choices, blank=True)
    reasons = models.TextField(blank=True, help_text="Why this level of concern.")
    discussed_on = models.DateField(null=True, blank=True)
    discussion_notes = models.TextField(blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finalised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RiskAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["council", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year"],
                name="one_risk_assessment_a_year",
                violation_error_message="This council already has an assessment for that year.",
            )
        ]

    def __str__(self):
        return f"Risk assessment of {self.council}, {self.year}/{(self.year + 1) % 100:02d}"

    def get_absolute_url(self):
        return reverse("regional:assessment", args=[self.pk])

    @property
    def cited_cqc(self):
        """The CQC assessment cited as a reason (a ``CqcCitation``), or None."""
        try:
            return self.cqc_citation
        except CqcCitation.DoesNotExist:
            return None


class AssessmentPartQuerySet(RiskAssessmentQuerySet):
    council_path = "assessment__council"


class CqcCitation(models.Model):
    """The CQC assessment a risk assessment cites as a reason for its level of concern, as it
    stood when cited: the rating, percentage and nine scores are copied here, so what the risk
    assessment said stays the same when a later report is published or a score corrected.

    ``scores`` holds every statement of the cited assessment in order, each
    ``{"number", "name", "score", "cited"}``: ``cited`` marks those the lead chose."""

    assessment = models.OneToOneField(
        RiskAssessment, on_delete=models.CASCADE, related_name="cqc_citation"
    )
    cqc_assessment = models.ForeignKey(
        "reviews.CqcAssessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="risk_citations",
        help_text="Kept for the link; what was cited is copied below.",
    )
    report_date = models.DateField(null=True, blank=True)
    rating = models.CharField(max_length=30, choices=CqcRating.choices, blank=True)
    rating_computed = models.BooleanField(default=False)
    percentage = models.PositiveSmallIntegerField(null=True, blank=True)
    percentage_computed = models.BooleanField(default=False)
    scores = models.JSONField(default=list)
    cited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cited_at = models.DateTimeField()

    objects = AssessmentPartQuerySet.as_manager()
    history = HistoricalRecords()

    def __str__(self):
        return f"CQC assessment cited by {self.assessment}"

    def get_absolute_url(self):
        return self.assessment.get_absolute_url()

    @classmethod
    def snapshot(cls, latest, numbers):
        """The fields that copy ``latest`` (a ``reviews.cqc.latest.LatestAssessment``) with
        the statements numbered ``numbers`` cited."""
        result = latest.result
        return {
            "cqc_assessment": latest.assessment,
            "report_date": latest.report_date,
            "rating": result.rating,
            "rating_computed": result.rating_computed,
            "percentage": result.percentage,
            "percentage_computed": result.percentage_computed,
            "scores": [
                {
                    "number": statement.number,
                    "name": statement.name,
                    "score": score,
                    "cited": statement.number in numbers,
                }
                for statement, score in result.scores.items()
            ],
        }

    def with_cited(self, numbers):
        """The same copy with the statements numbered ``numbers`` cited instead."""
        self.scores = [{**row, "cited": row["number"] in numbers} for row in self.scores]
        return self

    @property
    def rating_name(self):
        return CqcRating(self.rating).label if self.rating else "No rating"

    @property
    def cited_numbers(self):
        return [row["number"] for row in self.scores if row["cited"]]

    @property
    def statement_rows(self):
        """(number, name, score, the score in words, cited) for every statement."""
        return [
            (
                row["number"],
                row["name"],
                row["score"],
                score_words(row["score"]) if row["score"] else "Not scored",
                row["cited"],
            )
            for row in self.scores
        ]

    @property
    def cited_rows(self):
        return [row for row in self.statement_rows if row[4]]

    @property
    def summary(self):
        """ "Good, 67% (computed), report of 20 June 2025"."""
        rating = f"{self.rating_name}{' (computed)' if self.rating_computed else ''}"
        percentage = ""
        if self.percentage is not None:
            computed = " (computed)" if self.percentage_computed else ""
            percentage = f", {self.percentage}%{computed}"
        when = f", report of {self.report_date:%-d %B %Y}" if self.report_date else ""
        return f"{rating}{percentage}{when}"


class TriggerRating(models.Model):
    class Rating(models.TextChoices):
        NO_CONCERN = "none", "No concern"
        SOME_CONCERN = "some", "Some concern"
        SIGNIFICANT_CONCERN = "significant", "Significant concern"

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="ratings")
    trigger = models.ForeignKey(Trigger, on_delete=models.PROTECT, related_name="ratings")
    rating = models.CharField(max_length=12, choices=Rating.choices)
    evidence = models.TextField(blank=True)

    objects = AssessmentPartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "trigger__order", "trigger__pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "trigger"], name="one_rating_a_trigger")
        ]

    def __str__(self):
        return f"{self.trigger}: {self.get_rating_display()}"

    def get_absolute_url(self):
        return self.assessment.get_absolute_url()


class AssessmentComment(models.Model):
    """The discussion with the council before the final view."""

    assessment = models.ForeignKey(
        RiskAssessment, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssessmentPartQuerySet.as_manager()

    class Meta:
        ordering = ["assessment", "created_at"]

    def __str__(self):
        return f"Comment on {self.assessment}"

    def get_absolute_url(self):
        return f"{self.assessment.get_absolute_url()}#comment-{self.pk}"


class SupportOffer(models.Model):
    """Support chosen from the menu for a council, tracked to completion."""

    class Status(models.TextChoices):
        OFFERED = "offered", "Offered"
        ACCEPTED = "accepted", "Accepted"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        DECLINED = "declined", "Declined"

    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="support_received"
    )
    assessment = models.ForeignKey(
        RiskAssessment, null=True, blank=True, on_delete=models.SET_NULL, related_name="offers"
    )
    support_type = models.ForeignKey(SupportType, on_delete=models.PROTECT, related_name="offers")
    provider = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_given",
        help_text="The council giving the support, if one does.",
    )
    description = models.TextField(blank=True)
    days = models.DecimalField(
        max_digits=5, decimal_places=1, default=0, help_text="Officer and member days given."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OFFERED)
    offered_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    objects = RiskAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["council", "-offered_on"]

    def __str__(self):
        return f"{self.support_type.name} for {self.council}"

    def get_absolute_url(self):
        return reverse("regional:offer", args=[self.pk])


class Theme(models.Model):
    """A theme of the region's thematic self-assessments for a year."""

    region = models.ForeignKey("councils.Region", on_delete=models.CASCADE, related_name="themes")
    year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=250)
    description = models.TextField(blank=True)

    objects = RegionalQuerySet.as_manager()

    class Meta:
        ordering = ["region", "-year", "title"]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return reverse("regional:theme", args=[self.pk])


class StandardQuerySet(RegionalQuerySet):
    region_path = "theme__region"


class Standard(models.Model):
    """A standard of a theme; Level 1 is the minimum standard."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="standards")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    objects = StandardQuerySet.as_manager()

    class Meta:
        ordering = ["theme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="standard_number_in_theme")
        ]

    def __str__(self):
        return f"Standard {self.number}: {self.text[:60]}"

    def get_absolute_url(self):
        return self.theme.get_absolute_url()


class SelfAssessmentQuerySet(RegionalQuerySet):
    council_path = "council"

    def editable_by(self, user):
        """A council fills in its own self-assessment (its editors); the regional lead too."""
        return scoped(
            self,
            user,
            in_councils(user, "council", [Role.COUNCIL_EDITOR]) | in_led_regions(user, "council"),
        )


class SelfAssessment(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="self_assessments")
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="self_assessments"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = SelfAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["theme", "council"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "council"], name="one_self_assessment_a_theme")
        ]

    def __str__(self):
        return f"{self.council}: {self.theme}"

    def get_absolute_url(self):
        return reverse("regional:self_assessment", args=[self.pk])


class StandardLevelQuerySet(SelfAssessmentQuerySet):
    council_path = "self_assessment__council"

    def editable_by(self, user):
        return scoped(
            self,
            user,
            in_councils(user, self.council_path, [Role.COUNCIL_EDITOR])
            | in_led_regions(user, self.council_path),
        )


class StandardLevel(models.Model):
    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="levels"
    )
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(help_text="0 is below the minimum; 1 is minimum.")
    evidence = models.TextField(blank=True)
    strengths = models.TextField(blank=True)
    areas_for_development = models.TextField(blank=True)

    objects = StandardLevelQuerySet.as_manager()

    class Meta:
        ordering = ["self_assessment", "standard__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["self_assessment", "standard"], name="one_level_a_standard"
            ),
            models.CheckConstraint(condition=Q(level__lte=4), name="level_at_most_4"),
        ]

    def __str__(self):
        return f"Level {self.level} on {self.standard}"

    def get_absolute_url(self):
        return self.self_assessment.get_absolute_url()


class MeasureQuerySet(models.QuerySet):
    def visible_to(self, user):
        """National (ASCOF) measures, and local measures of the user's regions."""
        return scoped(self, user, Q(region__isnull=True) | Q(region__in=their_regions(user)))

    def editable_by(self, user):
        return scoped(self, user, Q(region__in=led_regions(user)))


class Measure(models.Model):
    """An indicator: an ASCOF measure (no region) or a local measure of a region."""

    class Better(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    region = models.ForeignKey(
        "councils.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="measures"
    )
    code = models.CharField(max_length=20)
    domain = models.CharField(max_length=250, blank=True)
    name = models.CharField(max_length=300)
    better = models.CharField(max_length=6, choices=Better.choices)
    unit = models.CharField(max_length=20, blank=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(region__isnull=True), name="national_measure_code"
            ),
            models.UniqueConstraint(fields=["region", "code"], name="local_measure_code"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("regional:measure", args=[self.pk])


class ReadingQuerySet(RegionalQuerySet):
    council_path = "council"


class Reading(models.Model):
    """One period's value of a measure for a council, with its target if one was set."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="readings")
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="readings"
    )
    period_end = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=3)
    target = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)

    objects = ReadingQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "council", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "council", "period_end"], name="one_reading_a_period"
            )
        ]
        indexes = [models.Index(fields=["measure", "period_end"])]

    def __str__(self):
        return f"{self.measure.code} {self.council} {self.period_end:%b %Y}: {self.value}"

    def get_absolute_url(self):
        return self.measure.get_absolute_url()


class PracticeQuerySet(RegionalQuerySet):
    council_path = "council"

    def editable_by(self, user):
        """A council records its own notable practice; the regional lead keeps the directory."""
        return scoped(
            self,
            user,
            in_councils(user, "council", [Role.COUNCIL_EDITOR]) | in_led_regions(user, "council"),
        )


class PracticeEntry(models.Model):
    """Notable practice a council offers to share (the directory also lists the strengths
    of issued reviews, straight from their findings)."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="practice_entries"
    )
    focus_area = models.ForeignKey(
        "reviews.FocusArea", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=250)
    description = models.TextField()
    contact_role = models.CharField(
        max_length=200, help_text="For example, Principal Social Worker"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PracticeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "practice entries"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("regional:practice", args=[self.pk])
