"""Each council's latest published CQC assessment: its rating, percentage and nine scores.

The regional heat map and the regional risk assessment (which cites it) read them from here,
in the same few queries for a region of 3 councils as for one of 23.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Subquery
from django.utils import timezone

from reviews.cqc import scoring
from reviews.cqc.models import (
    AssessmentResult,
    CqcAssessment,
    Framework,
    QualityStatement,
    StatementScore,
)


@dataclass(frozen=True)
class ScoreCell:
    """One statement's score as the heat map shows it: the number, the CQC's words, and the
    shade (1 to 4, or 0 for no score)."""

    statement: QualityStatement
    score: int | None

    @property
    def words(self):
        return scoring.score_words(self.score) if self.score else "Not scored"

    @property
    def phrase(self):
        return scoring.score_phrase(self.score) if self.score else "not scored"

    @property
    def shade(self):
        return self.score or 0


@dataclass
class LatestAssessment:
    assessment: CqcAssessment
    result: AssessmentResult
    cells: list  # ScoreCell, in the order of the statements given

    @property
    def review(self):
        return self.assessment.review

    @property
    def report_date(self):
        return self.assessment.report_date or self.assessment.review.visit_end


def latest_assessments(user, councils, statements):
    """{council pk: LatestAssessment} for the ``councils`` with a published CQC assessment the
    user may read, the scores laid out in the order of ``statements``; three queries in all.

    Scores are matched to the columns by statement number, so an assessment made under
    another version of the framework still lines up with the nine statements shown."""
    assessments = list(
        CqcAssessment.objects.visible_to(user)
        .published()
        .filter(review__host_council__in=councils)
        .latest()
        .select_related("review", "framework")
    )
    scores = defaultdict(dict)
    for assessment, number, score in StatementScore.objects.filter(
        assessment__in=[a.pk for a in assessments]
    ).values_list("assessment", "statement__number", "score"):
        scores[assessment][number] = score
    own_statements = defaultdict(list)
    for statement in statements:
        own_statements[statement.theme.framework_id].append(statement)
    # Only an assessment under another version of the framework costs a query more.
    others = {a.framework_id for a in assessments} - set(own_statements)
    for statement in QualityStatement.objects.filter(theme__framework__in=others).select_related(
        "theme"
    ):
        own_statements[statement.theme.framework_id].append(statement)
    latest = {}
    for assessment in assessments:
        by_number = scores[assessment.pk]
        own = {s: by_number.get(s.number) for s in own_statements[assessment.framework_id]}
        latest[assessment.review.host_council_id] = LatestAssessment(
            assessment=assessment,
            result=AssessmentResult.of(assessment, own),
            cells=[ScoreCell(s, by_number.get(s.number)) for s in statements],
        )
    return latest


def latest_assessment_of(council, user):
    """The council's latest published CQC assessment that the user may read, or None."""
    return latest_assessments(user, [council.pk], current_statements()).get(council.pk)


def current_statements(today=None):
    """The quality statements of the framework in force, in one query."""
    in_force = Framework.objects.filter(applies_from__lte=today or timezone.localdate())
    return list(
        QualityStatement.objects.filter(
            theme__framework=Subquery(in_force.order_by("-applies_from").values("pk")[:1])
        ).select_related("theme")
    )


@dataclass
class HeatMapRow:
    council: object
    latest: LatestAssessment | None

    @property
    def percentage(self):
        """For ordering: the percentage, or past every percentage where there is none."""
        known = self.latest.result.percentage if self.latest else None
        return 101 if known is None else known


# How the heat map's rows can be ordered: the weakest first (the default), or by name.
ORDERS = {"weakest": "Lowest percentage first", "name": "Council name"}


@dataclass
class HeatMap:
    """The councils' latest ratings and scores, statements across and councils down."""

    statements: list
    rows: list
    order: str

    @classmethod
    def of(cls, councils, user, *, order="weakest"):
        councils = list(councils)
        statements = current_statements()
        latest = latest_assessments(user, [c.pk for c in councils], statements)
        rows = [HeatMapRow(council, latest.get(council.pk)) for council in councils]
        order = order if order in ORDERS else "weakest"
        if order == "weakest":
            # Assessed councils from the lowest percentage up; those not yet assessed last.
            rows.sort(key=lambda row: (row.latest is None, row.percentage, row.council.name))
        else:
            rows.sort(key=lambda row: row.council.name)
        return cls(statements=statements, rows=rows, order=order)

    @property
    def assessed(self):
        return sum(1 for row in self.rows if row.latest)

    @property
    def key(self):
        return [ScoreCell(None, score) for score in range(scoring.LOWEST, scoring.HIGHEST + 1)]
