"""A review's page and its published letter: they show the review's recommendations, and on
the review's page how far the plans have put each into effect, so they live at the project
level."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from councils.access import visible_or_404
from improvement_plans.implementation import with_implementation_state
from recommendations.models import Recommendation
from reviews.models import AccuracyComment, Finding, Judgement, Review, ScopeQuestion
from reviews.views import review_history
from sli.lib.page_cache import render_with_part


def review_detail(request, pk):
    # What the title and breadcrumbs need; the rest is read only when the page's part is not
    # cached.
    review = visible_or_404(
        Review.objects.select_related("host_council__region"), request.user, pk=pk
    )
    return render_with_part(
        request,
        "reviews/review_detail.html",
        {"review": review},
        "reviews/includes/review_content.html",
        lambda: _review_context(request, review),
        councils=[review.host_council_id],
    )


def _review_context(request, shown):
    user = request.user
    review = (
        Review.objects.select_related("host_council__region", "issued_by", "lead_council")
        .with_kind_parts()
        .prefetch_related("team", "focus_areas", "improvement_plans")
        .with_permissions(user)
        .get(pk=shown.pk)
    )
    findings = (
        Finding.objects.visible_to(user)
        .filter(review=review)
        .select_related("quality_statement")
        .strengths_first()
    )
    recommendations = with_implementation_state(
        Recommendation.objects.visible_to(user)
        .filter(review=review)
        .select_related("parent", "scope_question", "focus_area")
        .prefetch_related("quality_statements")
    )
    return {
        "review": review,
        "scope_questions": ScopeQuestion.objects.filter(review=review).prefetch_related(
            Prefetch("findings", queryset=findings)
        ),
        "unscoped_findings": findings.filter(scope_question__isnull=True),
        "recommendations": recommendations,
        "judgements": Judgement.objects.visible_to(user).filter(review=review),
        "content_withheld": not review.content_visible,
        "comments": AccuracyComment.objects.visible_to(user)
        .filter(review=review)
        .select_related("author", "answered_by"),
        "recommendation_links": {r.label: r.get_absolute_url() for r in recommendations},
        "history": review_history(review, content_visible=review.content_visible),
        "kind": review.source_kind,
        "kind_panel": review.source_kind.panel_template,
    }


@login_not_required
def public_letter(request, pk):
    review = get_object_or_404(
        Review.objects.published().select_related("host_council").prefetch_related("team"),
        pk=pk,
    )
    findings = Finding.objects.filter(review=review).strengths_first()
    context = {
        "review": review,
        "scope_questions": ScopeQuestion.objects.filter(review=review).prefetch_related(
            Prefetch("findings", queryset=findings)
        ),
        "unscoped_findings": findings.filter(scope_question__isnull=True),
        "judgements": Judgement.objects.filter(review=review),
        "recommendations": Recommendation.objects.public()
        .filter(review=review)
        .select_related("parent"),
    }
    return render(request, "public/letter.html", context)
