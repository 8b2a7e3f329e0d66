"""The first step: read a workbook against a plan into a preview of what each row would do."""

from improvement_plans.imports.compare import (
    Change,
    Comparer,
    fmt_date,
    known_narratives,
    label_order,
    quote,
)
from improvement_plans.imports.preview import ImportPreview, Problem, RepeatedNote, group_by
from improvement_plans.imports.rows.reader import RowReader, number_unnumbered
from improvement_plans.imports.rows.row import importable
from improvement_plans.imports.state import PlanState
from improvement_plans.imports.text import same_text, short
from improvement_plans.imports.upload import Refusal, check_archive, open_workbook, read_bytes
from improvement_plans.imports.workbook import read_sheets
from improvement_plans.models import ActionStatus, Rag


def read_plan_workbook(file, *, plan):
    """Read an .xlsx (an upload, a path or bytes) against ``plan``: what each row would do,
    and every problem. Never raises for a bad file: the refusal is a problem."""
    preview = ImportPreview(plan_id=plan.pk)
    try:
        sheets = _read_file(file, preview)
    except Refusal as refusal:
        preview.problems = [Problem(str(refusal))]
        preview.rows, preview.planned, preview.notes = [], [], []
        return preview

    state = PlanState(plan)
    reader = RowReader(state, preview)
    for sheet in sheets:
        preview.headers[sheet.title] = sheet.headers
        reader.read(sheet)
    number_unnumbered(reader, state)
    preview.area_titles = reader.area_titles
    _compare(preview, plan, state)
    _sort_out_notes(preview)
    return preview


def _read_file(file, preview):
    """The sheets of a sound workbook, or a refusal."""
    data = read_bytes(file)
    check_archive(data)
    workbook = open_workbook(data)
    try:
        return read_sheets(workbook, preview)
    except Refusal:
        raise
    except Exception:
        raise Refusal(
            "Part of the workbook could not be read: it may be damaged. Open it in Excel, "
            "save it as “Excel Workbook (.xlsx)” and upload it again"
        ) from None
    finally:
        workbook.close()


def _sort_out_notes(preview):
    """Each row's problems on the row; a note many rows share said once, with their rows."""
    by_row = group_by(preview.problems, lambda problem: (problem.sheet, problem.row))
    for outcome in preview.rows:
        outcome.problems = by_row.get((outcome.sheet, outcome.row), [])
    notes = [(note, outcome) for outcome in preview.rows for note in outcome.notes]
    shared = set()
    for (note, sheet), found in group_by(notes, lambda item: (item[0], item[1].sheet)).items():
        rows = sorted({outcome.row for _, outcome in found})
        if len(rows) > 1:
            preview.repeated_notes.append(RepeatedNote(note, sheet, rows))
            shared.add((note, sheet))
    for outcome in preview.rows:
        outcome.own_notes = [note for note in outcome.notes if (note, outcome.sheet) not in shared]


def _compare(preview, plan, state):
    """Each row against the plan: what it would create or change, or why it cannot."""
    for planned in preview.planned:
        planned.has_problems = planned.has_problems or planned.number is None
        planned.outcome.action_number = planned.number
    comparer = Comparer(
        plan, state, known_narratives(state, preview.planned), importable(preview.planned)
    )
    preview.new_areas = _new_areas(preview, state)
    announced = set()
    for planned in preview.planned:
        _compare_row(planned, comparer, state, preview, announced)


def _new_areas(preview, state):
    """Number → title (None if never titled) of the areas the rows would create."""
    new_areas = {}
    for number, (title, _, _) in preview.area_titles.items():
        if number not in state.areas:
            new_areas[number] = title
    for planned in preview.planned:
        number = planned.values.get("area")
        if number is not None and number not in state.areas and number not in new_areas:
            new_areas[number] = None  # numbered but never titled
    return new_areas


def _compare_row(planned, comparer, state, preview, announced):
    outcome = planned.outcome
    action = state.actions.get(planned.number)
    if planned.has_problems:
        outcome.kind = "not read"
        _describe(outcome, planned.values, action, state)
        return
    values, notes = comparer.resolve(planned, action)
    outcome.notes.extend(notes)
    _describe(outcome, values, action, state)
    area = values.get("area")
    area_change = None
    if area is not None and area not in announced:
        announced.add(area)
        area_change = _area_change(area, state, preview)
    if not _are_dates_in_order(planned, values, action, preview):
        outcome.kind = "not read"
        planned.has_problems = True
        return
    if action is None:
        outcome.kind = "create"
        if area_change:
            outcome.notes.append(area_change)
        return
    changes = comparer.changes(action, values)
    if area_change:
        changes.insert(0, Change("area_title", area_change))
    if changes:
        outcome.kind = "change"
        outcome.changes = [change.description for change in changes]


def _are_dates_in_order(planned, values, action, preview):
    """Whether the due date is on or after the start date; a problem if not."""
    start = values.get("start_date", action.start_date if action else None)
    due = values.get("due_date", action.due_date if action else None)
    if start and due and due < start:
        column = "due_date" if "due_date" in planned.values else "start_date"
        preview.problems.append(
            Problem(
                f"the due date {fmt_date(due)} is before the start date {fmt_date(start)} "
                "— enter a due date on or after the start date",
                planned.sheet,
                planned.row,
                planned.headers.get(column),
            )
        )
        return False
    return True


def _describe(outcome, values, action, state):
    """What the row reads as, for the preview: what the sheet says, else what the action
    has now. ``values`` are settled for a row to import, as read for one with problems."""

    def value(key, current=None):
        return values.get(key, getattr(action, current or key) if action else None)

    if "recommendations" in values:
        pks = [item if isinstance(item, int) else item[0] for item in values["recommendations"]]
    else:
        pks = [r.pk for r in action.recommendations.all()] if action else []
    outcome.recommendations = [
        (state.labels[pk], short(state.texts[pk], 60))
        for pk in sorted(pks, key=lambda pk: label_order(state.labels[pk]))
    ]
    outcome.start_date = value("start_date")
    outcome.due_date = value("due_date")
    created = action is None and not outcome.is_rejected
    status = value("status") or (ActionStatus.NOT_STARTED if created else "")
    outcome.status = ActionStatus(status).label if status else ""
    rag = value("rag")
    outcome.rag = Rag(rag).label if rag else ""
    outcome.percent_complete = value("percent_complete")
    if outcome.percent_complete is None and created:
        outcome.percent_complete = 0
    outcome.owner = value("owner_name") or ""
    outcome.update_date = values.get("latest_update_date")


def _area_change(number, state, preview):
    area = state.areas.get(number)
    given = preview.area_titles.get(number)
    if area is None:
        title = given[0] if given else None
        return f"create improvement area {number}" + (f" “{short(title)}”" if title else "")
    if given and not same_text(area.title, given[0]):
        return f"rename improvement area {number}: {quote(area.title)} → {quote(given[0])}"
    return None
