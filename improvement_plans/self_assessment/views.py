from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from councils.access import require, visible_or_404, with_permissions
from councils.models import Council
from improvement_plans.models import Evidence
from improvement_plans.self_assessment.comparison import compare
from improvement_plans.self_assessment.forms import (
    AnswerForm,
    ChallengeForm,
    NewSelfAssessmentForm,
    SelfRatingForm,
)
from improvement_plans.self_assessment.models import (
    READ_ONLY,
    CqcSelfAssessment,
    SelfRating,
    SelfRatingChallenge,
)
from improvement_plans.self_assessment.services import (
    answer_challenge,
    raise_challenge,
    save_rating,
    start_self_assessment,
)
from improvement_plans.self_assessment.services import (
    submit_self_assessment as submit_assessment,
)

EDITORS_ONLY = "A council's editors write its self-assessments."


def council_of(request, slug):
    return visible_or_404(
        with_permissions(
            Council.objects.select_related("region"), request.user, can_start="for_editor"
        ),
        request.user,
        slug=slug,
    )


def self_assessments(request, slug):
    council = council_of(request, slug)
    assessments = (
        CqcSelfAssessment.objects.visible_to(request.user)
        .filter(council=council)
        .annotate(
            completed_count=Count("ratings", filter=Q(ratings__completed=True)),
            rating_count=Count("ratings"),
        )
        .order_by("-assessed_on", "-pk")
    )
    context = {"council": council, "assessments": assessments}
    return render(request, "improvement_plans/self_assessment/list.html", context)


def new_self_assessment(request, slug):
    council = council_of(request, slug)
    require(Council.objects.for_editor(request.user), council, EDITORS_ONLY)
    form = NewSelfAssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assessment = start_self_assessment(
            council=council, assessed_on=form.cleaned_data["assessed_on"], by=request.user
        )
        messages.success(request, "The self-assessment was started: rate each statement.")
        return redirect(assessment)
    context = {"council": council, "form": form}
    return render(request, "improvement_plans/self_assessment/new.html", context)


def assessment_of(request, pk):
    return visible_or_404(
        with_permissions(
            CqcSelfAssessment.objects.select_related("council__region", "submitted_by"),
            request.user,
            can_edit="editable_by",
            can_challenge="challengeable_by",
        ),
        request.user,
        pk=pk,
    )


def self_assessment(request, pk):
    assessment = assessment_of(request, pk)
    answerable = SelfRatingChallenge.objects.editable_by(request.user)
    context = {
        "assessment": assessment,
        "council": assessment.council,
        "can_answer": answerable.filter(rating__assessment=assessment).exists(),
        **compare(assessment, request.user),
    }
    return render(request, "improvement_plans/self_assessment/detail.html", context)


def edit_statement(request, pk, number):
    assessment = assessment_of(request, pk)
    require(CqcSelfAssessment.objects.editable_by(request.user), assessment, READ_ONLY)
    rating = (
        SelfRating.objects.filter(assessment=assessment, statement__number=number)
        .select_related("statement__theme")
        .prefetch_related("statement__i_statements", "statement__evidence_categories")
        .first()
    )
    if rating is None:
        raise Http404("No such quality statement")
    rating.assessment = assessment
    evidence = (
        Evidence.objects.visible_to(request.user)
        .filter(update__action__plan__council=assessment.council)
        .select_related("update__action")
        .order_by("-update__date", "-pk")
    )
    adding_link = request.POST.get("action") == "add-link"
    form = SelfRatingForm(
        request.POST or None, instance=rating, evidence=evidence, adding_link=adding_link
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_rating(rating=rating, **form.values())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if adding_link:
                messages.success(request, "The link was added. Add another, or save.")
                return redirect(request.path)
            messages.success(request, f"“{rating.statement.name}” was saved.")
            return redirect(assessment)
    context = {"assessment": assessment, "council": assessment.council, "rating": rating}
    return render(
        request, "improvement_plans/self_assessment/statement.html", {**context, "form": form}
    )


@require_POST
def submit_self_assessment(request, pk):
    assessment = assessment_of(request, pk)
    require(CqcSelfAssessment.objects.editable_by(request.user), assessment, READ_ONLY)
    try:
        submit_assessment(assessment=assessment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The self-assessment was submitted. It can no longer change.")
    return redirect(assessment)


def challenge_rating(request, pk):
    rating = visible_or_404(
        SelfRating.objects.select_related("assessment__council__region", "statement"),
        request.user,
        pk=pk,
    )
    require(
        SelfRating.objects.challengeable_by(request.user),
        rating,
        "The region's lead and the council's peer challenge teams challenge a submitted "
        "self-rating.",
    )
    form = ChallengeForm(request.POST or None, current=rating.score)
    if request.method == "POST" and form.is_valid():
        try:
            challenge = raise_challenge(rating=rating, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your challenge was recorded. The council will answer it.")
            return redirect(challenge)
    context = {"rating": rating, "assessment": rating.assessment, "form": form}
    return render(
        request,
        "improvement_plans/self_assessment/challenge.html",
        {**context, "council": rating.assessment.council},
    )


def answer(request, pk):
    challenge = visible_or_404(
        SelfRatingChallenge.objects.select_related(
            "rating__assessment__council__region", "rating__statement", "raised_by"
        ),
        request.user,
        pk=pk,
    )
    require(SelfRatingChallenge.objects.editable_by(request.user), challenge)
    form = AnswerForm(request.POST or None, instance=challenge)
    if request.method == "POST" and form.is_valid():
        answer_challenge(challenge=challenge, **form.cleaned_data, by=request.user)
        messages.success(request, "The council's answer was recorded.")
        return redirect(challenge)
    assessment = challenge.rating.assessment
    context = {"challenge": challenge, "assessment": assessment, "council": assessment.council}
    return render(
        request, "improvement_plans/self_assessment/answer.html", {**context, "form": form}
    )
