"""The annual risk assessment: the region's triggers and menu of support, each council's
assessment with its ratings, discussion and final view, and the support offered after it."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from councils.access import (
    in_councils,
    in_led_regions,
    require,
    require_editable,
    scoped,
    visible_or_404,
)
from councils.models import Council, Membership, Region
from regional.models import (
    CqcCitation,
    RiskAssessment,
    SupportOffer,
    SupportType,
    Trigger,
    TriggerRating,
)
from regional.risk.citations import save_concern
from regional.risk.exports import assessment_workbook
from regional.risk.forms import (
    CommentForm,
    ConcernForm,
    DiscussionForm,
    OfferForm,
    OfferStatusForm,
    RatingFormSet,
    StartAssessmentForm,
    SupportTypeForm,
    TriggerForm,
)
from reviews.cqc.latest import current_statements, latest_assessment_of, latest_assessments
from sli.lib.exports import XLSX_TYPE, download_response

Rating = TriggerRating.Rating


def led_region_or_404(request, slug):
    """The region, if the user may see it; 403 unless they lead it."""
    region = visible_or_404(Region.objects, request.user, slug=slug)
    require(Region.objects.led_by(request.user), region, "Only the region's lead changes this.")
    return region


def commenters(user):
    """Assessments the user may discuss: their own council's, as its editor, or the region's
    as its lead."""
    return scoped(
        RiskAssessment.objects.all(),
        user,
        in_councils(user, "council", [Membership.Role.COUNCIL_EDITOR])
        | in_led_regions(user, "council"),
    )


def editable_assessment(request, pk):
    assessment = visible_or_404(
        RiskAssessment.objects.select_related("council"), request.user, pk=pk
    )
    require_editable(RiskAssessment.objects, request.user, assessment)
    return assessment


def _form_page(request, template, **context):
    return render(request, f"regional/risk/{template}", context)


# Triggers and the menu of support


def triggers(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    items = Trigger.objects.visible_to(request.user).filter(region=region)
    categories = [
        (label, [t for t in items if t.category == value and not t.retired_on])
        for value, label in Trigger.Category.choices
    ]
    retired = [t for t in items if t.retired_on]
    return render(
        request,
        "regional/risk/triggers.html",
        {
            "region": region,
            "categories": categories,
            "retired": retired,
            "can_edit": region.is_led_by(request.user),
        },
    )


def new_trigger(request, slug):
    region = led_region_or_404(request, slug)
    form = TriggerForm(request.POST or None)
    if form.is_valid():
        form.instance.region = region
        last = region.triggers.order_by("-order").values_list("order", flat=True).first()
        form.instance.order = (last or 0) + 1
        form.save()
        messages.success(request, "The trigger was added.")
        return redirect("regional:triggers", region.slug)
    return _form_page(request, "trigger_form.html", form=form, region=region, trigger=None)


def edit_trigger(request, pk):
    trigger = visible_or_404(Trigger.objects.select_related("region"), request.user, pk=pk)
    require_editable(Trigger.objects, request.user, trigger)
    form = TriggerForm(request.POST or None, instance=trigger)
    if form.is_valid():
        form.save()
        messages.success(request, "The trigger was saved.")
        return redirect("regional:triggers", trigger.region.slug)
    region = trigger.region
    return _form_page(request, "trigger_form.html", form=form, region=region, trigger=trigger)


@require_POST
def retire_trigger(request, pk):
    """Retire a trigger (or bring it back). Past assessments keep their ratings of it."""
    trigger = visible_or_404(Trigger.objects.select_related("region"), request.user, pk=pk)
    require_editable(Trigger.objects, request.user, trigger)
    if trigger.retired_on:
        trigger.retired_on = None
        messages.success(request, "The trigger is back in use.")
    else:
        trigger.retired_on = timezone.localdate()
        messages.success(request, "The trigger was retired. Past assessments keep it.")
    trigger.save()
    return redirect("regional:triggers", trigger.region.slug)


def support_menu(request, slug):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    items = SupportType.objects.visible_to(request.user).filter(region=region)
    tiers = [
        (label, [s for s in items if s.tier == value]) for value, label in SupportType.Tier.choices
    ]
    context = {"region": region, "tiers": tiers, "can_edit": region.is_led_by(request.user)}
    return render(request, "regional/risk/support_menu.html", context)


def new_support_type(request, slug):
    region = led_region_or_404(request, slug)
    form = SupportTypeForm(request.POST or None)
    if form.is_valid():
        form.instance.region = region
        last = region.support_types.order_by("-order").values_list("order", flat=True).first()
        form.instance.order = (last or 0) + 1
        form.save()
        messages.success(request, "The support was added to the menu.")
        return redirect("regional:support_menu", region.slug)
    return _form_page(request, "support_form.html", form=form, region=region, support=None)


def edit_support_type(request, pk):
    support = visible_or_404(SupportType.objects.select_related("region"), request.user, pk=pk)
    require_editable(SupportType.objects, request.user, support)
    form = SupportTypeForm(request.POST or None, instance=support)
    if form.is_valid():
        form.save()
        messages.success(request, "The support was saved.")
        return redirect("regional:support_menu", support.region.slug)
    region = support.region
    return _form_page(request, "support_form.html", form=form, region=region, support=support)


# The year's assessments


def risk_year(request, slug, year):
    region = visible_or_404(Region.objects, request.user, slug=slug)
    if not 2000 <= year <= 2100:
        raise Http404("No such year")
    councils = Council.objects.visible_to(request.user).filter(region=region).order_by("name")
    assessments = {
        a.council_id: a
        for a in RiskAssessment.objects.visible_to(request.user).filter(
            council__region=region, year=year
        )
    }
    # Each council's latest CQC rating beside its assessment: a reason the lead may cite.
    cqc = latest_assessments(request.user, [c.pk for c in councils], current_statements())
    rows = [(council, assessments.get(council.pk), cqc.get(council.pk)) for council in councils]
    can_edit = region.is_led_by(request.user)
    form = None
    if can_edit:
        unassessed = councils.exclude(pk__in=list(assessments))
        form = StartAssessmentForm(request.POST or None, councils=unassessed)
    if request.method == "POST":
        require(
            Region.objects.led_by(request.user),
            region,
            "Only the region's lead starts an assessment.",
        )
        if form.is_valid():
            assessment = RiskAssessment.objects.create(
                council=form.cleaned_data["council"], year=year
            )
            messages.success(request, f"{assessment} was started.")
            return redirect(assessment)
    previous_year, next_year = (
        RiskAssessment.objects.visible_to(request.user)
        .filter(council__region=region)
        .neighbouring_years(year, this_year=timezone.localdate().year)
    )
    context = {
        "region": region,
        "year": year,
        "rows": rows,
        "form": form,
        "can_edit": can_edit,
        "previous_year": previous_year,
        "next_year": next_year,
    }
    return render(request, "regional/risk/year.html", context)


def _rating_rows(assessment):
    """The triggers to rate: every live trigger of the region, and any retired one this
    assessment already rated (so a past assessment keeps what it said)."""
    ratings = {r.trigger_id: r for r in assessment.ratings.all()}
    region_triggers = Trigger.objects.filter(region_id=assessment.council.region_id)
    return [
        (trigger, ratings.get(trigger.pk))
        for trigger in region_triggers
        if not trigger.retired_on or trigger.pk in ratings
    ]


def assessment_detail(request, pk):
    assessment = visible_or_404(
        RiskAssessment.objects.select_related(
            "council__region",
            "finalised_by",
            "cqc_citation__cqc_assessment",
            "cqc_citation__cited_by",
        ),
        request.user,
        pk=pk,
    )
    can_edit = RiskAssessment.objects.editable_by(request.user).filter(pk=pk).exists()
    citation = assessment.cited_cqc
    latest = latest_assessment_of(assessment.council, request.user)
    context = {
        "assessment": assessment,
        "council": assessment.council,
        "citation": citation,
        "latest_cqc": latest,
        "cited_is_latest": bool(
            citation and latest and citation.cqc_assessment_id == latest.assessment.pk
        ),
        "rows": _rating_rows(assessment),
        "comments": assessment.comments.select_related("author"),
        "offers": assessment.offers.select_related("support_type", "provider"),
        "can_edit": can_edit,
        "can_comment": commenters(request.user).filter(pk=pk).exists(),
    }
    return render(request, "regional/risk/assessment.html", context)


def assessment_xlsx(request, pk):
    assessment = visible_or_404(
        RiskAssessment.objects.select_related("council"), request.user, pk=pk
    )
    content = assessment_workbook(
        assessment,
        citation=CqcCitation.objects.filter(assessment=assessment).first(),
        ratings=_rating_rows(assessment),
        offers=assessment.offers.select_related("support_type", "provider"),
    )
    name = slugify(f"{assessment.council.name} risk assessment {assessment.year}")
    return download_response(content, XLSX_TYPE, f"{name}.xlsx")


def _refuse_if_final(request, assessment):
    if assessment.status == RiskAssessment.Status.FINAL:
        messages.error(request, "This assessment is final and can no longer be changed.")
        return redirect(assessment)
    return None


def assessment_ratings(request, pk):
    assessment = editable_assessment(request, pk)
    if refused := _refuse_if_final(request, assessment):
        return refused
    rows = _rating_rows(assessment)
    initial = [{"rating": r.rating, "evidence": r.evidence} if r else {} for _trigger, r in rows]
    formset = RatingFormSet(
        request.POST or None,
        initial=initial,
        form_kwargs={"trigger": None},
    )
    for form, (trigger, _rating) in zip(formset.forms, rows, strict=False):
        form.trigger = trigger
    if request.method == "POST" and len(formset.forms) != len(rows):
        messages.error(request, "The triggers changed while you were rating: check and save again")
        return redirect("regional:assessment_ratings", pk)
    if formset.is_valid():
        _save_ratings(assessment, formset, rows)
        messages.success(request, "The ratings were saved.")
        return redirect(assessment)
    return render(
        request,
        "regional/risk/ratings.html",
        {"assessment": assessment, "council": assessment.council, "formset": formset},
    )


@transaction.atomic
def _save_ratings(assessment, formset, rows):
    for form, (trigger, existing) in zip(formset.forms, rows, strict=True):
        rating, evidence = form.cleaned_data.get("rating"), form.cleaned_data.get("evidence", "")
        if not rating:
            if existing:
                existing.delete()
            continue
        if existing and (existing.rating, existing.evidence) == (rating, evidence):
            continue
        TriggerRating.objects.update_or_create(
            assessment=assessment,
            trigger=trigger,
            defaults={"rating": rating, "evidence": evidence},
        )


def assessment_concern(request, pk):
    assessment = editable_assessment(request, pk)
    if refused := _refuse_if_final(request, assessment):
        return refused
    latest = latest_assessment_of(assessment.council, request.user)
    citation = CqcCitation.objects.filter(assessment=assessment).first()
    form = ConcernForm(request.POST or None, instance=assessment, latest=latest, citation=citation)
    if form.is_valid():
        save_concern(form=form, latest=latest, by=request.user)
        messages.success(request, "The overall level of concern was saved.")
        return redirect(assessment)
    return _form_page(
        request,
        "concern.html",
        form=form,
        assessment=assessment,
        council=assessment.council,
        latest=latest,
        citation=citation,
    )


def assessment_discussion(request, pk):
    assessment = editable_assessment(request, pk)
    if refused := _refuse_if_final(request, assessment):
        return refused
    form = DiscussionForm(request.POST or None, instance=assessment)
    if form.is_valid():
        form.instance.status = RiskAssessment.Status.DISCUSSED
        form.save()
        messages.success(request, "The discussion with the council was recorded.")
        return redirect(assessment)
    return _form_page(
        request, "discussion.html", form=form, assessment=assessment, council=assessment.council
    )


@require_POST
def finalise_assessment(request, pk):
    assessment = editable_assessment(request, pk)
    if refused := _refuse_if_final(request, assessment):
        return refused
    missing = []
    if not assessment.discussed_on:
        missing.append(
            "Record the discussion with the council before finalising: the MoU asks for the "
            "concerns to be discussed with the council before a final view is taken"
        )
    if not assessment.overall_concern or not assessment.reasons:
        missing.append("Set the overall level of concern and its reasons before finalising")
    if missing:
        for message in missing:
            messages.error(request, message)
        return redirect(assessment)
    assessment.status = RiskAssessment.Status.FINAL
    assessment.finalised_by = request.user
    assessment.finalised_at = timezone.now()
    assessment.save()
    messages.success(request, "The assessment is final. Choose the support to offer.")
    return redirect(assessment)


def add_comment(request, pk):
    assessment = visible_or_404(
        RiskAssessment.objects.select_related("council"), request.user, pk=pk
    )
    require(
        commenters(request.user),
        assessment,
        "Only the council's editors and the regional lead discuss this.",
    )
    form = CommentForm(request.POST or None)
    if form.is_valid():
        form.instance.assessment = assessment
        form.instance.author = request.user
        form.save()
        messages.success(request, "Your comment was added.")
        return redirect(assessment)
    return _form_page(
        request, "comment.html", form=form, assessment=assessment, council=assessment.council
    )


# Support offered after the assessment


def new_offer(request, pk):
    assessment = editable_assessment(request, pk)
    council = assessment.council
    form = OfferForm(
        request.POST or None,
        region=council.region,
        council=council,
        initial={"offered_on": timezone.localdate()},
    )
    if form.is_valid():
        form.instance.council = council
        form.instance.assessment = assessment
        offer = form.save()
        messages.success(request, f"{offer.support_type.name} was offered to {council.name}.")
        return redirect(assessment)
    return _form_page(request, "offer_new.html", form=form, assessment=assessment, council=council)


def offer(request, pk):
    item = visible_or_404(
        SupportOffer.objects.select_related("council", "assessment", "support_type", "provider"),
        request.user,
        pk=pk,
    )
    can_edit = SupportOffer.objects.editable_by(request.user).filter(pk=pk).exists()
    if request.method == "POST":
        require(
            SupportOffer.objects.editable_by(request.user),
            item,
            "Only the region's lead updates the support.",
        )
    form = OfferStatusForm(request.POST or None, instance=item) if can_edit else None
    if form is not None and form.is_valid():
        form.save()
        messages.success(request, "The support was updated.")
        if item.assessment:
            return redirect(item.assessment)
        return redirect("regional:council_risk", item.council.slug)
    context = {"offer": item, "council": item.council, "form": form}
    return render(request, "regional/risk/offer.html", context)


def council_risk(request, slug):
    council = visible_or_404(Council.objects.select_related("region"), request.user, slug=slug)
    concern = Q(ratings__rating=Rating.SOME_CONCERN)
    significant = Q(ratings__rating=Rating.SIGNIFICANT_CONCERN)
    assessments = (
        RiskAssessment.objects.visible_to(request.user)
        .filter(council=council)
        .annotate(
            some=Count("ratings", filter=concern, distinct=True),
            significant=Count("ratings", filter=significant, distinct=True),
        )
        .prefetch_related(
            Prefetch("offers", SupportOffer.objects.select_related("support_type", "provider"))
        )
        .order_by("-year")
    )
    context = {
        "council": council,
        "assessments": assessments,
        "can_start": council.region.is_led_by(request.user),
        "this_year": timezone.localdate().year,
    }
    return render(request, "regional/risk/council.html", context)
