from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import Truncator

from improvement_plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    Evidence,
    ImprovementArea,
)
from recommendations.models import Recommendation
from sli.lib.change_stamp import changes_of
from sli.lib.concurrency import save_if_current


def _councils_of_recommendations(recommendations):
    return set(
        Recommendation.objects.filter(pk__in=[r.pk for r in recommendations]).values_list(
            "review__host_council_id", flat=True
        )
    )


def start_areas(*, plan):
    """One improvement area per accepted recommendation of the plan's reviews that has none
    yet, numbered and titled as the recommendation (as Sefton's plan does). Returns how many
    were added."""
    # (An area may answer no recommendation: leave its NULL out, or NOT IN matches nothing.)
    answered = ImprovementArea.objects.filter(plan=plan, recommendations__isnull=False).values(
        "recommendations"
    )
    recommendations = (
        Recommendation.objects.filter(review__in=plan.reviews.all(), parent=None)
        .filter(
            response__in=[Recommendation.Response.ACCEPTED, Recommendation.Response.PARTLY_ACCEPTED]
        )
        .exclude(pk__in=answered)
        .order_by("review__visit_start", "number")
    )
    with transaction.atomic():
        last = ImprovementArea.objects.filter(plan=plan).aggregate(last=Max("number"))["last"]
        added = 0
        for number, recommendation in enumerate(recommendations, start=(last or 0) + 1):
            area = ImprovementArea.objects.create(
                plan=plan, number=number, title=recommendation.text
            )
            area.recommendations.add(recommendation)
            added += 1
    return added


def link_recommendation(*, recommendation, action, by):
    """Link a recommendation to an action of its council's plan that already addresses it,
    instead of new work: the plan then answers the recommendation's source too, so the
    recommendation counts as covered. Recorded in both histories."""
    if action.plan.council_id != recommendation.review.host_council_id:
        raise ValidationError("Choose an action of the council's own plan")
    with transaction.atomic():
        if action.recommendations.filter(pk=recommendation.pk).exists():
            return False
        action.recommendations.add(recommendation)
        action.plan.reviews.add(recommendation.review)
        recommendation._history_user = by
        recommendation._change_reason = (
            f"Linked to Action {action.number}, which already addresses it"
        )
        recommendation.save(update_fields=["updated_at"])
        action._history_user = by
        # The history keeps at most 100 characters of a reason (a review's title can be long).
        action._change_reason = Truncator(
            f"Recommendation {recommendation.label} linked, already addressed here: "
            f"“{recommendation.review}”"
        ).chars(100)
        # A form of the action opened before this would otherwise drop the link on saving.
        action.version = F("version") + 1
        action.save(update_fields=["updated_at", "version"])
    action.refresh_from_db(fields=["version"])
    return True


def save_action(*, form, by):
    """Save an action from its form, unless someone saved it since the form was opened
    (EditConflict). A moved due date keeps the one first agreed and records who moved it,
    when and why."""

    def save():
        action = form.save(commit=False)
        action.plan = form.plan
        if action.pk:
            stored_due_date = Action.objects.values_list("due_date", flat=True).get(pk=action.pk)
            if stored_due_date != action.due_date:
                DueDateChange.objects.create(
                    action=action,
                    previous_due_date=stored_due_date,
                    new_due_date=action.due_date,
                    reason=form.cleaned_data["due_date_reason"].strip(),
                    changed_by=by,
                )
        # None when no framework offers any statement (the form then asks nothing).
        statements = form.cleaned_data.get("quality_statements")
        is_new = action.pk is None
        if not is_new and statements is not None:
            # Set before saving, so that the one history record of this edit holds them.
            action.skip_history_when_saving = True
            action.quality_statements.set(statements)
            del action.skip_history_when_saving
        action._history_user = by
        action.save()
        action.recommendations.set(form.cleaned_data["recommendation_numbers"])
        if is_new and statements:
            # Its statements are a change recorded after its creation (if it has any).
            action.quality_statements.set(statements)
        return action

    # Only the pages of the councils concerned, before and after the edit, are made afresh.
    councils = form.plan.council_ids_concerned() | _councils_of_recommendations(
        form.cleaned_data["recommendation_numbers"]
    )
    if form.instance.pk:  # its plan and recommendations as stored, before this edit
        councils |= form.instance.council_ids_concerned()
    with changes_of(*councils):
        action = save_if_current(form, save)
    action.refresh_from_db()
    return action


def record_update(*, action, form, by):
    """Add a progress update (updates are never edited), carry its status, RAG and percent
    to the action, tick the milestones reached and keep the evidence."""
    with changes_of(*action.council_ids_concerned()), transaction.atomic():
        update = form.save(commit=False)
        update.action, update.author, update.date = action, by, timezone.localdate()
        update.save()
        milestones = form.cleaned_data.get("milestones_done") or []
        for milestone in milestones:
            milestone.done_on = update.date
            milestone._history_user = by
            milestone.save(update_fields=["done_on"])
        data = form.cleaned_data
        if data.get("evidence_file") or data.get("evidence_link"):
            Evidence.objects.create(
                update=update,
                file=data.get("evidence_file") or "",
                link=data.get("evidence_link") or "",
                description=data["evidence_description"].strip(),
            )
        action.status, action.rag = update.status, update.rag
        action.percent_complete = update.percent_complete
        if update.status != ActionStatus.COMPLETED:
            action.verified_at = action.verified_by = None
        action.version = F("version") + 1
        action._history_user = by
        action.save()
    action.refresh_from_db(fields=["version"])
    return update


def verify_completion(*, action, by):
    if action.status != ActionStatus.COMPLETED:
        raise ValidationError("Only a completed action can be verified")
    action.verified_at, action.verified_by = timezone.now(), by
    action._history_user = by
    with changes_of(*action.council_ids_concerned()):
        action.save(update_fields=["verified_at", "verified_by", "updated_at"])
