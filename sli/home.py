"""The home page: each person's next work, by the roles they hold.

A council's editors see what their plans and letters wait for; its viewers (scrutiny
councillors) the headline figures and what moved since the last committee; a review's team
its review stage by stage with what is still missing; a regional lead the councils needing
attention, the reviews to plan and the assessments to finish. Each part costs a fixed number
of queries however many councils, reviews or actions the user has.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from councils.access import is_site_admin
from councils.models import Council, Membership, Region
from improvement_plans.models import (
    UPDATE_DUE_AFTER_DAYS,
    Action,
    ActionStatus,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    SelfRatingChallenge,
)
from improvement_plans.report import default_since
from recommendations.models import Recommendation
from regional.models import RiskAssessment
from reviews.models import AccuracyComment, Finding, Review, ScopeQuestion, TeamMember
from sli.lib.queries import count_of, counts_by
from sli.pages.dashboards import is_stale, last_updates_by_council

Role = Membership.Role
# How many rows of a list the home page shows before "see all".
SHOWN = 5


@dataclass
class Task:
    """A row of a GOV.UK task list: a link when there is something to do, and the status in
    words (with a tag colour, never the colour alone)."""

    name: str
    hint: str = ""
    url: str = ""
    status: str = "None"
    tag: str = ""


@dataclass
class CouncilWork:
    """What a council editor's council waits for."""

    council: Council
    overdue: int = 0
    missed_milestone: int = 0
    update_due: int = 0
    awaiting_response: int = 0
    open_self_rating_challenges: int = 0
    to_check: list = field(default_factory=list)  # drafts at their factual accuracy check
    with_deadlines: list = field(default_factory=list)  # sources with a date to comply by
    your_actions: list = field(default_factory=list)  # open, owned by this user, soonest first
    today: object = None

    def tasks(self):
        actions = f"{reverse('improvement_plans:actions')}?council={self.council.pk}"
        recommendations = f"{reverse('recommendations:list')}?council={self.council.pk}"
        tasks = [
            _counted(
                "Actions past their due date",
                "Update them, or agree a new date and say why",
                self.overdue,
                f"{actions}&overdue=yes",
                "overdue",
                "red",
            ),
            _counted(
                "Actions with a milestone missed",
                "Mark the milestone done, or explain the delay in an update",
                self.missed_milestone,
                f"{actions}&needs=milestone_missed",
                "missed",
                "orange",
            ),
            _counted(
                "Actions due for a progress update",
                f"No update in the last {UPDATE_DUE_AFTER_DAYS} days",
                self.update_due,
                f"{actions}&needs=update_due",
                "due",
                "yellow",
            ),
            _counted(
                "Recommendations awaiting your response",
                "Accept, partly accept or decline each, with a reason",
                self.awaiting_response,
                f"{recommendations}&response=none",
                "to answer",
                "blue",
            ),
        ]
        tasks.append(
            _counted(
                "Challenges to your CQC self-assessment",
                "A peer or the regional lead proposes another rating: accept it or keep yours",
                self.open_self_rating_challenges,
                reverse("improvement_plans:self_assessment:list", args=[self.council.slug]),
                "to answer",
                "blue",
            )
        )
        tasks += [
            # Each kind of source says what its check is (a CQC draft report has a deadline).
            Task(*review.source_kind.accuracy_task(review, self.today), "Waiting for you", "blue")
            for review in self.to_check
        ]
        tasks += [
            # Each kind of source says what its deadline is (the Ombudsman's date to comply by).
            Task(*task)
            for review in self.with_deadlines
            if (task := review.source_kind.deadline_task(review, self.today))
        ]
        return tasks


def _counted(name, hint, count, url, words, tag):
    if not count:
        return Task(name, hint)
    return Task(name, hint, url, f"{count} {words}", tag)


@dataclass
class CouncilHeadlines:
    """A councillor's council at a glance."""

    council: Council
    recommendations: int = 0
    actions: int = 0
    completed: int = 0
    overdue: int = 0
    on_track: int = 0
    since: object = None
    updates_since: int = 0
    completed_since: int = 0


@dataclass
class ReviewTasks:
    """A review's stages for its team: a GOV.UK task list."""

    review: Review
    tasks: list  # (name, url name, status word) in the order the work is done


@dataclass
class RegionWork:
    region: Region
    attention: list  # CouncilAttention, most overdue first
    planned_reviews: list
    assessment_year: int
    assessments_open: int
    councils_unassessed: int
    calm_councils: int  # councils with nothing needing attention


@dataclass
class CouncilAttention:
    council: Council
    overdue: int
    contradicted: int
    last_update: object
    is_stale: bool


@dataclass
class Roles:
    """What the user holds, read once: the ids of councils they edit and view, reviews they
    are on and regions they lead. A part of the page with nothing here costs no query."""

    edits: list
    views: list
    reviews: list
    leads: list

    @classmethod
    def of(cls, user):
        roles = cls([], [], [], [])
        if not user.is_authenticated or not user.is_active:
            return roles
        for role, council, review, region in Membership.objects.filter(user=user).values_list(
            "role", "council", "review", "region"
        ):
            if role == Role.COUNCIL_EDITOR:
                roles.edits.append(council)
            elif role == Role.COUNCIL_VIEWER:
                roles.views.append(council)
            elif role in Membership.REVIEW_ROLES:
                roles.reviews.append(review)
            elif role == Role.REGIONAL_LEAD:
                roles.leads.append(region)
        return roles


def council_work(user, council_ids, today):
    if not council_ids:
        return []
    councils = list(Council.objects.filter(pk__in=council_ids).order_by("name"))
    by_pk = {council.pk: CouncilWork(council, today=today) for council in councils}
    actions = Action.objects.filter(plan__council__in=councils)
    for pk, n in counts_by(actions.overdue(today), "plan__council").items():
        by_pk[pk].overdue = n
    missed = Exists(Milestone.objects.filter(action=OuterRef("pk")).missed(today))
    for pk, n in counts_by(actions.open().filter(missed), "plan__council").items():
        by_pk[pk].missed_milestone = n
    for pk, n in counts_by(actions.update_due(today), "plan__council").items():
        by_pk[pk].update_due = n
    awaiting = Recommendation.objects.respondable_by(user).filter(
        review__host_council__in=councils, response="", parent__isnull=True
    )
    for pk, n in counts_by(awaiting, "review__host_council").items():
        by_pk[pk].awaiting_response = n
    challenges = SelfRatingChallenge.objects.editable_by(user).open()
    for pk, n in counts_by(
        challenges.filter(rating__assessment__council__in=councils), "rating__assessment__council"
    ).items():
        by_pk[pk].open_self_rating_challenges = n
    for review in (
        Review.objects.commentable_by(user)
        .filter(host_council__in=councils)
        .with_kind_parts()
        .order_by("pk")
    ):
        by_pk[review.host_council_id].to_check.append(review)
    for review in (
        Review.objects.visible_to(user)
        .filter(host_council__in=councils, comply_by__isnull=False)
        .order_by("comply_by", "pk")
    ):
        by_pk[review.host_council_id].with_deadlines.append(review)
    for action in (
        actions.open()
        .filter(owner_user=user)
        .with_flags(today)
        .select_related("plan")
        .order_by("due_date", "number")[: SHOWN * len(councils)]
    ):
        work = by_pk[action.plan.council_id]
        if len(work.your_actions) < SHOWN:
            work.your_actions.append(action)
    return list(by_pk.values())


def council_headlines(user, council_ids, today):
    if not council_ids:
        return []
    councils = list(Council.objects.filter(pk__in=council_ids).order_by("name"))
    since = default_since(today)
    by_pk = {council.pk: CouncilHeadlines(council, since=since) for council in councils}
    issued = Recommendation.objects.visible_to(user).filter(
        review__host_council__in=councils,
        review__status__in=Review.ISSUED_STATUSES,
        parent__isnull=True,
    )
    for pk, n in counts_by(issued, "review__host_council").items():
        by_pk[pk].recommendations = n
    actions = Action.objects.visible_to(user).filter(plan__council__in=councils).live()
    for row in (
        actions.values("plan__council")
        .annotate(
            total=Count("pk"),
            completed=Count("pk", filter=Q(status=ActionStatus.COMPLETED)),
            overdue=Count(
                "pk",
                filter=Q(due_date__lt=today) & ~Q(status=ActionStatus.COMPLETED),
            ),
            on_track=Count("pk", filter=Q(status=ActionStatus.ON_TRACK, due_date__gte=today)),
        )
        .order_by()
    ):
        headlines = by_pk[row["plan__council"]]
        headlines.actions = row["total"]
        headlines.completed = row["completed"]
        headlines.overdue = row["overdue"]
        headlines.on_track = row["on_track"]
    updates = ProgressUpdate.objects.filter(action__in=actions, date__gt=since)
    for pk, n in counts_by(updates, "action__plan__council").items():
        by_pk[pk].updates_since = n
    completed_since = (
        actions.completed()
        .filter(updates__in=updates.filter(status=ActionStatus.COMPLETED))
        .values("plan__council")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    for row in completed_since:
        by_pk[row["plan__council"]].completed_since = row["n"]
    return list(by_pk.values())


# A review's work, in order: (task, the page that does it, what is counted, its noun).
REVIEW_TASKS = (
    ("Team", "reviews:team", "team_count", "member"),
    ("Scope questions", "reviews:scope", "scope_count", "question"),
    ("Findings", "reviews:findings", "finding_count", "finding"),
    ("Recommendations", "reviews:detail", "recommendation_count", "recommendation"),
)


def review_tasks(user, review_ids):
    """The user's reviews still running, each as a task list of what is done and missing."""
    if not review_ids:
        return []
    reviews = (
        Review.objects.filter(pk__in=review_ids)
        .exclude(status=Review.Status.CLOSED)
        .with_permissions(user)
        .select_related("host_council")
        .annotate(
            team_count=count_of(TeamMember.objects.filter(review=OuterRef("pk"))),
            scope_count=count_of(ScopeQuestion.objects.filter(review=OuterRef("pk"))),
            finding_count=count_of(Finding.objects.filter(review=OuterRef("pk"))),
            recommendation_count=count_of(
                Recommendation.objects.filter(review=OuterRef("pk"), parent__isnull=True)
            ),
            open_comment_count=count_of(
                AccuracyComment.objects.filter(review=OuterRef("pk"), answer="")
            ),
        )
        .order_by("visit_start", "pk")
    )
    return [
        ReviewTasks(review, _tasks_of(review))
        for review in reviews
        if review.source_kind.has_team_tasks
    ]


def _tasks_of(review):
    tasks = []
    for name, url_name, measure, noun in REVIEW_TASKS:
        count = getattr(review, measure)
        may_do = (
            review.can_edit
            if url_name in ("reviews:team", "reviews:scope")
            else (review.can_edit_content)
        )
        url = reverse(url_name, args=[review.pk]) if may_do and not review.is_issued else ""
        hint = f"{count} {noun}{pluralize(count)}" if count else ""
        if count:
            tasks.append(Task(name, hint, url, "Completed"))
        else:
            tasks.append(Task(name, hint, url, "Not yet started", "blue"))
    if review.can_edit and not review.is_issued:
        has_letter = bool(review.letter_opening or review.letter_executive_summary)
        tasks.append(
            Task(
                "Letter paragraphs",
                "",
                reverse("reviews:edit_letter", args=[review.pk]),
                "Completed" if has_letter else "Not yet started",
                "" if has_letter else "blue",
            )
        )
    if review.status == Review.Status.FACTUAL_ACCURACY:
        count = review.open_comment_count
        tasks.append(
            Task(
                "Answer the council's factual accuracy comments",
                "",
                review.get_absolute_url(),
                f"{count} to answer" if count else "Completed",
                "orange" if count else "",
            )
        )
    issued = review.is_issued
    tasks.append(
        Task(
            "Issue the letter",
            f"Now at: {review.get_status_display()}",
            reverse("reviews:status", args=[review.pk]) if review.can_edit and not issued else "",
            "Completed" if issued else "Not yet",
            "" if issued else "grey",
        )
    )
    if issued:
        when = review.progress_review_date
        tasks.append(
            Task(
                "Progress review: the council's responses and plan",
                f"Planned for {when:%-d %B %Y}" if when else "No date set yet",
                review.get_absolute_url(),
                "In progress" if review.status == Review.Status.PROGRESS_REVIEW else "To come",
                "blue",
            )
        )
    return tasks


def region_work(region_ids, today):
    if not region_ids:
        return []
    regions = list(Region.objects.filter(pk__in=region_ids).order_by("name"))
    councils = Council.objects.filter(region__in=regions)
    actions = Action.objects.filter(plan__council__in=councils)
    by_council = actions.summary_by("plan__council", today)
    plans = ImprovementPlan.objects.filter(council__in=councils)
    last_updates = last_updates_by_council(plans)
    with_open_plans = set(
        plans.exclude(status=ImprovementPlan.Status.CLOSED).values_list("council", flat=True)
    )
    planned = defaultdict(list)
    for review in (
        Review.objects.filter(
            host_council__region__in=regions,
            status__in=[Review.Status.PLANNED, Review.Status.FIELDWORK],
        )
        .select_related("host_council")
        .order_by("visit_start")
    ):
        planned[review.host_council.region_id].append(review)
    year = today.year
    assessments = RiskAssessment.objects.filter(council__region__in=regions, year=year)
    open_assessments = counts_by(
        assessments.exclude(status=RiskAssessment.Status.FINAL), "council__region"
    )
    assessed = counts_by(assessments, "council__region")
    council_counts = counts_by(councils, "region")
    attention = defaultdict(list)
    calm = defaultdict(int)
    for council in councils.order_by("name"):
        last = last_updates.get(council.pk)
        row = CouncilAttention(
            council,
            by_council.get(council.pk, {}).get("overdue", 0),
            by_council.get(council.pk, {}).get("rag_contradicted", 0),
            last,
            is_stale(last, council.pk in with_open_plans, today),
        )
        if row.overdue or row.contradicted or row.is_stale:
            attention[council.region_id].append(row)
        else:
            calm[council.region_id] += 1
    return [
        RegionWork(
            region=region,
            attention=sorted(
                attention[region.pk], key=lambda row: (-row.overdue, -row.contradicted)
            ),
            planned_reviews=planned[region.pk],
            assessment_year=year,
            assessments_open=open_assessments.get(region.pk, 0),
            councils_unassessed=council_counts.get(region.pk, 0) - assessed.get(region.pk, 0),
            calm_councils=calm[region.pk],
        )
        for region in regions
    ]


def home_sections(user, today=None):
    """Everything the home page shows for ``user``, by role."""
    today = today or timezone.localdate()
    roles = Roles.of(user)
    return {
        "today": today,
        "council_work": council_work(user, roles.edits, today),
        "council_headlines": council_headlines(user, roles.views, today),
        "review_tasks": review_tasks(user, roles.reviews),
        "region_work": region_work(roles.leads, today),
        "can_plan_reviews": bool(roles.leads) or is_site_admin(user),
    }
