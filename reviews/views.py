from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.views.decorators.http import require_POST

from councils.access import require, require_editable, require_some, visible_or_404
from councils.models import Council
from recommendations.models import Recommendation
from reviews.forms import (
    AccuracyCommentForm,
    AnswerForm,
    FindingForm,
    JudgementFormSet,
    LetterForm,
    NewReviewForm,
    PasteFindingsForm,
    ReviewForm,
    ScopeFormSet,
    StatusForm,
    TeamFormSet,
)
from reviews.models import AccuracyComment, Finding, Judgement, Review, ScopeQuestion
from reviews.pdf import letter_context, render_letter_pdf
from reviews.services import add_finding, add_pasted_findings, create_review, move_review
from sli.lib.concurrency import save_or_conflict
from sli.lib.history import history_entries


def review_detail(request, pk):
    user = request.user
    review = visible_or_404(
        Review.objects.select_related("host_council__region", "issued_by", "lead_council")
        .prefetch_related("team", "focus_areas", "improvement_plans")
        .with_permissions(user),
        user,
        pk=pk,
    )
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
        "content_withheld": not review.content_visible,
        "comments": AccuracyComment.objects.visible_to(user)
        .filter(review=review)
        .select_related("author", "answered_by"),
        "recommendation_links": {r.label: r.get_absolute_url() for r in recommendations},
        "history": review_history(review, content_visible=review.content_visible),
        "kind_panel": review.source_kind.panel_template,
    }
    return render(request, "reviews/review_detail.html", context)


def review_history(review, *, content_visible):
    """The review's history; its confidential content (findings, the letter's text) only for
    those who may read it."""
    sources = [(Review.history.filter(id=review.pk), "the review")]
    if not content_visible:
        return history_entries(*sources, hidden=Review.CONFIDENTIAL_FIELDS)
    sources.append((Finding.history.filter(review_id=review.pk), _finding_subject))
    return history_entries(*sources)


def _finding_subject(record):
    kind = record.get_kind_display().lower()
    article = "an" if kind[0] in "aeiou" else "a"
    return f"{article} {kind}: “{Truncator(record.text).chars(60)}”"


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


def editable_review(request, pk, permitted=None):
    """The review, if the user may see it (else 404) and change it (else 403)."""
    review = visible_or_404(
        Review.objects.select_related("host_council__region"), request.user, pk=pk
    )
    require(
        permitted if permitted is not None else Review.objects.editable_by(request.user), review
    )
    return review


def new_review(request):
    host_councils = Council.objects.hosts_plannable_by(request.user)
    require_some(host_councils, "Only regional leads and administrators plan reviews.")
    # Reached from a region's page (?region=) or a council's (?council=): offer those first.
    if (in_region := host_councils.filter(region__slug=request.GET.get("region", ""))).exists():
        host_councils = in_region
    chosen = host_councils.filter(slug=request.GET.get("council", "")).first()
    form = NewReviewForm(
        request.POST or None, host_councils=host_councils, initial={"host_council": chosen}
    )
    if request.method == "POST" and form.is_valid():
        review = create_review(form=form, by=request.user, lead=form.cleaned_data["lead_email"])
        messages.success(request, f"“{review.title}” was created.")
        return redirect(review)
    return render(request, "reviews/review_form.html", {"form": form, "review": None})


def edit_review(request, pk):
    review = editable_review(request, pk)
    host_councils = Council.objects.hosts_plannable_by(request.user) | Council.objects.filter(
        pk=review.host_council_id
    )
    form = ReviewForm(request.POST or None, instance=review, host_councils=host_councils)
    conflict = None
    if request.method == "POST" and form.is_valid():
        if not (conflict := save_or_conflict(form, form.save)):
            messages.success(request, "The review's details were saved.")
            return redirect(review)
        form = conflict.form_again(ReviewForm, host_councils=host_councils)
    return render(
        request, "reviews/review_form.html", {"form": form, "review": review, "conflict": conflict}
    )


def edit_letter(request, pk):
    review = editable_review(request, pk)
    form = LetterForm(request.POST or None, instance=review)
    conflict = None
    if request.method == "POST" and form.is_valid():
        if not (conflict := save_or_conflict(form, form.save)):
            messages.success(request, "The letter was saved.")
            return redirect("reviews:letter", pk=review.pk)
        form = conflict.form_again(LetterForm)
    return render(
        request, "reviews/letter_form.html", {"form": form, "review": review, "conflict": conflict}
    )


def edit_team(request, pk):
    return _edit_formset(request, pk, TeamFormSet, "team", "The team was saved.")


def edit_scope(request, pk):
    return _edit_formset(request, pk, ScopeFormSet, "scope", "The scope questions were saved.")


def edit_judgements(request, pk):
    return _edit_formset(
        request,
        pk,
        JudgementFormSet,
        "judgements",
        "The judgements were saved.",
        permitted=Review.objects.content_editable_by(request.user),
    )


def _edit_formset(request, pk, formset_class, name, saved_message, permitted=None):
    review = editable_review(request, pk, permitted)
    formset = formset_class(request.POST or None, instance=review, prefix=name)
    if formset.is_to_be_saved() and formset.is_valid():
        with transaction.atomic():  # the rows added, changed and deleted: all or none
            formset.save()
        messages.success(request, saved_message)
        return redirect(review)
    return render(request, f"reviews/{name}_form.html", {"formset": formset, "review": review})


def change_status(request, pk):
    review = editable_review(request, pk)
    form = StatusForm(request.POST or None, choices=review.next_statuses())
    if request.method == "POST" and form.is_valid():
        review = move_review(review=review, status=form.cleaned_data["status"], by=request.user)
        messages.success(request, f"The review is now at “{review.get_status_display()}”.")
        return redirect(review)
    return render(request, "reviews/status_form.html", {"form": form, "review": review})


def findings(request, pk):
    review = editable_review(request, pk, Review.objects.content_editable_by(request.user))
    form = FindingForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        add_finding(review=review, **form.cleaned_data)
        messages.success(request, "The finding was added.")
        return redirect("reviews:findings", pk=review.pk)
    context = {
        "review": review,
        "form": form,
        "findings": Finding.objects.filter(review=review)
        .select_related("scope_question")
        .order_by("scope_question__number", "order", "pk"),
    }
    return render(request, "reviews/findings.html", context)


def edit_finding(request, pk):
    finding = visible_or_404(Finding.objects.select_related("review"), request.user, pk=pk)
    require_editable(Finding.objects, request.user, finding)
    form = FindingForm(request.POST or None, instance=finding, review=finding.review)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The finding was saved.")
        return redirect("reviews:findings", pk=finding.review_id)
    return render(request, "reviews/finding_form.html", {"form": form, "finding": finding})


@require_POST
def delete_finding(request, pk):
    finding = visible_or_404(Finding.objects, request.user, pk=pk)
    require_editable(Finding.objects, request.user, finding)
    finding.delete()
    messages.success(request, "The finding was deleted.")
    return redirect("reviews:findings", pk=finding.review_id)


def paste_findings(request, pk):
    review = editable_review(request, pk, Review.objects.content_editable_by(request.user))
    adding = request.POST.get("action") == "add"
    form = PasteFindingsForm(request.POST or None, review=review, adding=adding)
    if request.method == "POST" and form.is_valid() and adding:
        added = add_pasted_findings(review=review, findings=form.kept_findings())
        messages.success(request, f"{len(added)} finding{pluralize(len(added))} added.")
        return redirect("reviews:findings", pk=review.pk)
    previewed = request.method == "POST" and hasattr(form, "findings") and form.findings
    return render(
        request,
        "reviews/paste_findings.html",
        {"form": form, "review": review, "sections": form.preview() if previewed else None},
    )


def add_comment(request, pk):
    review = editable_review(request, pk, Review.objects.commentable_by(request.user))
    form = AccuracyCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = form.save(commit=False)
        comment.review, comment.author = review, request.user
        comment.save()
        messages.success(request, "Your comment was sent to the review team.")
        return redirect(review.get_absolute_url() + "#comments")
    return render(request, "reviews/comment_form.html", {"form": form, "review": review})


def answer_comment(request, pk):
    comment = visible_or_404(AccuracyComment.objects.select_related("review"), request.user, pk=pk)
    review = editable_review(
        request, comment.review_id, Review.objects.content_editable_by(request.user)
    )
    form = AnswerForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        form.save(answered_by=request.user)
        messages.success(request, "Your answer was recorded.")
        return redirect(review.get_absolute_url() + "#comments")
    return render(
        request, "reviews/answer_form.html", {"form": form, "review": review, "comment": comment}
    )


def letter_preview(request, pk):
    review = visible_or_404(Review.objects, request.user, pk=pk)
    require(Review.objects.content_visible_to(request.user), review)
    can_edit = Review.objects.editable_by(request.user).filter(pk=review.pk).exists()
    context = {**letter_context(review), "can_edit": can_edit}
    return render(request, "reviews/letter_preview.html", context)


def letter_pdf(request, pk):
    review = visible_or_404(Review.objects, request.user, pk=pk)
    require(Review.objects.content_visible_to(request.user), review)
    public = request.GET.get("copy") == "public"
    return pdf_response(render_letter_pdf(review, public=public), review, public=public)


@login_not_required
def public_letter_pdf(request, pk):
    review = get_object_or_404(Review.objects.published(), pk=pk)
    return pdf_response(render_letter_pdf(review, public=True), review, public=True)


def pdf_response(content, review, *, public):
    name = slugify(f"{review.host_council.name} {review.get_kind_display()} letter")
    response = HttpResponse(content, content_type="application/pdf")
    suffix = "-public" if public else ""
    response["Content-Disposition"] = f'inline; filename="{name}{suffix}.pdf"'
    return response
