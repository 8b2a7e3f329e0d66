"""Stored files go with their records: a record's files are deleted from storage (the disk or
the bucket) when the record is deleted, and a file replaced or cleared in an edit is deleted
too, each once the transaction that did it has committed.

Receivers on ``post_delete`` rather than a step in each service, because most of these records
go by a cascade (an action, a plan or a council deleted in the admin) that calls no method of
theirs; evidence may hold personal data and must not outlive its record in a bucket."""

from django.db import models, transaction
from django.db.models.signals import post_delete, pre_save


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


def delete_after_commit(storage, name):
    transaction.on_commit(lambda: storage.delete(name))


def delete_files_of_deleted_record(sender, instance, **kwargs):
    for field in file_fields(sender):
        file = getattr(instance, field.attname)
        if file:
            delete_after_commit(file.storage, file.name)


def delete_files_replaced_in_edit(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    fields = [
        field
        for field in file_fields(sender)
        if update_fields is None or field.name in update_fields
    ]
    if not fields:
        return
    stored = (
        sender._base_manager.filter(pk=instance.pk)
        .values(*(field.attname for field in fields))
        .first()
    )
    if stored is None:
        return
    for field in fields:
        name = stored[field.attname]
        if name and name != getattr(instance, field.attname).name:
            delete_after_commit(field.storage, name)


def files_go_with_their_records(*record_models):
    """Call from an app's ``ready()`` for each model with file fields."""
    for model in record_models:
        post_delete.connect(delete_files_of_deleted_record, sender=model, weak=False)
        pre_save.connect(delete_files_replaced_in_edit, sender=model, weak=False)


def delete_files_older_than(folder, cutoff, storage):
    """Delete every file under ``folder`` (its sub-folders too) last changed before ``cutoff``;
    how many. For files no record holds, such as an upload checked but never imported."""
    deleted = 0
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # The disk has no such folder yet (a bucket just lists nothing).
        return 0
    for name in files:
        path = f"{folder.rstrip('/')}/{name}"
        if storage.get_modified_time(path) < cutoff:
            storage.delete(path)
            deleted += 1
    for name in folders:
        deleted += delete_files_older_than(f"{folder.rstrip('/')}/{name}", cutoff, storage)
    return deleted
