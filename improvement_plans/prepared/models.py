from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from councils.access import scoped


class PreparedFileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The files the user asked for, of plans they may still see, not yet expired (a
        site administrator, who sees every plan, sees everyone's)."""
        plans = self.model._meta.get_field("plan").related_model.objects
        still_allowed = Q(requested_by=user) & (
            Q(plan__isnull=True) | Q(plan__in=plans.visible_to(user))
        )
        return scoped(self, user, still_allowed).filter(created_at__gt=expiry_cutoff())

    def editable_by(self, user):
        """Whose preparation the user may start again: their own."""
        return self.visible_to(user)

    def expired(self):
        return self.filter(created_at__lte=expiry_cutoff())


def expiry_cutoff(now=None):
    return (now or timezone.now()) - timedelta(hours=settings.PREPARED_FILE_HOURS)


class PreparedFile(models.Model):
    """One file someone asked for, which the task worker prepares."""

    class Kind(models.TextChoices):
        ACTION_LIST = "action-list", "the list of actions"
        RECOMMENDATION_LIST = "recommendation-list", "the list of recommendations"
        REPORT_PDF = "report-pdf", "the progress report"

    class Status(models.TextChoices):
        PREPARING = "preparing", "Preparing"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prepared_files"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The plan the file is about, if any: the file goes with the plan's visibility.
    plan = models.ForeignKey(
        "improvement_plans.ImprovementPlan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # What the file holds, as asked for: e.g. the list's filters, the report's date.
    parameters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREPARING)
    # django-tasks' id of the latest run, to find it in the task results.
    task_result_id = models.CharField(max_length=64, blank=True)
    # Its name in the default storage, and the name the download is given.
    stored_name = models.CharField(max_length=255, blank=True)
    download_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = PreparedFileQuerySet.as_manager()

    # Set by files.settle() when no worker has started on the file for a while.
    waiting_for_worker = False

    class Meta:
        app_label = "improvement_plans"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.requested_by}"

    def get_absolute_url(self):
        return reverse("improvement_plans:prepared_file", args=[self.pk])

    @property
    def expires_at(self):
        return self.created_at + timedelta(hours=settings.PREPARED_FILE_HOURS)

    @property
    def hours_kept(self):
        return settings.PREPARED_FILE_HOURS

    @property
    def description(self):
        """What the file is, in words: "the progress report for Adult social care (PDF)"."""
        words = self.get_kind_display()
        if self.plan_id:
            words += f" for {self.plan.title}"
        return f"{words} ({self.file_format})"

    @property
    def file_format(self):
        if self.kind == self.Kind.REPORT_PDF:
            return "PDF"
        export = QueryDict(self.parameters.get("query", "")).get("export")
        return "CSV" if export == "csv" else "Excel"

    @property
    def asked_from(self):
        """(address, words) of the page the file was asked for from, to go back to."""
        if self.plan_id:
            return self.plan.get_absolute_url(), "Go back to the plan"
        if self.kind == self.Kind.RECOMMENDATION_LIST:
            return reverse("recommendations:list"), "Go back to the list of recommendations"
        return reverse("improvement_plans:actions"), "Go back to the list of actions"
