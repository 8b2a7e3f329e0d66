from collections import defaultdict

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.text import slugify

from councils.access import require, require_some, visible_or_404
from councils.models import Council
from reviews.cqc.exports import corrections_workbook
from reviews.cqc.forms import (
    AreasForm,
    AssessmentForm,
    CorrectionForm,
    NewAssessmentForm,
    PasteReportForm,
)
from reviews.cqc.services import (
    add_read_report,
    assessment_of,
    save_areas,
    save_scores,
    start_assessment,
)
from reviews.models import AccuracyCorrection, Finding, Review
from sli.lib.exports import XLSX_TYPE, download_response

CONFIDENTIAL = (
    "The CQC's draft report is confidential to the council's editors and whoever entered it "
    "until the CQC publishes it."
)


def cqc_review(request, pk, permitted=None, reason=CONFIDENTIAL):
    """The CQC assessment's review if the user sees it (else 404) and may do this (else 403):
    read its content, or ``permitted``."""
    user = request.user
    review = visible_or_404(
        Review.objects.filter(kind=Review.Kind.CQC_ASSESSMENT)
        .select_related("host_council__region")
        .with_permissions(user),
        user,
        pk=pk,
    )
    require(Review.objects.content_visible_to(user), review, CONFIDENTIAL)
    if permitted is not None:
        require(permitted, review, reason)
    return review


def editable_cqc_review(request, pk):
    return cqc_review(
        request,
        pk,
        Review.objects.content_editable_by(request.user),
        "Only whoever entered the CQC's report changes it.",
    )


def new_assessment(request):
    councils = Council.objects.for_editor_or_lead(request.user).order_by("name")
    require_some(councils, "A council's editors and regional leads enter CQC assessments.")
    chosen = councils.filter(slug=request.GET.get("council", "")).first()
    form = NewAssessmentForm(request.POST or None, councils=councils, initial={"council": chosen})
    if request.method == "POST" and form.is_valid():
        review = start_assessment(**form.cleaned_data, by=request.user)
        messages.success(request, "The CQC assessment was added: now enter its scores.")
        return redirect("reviews:cqc:edit", pk=review.pk)
    return render(request, "reviews/cqc/new.html", {"form": form})


def assessment(request, pk):
    review = cqc_review(request, pk)
    record = assessment_of(review)
    statements = list(record.framework.statements())
    scores = {s.statement_id: s for s in record.scores.all()}
    areas = defaultdict(lambda: defaultdict(list))
    for finding in Finding.objects.filter(review=review, quality_statement__isnull=False):
        areas[finding.quality_statement_id][finding.kind].append(finding)
    recommendations = defaultdict(list)
    for recommendation in review.recommendations.prefetch_related("quality_statements"):
        for statement in recommendation.quality_statements.all():
            recommendations[statement.pk].append(recommendation)
    themes = defaultdict(list)
    for statement in statements:
        themes[statement.theme].append(
            {
                "statement": statement,
                "score": scores.get(statement.pk),
                "strengths": areas[statement.pk][Finding.Kind.STRENGTH],
                "improvements": areas[statement.pk][Finding.Kind.AREA_FOR_IMPROVEMENT],
                "recommendations": recommendations[statement.pk],
            }
        )
    unrecommended = Finding.objects.filter(
        review=review, kind=Finding.Kind.AREA_FOR_IMPROVEMENT, recommendations__isnull=True
    ).count()
    context = {
        "review": review,
        "assessment": record,
        "result": record.result(),
        "themes": dict(themes),
        "unrecommended": unrecommended,
        "today": timezone.localdate(),
    }
    return render(request, "reviews/cqc/assessment.html", context)


def edit_assessment(request, pk):
    review = editable_cqc_review(request, pk)
    record = assessment_of(review)
    statements = list(record.framework.statements())
    scores = record.scores_by_statement()
    form = AssessmentForm(
        request.POST or None, instance=record, statements=statements, scores=scores
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        save_scores(assessment=record, scores=form.scores())
        messages.success(request, "The report's date, rating and scores were saved.")
        return redirect(record)
    return render(request, "reviews/cqc/edit.html", {"form": form, "review": review})


def edit_areas(request, pk, number):
    review = editable_cqc_review(request, pk)
    record = assessment_of(review)
    statement = record.framework.statements().filter(number=number).first()
    if statement is None:
        raise Http404("No such quality statement")
    findings = Finding.objects.filter(review=review, quality_statement=statement)
    initial = {
        field: "\n\n".join(findings.filter(kind=kind).values_list("text", flat=True))
        for field, kind in (
            ("strengths", Finding.Kind.STRENGTH),
            ("improvements", Finding.Kind.AREA_FOR_IMPROVEMENT),
        )
    }
    form = AreasForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        save_areas(review=review, statement=statement, **form.cleaned_data)
        messages.success(request, f"The areas under “{statement.name}” were saved.")
        return redirect(f"{record.get_absolute_url()}#statement-{statement.number}")
    context = {"form": form, "review": review, "statement": statement}
    return render(request, "reviews/cqc/areas.html", context)


def paste_report(request, pk):
    review = editable_cqc_review(request, pk)
    record = assessment_of(review)
    adding = request.POST.get("action") == "add"
    form = PasteReportForm(request.POST or None, framework=record.framework)
    if request.method == "POST" and form.is_valid():
        if adding:
            add_read_report(assessment=record, report=form.report, statements=form.statements)
            count = len(form.report.statements)
            messages.success(request, f"{count} quality statement{pluralize(count)} read in.")
            return redirect(record)
    report = form.report if request.method == "POST" and hasattr(form, "report") else None
    return render(
        request, "reviews/cqc/paste.html", {"form": form, "review": review, "report": report}
    )


def corrections(request, pk):
    review = cqc_review(request, pk)
    record = assessment_of(review)
    form = CorrectionForm(request.POST or None, review=review) if review.can_comment else None
    if request.method == "POST":
        require(Review.objects.commentable_by(request.user), review)
        if form.is_valid():
            correction = form.save(commit=False)
            correction.author = request.user
            correction.save()
            messages.success(request, "Your correction was added to the list for the CQC.")
            return redirect("reviews:cqc:corrections", pk=review.pk)
    context = {
        "review": review,
        "assessment": record,
        "form": form,
        "corrections": AccuracyCorrection.objects.filter(review=review).select_related("author"),
        "today": timezone.localdate(),
    }
    return render(request, "reviews/cqc/corrections.html", context)


def corrections_xlsx(request, pk):
    review = cqc_review(request, pk)
    content = corrections_workbook(review, AccuracyCorrection.objects.filter(review=review))
    name = slugify(f"{review.host_council.name} factual accuracy comments")
    return download_response(content, XLSX_TYPE, f"{name}.xlsx")
