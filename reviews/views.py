from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from recommendations.models import Recommendation
from reviews.models import Finding, Review, ScopeQuestion


def review_detail(request, pk):
    review = get_object_or_404(
        Review.objects.select_related("host_council__region").prefetch_related(
            "team", "judgements", "focus_areas", "improvement_plans"
        ),
        pk=pk,
    )
    scope_questions = ScopeQuestion.objects.filter(review=review).prefetch_related(
        Prefetch("findings", queryset=Finding.objects.strengths_first())
    )
    unscoped_findings = Finding.objects.filter(
        review=review, scope_question__isnull=True
    ).strengths_first()
    recommendations = (
        Recommendation.objects.filter(review=review)
        .select_related("parent", "scope_question", "focus_area")
        .with_implementation_state()
    )
    return render(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            "scope_questions": scope_questions,
            "unscoped_findings": unscoped_findings,
            "recommendations": recommendations,
        },
    )
