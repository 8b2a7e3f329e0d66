from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from councils.access import require, require_editable, visible_or_404
from recommendations.forms import (
    AmendmentForm,
    AssessmentForm,
    PastedGroupFormSet,
    PastedRowFormSet,
    PasteRecommendationsForm,
    RecommendationForm,
    ResponseForm,
    ResponseFormSet,
    pasted_sections,
)
from recommendations.models import Recommendation
from recommendations.services import (
    add_pasted,
    amend_recommendation,
    delete_recommendation,
    move_recommendation,
    recommend_areas_for_improvement,
    save_recommendation,
    save_responses,
)
from reviews.models import Review
from reviews.views import editable_review
from sli.lib.concurrency import save_or_conflict

RECOMMENDATION_PAGE = Recommendation.objects.select_related(
    "review__host_council__region", "parent", "scope_question", "focus_area"
)


def amend(request, pk):
    recommendation = visible_or_404(RECOMMENDATION_PAGE, request.user, pk=pk)
    require(Recommendation.objects.amendable_by(request.user), recommendation)
    form = AmendmentForm(request.POST or None, initial={"text": recommendation.text})
    if request.method == "POST" and form.is_valid():
        try:
            amend_recommendation(
                recommendation=recommendation,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Recommendation {recommendation.label} was amended.")
            return redirect(recommendation)
    return render(
        request,
        "recommendations/amend.html",
        {"recommendation": recommendation, "form": form},
    )


def respond(request, pk):
    recommendation = visible_or_404(RECOMMENDATION_PAGE, request.user, pk=pk)
    require(Recommendation.objects.respondable_by(request.user), recommendation)
    form = ResponseForm(request.POST or None, instance=recommendation)
    conflict = None
    if request.method == "POST" and form.is_valid():
        if not (conflict := save_or_conflict(form, form.save)):
            messages.success(
                request, f"The response to recommendation {recommendation.label} was saved."
            )
            return redirect(recommendation)
        form = conflict.form_again(ResponseForm)
    return render(
        request,
        "recommendations/response_form.html",
        {"form": form, "recommendation": recommendation, "conflict": conflict},
    )


def respond_all(request, review_pk):
    review = visible_or_404(
        Review.objects.select_related("host_council"), request.user, pk=review_pk
    )
    require(Review.objects.respondable_by(request.user), review)
    recommendations = (
        Recommendation.objects.respondable_by(request.user)
        .filter(review=review)
        .select_related("parent")
    )
    formset = ResponseFormSet(request.POST or None, queryset=recommendations, prefix="responses")
    if request.method == "POST" and formset.is_valid():
        changed = formset.changed_forms()
        if not (conflicts := save_responses(forms=changed)):
            count = len(changed)
            messages.success(
                request,
                f"The responses to {count} recommendation{pluralize(count)} were saved."
                if count
                else "No response was changed.",
            )
            return redirect(review.get_absolute_url() + "#recommendations")
        formset = formset.again_over(conflicts)
    return render(
        request, "recommendations/respond_all.html", {"formset": formset, "review": review}
    )


def assess(request, pk):
    recommendation = visible_or_404(RECOMMENDATION_PAGE, request.user, pk=pk)
    require(Recommendation.objects.assessable_by(request.user), recommendation)
    form = AssessmentForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        assessment = form.save(commit=False)
        assessment.recommendation, assessment.assessed_by = recommendation, request.user
        assessment.save()
        messages.success(
            request, f"The assessment of recommendation {recommendation.label} was saved."
        )
        return redirect(assessment)
    return render(
        request,
        "recommendations/assessment_form.html",
        {"form": form, "recommendation": recommendation},
    )


def new_recommendation(request, review_pk):
    review = editable_review(request, review_pk, Review.objects.content_editable_by(request.user))
    form = RecommendationForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        recommendation = save_recommendation(form=form, number=form.cleaned_data["number"])
        messages.success(request, f"Recommendation {recommendation.label} was added.")
        # Its page offers the actions of the council's plan that may already address it.
        return redirect(recommendation)
    return render(
        request, "recommendations/recommendation_form.html", {"form": form, "review": review}
    )


@require_POST
def from_cqc_areas(request, review_pk):
    review = editable_review(request, review_pk, Review.objects.content_editable_by(request.user))
    added = recommend_areas_for_improvement(review=review)
    count = len(added)
    messages.success(
        request,
        f"{count} area{pluralize(count)} for improvement became recommendation{pluralize(count)}.",
    )
    return redirect(reverse("reviews:cqc:assessment", args=[review.pk]))


def edit_recommendation(request, pk):
    recommendation = visible_or_404(RECOMMENDATION_PAGE, request.user, pk=pk)
    require_editable(Recommendation.objects, request.user, recommendation)
    form = RecommendationForm(
        request.POST or None, instance=recommendation, review=recommendation.review
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        number = form.cleaned_data["number"]
        if not (
            conflict := save_or_conflict(
                form, lambda: save_recommendation(form=form, number=number)
            )
        ):
            recommendation.refresh_from_db()
            messages.success(request, f"Recommendation {recommendation.label} was saved.")
            return redirect(recommendation)
        form = conflict.form_again(RecommendationForm, review=recommendation.review)
    return render(
        request,
        "recommendations/recommendation_form.html",
        {
            "form": form,
            "review": recommendation.review,
            "recommendation": recommendation,
            "conflict": conflict,
        },
    )


@require_http_methods(["GET", "POST"])
def delete(request, pk):
    """Asks first (GET), saying which numbers will change; deletes on POST."""
    recommendation = visible_or_404(RECOMMENDATION_PAGE, request.user, pk=pk)
    require(Recommendation.objects.editable_by(request.user).drafts(), recommendation)
    renumbering = recommendation.renumbering_on_deletion()
    if request.method == "POST":
        delete_recommendation(recommendation=recommendation)
        verb = "is now" if renumbering.startswith("Recommendation ") else "are now"
        messages.success(
            request,
            f"Recommendation {recommendation.label} was deleted. "
            f"{renumbering.replace('will become', verb, 1)}".strip(),
        )
        return redirect(recommendation.review.get_absolute_url() + "#recommendations")
    context = {
        "recommendation": recommendation,
        "review": recommendation.review,
        "renumbering": renumbering,
        "sub_items": recommendation.children.order_by("number"),
    }
    return render(request, "recommendations/delete.html", context)


@require_POST
def move(request, pk):
    recommendation = visible_or_404(RECOMMENDATION_PAGE, request.user, pk=pk)
    require(Recommendation.objects.editable_by(request.user).drafts(), recommendation)
    move_recommendation(recommendation=recommendation, up=request.POST.get("direction") == "up")
    return redirect(recommendation.review.get_absolute_url() + "#recommendations")


def paste(request, review_pk):
    review = editable_review(
        request, review_pk, Review.objects.content_editable_by(request.user).drafts()
    )
    form = PasteRecommendationsForm(request.POST or None, review=review)
    rows = groups = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "add":
            rows = PastedRowFormSet(request.POST, prefix="rows", review=review)
            groups = PastedGroupFormSet(
                request.POST, prefix="groups", review_questions=form.questions
            )
            if rows.is_valid() and groups.is_valid():
                added = add_pasted(
                    review=review,
                    rows=rows.kept_rows(),
                    groups=groups.cleaned_data,
                    **form.defaults(),
                )
                messages.success(request, f"{added} recommendation{pluralize(added)} added.")
                return redirect(review.get_absolute_url() + "#recommendations")
        else:
            rows = PastedRowFormSet(initial=form.pasted_rows(), prefix="rows", review=review)
            groups = PastedGroupFormSet(
                initial=form.pasted_groups(), prefix="groups", review_questions=form.questions
            )
            if not rows.initial:
                form.add_error("text", "No recommendations were found in the text")
    context = {
        "form": form,
        "rows": rows,
        "groups": groups,
        "sections": pasted_sections(rows, groups),
        "review": review,
    }
    return render(request, "recommendations/paste.html", context)
