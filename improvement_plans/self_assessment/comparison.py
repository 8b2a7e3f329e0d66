"""What the self-assessment page shows beside each self-rating: the council's latest CQC
score, the change since its previous submitted self-assessment, and the council's own overall
percentage and band, worked out with the CQC's rules (reviews/cqc/scoring.py).

Statements are matched by their code, so a self-assessment under one version of the framework
still compares with an assessment or a self-assessment under another.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from improvement_plans.models import Evidence
from improvement_plans.self_assessment.models import (
    CqcSelfAssessment,
    SelfRating,
    SelfRatingChallenge,
)
from reviews.cqc import scoring
from reviews.models import CqcAssessment, StatementScore


@dataclass
class Overall:
    """The council's own view: a percentage and a band, once every statement is rated."""

    total: int
    count: int
    percentage: int | None
    rating: str

    @classmethod
    def of(cls, scores):
        scores = list(scores)
        if not scores or any(score is None for score in scores):
            return cls(sum(s or 0 for s in scores), len(scores), None, "")
        percent = scoring.percentage(sum(scores), len(scores))
        return cls(sum(scores), len(scores), percent, scoring.band(percent))

    @property
    def rating_name(self):
        return scoring.RATING_NAMES.get(self.rating, "")

    @property
    def most(self):
        return scoring.HIGHEST * self.count


def change_sentence(now, before, when):
    """ "up 1 from 2 in March 2026", "down 2 from 4 in …", "no change since …", or ""."""
    if now is None or before is None:
        return ""
    month = f"{when:%B %Y}"
    if now == before:
        return f"no change from {before} in {month}"
    direction = "up" if now > before else "down"
    return f"{direction} {abs(now - before)} from {before} in {month}"


@dataclass
class Row:
    rating: SelfRating
    cqc_score: int | None
    previous_score: int | None
    previous_on: object

    @property
    def statement(self):
        return self.rating.statement

    @property
    def change(self):
        return change_sentence(self.rating.score, self.previous_score, self.previous_on)

    @property
    def agreed_score(self):
        """The council's score, or the proposed one where it accepted a challenge."""
        accepted = [c for c in self.rating.challenges.all() if c.is_accepted]
        return accepted[-1].proposed_score if accepted else self.rating.score


def ratings_of(assessment, user):
    """The self-assessment's ratings with all the page shows of them, in a fixed number of
    queries: the evidence is only what ``user`` may read (it may hold personal data)."""
    return (
        SelfRating.objects.filter(assessment=assessment)
        .select_related("statement__theme")
        .prefetch_related(
            "links",
            Prefetch(
                "evidence",
                queryset=Evidence.objects.visible_to(user).select_related("update__action"),
            ),
            Prefetch(
                "challenges",
                queryset=SelfRatingChallenge.objects.select_related("raised_by", "answered_by"),
            ),
        )
    )


def previous_of(assessment):
    """The council's submitted self-assessment before this one, or None."""
    return (
        CqcSelfAssessment.objects.filter(council=assessment.council, submitted_at__isnull=False)
        .exclude(pk=assessment.pk)
        .filter(assessed_on__lte=assessment.assessed_on)
        .exclude(assessed_on=assessment.assessed_on, pk__gt=assessment.pk)
        .order_by("-assessed_on", "-pk")
        .first()
    )


def latest_cqc_assessment(council, user):
    """The council's latest CQC assessment whose content ``user`` may read, or None."""
    return (
        CqcAssessment.objects.visible_to(user)
        .filter(review__host_council=council)
        .select_related("review")
        .order_by("-review__visit_end", "-pk")
        .first()
    )


def scores_by_code(queryset):
    return dict(queryset.values_list("statement__code", "score"))


def compare(assessment, user):
    """{theme: [Row]} in the framework's order, the previous self-assessment, the latest CQC
    assessment, and the overall views (as rated, and with the accepted challenges)."""
    ratings = list(ratings_of(assessment, user))
    previous = previous_of(assessment)
    before = scores_by_code(SelfRating.objects.filter(assessment=previous)) if previous else {}
    cqc = latest_cqc_assessment(assessment.council, user)
    cqc_scores = scores_by_code(StatementScore.objects.filter(assessment=cqc)) if cqc else {}
    themes = {}
    rows = []
    for rating in ratings:
        row = Row(
            rating=rating,
            cqc_score=cqc_scores.get(rating.statement.code),
            previous_score=before.get(rating.statement.code),
            previous_on=previous.assessed_on if previous else None,
        )
        rows.append(row)
        themes.setdefault(rating.statement.theme, []).append(row)
    overall = Overall.of(row.rating.score for row in rows)
    agreed = Overall.of(row.agreed_score for row in rows)
    return {
        "themes": themes,
        "rows": rows,
        "previous": previous,
        "previous_overall": Overall.of(before.values()) if previous else None,
        "cqc": cqc,
        "cqc_result": cqc.result() if cqc else None,
        "overall": overall,
        "agreed": agreed if agreed.percentage != overall.percentage else None,
        "completed": sum(row.rating.completed for row in rows),
    }
