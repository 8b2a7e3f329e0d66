"""The second step: save a preview in one transaction (``apply_import``)."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from improvement_plans.imports.compare import (
    Comparer,
    known_narratives,
    match_milestones,
    measure_fields,
)
from improvement_plans.imports.preview import ImportRefused, ImportResult
from improvement_plans.imports.rows.row import importable
from improvement_plans.imports.state import PlanState
from improvement_plans.imports.text import same_text
from improvement_plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    ImprovementArea,
    Milestone,
    ProgressUpdate,
)

IMPORT_REASON = "Changed by spreadsheet import"
UPDATE_NARRATIVE = "Status, RAG or percent complete changed by spreadsheet import."


def apply_import(preview, *, plan, by, today=None, valid_rows_only=False):
    """Save a preview in one transaction: new areas and actions, changed fields of existing
    ones (matched by number), a re-baselining for each moved due date, and a new progress
    update (by ``by``, dated as the sheet dates it or today) where status, RAG, % complete or
    the update text changed. Progress updates already there are never edited.

    A preview with problems is refused whole, unless ``valid_rows_only``: then the rows
    without problems are saved and the others counted as rejected (``rejected_rows_workbook``
    gives them back). Problems with the file or a sheet as a whole refuse it either way."""
    if preview.plan_id != plan.pk:
        raise ImportRefused("This file was checked against another plan: upload it again")
    if preview.problems and not valid_rows_only:
        raise ImportRefused(
            "The file has problems, so nothing was saved. Correct them and upload it again"
        )
    if preview.file_problems:
        raise ImportRefused(
            "The file has problems that are not in one row, so nothing was saved. Correct them "
            "and upload it again"
        )
    planned_rows = importable(preview.planned)
    if not planned_rows:
        raise ImportRefused(
            "No row can be imported, so nothing was saved. Correct the rows and upload the "
            "file again"
        )
    today = today or timezone.localdate()
    result = ImportResult(rejected=len(preview.planned) - len(planned_rows))
    try:
        with transaction.atomic():
            list(Action.objects.select_for_update().filter(plan=plan).values_list("pk"))
            state = PlanState(plan)
            comparer = Comparer(plan, state, known_narratives(state, planned_rows), planned_rows)
            areas = _save_areas(planned_rows, preview.area_titles, plan, state, by, result)
            new_actions = []
            for planned in planned_rows:
                action = state.actions.get(planned.number)
                values, _ = comparer.resolve(planned, action)
                if action is None:
                    new_actions.append((_new_action(plan, planned, values, areas), values))
                else:
                    _change_action(action, comparer, values, areas, by, today, result)
            _create_actions(new_actions, by, today, result)
    except IntegrityError as error:
        raise ImportRefused(
            "The plan changed while the file was being imported, so nothing was saved. "
            "Upload the file again"
        ) from error
    return result


def _save_areas(planned_rows, area_titles, plan, state, by, result):
    """The areas the rows put actions in: new ones created, titles changed as the sheet
    gives them."""
    areas = dict(state.areas)
    needed = {planned.values.get("area") for planned in planned_rows} - {None}
    for number in sorted(needed):
        given = area_titles.get(number)
        title = given[0] if given else f"Improvement area {number}"
        area = areas.get(number)
        if area is None:
            area = ImprovementArea(plan=plan, number=number, title=title)
            area._history_user = by
            area.save()
            areas[number] = area
            result.areas_created += 1
            # A new area answers the recommendations its actions address.
            recommendation_ids = set()
            for planned in planned_rows:
                if planned.values.get("area") == number:
                    for pks in planned.values.get("recommendations", []):
                        recommendation_ids.add(pks[0])
            area.recommendations.set(recommendation_ids)
        elif given and not same_text(area.title, title):
            area.title = title
            area._history_user = by
            area.save(update_fields=["title"])
            result.areas_renamed += 1
    return areas


def _area_for(values, areas):
    number = values.get("area")
    return areas.get(number) if number is not None else None


def _new_action(plan, planned, values, areas):
    measure = measure_fields(values.get("measure", ""))
    return Action(
        plan=plan,
        number=planned.number,
        area=_area_for(values, areas),
        title=values.get("title") or values.get("new_title") or f"Action {planned.number}",
        how=values.get("how", ""),
        expected_evidence=values.get("expected_evidence", ""),
        owner_name=values.get("owner_name", ""),
        start_date=values["start_date"],
        due_date=values["due_date"],
        original_due_date=values.get("original_due_date") or values["due_date"],
        status=values.get("status", ActionStatus.NOT_STARTED),
        rag=values.get("rag", ""),
        percent_complete=values.get("percent_complete", 0),
        **measure,
    )


def _create_actions(new_actions, by, today, result):
    """The new actions, their recommendations, milestones and first progress updates in a
    few bulk inserts, history included: saved one by one, 1,000 actions took over 3 s."""
    if not new_actions:
        return
    created = bulk_create_with_history(
        [action for action, _ in new_actions], Action, batch_size=500, default_user=by
    )
    links, milestones, updates = [], [], []
    for action, (_, values) in zip(created, new_actions, strict=True):
        links += [
            Action.recommendations.through(action_id=action.pk, recommendation_id=pk)
            for pk in values.get("recommendations", [])
        ]
        milestones += [
            Milestone(action=action, text=text, due_date=due, done_on=done)
            for text, due, done in values.get("milestones", [])
        ]
        narrative = values.get("latest_update", "")
        if narrative or action.status != ActionStatus.NOT_STARTED or action.percent_complete:
            updates.append(
                ProgressUpdate(
                    action=action,
                    author=by,
                    date=_update_date(values, today),
                    status=action.status,
                    rag=action.rag,
                    percent_complete=action.percent_complete,
                    narrative=narrative or UPDATE_NARRATIVE,
                )
            )
    Action.recommendations.through.objects.bulk_create(links, batch_size=1000)
    bulk_create_with_history(milestones, Milestone, batch_size=1000, default_user=by)
    ProgressUpdate.objects.bulk_create(updates, batch_size=1000)
    result.created += len(created)
    result.milestones_added += len(milestones)
    result.updates_added += len(updates)


def _update_date(values, today):
    """The sheet's date of the update ("Date of update", "Last updated"), today if it gives
    none, or one still to come."""
    given = values.get("latest_update_date")
    return given if given and given <= today else today


def _save_milestone(milestone, by):
    milestone._history_user = by
    milestone.save()


def _change_action(action, comparer, values, areas, by, today, result):
    changes = {change.field: change for change in comparer.changes(action, values)}
    if not changes:
        result.unchanged += 1
        return
    for key in ("title", "how", "expected_evidence", "owner_name", "start_date"):
        if key in changes:
            setattr(action, key, values[key])
    if "area" in changes:
        action.area = _area_for(values, areas)
    if "measure" in changes:
        for key, value in measure_fields(values["measure"]).items():
            setattr(action, key, value)
    if "due_date" in changes:
        DueDateChange.objects.create(
            action=action,
            previous_due_date=action.due_date,
            new_due_date=values["due_date"],
            reason=IMPORT_REASON,
            changed_by=by,
        )
        action.due_date = values["due_date"]
        result.due_dates_moved += 1
    progress = {"status", "rag", "percent_complete", "latest_update"} & changes.keys()
    for key in ("status", "rag", "percent_complete"):
        if key in changes:
            setattr(action, key, values[key])
    if "status" in changes and action.status != ActionStatus.COMPLETED:
        action.verified_at = action.verified_by = None
    action.version = F("version") + 1
    action._history_user = by
    action.save()
    if "recommendations" in changes:
        action.recommendations.set(values["recommendations"])
    if "milestones" in changes:
        _change_milestones(action, values["milestones"], by, result)
    if progress:
        narrative = values["latest_update"] if "latest_update" in changes else ""
        ProgressUpdate.objects.create(
            action=action,
            author=by,
            date=_update_date(values, today),
            status=action.status,
            rag=action.rag,
            percent_complete=action.percent_complete,
            narrative=narrative or UPDATE_NARRATIVE,
        )
        result.updates_added += 1
    result.changed += 1


def _change_milestones(action, wanted, by, result):
    pairs, added, removed = match_milestones(action.milestones.all(), wanted)
    for milestone, (text, due, done) in pairs:
        if same_text(milestone.text, text):
            text = milestone.text
        if (milestone.text, milestone.due_date, milestone.done_on) != (text, due, done):
            milestone.text, milestone.due_date, milestone.done_on = text, due, done
            _save_milestone(milestone, by)
            result.milestones_changed += 1
    for text, due, done in added:
        _save_milestone(Milestone(action=action, text=text, due_date=due, done_on=done), by)
        result.milestones_added += 1
    for milestone in removed:
        milestone._history_user = by
        milestone.delete()
        result.milestones_removed += 1
