"""Comparing what the rows ask for with what the plan has: each row's values made concrete
against its action (``Comparer.resolve``) and what would change (``Comparer.changes``)."""

import re
from dataclasses import dataclass
from datetime import date

from improvement_plans.exports import format_day, format_when
from improvement_plans.imports.cells import financial_year_end, timescale_word
from improvement_plans.imports.headings import FIELD_NAMES
from improvement_plans.imports.rows.milestones import WITH_ACTION
from improvement_plans.imports.text import clean_text, normalise, same_text, short, words_of
from improvement_plans.models import ActionStatus, ProgressUpdate, Rag


@dataclass
class Change:
    field: str
    description: str


def fmt_date(day):
    return f"{day:%d/%m/%Y}" if day else "none"


def quote(text):
    return f"“{short(text)}”" if text else "empty"


def _settle_recommendations(candidates, current):
    """Pick, for each reference, the recommendation the action already has when a number is in
    more than one of the plan's reviews."""
    chosen = set()
    for pks in candidates:
        held = [pk for pk in pks if pk in current]
        chosen.add(held[0] if held else pks[0])
    return chosen


def measure_fields(text):
    """The measure cell back into target, unit and description: "70% Reviews within 28 days"
    → 70, %, "Reviews within 28 days"."""
    text = " ".join(text.split())
    match = re.fullmatch(r"(£)?(\d[\d,]*(?:\.\d+)?)\s*(%)?\s+(.+)", text)
    if match and (match.group(1) or match.group(3)):
        unit = "£" if match.group(1) else "%"
        return {
            "measure_target": match.group(2),
            "measure_unit": unit,
            "measure_description": match.group(4),
        }
    return {"measure_target": "", "measure_unit": "", "measure_description": text}


def _milestone_key(text, due, done):
    return (normalise(text), due, done)


def match_milestones(existing, wanted):
    """Pair the sheet's milestones with the action's: same words and dates first, then same
    words, then same due date. Returns (pairs, to add, to remove)."""
    left = list(existing)
    pairs, unmatched = [], []
    for rule in (
        lambda m, w: _milestone_key(m.text, m.due_date, m.done_on) == _milestone_key(*w),
        lambda m, w: normalise(m.text) == normalise(w[0]),
        lambda m, w: m.due_date == w[1],
    ):
        unmatched = []
        for item in wanted:
            partner = next((m for m in left if rule(m, item)), None)
            if partner is None:
                unmatched.append(item)
            else:
                left.remove(partner)
                pairs.append((partner, item))
        wanted = unmatched
    return pairs, unmatched, left


def _milestone_changes(action, wanted):
    pairs, added, removed = match_milestones(action.milestones.all(), wanted)
    descriptions = []
    for milestone, (text, due, done) in pairs:
        parts = []
        if not same_text(milestone.text, text):
            parts.append(f"text {quote(milestone.text)} → {quote(text)}")
        if milestone.due_date != due:
            parts.append(f"due {format_when(milestone.due_date)} → {format_when(due)}")
        if milestone.done_on != done:
            parts.append(f"done {format_day(done)}" if done else "not done")
        if parts:
            descriptions.append(f"milestone {quote(milestone.text)}: " + ", ".join(parts))
    for text, due, _ in added:
        descriptions.append(f"add milestone {quote(text)} ({format_when(due)})")
    for milestone in removed:
        descriptions.append(f"remove milestone {quote(milestone.text)}")
    return descriptions


def _answering_areas(state, planned_rows):
    """Recommendation id → the number of the area answering it: the plan's areas, then the
    areas the sheet creates, which answer the recommendations of their rows."""
    answering = dict(state.area_answering)
    for planned in planned_rows:
        area = planned.values.get("area")
        if area is None or area in state.areas:
            continue
        for pks in planned.values.get("recommendations", []):
            answering.setdefault(pks[0], area)
    return answering


class Comparer:
    def __init__(self, plan, state, known_narratives, planned_rows=()):
        self.plan = plan
        self.state = state
        self.known_narratives = known_narratives
        self.answering = _answering_areas(state, planned_rows)

    def resolve(self, planned, action):
        """The row's wanted values made concrete against the action (None for a new one):
        recommendations settled, "Ongoing" due dates and milestone dates filled in, a new
        action without an area put in the area answering its recommendation, a completed
        action 100% complete."""
        values = dict(planned.values)
        notes = []
        if action is None and values.get("area") is None:
            self._place_in_area(values, notes)
        if "recommendations" in values:
            current = {r.pk for r in action.recommendations.all()} if action else set()
            values["recommendations"] = _settle_recommendations(values["recommendations"], current)
        if "timescale_word" in values:
            self._read_timescale(values, action, notes)
        dated = values.get("latest_update_date")
        if dated and action is not None and action.latest_update_date:
            if dated <= action.latest_update_date:
                # The date of the update already there, as the export writes it: a new
                # update made from this row is dated the day it is imported.
                del values["latest_update_date"]
        if values.get("status") == ActionStatus.COMPLETED:
            given = values.get("percent_complete", 100)
            if given != 100:
                notes.append(f"completed, so 100% complete (the sheet says {given}%)")
            values["percent_complete"] = 100
        self._fill_in_dates(values, action, notes)
        return values, notes

    def _place_in_area(self, values, notes):
        """A new action without an area goes in the area answering its recommendation."""
        for pks in values.get("recommendations", []):
            area = self.state.area_for(pks[0], self.answering)
            if area is not None:
                values["area"] = area
                notes.append(
                    f"put in improvement area {area}, which answers recommendation "
                    f"{self.state.labels[pks[0]]}"
                )
                break

    def _read_timescale(self, values, action, notes):
        """ "Ongoing" and the like for a due date: kept in the how-text, the due date kept or,
        for a new action, made up."""
        text, header = values.pop("timescale_word")
        word = timescale_word(text)
        note_line = f"Timescale: {text}"
        how = values.get("how", action.how if action else "")
        if note_line.lower() not in (how or "").lower():
            values["how"] = f"{how}\n\n{note_line}".strip()
        if word == "Completed" and "status" not in values:
            values["status"] = ActionStatus.COMPLETED
        if action is None:
            due = self._fallback_due(values)
            values["due_date"] = due
            notes.append(
                f"“{text}” under “{header}” is not a date: the due date is set to "
                f"{format_day(due)} and “{note_line}” is added to the how-text. Change "
                "the due date if that is wrong"
            )
        else:
            notes.append(
                f"“{text}” under “{header}” is not a date: the due date stays "
                f"{format_day(action.due_date)} and “{note_line}” is kept in the how-text"
            )

    def _fill_in_dates(self, values, action, notes):
        """A due date for every action, milestones without one due with it, and a start date
        for a new action."""
        due = values.get("due_date", action.due_date if action else None)
        if due is None:
            due = self._fallback_due(values)
            values["due_date"] = due
            notes.append(
                f"no due date is given: it is set to {format_day(due)}. Change it if that is wrong"
            )
        if "milestones" in values:
            milestones = []
            for text, when, done in values["milestones"]:
                if when == WITH_ACTION:
                    when = due
                    notes.append(
                        f"milestone “{short(text)}” has no date: it is due with the action, "
                        f"{format_day(due)}"
                    )
                milestones.append((text, when, done))
            values["milestones"] = milestones
        if action is None and "start_date" not in values:
            values["start_date"] = min(self.plan.version_date, values["due_date"])

    def _fallback_due(self, values):
        dated = [when for _, when, _ in values.get("milestones", []) if isinstance(when, date)]
        if dated:
            return max(dated)
        return financial_year_end(self.plan.version_date)

    def changes(self, action, values):
        """What would change on an existing action: [(field, description)]."""
        changes = []

        def changed(key, old, new):
            changes.append(Change(key, f"{FIELD_NAMES[key]} {old} → {new}"))

        if "area" in values:
            old = action.area.number if action.area else None
            if old != values["area"]:
                changed("area", old or "none", values["area"] or "none")
        for key in ("title", "how", "expected_evidence", "owner_name"):
            if key in values and not same_text(getattr(action, key), values[key]):
                changed(key, quote(getattr(action, key)), quote(values[key]))
        if "measure" in values and words_of(action.measure) != words_of(values["measure"]):
            changed("measure", quote(action.measure), quote(values["measure"]))
        for key in ("start_date", "due_date"):
            if key in values and getattr(action, key) != values[key]:
                changed(key, fmt_date(getattr(action, key)), fmt_date(values[key]))
        if "recommendations" in values:
            current = {r.pk for r in action.recommendations.all()}
            if current != values["recommendations"]:
                changed(
                    "recommendations",
                    self._labels(current),
                    self._labels(values["recommendations"]),
                )
        if "milestones" in values:
            described = _milestone_changes(action, values["milestones"])
            if described:
                changes.append(Change("milestones", "; ".join(described)))
        if "status" in values and action.status != values["status"]:
            old, new = ActionStatus(action.status).label, ActionStatus(values["status"]).label
            changed("status", old, new)
        if "rag" in values and action.rag != values["rag"]:
            old = Rag(action.rag).label if action.rag else "none"
            changed("rag", old, Rag(values["rag"]).label if values["rag"] else "none")
        if "percent_complete" in values and action.percent_complete != values["percent_complete"]:
            changed("percent_complete", action.percent_complete, values["percent_complete"])
        narrative = values.get("latest_update")
        if narrative and not self._is_known(action, narrative):
            changes.append(Change("latest_update", f"new progress update {quote(narrative)}"))
        return changes

    def _is_known(self, action, narrative):
        if same_text(action.latest_narrative, narrative):
            return True
        return (action.pk, clean_text(narrative)) in self.known_narratives

    def _labels(self, pks):
        labels = sorted((self.state.labels.get(pk, "?") for pk in pks), key=label_order)
        return ", ".join(labels) or "none"


def known_narratives(state, planned_rows):
    """(action id, narrative) of earlier updates the sheet repeats, so that importing an old
    file again does not add its updates a second time. One query."""
    wanted = {}
    for planned in planned_rows:
        narrative = planned.values.get("latest_update")
        action = state.actions.get(planned.number)
        if narrative and action and not same_text(action.latest_narrative, narrative):
            wanted.setdefault(action.pk, set()).add(clean_text(narrative))
    if not wanted:
        return set()
    texts = {text for texts in wanted.values() for text in texts}
    found = ProgressUpdate.objects.filter(action_id__in=wanted, narrative__in=texts).values_list(
        "action_id", "narrative"
    )
    return {(action_id, clean_text(text)) for action_id, text in found}


def label_order(label):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", label)]
