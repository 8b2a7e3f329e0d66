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
    # record holds the whole set as it was (read beforehand by ``_m2m_sets``).
    for name, label in getattr(new, "m2m_labels", {}).items():
        if name in hidden:
            continue
        before, after = old.m2m_sets[name], new.m2m_sets[name]
        if before != after:
            changes.append(
                Change(
                    field=label,
                    old="; ".join(before) or "(blank)",
                    new="; ".join(after) or "(blank)",
                )
            )
    return changes


def _read_m2m_sets(records):
    """Give each record ``m2m_sets`` (each recorded many-to-many field's names, sorted) and
    ``m2m_labels``, in one query a field whatever the number of records."""
    if len({record.id for record in records}) == len(records):
        return  # no record follows another of the same object: nothing to compare
    history_model = type(records[0])
    for model_field in getattr(history_model, "_history_m2m_fields", ()):
        target = get_m2m_reverse_field_name(model_field)
        rows = (
            getattr(history_model, model_field.name)
            .model.objects.filter(history__in=[record.pk for record in records])
            .select_related(target)
        )
        names = {}
        for row in rows:
            names.setdefault(row.history_id, []).append(str(getattr(row, target)))
        for record in records:
            record.m2m_labels = getattr(record, "m2m_labels", {})
            record.m2m_labels[model_field.name] = capfirst(str(model_field.verbose_name))
            record.m2m_sets = getattr(record, "m2m_sets", {})
            record.m2m_sets[model_field.name] = sorted(names.get(record.pk, []))


def history_entries(*sources, limit=100, hidden=()):
    """Newest first: ``sources`` are (historical queryset, subject) pairs, where subject is a
    string or a function of a historical record. Changes to ``hidden`` fields are left out
    (the reader may not see them)."""
    entries = []
    for records, subject in sources:
        records = list(records.select_related("history_user").order_by("id", "history_date"))
        _read_m2m_sets(records)
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
