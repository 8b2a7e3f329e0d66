"""Writes that span several models of a CQC assessment, each in one transaction."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from councils.models import Membership
from reviews.models import CqcAssessment, Finding, Framework, Review, StatementScore

AREA_KINDS = {"strengths": Finding.Kind.STRENGTH, "improvements": Finding.Kind.AREA_FOR_IMPROVEMENT}


def start_assessment(*, council, visit_start, visit_end, published, by):
    """A CQC assessment of ``council``: a review of that kind, its assessment under the
    framework in force at the visit, and its enterer as its lead (who enters the report).
    ``published`` says whether the CQC has published its report or sent only the draft."""
    with transaction.atomic():
        review = Review.objects.create(
            kind=Review.Kind.CQC_ASSESSMENT,
            host_council=council,
            title=f"CQC local authority assessment of {council.name}",
            visit_start=visit_start,
            visit_end=visit_end,
            status=Review.Status.ISSUED if published else Review.Status.FACTUAL_ACCURACY,
            issued_at=timezone.now() if published else None,
            issued_by=by if published else None,
        )
        CqcAssessment.objects.create(
            review=review, framework=Framework.objects.applying_on(visit_end)
        )
        Membership.objects.create(user=by, role=Membership.Role.REVIEW_LEAD, review=review)
    return review


def assessment_of(review):
    """The review's assessment, made under the framework in force at its visit if the review
    was planned as a CQC assessment without one."""
    assessment = CqcAssessment.objects.filter(review=review).select_related("framework").first()
    if assessment is None:
        framework = Framework.objects.applying_on(review.visit_end) or Framework.objects.last()
        assessment = CqcAssessment.objects.create(review=review, framework=framework)
    return assessment


def save_scores(*, assessment, scores):
    """Set the statements' scores ({quality statement: score or None}): None removes one."""
    with transaction.atomic():
        existing = {s.statement_id: s for s in assessment.scores.all()}
        for statement, score in scores.items():
            row = existing.get(statement.pk)
            if score is None:
                if row:
                    row.delete()
            elif row is None:
                StatementScore.objects.create(
                    assessment=assessment, statement=statement, score=score
                )
            elif row.score != score:
                row.score = score
                row.save()


def save_areas(*, review, statement, strengths, improvements):
    """Make the statement's areas of strength and for improvement the texts given, in order:
    a text already there is kept (with its history), one no longer given is removed."""
    with transaction.atomic():
        last = Finding.objects.filter(review=review).aggregate(last=Max("order"))["last"] or 0
        for kind, texts in (
            (Finding.Kind.STRENGTH, strengths),
            (Finding.Kind.AREA_FOR_IMPROVEMENT, improvements),
        ):
            kept = {}
            for finding in Finding.objects.filter(
                review=review, quality_statement=statement, kind=kind
            ):
                if finding.text in texts and finding.text not in kept:
                    kept[finding.text] = finding
                else:
                    finding.delete()
            for text in texts:
                last += 1
                finding = kept.get(text) or Finding(
                    review=review, quality_statement=statement, kind=kind, text=text
                )
                if finding.order != last or finding.pk is None:
                    finding.order = last
                    finding.save()


def add_read_report(*, assessment, report, statements):
    """Save what was read from a pasted report: each statement's score (where given) and its
    areas, added after those already entered."""
    with transaction.atomic():
        scores = {}
        for read in report.statements:
            statement = statements[read.name]
            if read.score is not None:
                scores[statement] = read.score
            existing = Finding.objects.filter(review=assessment.review, quality_statement=statement)
            save_areas(
                review=assessment.review,
                statement=statement,
                strengths=_merged(existing, Finding.Kind.STRENGTH, read.strengths),
                improvements=_merged(
                    existing, Finding.Kind.AREA_FOR_IMPROVEMENT, read.improvements
                ),
            )
        save_scores(assessment=assessment, scores=scores)


def _merged(existing, kind, texts):
    before = list(existing.filter(kind=kind).order_by("order").values_list("text", flat=True))
    return before + [text for text in texts if text not in before]
