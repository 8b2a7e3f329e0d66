from django.conf import settings
from django.db import models
from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, Q, When
from django.urls import reverse
from simple_history.models import HistoricalRecords

from councils.access import in_councils, in_led_regions, in_reviews, scoped, with_permissions
from councils.models import Membership
from reviews.cqc.kind import CqcAssessmentKind
from reviews.kinds import PLAIN, AuditKind, DocumentKind, OmbudsmanKind, SourceKind
from sli.lib.fields import shown_date

Role = Membership.Role


class FocusArea(models.Model):
    """One of the eight key areas of focus for adult social care peer challenges."""

    number = models.PositiveSmallIntegerField(unique=True)
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return self.name


class ReviewQuerySet(models.QuerySet):
    def issued(self):
        return self.filter(status__in=Review.ISSUED_STATUSES)

    def published(self):
        """Issued letters their council chose to publish: readable by anyone."""
        return self.issued().filter(published_at__isnull=False)

    def drafts(self):
        return self.exclude(status__in=Review.ISSUED_STATUSES)

    def with_kind_parts(self):
        """Each review with what its kind's pages read (a CQC assessment's dates)."""
        return self.select_related(*{p for kind in SOURCE_KINDS.values() for p in kind.related})

    def visible_to(self, user):
        """The review team's, the host council's people's and the regional lead's reviews."""
        return scoped(
            self,
            user,
            in_reviews(user, "pk")
            | in_councils(user, "host_council")
            | in_led_regions(user, "host_council"),
        )

    def with_permissions(self, user):
        """Annotate what ``user`` may do with each review, in the same query."""
        return with_permissions(
            self,
            user,
            content_visible="content_visible_to",
            can_edit="editable_by",
            can_edit_content="content_editable_by",
            can_comment="commentable_by",
            can_publish="publishable_by",
            can_respond="respondable_by",
        )

    def content_editable_by(self, user):
        """Reviews whose findings and recommendations the user may add to: the lead's, and
        the team's while the review is a draft."""
        return scoped(
            self,
            user,
            in_reviews(user, "pk", [Role.REVIEW_LEAD])
            | (in_reviews(user, "pk", [Role.REVIEW_TEAM]) & ~Q(status__in=Review.ISSUED_STATUSES)),
        )

    def commentable_by(self, user):
        """During the factual accuracy check the host council's editors comment on the draft."""
        return scoped(
            self.filter(status=Review.Status.FACTUAL_ACCURACY),
            user,
            in_councils(user, "host_council", [Role.COUNCIL_EDITOR]),
        )

    def publishable_by(self, user):
        """The host council's editors publish an issued letter."""
        return scoped(self.issued(), user, in_councils(user, "host_council", [Role.COUNCIL_EDITOR]))

    def respondable_by(self, user):
        """Issued reviews whose recommendations the host council's editors answer (one by one
        through ``Recommendation.objects.respondable_by``, or all on one page)."""
        return scoped(self.issued(), user, in_councils(user, "host_council", [Role.COUNCIL_EDITOR]))

    def content_visible_to(self, user):
        """Reviews whose findings and recommendations the user may read: once the letter is
        issued, everyone who sees the review; before, only the review team, the regional lead
        and the host council's editors (who check factual accuracy)."""
        return scoped(
            self.visible_to(user),
            user,
            Q(status__in=Review.ISSUED_STATUSES)
            | in_reviews(user, "pk")
            | in_councils(user, "host_council", [Role.COUNCIL_EDITOR])
            | in_led_regions(user, "host_council"),
        )

    def with_recommendation_counts(self, user):
        """Each review's number of recommendations (sub-items not counted), and whether the
        user may read them: before a letter is issued even the count is the review team's,
        the regional lead's and the host council's editors' (``recommendations_readable``)."""
        readable = self.content_visible_to(user).values("pk")
        return self.annotate(
            recommendations_readable=ExpressionWrapper(
                Q(pk__in=readable), output_field=BooleanField()
            ),
            recommendation_count=Count(
                "recommendations",
                filter=Q(recommendations__parent__isnull=True) & Q(pk__in=readable),
            ),
        )

    def editable_by(self, user):
        """The review lead edits the review; the regional lead plans reviews in the region."""
        return scoped(
            self,
            user,
            in_reviews(user, "pk", [Role.REVIEW_LEAD]) | in_led_regions(user, "host_council"),
        )


class ReviewPartQuerySet(models.QuerySet):
    """Things that belong to one review, seen with it and edited by its lead.

    Findings and recommendations are confidential until the letter is issued: only the
    review team, the regional lead and the host council's editors (who check factual
    accuracy) see them; team members may edit them while the review is a draft.
    """

    review_path = "review"
    confidential_until_issued = False
    team_edits_drafts = False

    def visible_to(self, user):
        reviews = (
            Review.objects.content_visible_to(user)
            if self.confidential_until_issued
            else Review.objects.visible_to(user)
        )
        return scoped(self, user, Q(**{f"{self.review_path}__in": reviews.values("pk")}))

    def editable_by(self, user):
        path = self.review_path
        if not self.confidential_until_issued:
            # The set-up of a review (team, scope) is planned with the review itself.
            editable = Review.objects.editable_by(user).values("pk")
            return scoped(self, user, Q(**{f"{path}__in": editable}))
        condition = in_reviews(user, path, [Role.REVIEW_LEAD])
        if self.team_edits_drafts:
            condition |= in_reviews(user, path, [Role.REVIEW_TEAM]) & ~Q(
                **{f"{path}__status__in": Review.ISSUED_STATUSES}
            )
        return scoped(self, user, condition)


class ReviewFindingsQuerySet(ReviewPartQuerySet):
    confidential_until_issued = True
    team_edits_drafts = True


class Review(models.Model):
    class Kind(models.TextChoices):
        PEER_CHALLENGE = "peer_challenge", "Peer challenge"
        LGA_PEER_REVIEW = "lga_peer_review", "LGA peer review"
        CQC_INSPECTION = "cqc_inspection", "CQC inspection"
        CQC_ASSESSMENT = "cqc_assessment", "CQC local authority assessment"
        INTERIM_PEER_CHALLENGE = "interim_peer_challenge", "Interim peer challenge"
        THEMATIC_REVIEW = "thematic_review", "Thematic review"
        CASE_FILE_AUDIT = "case_file_audit", "Case file audit"
        SAFEGUARDING_ADULTS_REVIEW = "safeguarding_adults_review", "Safeguarding adults review"
        INTERNAL_AUDIT = "internal_audit", "Internal audit"
        OMBUDSMAN_DECISION = (
            "ombudsman_decision",
            "Local Government and Social Care Ombudsman decision",
        )
        DHSC_LETTER = "dhsc_letter", "DHSC improvement adviser or ministerial letter"
        SCRUTINY_REVIEW = "scrutiny_review", "Scrutiny review"
        SELF_ASSESSMENT = "self_assessment", "Self-assessment"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        FIELDWORK = "fieldwork", "Fieldwork"
        DRAFTING = "drafting", "Drafting"
        FACTUAL_ACCURACY = "factual_accuracy", "Factual accuracy check"
        ISSUED = "issued", "Issued"
        PROGRESS_REVIEW = "progress_review", "Progress review"
        CLOSED = "closed", "Closed"

    class LetterSummary(models.TextChoices):
        """What the letter's summary holds when an executive summary is written; the findings
        under a scope question are in their section either way."""

        SUMMARY_AND_FINDINGS = "summary_and_findings", "The executive summary and the findings"
        SUMMARY_ONLY = "summary_only", "The executive summary only"

    class AssuranceOpinion(models.TextChoices):
        """An internal audit's opinion of the controls it audited (the four of the Public
        Sector Internal Audit Standards' usual scale)."""

        SUBSTANTIAL = "substantial", "Substantial assurance"
        REASONABLE = "reasonable", "Reasonable assurance"
        LIMITED = "limited", "Limited assurance"
        NONE = "none", "No assurance"

    class CapacityToImprove(models.TextChoices):
        POOR = "poor", "Poor"
        UNCERTAIN = "uncertain", "Uncertain"
        PROMISING = "promising", "Promising"
        EXCELLENT = "excellent", "Excellent"

    ISSUED_STATUSES = (Status.ISSUED, Status.PROGRESS_REVIEW, Status.CLOSED)
    # Dates that may be known only to the month, each with its "<name>_month_only" flag.
    MONTH_DATES = ("visit_start", "visit_end", "letter_date")
    # The paragraphs of the feedback letter, in the order they are written.
    LETTER_FIELDS = (
        "letter_reference",
        "letter_addressee",
        "letter_address",
        "letter_salutation",
        "letter_opening",
        "letter_team_paragraph",
        "letter_scope",
        "letter_executive_summary",
        "letter_overview",
        "letter_conclusion",
        "letter_signatory_name",
        "letter_signatory_title",
        "letter_copy_list",
    )
    # Fields that are part of the review's confidential content until the letter is issued.
    CONFIDENTIAL_FIELDS = ("capacity_to_improve", *LETTER_FIELDS)

    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.PEER_CHALLENGE)
    host_council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="reviews"
    )
    lead_council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_reviews",
        help_text="The council of the review's lead: its letterhead heads the letter.",
    )
    title = models.CharField(max_length=250)
    visit_start = models.DateField()
    visit_end = models.DateField()
    letter_date = models.DateField(null=True, blank=True)
    # A report may give a date only as a month: the date is then the first of that month and
    # is shown as "March 2015" (see MONTH_DATES).
    visit_start_month_only = models.BooleanField(default=False)
    visit_end_month_only = models.BooleanField(default=False)
    letter_date_month_only = models.BooleanField(default=False)
    progress_review_date = models.DateField(
        null=True, blank=True, help_text="When the team comes back to review progress."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    focus_areas = models.ManyToManyField(FocusArea, blank=True, related_name="reviews")
    capacity_to_improve = models.CharField(
        max_length=20, choices=CapacityToImprove.choices, blank=True
    )

    # What some kinds of source give besides their date (see SOURCE_KINDS, ``extra_fields``).
    assurance_opinion = models.CharField(
        max_length=20,
        choices=AssuranceOpinion.choices,
        blank=True,
        help_text="An internal audit's assurance opinion.",
    )
    comply_by = models.DateField(
        null=True,
        blank=True,
        help_text="The date by which the council must carry out what it agreed (the "
        "Ombudsman's decision).",
    )

    # The feedback letter, as councils receive it.
    letter_addressee = models.CharField(max_length=250, blank=True)
    letter_address = models.TextField(blank=True)
    letter_salutation = models.CharField(max_length=250, blank=True)
    letter_reference = models.CharField(max_length=100, blank=True)
    letter_opening = models.TextField(blank=True)
    letter_team_paragraph = models.TextField(blank=True)
    letter_scope = models.TextField(blank=True)
    letter_executive_summary = models.TextField(blank=True)
    letter_summary = models.CharField(
        max_length=30,
        choices=LetterSummary.choices,
        default=LetterSummary.SUMMARY_AND_FINDINGS,
        help_text="Whether the general findings (those under no scope question) follow the "
        "executive summary or are left out of the letter.",
    )
    letter_overview = models.TextField(blank=True)
    letter_conclusion = models.TextField(blank=True)
    letter_signatory_name = models.CharField(max_length=200, blank=True)
    letter_signatory_title = models.CharField(max_length=250, blank=True)
    letter_copy_list = models.TextField(blank=True)

    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the host council published the letter."
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every save, so that a stale form cannot overwrite."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-visit_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visit_end__gte=F("visit_start")),
                name="review_visit_end_not_before_start",
                violation_error_message="The visit cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:detail", args=[self.pk])

    @property
    def is_issued(self):
        return self.status in self.ISSUED_STATUSES

    # The stages a review moves through, and where each may go next.
    NEXT_STATUSES = {
        Status.PLANNED: [Status.FIELDWORK],
        Status.FIELDWORK: [Status.DRAFTING],
        Status.DRAFTING: [Status.FACTUAL_ACCURACY],
        Status.FACTUAL_ACCURACY: [Status.ISSUED, Status.DRAFTING],
        Status.ISSUED: [Status.PROGRESS_REVIEW],
        Status.PROGRESS_REVIEW: [Status.CLOSED],
        Status.CLOSED: [],
    }

    def next_statuses(self):
        return [(status, Review.Status(status).label) for status in self.NEXT_STATUSES[self.status]]

    @property
    def visit_start_shown(self):
        return shown_date(self.visit_start, month_only=self.visit_start_month_only)

    @property
    def visit_end_shown(self):
        return shown_date(self.visit_end, month_only=self.visit_end_month_only)

    @property
    def letter_date_shown(self):
        return shown_date(self.letter_date, month_only=self.letter_date_month_only)

    @property
    def visit_shown(self):
        """The visit as people read it: "2 November 2015 to 4 November 2015", or "November
        2015" for a visit known only to the month."""
        start, end = self.visit_start_shown, self.visit_end_shown
        return start if start == end else f"{start} to {end}"

    @property
    def letter_shows_general_findings(self):
        """The letter's summary lists the findings under no scope question: always without an
        executive summary; with one, unless the lead chose the executive summary only."""
        return (
            not self.letter_executive_summary
            or self.letter_summary == self.LetterSummary.SUMMARY_AND_FINDINGS
        )

    @property
    def is_published(self):
        return self.is_issued and self.published_at is not None

    @property
    def is_inspection(self):
        return self.kind == self.Kind.CQC_INSPECTION

    @property
    def source_kind(self):
        return source_kind_of(self.kind)

    @property
    def source_details(self):
        """The rows its kind adds to the review's page: [(key, value)]."""
        return self.source_kind.detail_rows(self)

    @property
    def status_shown(self):
        """The review's stage in its kind's words ("Report published" for the CQC's report)."""
        return self.source_kind.status_names.get(self.status, self.get_status_display())


# Every kind of source, each with the words its documents use; a kind with pages of its own
# is one package (see reviews.kinds).
SOURCE_KINDS = {
    Review.Kind.PEER_CHALLENGE: SourceKind(
        hint="A peer team visits, then writes a feedback letter with its findings and "
        "recommendations"
    ),
    Review.Kind.LGA_PEER_REVIEW: SourceKind(
        hint="A peer review run by the Local Government Association, ending in a feedback letter"
    ),
    Review.Kind.CQC_INSPECTION: SourceKind(
        hint="An inspection with graded judgements for each outcome area"
    ),
    Review.Kind.CQC_ASSESSMENT: CqcAssessmentKind(
        hint="The CQC assesses the council against its quality statements and publishes a "
        "report with a score for each"
    ),
    Review.Kind.INTERIM_PEER_CHALLENGE: SourceKind(
        hint="A shorter peer challenge, often before a full one"
    ),
    Review.Kind.THEMATIC_REVIEW: SourceKind(hint="A peer review of one theme or service"),
    Review.Kind.CASE_FILE_AUDIT: SourceKind(
        hint="Peers read a sample of case files and report what they found"
    ),
    Review.Kind.SAFEGUARDING_ADULTS_REVIEW: DocumentKind(
        hint="The Safeguarding Adults Board publishes a SAR report with recommendations to "
        "the board's partners",
        document="SAR report",
        written_by="the Safeguarding Adults Board",
        addressed_to="the board's partners",
    ),
    Review.Kind.INTERNAL_AUDIT: AuditKind(
        hint="The council's internal auditors write an audit report with findings, management "
        "actions and an assurance opinion",
        document="audit report",
        written_by="internal audit",
        addressed_to="management",
        recommendations_heading="Management actions",
        issued_word="issued",
    ),
    Review.Kind.OMBUDSMAN_DECISION: OmbudsmanKind(
        hint="The Ombudsman's decision on a complaint, with recommendations the council agreed "
        "to carry out by a deadline",
        document="decision",
        written_by="the Local Government and Social Care Ombudsman",
        addressed_to="the council, which agreed to them",
        recommendations_heading="Recommendations the council agreed to",
        date_label="Date of the ombudsman's decision",
    ),
    Review.Kind.DHSC_LETTER: DocumentKind(
        hint="A letter from the Department of Health and Social Care's improvement adviser or "
        "a minister, setting out what the council should do",
        document="letter",
        written_by="the Department of Health and Social Care",
        addressed_to="the council",
        recommendations_heading="What the letter asks",
        issued_word="received",
        date_label="Date of the letter",
    ),
    Review.Kind.SCRUTINY_REVIEW: DocumentKind(
        hint="A scrutiny committee's report with recommendations to the Cabinet",
        document="report",
        written_by="the scrutiny committee",
        addressed_to="the Cabinet",
    ),
    Review.Kind.SELF_ASSESSMENT: DocumentKind(
        hint="The council's own assessment of its adult social care, with the areas it means "
        "to improve",
        document="self-assessment",
        written_by="the council",
        recommendations_heading="Areas to improve",
        issued_word="agreed",
    ),
}


def source_kind_of(kind):
    """The words and pages of one kind of source (``Review.Kind``)."""
    return SOURCE_KINDS.get(kind, PLAIN)


class Judgement(models.Model):
    """A graded judgement of an inspection, for one outcome area."""

    class Grade(models.TextChoices):
        PERFORMING_POORLY = "performing_poorly", "Performing poorly"
        PERFORMING_ADEQUATELY = "performing_adequately", "Performing adequately"
        PERFORMING_WELL = "performing_well", "Performing well"
        PERFORMING_EXCELLENTLY = "performing_excellently", "Performing excellently"
        INADEQUATE = "inadequate", "Inadequate"
        REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
        GOOD = "good", "Good"
        OUTSTANDING = "outstanding", "Outstanding"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="judgements")
    outcome_area = models.CharField(max_length=200)
    grade = models.CharField(max_length=30, choices=Grade.choices)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ReviewFindingsQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "order", "pk"]

    def __str__(self):
        return f"{self.outcome_area}: {self.get_grade_display().lower()}"

    def get_absolute_url(self):
        return self.review.get_absolute_url()


class TeamMember(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Lead"
        EXPERT_BY_EXPERIENCE = "expert_by_experience", "Expert by experience"
        COUNCILLOR = "councillor", "Councillor peer"
        HEAD_OF_SERVICE = "head_of_service", "Head of service"
        FINANCE_LEAD = "finance_lead", "Finance lead"
        PROGRAMME_LEAD = "programme_lead", "Programme lead"
        PEER = "peer", "Peer"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.PEER)
    role_title = models.CharField(
        max_length=200,
        blank=True,
        help_text="The role as the letter names it, for example “Director of Adult Social "
        "Services”; without it, the kind of role is shown.",
    )
    organisation = models.CharField(max_length=250, blank=True)
    home_council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="team_places",
        help_text="The council the team member comes from, if any (for reciprocity).",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = ReviewPartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "order", "pk"]

    def __str__(self):
        return f"{self.name}, {self.role_name}"

    def get_absolute_url(self):
        return self.review.get_absolute_url()

    @property
    def role_name(self):
        """The role as the letter names it: its title, else the kind of role."""
        return self.role_title or self.get_role_display()


class ScopeQuestion(models.Model):
    """A numbered key line of enquiry (or, for an inspection, an outcome area)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scope_questions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    objects = ReviewPartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"],
                name="scope_question_number_unique_in_review",
                violation_error_message="Each scope question in a review needs its own number.",
            ),
        ]

    def __str__(self):
        return f"Scope question {self.number}: {self.text}"

    def get_absolute_url(self):
        return f"{self.review.get_absolute_url()}#scope-question-{self.number}"


class FindingQuerySet(ReviewFindingsQuerySet):
    def strengths_first(self):
        """Strengths, then areas for consideration, each in the order entered."""
        strengths_first = Case(When(kind=Finding.Kind.STRENGTH, then=0), default=1)
        return self.order_by(strengths_first, "order", "pk")

    def by_statement(self):
        """A CQC assessment's areas by quality statement, in the framework's order (any under
        none last), each statement's strengths first."""
        strengths_first = Case(When(kind=Finding.Kind.STRENGTH, then=0), default=1)
        return self.order_by(
            F("quality_statement__number").asc(nulls_last=True), strengths_first, "order", "pk"
        )


class Finding(models.Model):
    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        AREA_FOR_CONSIDERATION = "area_for_consideration", "Area for consideration"
        AREA_FOR_IMPROVEMENT = "area_for_improvement", "Area for improvement"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    scope_question = models.ForeignKey(
        ScopeQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings"
    )
    quality_statement = models.ForeignKey(
        "reviews.QualityStatement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="findings",
        help_text="The CQC quality statement the finding is under, in a CQC assessment.",
    )
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)

    objects = FindingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "order", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:80]}"

    def get_absolute_url(self):
        return f"{self.review.get_absolute_url()}#finding-{self.pk}"


class AccuracyComment(models.Model):
    """A comment by the host council on the draft letter during the factual accuracy check,
    and the review team's answer."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="accuracy_comments")
    about = models.CharField(
        max_length=100, blank=True, help_text="For example “Recommendation 4” or “page 2”."
    )
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewFindingsQuerySet.as_manager()

    class Meta:
        ordering = ["review", "created_at"]

    def __str__(self):
        return f"Comment on {self.about or 'the draft letter'} by {self.author}"

    def get_absolute_url(self):
        return f"{self.review.get_absolute_url()}#comment-{self.pk}"
