from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from councils.access import can_edit, require, visible_or_404
from recommendations.models import Recommendation
from reviews.models import Finding, Judgement, Review, ScopeQuestion
from sli.history import history_entries


def review_detail(request, pk):
    user = request.user
    review = visible_or_404(
        Review.objects.select_related("host_council__region").prefetch_related(
            "team", "focus_areas", "improvement_plans"
        ),
        user,
        pk=pk,
    )
    content_visible = Review.objects.content_visible_to(user).filter(pk=review.pk).exists()
    findings = Finding.objects.visible_to(user).filter(review=review).strengths_first()
    recommendations = (
        Recommendation.objects.visible_to(user)
        .filter(review=review)
        .select_related("parent", "scope_question", "focus_area")
        .with_implementation_state()
    )
    context = {
        "review": review,
        "scope_questions": ScopeQuestion.objects.filter(review=review).prefetch_related(
            Prefetch("findings", queryset=findings)
        ),
        "unscoped_findings": findings.filter(scope_question__isnull=True),
        "recommendations": recommendations,
        "judgements": Judgement.objects.visible_to(user).filter(review=review),
        "content_withheld": not content_visible,
        "can_publish": Review.objects.publishable_by(user).filter(pk=review.pk).exists(),
        "can_edit": can_edit(Review.objects, user, review),
        "history": review_history(review, include_findings=content_visible),
    }
    return render(request, "reviews/review_detail.html", context)


def review_history(review, *, include_findings):
    sources = [(Review.history.filter(id=review.pk), "the review")]
    if include_findings:
        sources.append(
            (
                Finding.history.filter(review_id=review.pk),
                lambda record: f"a {record.get_kind_display().lower()}: “{record.text[:60]}…”",
            )
        )
    return history_entries(*sources)


@require_POST
def publish_letter(request, pk):
    review = visible_or_404(Review.objects, request.user, pk=pk)
    require(Review.objects.publishable_by(request.user), review)
    publish = request.POST.get("publish") == "yes"
    review.published_at = timezone.now() if publish else None
    review.save(update_fields=["published_at", "updated_at"])
    if publish:
        messages.success(request, "The letter is published: anyone can read it now.")
    else:
        messages.success(request, "The letter is no longer published.")
    return redirect(review)


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
