"""The evidence library's own records. They name the plans' evidence by its label
("improvement_plans.Evidence"), so that ``improvement_plans.models`` can re-export them
without an import cycle."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from councils.access import in_councils, in_led_regions, scoped
from councils.models import Membership


def council_evidence_readers(user, council_path):
    """The council's own people (editors and viewers) and its region's lead: who read its
    evidence, which may hold personal data. Review teams do not."""
    return in_councils(user, council_path) | in_led_regions(user, council_path)


class EvidenceItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        return scoped(self, user, council_evidence_readers(user, "council"))

    def editable_by(self, user):
        editor = [Membership.Role.COUNCIL_EDITOR]
        return scoped(self, user, in_councils(user, "council", editor))


class EvidenceItem(models.Model):
    """A piece of evidence the council keeps for the CQC: a file (checked as progress-update
    evidence is) or a link to a public document, with the quality statements and evidence
    categories it supports. Numbered in the council ("E12"), as the index lists it."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="evidence_items"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=250)
    description = models.TextField(blank=True)
    evidence_date = models.DateField("Date of the evidence")
    file = models.FileField(upload_to="evidence-library/%Y/%m/", blank=True)
    link = models.URLField("Link", max_length=500, blank=True)
    quality_statements = models.ManyToManyField(
        "reviews.QualityStatement",
        related_name="evidence_items",
        verbose_name="quality statements it supports",
    )
    categories = models.ManyToManyField(
        "reviews.EvidenceCategory",
        related_name="evidence_items",
        verbose_name="evidence categories",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EvidenceItemQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["updated_at"], m2m_fields=["quality_statements", "categories"]
    )

    class Meta:
        ordering = ["council", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "number"], name="evidence_item_number_unique_in_council"
            ),
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
                name="evidence_item_is_a_file_or_a_link",
                violation_error_message="Give either a file or a link.",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self):
        return reverse("improvement_plans:library:edit", args=[self.pk])

    @property
    def reference(self):
        return f"E{self.number}"

    @property
    def file_name(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""

    def clean(self):
        if bool(self.file) == bool(self.link):
            raise ValidationError("Give either a file or a link, not both.")


class ProgressEvidenceCategoriesQuerySet(models.QuerySet):
    council_path = "evidence__update__action__plan__council"

    def visible_to(self, user):
        return scoped(self, user, council_evidence_readers(user, self.council_path))

    def editable_by(self, user):
        editor = [Membership.Role.COUNCIL_EDITOR]
        return scoped(self, user, in_councils(user, self.council_path, editor))


class ProgressEvidenceCategories(models.Model):
    """The evidence categories the council chose for a progress update's evidence (which
    sits in the library under its action's quality statements). Without a row, or with no
    category, the evidence is "not categorised"."""

    evidence = models.OneToOneField(
        "improvement_plans.Evidence", on_delete=models.CASCADE, related_name="library_categories"
    )
    categories = models.ManyToManyField(
        "reviews.EvidenceCategory", blank=True, related_name="+", verbose_name="evidence categories"
    )

    objects = ProgressEvidenceCategoriesQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=["categories"])

    class Meta:
        verbose_name = "categories of progress evidence"
        verbose_name_plural = "categories of progress evidence"

    def __str__(self):
        return f"Categories of {self.evidence}"

    def get_absolute_url(self):
        return reverse("improvement_plans:library:categorise", args=[self.evidence_id])
