from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from councils.access import can_edit, require_editable, visible_or_404
from improvement_plans.models import (
    Action,
    Evidence,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
)
from recommendations.models import Recommendation
from sli.history import history_entries


def recommendation_labels(recommendations):
    return Prefetch("recommendations", queryset=recommendations.select_related("parent", "review"))


def plan_detail(request, pk):
    user = request.user
    plan = visible_or_404(
        ImprovementPlan.objects.select_related("council__region").prefetch_related("reviews"),
        user,
        pk=pk,
    )
    visible_recommendations = Recommendation.objects.visible_to(user)
    actions = (
        Action.objects.visible_to(user)
        .filter(plan=plan)
        .with_flags()
        .prefetch_related(recommendation_labels(visible_recommendations))
    )
    areas = ImprovementArea.objects.filter(plan=plan).prefetch_related(
        recommendation_labels(visible_recommendations), Prefetch("actions", queryset=actions)
    )
    context = {
        "plan": plan,
        "areas": areas,
        "unassigned_actions": actions.filter(area__isnull=True),
        "gaps": visible_recommendations.filter(review__in=plan.reviews.all())
        .gaps()
        .select_related("parent", "review"),
        "can_edit": can_edit(ImprovementPlan.objects, user, plan),
        "history": history_entries(
            (ImprovementPlan.history.filter(id=plan.pk), "the plan"),
            (
                ImprovementArea.history.filter(plan_id=plan.pk),
                lambda record: f"Improvement Area {record.number}",
            ),
        ),
    }
    return render(request, "improvement_plans/plan_detail.html", context)


def action_detail(request, pk):
    user = request.user
    action = visible_or_404(
        Action.objects.select_related("plan__council__region", "area", "owner_user")
        .with_flags()
        .prefetch_related(
            recommendation_labels(Recommendation.objects.visible_to(user)),
            Prefetch("milestones", queryset=Milestone.objects.with_missed_flag()),
        ),
        user,
        pk=pk,
    )
    updates = (
        ProgressUpdate.objects.filter(action=action)
        .select_related("author")
        .prefetch_related("evidence")
    )
    context = {
        "action": action,
        "updates": updates,
        "history": history_entries(
            (Action.history.filter(id=action.pk), f"action {action.number}"),
            (
                Milestone.history.filter(action_id=action.pk),
                lambda record: f"the milestone “{record.text}”",
            ),
        ),
    }
    return render(request, "improvement_plans/action_detail.html", context)


@require_POST
def publish_plan(request, pk):
    plan = visible_or_404(ImprovementPlan.objects, request.user, pk=pk)
    require_editable(ImprovementPlan.objects, request.user, plan)
    publish = request.POST.get("publish") == "yes"
    plan.published_at = timezone.now() if publish else None
    plan.save(update_fields=["published_at", "updated_at"])
    if publish:
        messages.success(request, "The plan is published: anyone can read it now.")
    else:
        messages.success(request, "The plan is no longer published.")
    return redirect(plan)


def download_evidence(request, pk):
    evidence = visible_or_404(Evidence.objects, request.user, pk=pk)
    if not evidence.file:
        raise Http404("This evidence is a link, not a file.")
    return FileResponse(evidence.file.open("rb"), as_attachment=True)


@login_not_required
def public_plan(request, pk):
    plan = get_object_or_404(ImprovementPlan.objects.published().select_related("council"), pk=pk)
    public_recommendations = Recommendation.objects.public()
    actions = (
        Action.objects.public()
        .filter(plan=plan)
        .with_flags()
        .prefetch_related(recommendation_labels(public_recommendations))
    )
    areas = ImprovementArea.objects.filter(plan=plan).prefetch_related(
        recommendation_labels(public_recommendations), Prefetch("actions", queryset=actions)
    )
    return render(
        request,
        "public/plan.html",
        {"plan": plan, "areas": areas, "unassigned_actions": actions.filter(area__isnull=True)},
    )
