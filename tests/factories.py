"""Plain factory functions: sensible defaults, anything can be overridden by keyword.

Names, slugs and usernames are made unique by a counter. Numbers that people read (scope
questions, recommendations, improvement areas, actions) count up from 1 within their parent,
so a test's data reads like a real plan: Recommendation 1, 2, 3; Action 1, 2, 3.
"""

import itertools
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone

from councils.models import Council, Membership, Region
from improvement_plans.models import (
    Action,
    ActionStatus,
    Evidence,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
)
from recommendations.models import Recommendation
from reviews.models import (
    CqcAssessment,
    Finding,
    Framework,
    Review,
    ScopeQuestion,
    StatementScore,
    TeamMember,
)

_sequence = itertools.count(1)


def _unique():
    return next(_sequence)


def _next_number(queryset):
    return (queryset.aggregate(highest=Max("number"))["highest"] or 0) + 1


def make_user(**overrides):
    n = _unique()
    fields = {"username": f"user{n}", "first_name": "Test", "last_name": f"User {n}"}
    fields.update(overrides)
    # No password by default: tests sign in with force_login, and hashing is slow.
    password = fields.pop("password", None)
    return get_user_model().objects.create_user(password=password, **fields)


def make_membership(user, role, scope):
    """``user`` holds ``role`` for ``scope``: a council, a review or a region."""
    field = {Council: "council", Review: "review", Region: "region"}[type(scope)]
    return Membership.objects.create(user=user, role=role, **{field: scope})


def make_region(**overrides):
    n = _unique()
    fields = {"name": f"Region {n}", "slug": f"region-{n}"}
    fields.update(overrides)
    return Region.objects.create(**fields)


def make_council(**overrides):
    n = _unique()
    fields = {"name": f"Council {n}", "slug": f"council-{n}", "kind": Council.Kind.UNITARY}
    fields.update(overrides)
    if "region" not in fields:
        fields["region"] = make_region()
    return Council.objects.create(**fields)


def make_review(**overrides):
    n = _unique()
    fields = {
        "kind": Review.Kind.PEER_CHALLENGE,
        "title": f"Adult social care peer challenge {n}",
        "visit_start": date(2024, 3, 4),
        "visit_end": date(2024, 3, 7),
        "letter_date": date(2024, 4, 15),
        "status": Review.Status.ISSUED,
    }
    fields.update(overrides)
    if "host_council" not in fields:
        fields["host_council"] = make_council()
    return Review.objects.create(**fields)


def make_cqc_assessment(*, council, scores, report_date=date(2025, 6, 20), **overrides):
    """A published CQC assessment of ``council`` under the 2023 framework, ``scores`` the
    nine statements' scores in order (None leaves one unscored); ``overrides`` go to the
    assessment (``published_rating``, ``published_percentage``) or, with ``status``, to its
    review."""
    status = overrides.pop("status", Review.Status.ISSUED)
    review = make_review(
        host_council=council,
        kind=Review.Kind.CQC_ASSESSMENT,
        title=f"CQC local authority assessment of {council.name}, {report_date:%Y}",
        visit_start=report_date - timedelta(days=90),
        visit_end=report_date - timedelta(days=88),
        letter_date=report_date,
        status=status,
    )
    framework = Framework.objects.applying_on(report_date)
    assessment = CqcAssessment.objects.create(
        review=review, framework=framework, report_date=report_date, **overrides
    )
    StatementScore.objects.bulk_create(
        StatementScore(assessment=assessment, statement=statement, score=score)
        for statement, score in zip(framework.statements(), scores, strict=True)
        if score is not None
    )
    return assessment


def make_team_member(**overrides):
    n = _unique()
    fields = {"name": f"Peer {n}", "role": TeamMember.Role.PEER, "organisation": "A council"}
    fields.update(overrides)
    if "review" not in fields:
        fields["review"] = make_review()
    return TeamMember.objects.create(**fields)


def make_scope_question(**overrides):
    fields = {"text": "How well are people safeguarded?"}
    fields.update(overrides)
    if "review" not in fields:
        fields["review"] = make_review()
    if "number" not in fields:
        fields["number"] = _next_number(ScopeQuestion.objects.filter(review=fields["review"]))
    return ScopeQuestion.objects.create(**fields)


def make_finding(**overrides):
    n = _unique()
    fields = {"kind": Finding.Kind.STRENGTH, "text": f"Finding {n}"}
    fields.update(overrides)
    if "review" not in fields:
        question = fields.get("scope_question")
        fields["review"] = question.review if question else make_review()
    return Finding.objects.create(**fields)


def make_recommendation(**overrides):
    """A top-level recommendation, or a sub-item when given ``parent=``."""
    n = _unique()
    fields = {"text": f"Recommendation text {n}", "response": Recommendation.Response.ACCEPTED}
    fields.update(overrides)
    parent = fields.get("parent")
    if "review" not in fields:
        fields["review"] = parent.review if parent else make_review()
    if "number" not in fields:
        siblings = (
            Recommendation.objects.filter(parent=parent)
            if parent
            else Recommendation.objects.filter(review=fields["review"], parent__isnull=True)
        )
        fields["number"] = _next_number(siblings)
    return Recommendation.objects.create(**fields)


def make_plan(*, review=None, **overrides):
    """A plan; given ``review=``, a plan of the host council that answers that review."""
    n = _unique()
    fields = {
        "title": f"Improvement plan {n}",
        "version_date": date(2024, 6, 1),
        "status": ImprovementPlan.Status.ACTIVE,
    }
    fields.update(overrides)
    if "council" not in fields:
        fields["council"] = review.host_council if review else make_council()
    plan = ImprovementPlan.objects.create(**fields)
    if review:
        plan.reviews.add(review)
    return plan


def make_area(*, recommendations=(), **overrides):
    n = _unique()
    fields = {"title": f"Improvement area {n}"}
    fields.update(overrides)
    if "plan" not in fields:
        fields["plan"] = make_plan()
    if "number" not in fields:
        fields["number"] = _next_number(ImprovementArea.objects.filter(plan=fields["plan"]))
    area = ImprovementArea.objects.create(**fields)
    area.recommendations.set(recommendations)
    return area


def make_action(*, today=None, recommendations=(), **overrides):
    """An action that started 30 days before ``today`` and is due 60 days after it."""
    today = today or timezone.localdate()
    n = _unique()
    fields = {
        "title": f"Action title {n}",
        "owner_name": "Head of safeguarding",
        "start_date": today - timedelta(days=30),
        "due_date": today + timedelta(days=60),
        "status": ActionStatus.ON_TRACK,
    }
    fields.update(overrides)
    if "plan" not in fields:
        area = fields.get("area")
        fields["plan"] = area.plan if area else make_plan()
    if "number" not in fields:
        fields["number"] = _next_number(Action.objects.filter(plan=fields["plan"]))
    action = Action.objects.create(**fields)
    action.recommendations.set(recommendations)
    return action


def make_milestone(**overrides):
    n = _unique()
    fields = {"text": f"Milestone {n}"}
    fields.update(overrides)
    if "action" not in fields:
        fields["action"] = make_action()
    fields.setdefault("due_date", fields["action"].due_date)
    return Milestone.objects.create(**fields)


def make_update(**overrides):
    n = _unique()
    fields = {"narrative": f"Progress report {n}", "percent_complete": 50}
    fields.update(overrides)
    if "action" not in fields:
        fields["action"] = make_action()
    fields.setdefault("status", fields["action"].status)
    fields.setdefault("date", fields["action"].start_date)
    return ProgressUpdate.objects.create(**fields)


def make_evidence(**overrides):
    n = _unique()
    fields = {"description": f"Evidence {n}", "link": f"https://example.org/evidence/{n}"}
    fields.update(overrides)
    if "update" not in fields:
        fields["update"] = make_update()
    return Evidence.objects.create(**fields)
