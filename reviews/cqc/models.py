"""The CQC's local authority assessment framework, versioned as data, and the CQC's
assessments of councils against it.

A framework version (the 2023 one is loaded by a data migration) has themes, quality
statements with their "we" and "I" statements, and the evidence categories used for local
authorities. Later versions sit beside it, each applying from its own date.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from reviews.cqc import scoring


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
