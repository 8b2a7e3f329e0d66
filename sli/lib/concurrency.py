"""Two people editing the same thing at once.

Each edit form carries the version of the row it was opened at and the history record it was
opened from. Saving claims the next version in one conditional UPDATE, so of two saves made
from the same version exactly one succeeds, whatever the database. The other person is shown
what was saved meanwhile (from the history) beside what they typed, and the form again with
the saved values and their own changes laid over them, ready to send again.
"""

from dataclasses import dataclass

from django import forms
from django.db import models, transaction
from django.db.models import F


class EditConflict(Exception):
    """The row was saved by someone else since the form was opened."""


class VersionedFormMixin(forms.Form):
    """For ModelForms of models with a ``version`` field and django-simple-history."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    opened_record = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            latest = self.instance.history.order_by("-history_date", "-history_id").first()
            self.fields["opened_record"].initial = latest.history_id if latest else None
        else:
            del self.fields["version"], self.fields["opened_record"]


def save_if_current(form, save):
    """Run ``save()`` (which saves ``form.instance`` and what goes with it) only if nobody
    saved the row since the form was opened; raise EditConflict otherwise. Nothing is written
    when it is raised."""
    instance = form.instance
    with transaction.atomic():
        if instance.pk:
            # A post without a version (not sent by these forms) saves over what is there.
            opened = form.cleaned_data.get("version")
            row = type(instance)._base_manager.filter(pk=instance.pk)
            if opened is not None:
                row = row.filter(version=opened)
            if not row.update(version=F("version") + 1):
                raise EditConflict
            instance.version = row.model._base_manager.values_list("version", flat=True).get(
                pk=instance.pk
            )
        return save()


@dataclass
class ChangedField:
    label: str
    saved: str  # as saved now, by the other person
    yours: str  # what this person sent
    theirs_changed: bool  # the other person changed it since this person opened the form
    yours_changed: bool  # this person changed it


class Conflict:
    """What happened to a row while ``form`` (bound, valid, posted) was being filled in."""

    def __init__(self, form):
        self.form = form
        model = type(form.instance)
        self.saved = model._base_manager.get(pk=form.instance.pk)
        history = self.saved.history.all()
        self.opened = history.filter(history_id=form.cleaned_data.get("opened_record")).first()
        self.latest = history.order_by("-history_date", "-history_id").first()
        self.fields = self._changed_fields()

    @property
    def saved_by(self):
        user = self.latest.history_user if self.latest else None
        return (user.get_full_name() or user.get_username()) if user else "someone else"

    @property
    def saved_at(self):
        return self.latest.history_date if self.latest else None

    def _model_fields(self):
        names = {f.name for f in self.saved._meta.concrete_fields}
        names -= set(VersionedFormMixin.declared_fields)
        return [name for name in self.form.fields if name in names]

    def _changed_fields(self):
        rows = []
        for name in self._model_fields():
            field = self.saved._meta.get_field(name)
            saved = field.value_from_object(self.saved)
            yours = field.value_from_object(self.form.instance)  # the form's values applied
            opened = field.value_from_object(self.opened) if self.opened else saved
            theirs_changed = saved != opened
            yours_changed = yours != opened if self.opened else yours != saved
            if theirs_changed or (yours_changed and yours != saved):
                rows.append(
                    ChangedField(
                        label=str(self.form.fields[name].label or field.verbose_name),
                        saved=self._shown(field, saved),
                        yours=self._shown(field, yours),
                        theirs_changed=theirs_changed,
                        yours_changed=yours_changed,
                    )
                )
        return rows

    def _shown(self, field, value):
        if value in (None, ""):
            return "(blank)"
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.ForeignKey):
            return str(field.related_model._base_manager.filter(pk=value).first() or value)
        if isinstance(field, models.BooleanField):
            return "Yes" if value else "No"
        if hasattr(value, "strftime"):
            return value.strftime("%-d %B %Y")
        return str(value)

    def merged_initial(self):
        """The saved row with this person's own changes over it, as a form's initial data;
        fields that are not the model's (reasons, numbers typed as text) keep what was sent."""
        model_fields = self._model_fields()
        initial = {}
        for name in model_fields:
            field = self.saved._meta.get_field(name)
            yours = field.value_from_object(self.form.instance)
            if self.opened is None or yours != field.value_from_object(self.opened):
                initial[name] = yours
        for name in self.form.fields:
            if name not in model_fields and name not in VersionedFormMixin.declared_fields:
                initial[name] = self.form[name].data
        return initial

    def form_again(self, form_class, **kwargs):
        """An unbound form on the row as saved now (its new version) with this person's
        changes laid over it."""
        return form_class(instance=self.saved, initial=self.merged_initial(), **kwargs)


def save_or_conflict(form, save):
    """Save through ``save_if_current``: None when saved, else the Conflict to show."""
    try:
        save_if_current(form, save)
    except EditConflict:
        return Conflict(form)
    return None
