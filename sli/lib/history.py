"""Turns django-simple-history records into the "History" shown on object pages."""

from dataclasses import dataclass, field
from itertools import groupby

from django.utils.text import capfirst
from simple_history.utils import get_m2m_reverse_field_name

KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"id", "created_at", "updated_at", "version", "order"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: object
    who: str
    kind: str
    subject: str
    reason: str = ""
    changes: list = field(default_factory=list)


def _display(model_field, value):
    if value in (None, ""):
        return "(blank)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        return "another item"
    if hasattr(value, "strftime"):
        return value.strftime("%-d %B %Y")
    return str(value)


def _changes(new, old, hidden):
    changes = []
    for model_field in new.instance_type._meta.concrete_fields:
        name = model_field.attname
        if model_field.name in HIDDEN_FIELDS or model_field.name in hidden:
            continue
        before, after = getattr(old, name, None), getattr(new, name, None)
        if before != after:
            changes.append(
                Change(
                    field=capfirst(str(model_field.verbose_name)),
                    old=_display(model_field, before),
                    new=_display(model_field, after),
                )
            )
    # Many-to-many fields recorded with the model (``HistoricalRecords(m2m_fields=…)``): each
    # record holds the whole set as it was.
    for model_field in getattr(new, "_history_m2m_fields", ()):
        if model_field.name in hidden:
            continue
        before, after = _m2m_names(old, model_field), _m2m_names(new, model_field)
        if before != after:
            changes.append(
                Change(
                    field=capfirst(str(model_field.verbose_name)),
                    old="; ".join(before) or "(blank)",
                    new="; ".join(after) or "(blank)",
                )
            )
    return changes


def _m2m_names(record, model_field):
    target = get_m2m_reverse_field_name(model_field)
    rows = getattr(record, model_field.name).select_related(target)
    return sorted(str(getattr(row, target)) for row in rows)


def history_entries(*sources, limit=100, hidden=()):
    """Newest first: ``sources`` are (historical queryset, subject) pairs, where subject is a
    string or a function of a historical record. Changes to ``hidden`` fields are left out
    (the reader may not see them)."""
    entries = []
    for records, subject in sources:
        records = records.select_related("history_user").order_by("id", "history_date")
        for _, versions in groupby(records, key=lambda record: record.id):
            previous = None
            for record in versions:
                entries.append(
                    Entry(
                        when=record.history_date,
                        who=_who(record.history_user),
                        kind=KINDS[record.history_type],
                        subject=subject(record) if callable(subject) else subject,
                        reason=record.history_change_reason or "",
                        changes=(
                            _changes(record, previous, hidden)
                            if previous is not None and record.history_type == "~"
                            else []
                        ),
                    )
                )
                previous = record
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


def _who(user):
    if user is None:
        return "the system"
    return user.get_full_name() or user.get_username()
