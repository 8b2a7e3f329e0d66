"""Writes that span several rows of a self-assessment, each in one transaction. A submitted
self-assessment is read-only: every write here reads it afresh, locked, and refuses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement_plans.models import Evidence
from improvement_plans.self_assessment.models import (
    CqcSelfAssessment,
    SelfRating,
    SelfRatingChallenge,
    SelfRatingLink,
)
from reviews.models import Framework


def start_self_assessment(*, council, assessed_on, by):
    """A new self-assessment of ``council`` under the framework in force on ``assessed_on``,
    with one unrated row for each of its quality statements."""
    framework = Framework.objects.applying_on(assessed_on) or Framework.objects.last()
    with transaction.atomic():
        assessment = CqcSelfAssessment.objects.create(
            council=council, framework=framework, assessed_on=assessed_on, created_by=by
        )
        SelfRating.objects.bulk_create(
            SelfRating(assessment=assessment, statement=statement)
            for statement in framework.statements()
        )
    return assessment


def _locked(assessment):
    fresh = CqcSelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    fresh.check_editable()
    return fresh


def save_rating(
    *, rating, score, narrative, strengths, improvements, evidence, completed, new_link, removed
):
    """Save the council's view of one statement: its fields, the progress updates' evidence
    chosen, a new link (a (title, address) pair or None) and the links ``removed``."""
    with transaction.atomic():
        rating.assessment = _locked(rating.assessment)
        rating.score, rating.narrative = score, narrative
        rating.strengths, rating.improvements = strengths, improvements
        rating.completed = completed
        rating.full_clean(exclude=["assessment", "statement"])
        rating.save()
        own = Evidence.objects.filter(
            pk__in=[item.pk for item in evidence],
            update__action__plan__council=rating.assessment.council_id,
        )
        if own.count() != len({item.pk for item in evidence}):
            raise ValidationError("Choose evidence from the council's own progress updates.")
        rating.evidence.set(own)
        for link in removed:
            link.delete()
        if new_link:
            title, url = new_link
            SelfRatingLink.objects.create(rating=rating, title=title, url=url)
    return rating


def submit_self_assessment(*, assessment, by):
    with transaction.atomic():
        assessment = _locked(assessment)
        assessment.submit(by=by)
    return assessment


def raise_challenge(*, rating, proposed_score, reason, by):
    """A peer's or the regional lead's challenge to a submitted self-rating."""
    if not rating.assessment.is_submitted or rating.score is None:
        raise ValidationError("Only a submitted self-rating can be challenged.")
    challenge = SelfRatingChallenge(
        rating=rating,
        score_challenged=rating.score,
        proposed_score=proposed_score,
        reason=reason,
        raised_by=by,
    )
    challenge.full_clean()
    challenge.save()
    return challenge


def answer_challenge(*, challenge, outcome, answer, by):
    challenge.outcome, challenge.answer = outcome, answer
    challenge.answered_by, challenge.answered_at = by, timezone.now()
    challenge.save()
    return challenge
