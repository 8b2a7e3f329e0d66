from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from councils.access import in_councils, in_led_regions, in_reviews, scoped, with_permissions
from councils.models import Membership

# The evidence library's records, under this app's label.
from improvement_plans.evidence_library.models import (  # noqa: F401
    EvidenceItem,
    ProgressEvidenceCategories,
)

# Files prepared in the background (large exports, long reports), under this app's label.
from improvement_plans.prepared.models import PreparedFile  # noqa: F401

# The council's self-assessment against the CQC framework is a sub-package of its own; its
# models are imported here so that they belong to this app.
from improvement_plans.self_assessment.models import (  # noqa: F401
    CqcSelfAssessment,
    SelfRating,
    SelfRatingChallenge,
    SelfRatingLink,
)
from recommendations.models import Recommendation
from reviews.models import QualityStatement
from sli.lib.queries import count_of
from sli.lib.similarity import most_alike

Role = Membership.Role


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


CLOSED_STATUSES = (ActionStatus.COMPLETED, ActionStatus.CANCELLED)
# Progress on an open action is reported at least monthly (to the management team).
UPDATE_DUE_AFTER_DAYS = 31
STARTED_STATUSES = (
    ActionStatus.ON_TRACK,
    ActionStatus.AT_RISK,
    ActionStatus.OFF_TRACK,
    ActionStatus.COMPLETED,
)


class PlanPartQuerySet(models.QuerySet):
    """Plans and what hangs from them: seen by the council's people, the regional lead and
    the teams of the reviews the plan answers; changed by the council's editors."""

    plan_path = "plan"

    def visible_to(self, user):
        if self.plan_path == "":
            return scoped(
                self,
                user,
                in_councils(user, "council")
                | in_led_regions(user, "council")
                | Q(
                    pk__in=ImprovementPlan.objects.filter(in_reviews(user, "reviews")).values("pk")
                ),
            )
        visible = ImprovementPlan.objects.visible_to(user).values("pk")
        return scoped(self, user, Q(**{f"{self.plan_path}__in": visible}))

    def editable_by(self, user):
        council_path = f"{self.plan_path}__council" if self.plan_path else "council"
        return scoped(self, user, in_councils(user, council_path, [Role.COUNCIL_EDITOR]))

    def with_permissions(self, user):
        """Annotate what ``user`` may do with each row, in the same query."""
        return with_permissions(self, user, can_edit="editable_by", can_check="checkable_by")

    def checkable_by(self, user):
        """Where the user may verify completions and challenge ratings: plans of the region
        they lead, and plans answering a review they led."""
        council_path = f"{self.plan_path}__council" if self.plan_path else "council"
        led = ImprovementPlan.objects.filter(in_reviews(user, "reviews", [Role.REVIEW_LEAD]))
        plan_path = self.plan_path or "pk"
        return scoped(
            self,
            user,
            in_led_regions(user, council_path) | Q(**{f"{plan_path}__in": led.values("pk")}),
        )


class ImprovementPlanQuerySet(PlanPartQuerySet):
    plan_path = ""

    def published(self):
        return self.filter(published_at__isnull=False)

    def with_action_summary(self, today=None):
        """Counts of actions per plan: all live, completed, overdue."""
        today = today or timezone.localdate()
        is_open = ~Q(actions__status__in=CLOSED_STATUSES)
        return self.annotate(
            action_count=models.Count("actions", filter=~Q(actions__status=ActionStatus.CANCELLED)),
            completed_action_count=models.Count(
                "actions", filter=Q(actions__status=ActionStatus.COMPLETED)
            ),
            overdue_action_count=models.Count(
                "actions", filter=is_open & Q(actions__due_date__lt=today)
            ),
        )


class ImprovementPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="improvement_plans"
    )
    reviews = models.ManyToManyField("reviews.Review", blank=True, related_name="improvement_plans")
    title = models.CharField(max_length=250)
    version_date = models.DateField(help_text="The date of this version of the plan.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the council published the plan."
    )

    objects = ImprovementPlanQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["council", "-version_date", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("improvement_plans:plan", args=[self.pk])

    def council_ids_concerned(self):
        """The councils whose data the plan's pages show, and whose pages a change to the plan
        touches: its own, and the hosts of the reviews it answers (its own too, unless an
        administrator linked another's)."""
        return {self.council_id, *(review.host_council_id for review in self.reviews.all())}


class ImprovementAreaQuerySet(PlanPartQuerySet):
    def with_public_references(self):
        """Annotate how many of the recommendations the area answers are exempt
        (``exempt_recommendation_count``) or of a letter not published
        (``unpublished_recommendation_count``). An area is usually titled with its
        recommendation's text, so such an area's title is not public either (Schedule 12A:
        nothing that quotes exempt information may be published)."""
        links = ImprovementArea.recommendations.through.objects.filter(
            improvementarea=OuterRef("pk")
        ).exclude(recommendation__in=Recommendation.objects.public())
        exempt = Q(recommendation__exempt=True) | Q(recommendation__parent__exempt=True)
        return self.annotate(
            exempt_recommendation_count=count_of(links.filter(exempt)),
            unpublished_recommendation_count=count_of(links.exclude(exempt)),
        )


class ImprovementArea(models.Model):
    """A numbered heading of a plan, usually one per recommendation ("Improvement Area 3")."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="areas")
    number = models.PositiveSmallIntegerField()
    title = models.TextField()
    recommendations = models.ManyToManyField(
        "recommendations.Recommendation", blank=True, related_name="improvement_areas"
    )

    objects = ImprovementAreaQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="improvement_area_number_unique_in_plan",
                violation_error_message="Another improvement area in this plan has that number.",
            ),
        ]

    def __str__(self):
        return f"Improvement Area {self.number}"

    def get_absolute_url(self):
        return f"{self.plan.get_absolute_url()}#improvement-area-{self.number}"

    @property
    def is_title_public(self):
        """Needs ``with_public_references()``."""
        return not (self.exempt_recommendation_count or self.unpublished_recommendation_count)

    def public_references(self):
        """What the area answers, as a published page may say it: "recommendation 2", "an
        exempt recommendation", "a recommendation of a letter not published". Needs
        ``with_public_references()`` and ``recommendations`` prefetched as the public ones."""
        references = [f"recommendation {rec.label}" for rec in self.recommendations.all()]
        for count, one, several in (
            (
                self.exempt_recommendation_count,
                "an exempt recommendation",
                "exempt recommendations",
            ),
            (
                self.unpublished_recommendation_count,
                "a recommendation of a letter not published",
                "recommendations of letters not published",
            ),
        ):
            if count:
                references.append(one if count == 1 else f"{count} {several}")
        return references


class ActionQuerySet(PlanPartQuerySet):
    def by_statement(self):
        """The quality statements these actions work towards, in the framework's order, each
        with these of its actions as ``plan_actions``; and the actions towards none. An action
        is under each statement it is tagged to, and under each of the statements of the
        recommendations it answers (with the recommendations' prefetched as the plan's page
        prefetches them, ``recommendations`` then ``recommendations__quality_statements``)."""
        actions = list(
            self.prefetch_related(
                Prefetch("quality_statements", queryset=QualityStatement.objects.only("pk"))
            )
        )
        under = {}
        untagged = []
        for action in actions:
            statements = {s.pk for s in action.quality_statements.all()} | {
                s.pk
                for recommendation in action.recommendations.all()
                for s in recommendation.quality_statements.all()
            }
            if not statements:
                untagged.append(action)
            for pk in statements:
                under.setdefault(pk, []).append(action)
        statements = list(
            QualityStatement.objects.filter(pk__in=under)
            .select_related("theme")
            .order_by("theme__framework__applies_from", "number")
        )
        for statement in statements:
            statement.plan_actions = under[statement.pk]
        return statements, untagged

    def public(self):
        """What anyone may read: actions of published plans, never exempt ones."""
        return self.filter(plan__published_at__isnull=False, exempt=False)

    def addressing(self, recommendation):
        """Actions on the recommendation, on one of its sub-items, or on its parent (an action
        on "16" answers "16(ii)" too). May repeat rows: use distinct() or count distinct."""
        # The related recommendations are listed first, so each condition is an index lookup;
        # an OR across three joins made PostgreSQL scan every action link per recommendation.
        if isinstance(recommendation, OuterRef):  # the outer row is a Recommendation
            this, parent = OuterRef(recommendation), OuterRef(OuterRef("parent"))
        else:
            this, parent = recommendation.pk, recommendation.parent_id
        related = Recommendation.objects.filter(Q(pk=this) | Q(parent=this) | Q(pk=parent))
        return self.filter(recommendations__in=related.values("pk"))

    def current(self):
        """The work in hand: open actions of plans not closed."""
        return self.open().exclude(plan__status=ImprovementPlan.Status.CLOSED)

    def alike(self, text, limit=5):
        """These actions whose wording (title and how) is alike to ``text``, most alike
        first: [(score, action)]."""
        return most_alike(
            text,
            self.select_related("plan").order_by("plan", "number"),
            wording=lambda action: f"{action.title} {action.how}",
            limit=limit,
        )

    def live(self):
        """Actions that count: everything but the cancelled."""
        return self.exclude(status=ActionStatus.CANCELLED)

    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def completed(self):
        return self.filter(status=ActionStatus.COMPLETED)

    def started(self):
        return self.filter(status__in=STARTED_STATUSES)

    def overdue(self, today=None):
        """Past their due date and neither completed nor cancelled."""
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def update_due(self, today=None):
        """Open, started, and with no progress update in the last UPDATE_DUE_AFTER_DAYS: the
        management team's monthly report will ask."""
        today = today or timezone.localdate()
        recent = ProgressUpdate.objects.filter(
            action=OuterRef("pk"), date__gt=today - timedelta(days=UPDATE_DUE_AFTER_DAYS)
        )
        return self.open().filter(start_date__lte=today).exclude(Exists(recent))

    @staticmethod
    def _date_conditions(today):
        """(open, past due, has a missed milestone, rated green against the dates) as
        conditions on the action's own row."""
        is_open = ~Q(status__in=CLOSED_STATUSES)
        past_due = is_open & Q(due_date__lt=today)
        missed = Exists(Milestone.objects.filter(action=OuterRef("pk")).missed(today))
        contradicted = Q(rag=Rag.GREEN) & (past_due | (is_open & missed))
        return is_open, past_due, missed, contradicted

    def summary(self, today=None):
        """How many actions are open, overdue and rated green against the dates, counted in
        one pass over the rows."""
        is_open, past_due, _, contradicted = self._date_conditions(today or timezone.localdate())
        return self.aggregate(
            open=Count("pk", filter=is_open),
            overdue=Count("pk", filter=past_due),
            rag_contradicted=Count("pk", filter=contradicted),
        )

    def with_flags(self, today=None):
        """Annotate what the dates say, beside the council's self-assessed RAG."""
        is_open, past_due, missed, contradicted = self._date_conditions(
            today or timezone.localdate()
        )
        return self.annotate(
            is_overdue_flag=models.ExpressionWrapper(past_due, output_field=models.BooleanField()),
            has_missed_milestone=missed,
            is_rag_contradicted=models.ExpressionWrapper(
                contradicted, output_field=models.BooleanField()
            ),
            extension_count=count_of(DueDateChange.objects.filter(action=OuterRef("pk"))),
            open_challenge_count=count_of(
                RatingChallenge.objects.filter(action=OuterRef("pk"), answer="")
            ),
        )

    def rag_contradicted(self, today=None):
        """Rated green by the council while overdue or with a missed milestone."""
        *_, contradicted = self._date_conditions(today or timezone.localdate())
        return self.filter(contradicted)

    def summary_by(self, field, today=None):
        """``summary()`` for each value of ``field`` (e.g. "plan__council"), in one grouped
        pass: {value: {"open": …, "overdue": …, "rag_contradicted": …}}."""
        is_open, past_due, _, contradicted = self._date_conditions(today or timezone.localdate())
        rows = (
            self.values(field)
            .annotate(
                open=Count("pk", filter=is_open),
                overdue=Count("pk", filter=past_due),
                rag_contradicted=Count("pk", filter=contradicted),
            )
            .order_by()
        )
        return {row.pop(field): row for row in rows}


class Action(models.Model):
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="actions")
    area = models.ForeignKey(
        ImprovementArea, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=250)
    recommendations = models.ManyToManyField(
        "recommendations.Recommendation", blank=True, related_name="actions"
    )
    quality_statements = models.ManyToManyField(
        "reviews.QualityStatement",
        blank=True,
        related_name="actions",
        verbose_name="quality statements this action works towards",
    )
    how = models.TextField("How it will be achieved", blank=True)
    expected_evidence = models.TextField("Expected evidence of improvement", blank=True)
    owner_name = models.CharField(
        "Owner", max_length=200, blank=True, help_text="A named officer or a role."
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
    )
    measure_description = models.CharField("Measure", max_length=250, blank=True)
    measure_baseline = models.CharField("Baseline", max_length=50, blank=True)
    measure_target = models.CharField("Target", max_length=50, blank=True)
    measure_unit = models.CharField("Unit", max_length=30, blank=True)
    start_date = models.DateField()
    due_date = models.DateField()
    original_due_date = models.DateField(
        null=True, blank=True, help_text="The due date first agreed; kept when it moves."
    )
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The review or regional lead who checked the evidence of completion.",
    )
    rag = models.CharField("Self-assessed RAG", max_length=10, choices=Rag.choices, blank=True)
    percent_complete = models.PositiveSmallIntegerField(default=0)
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

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["version", "updated_at"], m2m_fields=["quality_statements"]
    )

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="action_number_unique_in_plan",
                violation_error_message="Another action in this plan has that number.",
            ),
            models.CheckConstraint(
                condition=Q(due_date__gte=F("start_date")),
                name="action_due_not_before_start",
                violation_error_message="The due date must be on or after the start date.",
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100),
                name="action_percent_complete_at_most_100",
                violation_error_message="Percent complete must be between 0 and 100.",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return f"Action {self.number}: {self.title}"

    def save(self, *args, **kwargs):
        if self.original_due_date is None:
            self.original_due_date = self.due_date
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("improvement_plans:action", args=[self.pk])

    def council_ids_shown(self):
        """The councils whose data its page shows: its plan's, and the hosts of the reviews of
        its recommendations (as fetched with it: its page prefetches them with their reviews)."""
        return {self.plan.council_id} | {
            recommendation.review.host_council_id for recommendation in self.recommendations.all()
        }

    def council_ids_concerned(self):
        """The councils whose pages a change to the action touches: its plan's (and the hosts of
        the reviews the plan answers), and the hosts of the reviews of its recommendations."""
        return self.plan.council_ids_concerned() | set(
            self.recommendations.values_list("review__host_council_id", flat=True)
        )

    def already_addressed(self, recommendation):
        """Whether this action was in the plan before the recommendation was made: linking
        them says the recommendation was already addressed ("Already addressed by Action
        12"), not that new work began for it."""
        return self.created_at < recommendation.created_at

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    @property
    def is_rebaselined(self):
        return self.original_due_date is not None and self.due_date != self.original_due_date

    def expected_percent(self, today=None):
        """The share of the time from start to due that has passed, as a percentage."""
        today = today or timezone.localdate()
        span = (self.due_date - self.start_date).days
        if span <= 0:
            return 100 if today >= self.due_date else 0
        elapsed = (today - self.start_date).days
        return max(0, min(100, round(100 * elapsed / span)))

    def derived_rag(self, today=None):
        """What the dates say: percent complete against the share of time elapsed. Within 10
        points is green, within 25 amber, further behind (or overdue) red."""
        if self.status == ActionStatus.COMPLETED:
            return Rag.GREEN
        if self.status == ActionStatus.CANCELLED:
            return ""
        if self.is_overdue(today):
            return Rag.RED
        behind = self.expected_percent(today) - self.percent_complete
        if behind <= 10:
            return Rag.GREEN
        return Rag.AMBER if behind <= 25 else Rag.RED

    def is_overdue(self, today=None):
        return not self.is_closed and self.due_date < (today or timezone.localdate())

    @property
    def measure(self):
        """The measure in words: "70% Protection plans reviewed within 28 days"."""
        if not (self.measure_description or self.measure_target):
            return ""
        unit = self.measure_unit
        if unit == "£" and self.measure_target:
            target = f"£{self.measure_target}"
        else:
            # Symbols hug the number ("70%"); words take a space ("4 meetings").
            joiner = "" if unit in {"%", ""} else " "
            target = f"{self.measure_target}{joiner}{unit}".strip()
        return " ".join(part for part in (target, self.measure_description) if part)


class MilestoneQuerySet(PlanPartQuerySet):
    plan_path = "action__plan"

    def missed(self, today=None):
        """Past due and not done, on an action still open."""
        return self.filter(
            done_on__isnull=True, due_date__lt=today or timezone.localdate()
        ).exclude(action__status__in=CLOSED_STATUSES)

    overdue = missed

    def with_missed_flag(self, today=None):
        today = today or timezone.localdate()
        return self.annotate(
            is_missed_flag=models.ExpressionWrapper(
                Q(done_on__isnull=True, due_date__lt=today)
                & ~Q(action__status__in=CLOSED_STATUSES),
                output_field=models.BooleanField(),
            )
        )


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    text = models.CharField(max_length=500)
    due_date = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "due_date", "pk"]

    def __str__(self):
        return f"{self.text} ({self.due_date:%B %Y})"

    def get_absolute_url(self):
        return f"{self.action.get_absolute_url()}#milestone-{self.pk}"

    def is_missed(self, today=None):
        return (
            self.done_on is None
            and self.due_date < (today or timezone.localdate())
            and not self.action.is_closed
        )


class ActionPartQuerySet(PlanPartQuerySet):
    plan_path = "action__plan"


class EvidenceQuerySet(PlanPartQuerySet):
    plan_path = "update__action__plan"

    def visible_to(self, user):
        """Evidence may hold personal data: the council's people and the regional lead read
        it, not the review teams that read the plan for a progress review."""
        council_path = f"{self.plan_path}__council"
        return scoped(
            self, user, in_councils(user, council_path) | in_led_regions(user, council_path)
        )


class ProgressUpdate(models.Model):
    """A dated report on an action. Never edited: a correction is a new update."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_updates",
    )
    date = models.DateField(default=timezone.localdate)
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    rag = models.CharField("RAG", max_length=10, choices=Rag.choices, blank=True)
    percent_complete = models.PositiveSmallIntegerField(default=0)
    narrative = models.TextField(blank=True)
    measure_reading = models.CharField(max_length=100, blank=True)
    completion_evidence = models.TextField(
        blank=True, help_text="On completion: what shows the expected evidence of improvement."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActionPartQuerySet.as_manager()

    class Meta:
        ordering = ["action", "-date", "-created_at"]
        get_latest_by = ["date", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100),
                name="progress_update_percent_complete_at_most_100",
                violation_error_message="Percent complete must be between 0 and 100.",
            ),
        ]
        indexes = [models.Index(fields=["action", "-date"])]

    def __str__(self):
        return f"Update on action {self.action.number}, {self.date:%d %B %Y}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Progress updates are never edited: add a new update.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.action.get_absolute_url()}#update-{self.pk}"


class Evidence(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    link = models.URLField(max_length=500, blank=True)
    description = models.CharField(max_length=250)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
                name="evidence_is_a_file_or_a_link",
                violation_error_message="Give either a file or a link.",
            ),
        ]

    def __str__(self):
        return self.description

    def get_absolute_url(self):
        return self.update.get_absolute_url()

    def clean(self):
        if bool(self.file) == bool(self.link):
            raise ValidationError("Give either a file or a link, not both.")


class DueDateChange(models.Model):
    """A moved due date: who moved it, when and why (the action is then "re-baselined")."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="due_date_changes")
    previous_due_date = models.DateField()
    new_due_date = models.DateField()
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    objects = ActionPartQuerySet.as_manager()

    class Meta:
        ordering = ["action", "changed_at"]

    def __str__(self):
        return f"Due date of action {self.action.number} moved to {self.new_due_date:%d %B %Y}"

    def get_absolute_url(self):
        return f"{self.action.get_absolute_url()}#due-date-changes"


class RatingChallenge(models.Model):
    """A review or regional lead questions a council's self-assessed rating; the council
    answers; both stay with the action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="challenges")
    rag_challenged = models.CharField(
        "RAG challenged", max_length=10, choices=Rag.choices, blank=True
    )
    comment = models.TextField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = ActionPartQuerySet.as_manager()

    class Meta:
        ordering = ["action", "raised_at"]

    def __str__(self):
        return f"Challenge to the rating of action {self.action.number}"

    def get_absolute_url(self):
        return f"{self.action.get_absolute_url()}#challenge-{self.pk}"

    @property
    def is_open(self):
        return not self.answer


class ReminderSent(models.Model):
    """One reminder digest to one user on one day, and how sending it went: claimed before
    it is sent (so a second run that day sends none), then marked sent or failed."""

    class Status(models.TextChoices):
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    # Tries the last sending made (each run's retries), and what went wrong on the last.
    attempts = models.PositiveSmallIntegerField(default=1)
    error = models.TextField(blank=True)
    # GOV.UK Notify's id of the e-mail, to trace it in Notify ("" when sent by SMTP).
    reference = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "sent_on"], name="one_reminder_a_day")
        ]
        verbose_name = "reminder e-mail"

    def __str__(self):
        return f"Reminder to {self.user} on {self.sent_on:%d %B %Y} ({self.get_status_display()})"

    def finish(self, status, attempts, *, error="", reference=""):
        self.status, self.attempts, self.error, self.reference = status, attempts, error, reference
        self.save(update_fields=["status", "attempts", "error", "reference", "updated_at"])
