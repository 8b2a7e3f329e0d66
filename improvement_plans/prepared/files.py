"""Asking for a file to be prepared, preparing it (the task ``prepare_file``, run by the
worker ``manage.py db_worker``), and tidying up."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend, task
from django_tasks.exceptions import TaskResultDoesNotExist

from improvement_plans.action_list import prepared_action_list
from improvement_plans.models import ImprovementPlan
from improvement_plans.prepared.models import PreparedFile
from improvement_plans.report import render_report_pdf, report_filename

logger = logging.getLogger(__name__)

STORAGE_FOLDER = "prepared"


# kind → function(query, *, user) making a list's download: (content, content type, name).
# The action list's is here; a page of another package registers its own (the list of
# recommendations, from sli's AppConfig.ready(), which every process runs, the worker too).
LIST_MAKERS = {PreparedFile.Kind.ACTION_LIST: prepared_action_list}


def makes_list(kind, make):
    LIST_MAKERS[kind] = make


def prepare_list(kind, *, by, query):
    """Ask for a list's download in the background; ``query`` is the page's query string
    (filters, sort, ?export=)."""
    return _prepare(by=by, kind=kind, parameters={"query": query})


def prepare_action_list(*, by, query):
    return prepare_list(PreparedFile.Kind.ACTION_LIST, by=by, query=query)


def prepare_report_pdf(*, by, plan, since, public):
    return _prepare(
        by=by,
        kind=PreparedFile.Kind.REPORT_PDF,
        plan=plan,
        parameters={"since": since.isoformat(), "public": public},
    )


def _prepare(*, by, kind, plan=None, parameters):
    """The file asked for, queued for the worker; the same request still being prepared is
    not queued twice (someone clicking the link again)."""
    delete_expired()
    waiting = PreparedFile.objects.visible_to(by).filter(
        kind=kind, plan=plan, parameters=parameters, status=PreparedFile.Status.PREPARING
    )
    if prepared := waiting.first():
        return prepared
    with transaction.atomic():
        prepared = PreparedFile.objects.create(
            requested_by=by, kind=kind, plan=plan, parameters=parameters
        )
        _enqueue(prepared)
    return prepared


def retry(prepared):
    """Queue a file that could not be prepared again."""
    with transaction.atomic():
        prepared.status = PreparedFile.Status.PREPARING
        prepared.error = ""
        prepared.finished_at = None
        prepared.save(update_fields=["status", "error", "finished_at"])
        _enqueue(prepared)


def _enqueue(prepared):
    # With the database backend the task is queued in the same transaction as the request:
    # both are saved, or neither.
    result = prepare_file.enqueue(prepared.pk)
    prepared.task_result_id = str(result.id)
    PreparedFile.objects.filter(pk=prepared.pk).update(task_result_id=prepared.task_result_id)


@task()
def prepare_file(prepared_file_id):
    """Prepare the file asked for, unless it has expired and gone since."""
    if prepared := PreparedFile.objects.filter(pk=prepared_file_id).first():
        produce(prepared)


def build(prepared):
    """(content, content type, file name) of the file, as its requester may see it now."""
    user = prepared.requested_by
    parameters = prepared.parameters
    if prepared.kind in LIST_MAKERS:
        return LIST_MAKERS[prepared.kind](QueryDict(parameters["query"]), user=user)
    if prepared.kind == PreparedFile.Kind.REPORT_PDF:
        plan = ImprovementPlan.objects.visible_to(user).select_related("council")
        plan = plan.get(pk=prepared.plan_id)
        pdf = render_report_pdf(
            plan,
            user=user,
            since=date.fromisoformat(parameters["since"]),
            public=parameters["public"],
        )
        return pdf, "application/pdf", report_filename(plan, "pdf")
    raise ValueError(f"No file of the kind {prepared.kind!r}")


def produce(prepared):
    """Make the file and keep it in the default storage; on failure, record why and raise
    (the task's result keeps the trace)."""
    try:
        content, content_type, download_name = build(prepared)
        stored_name = default_storage.save(
            f"{STORAGE_FOLDER}/{prepared.pk}/{download_name}", ContentFile(content)
        )
    except Exception as error:
        logger.exception("Could not prepare file %s (%s)", prepared.pk, prepared.kind)
        prepared.status = PreparedFile.Status.FAILED
        prepared.error = f"{type(error).__name__}: {error}"[:1000]
        prepared.finished_at = timezone.now()
        prepared.save(update_fields=["status", "error", "finished_at"])
        raise
    prepared.status = PreparedFile.Status.READY
    prepared.stored_name = stored_name
    prepared.download_name = download_name
    prepared.content_type = content_type
    prepared.finished_at = timezone.now()
    prepared.save()


def settle(prepared):
    """Mark as failed a file still "preparing" whose task has ended without making it (it
    could not start, or stopped before it could say) or has run for longer than any file takes
    (the worker was stopped mid-way), so that its page offers to try again. A file no worker
    has started on for a while is marked ``waiting_for_worker``."""
    prepared.waiting_for_worker = False
    if prepared.status != PreparedFile.Status.PREPARING or not prepared.task_result_id:
        return
    if not default_task_backend.supports_get_result:
        return
    try:
        result = default_task_backend.get_result(prepared.task_result_id)
    except TaskResultDoesNotExist:
        return
    except ImportError as error:  # The task's code is gone: no worker can run it.
        why = str(error)
    else:
        now = timezone.now()
        if result.status == TaskResultStatus.READY:
            waited = now - (result.enqueued_at or prepared.created_at)
            prepared.waiting_for_worker = waited > timedelta(
                minutes=settings.PREPARED_FILE_WAITING_MINUTES
            )
            return
        if result.status == TaskResultStatus.RUNNING:
            running = now - (result.started_at or now)
            if running <= timedelta(minutes=settings.PREPARED_FILE_GIVE_UP_MINUTES):
                return
            why = f"the worker stopped before it was made (started {result.started_at})"
        elif result.status in {TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL}:
            why = result.errors[-1].exception_class_path if result.errors else "no file was made"
        else:
            return
    prepared.refresh_from_db()
    if prepared.status == PreparedFile.Status.PREPARING:
        prepared.status = PreparedFile.Status.FAILED
        prepared.error = f"The task ended without the file: {why}"
        prepared.finished_at = timezone.now()
        prepared.save(update_fields=["status", "error", "finished_at"])


def delete_expired():
    """Delete the files asked for longer ago than PREPARED_FILE_HOURS, and their records; how
    many."""
    deleted = 0
    for prepared in PreparedFile.objects.expired():
        if prepared.stored_name:
            default_storage.delete(prepared.stored_name)
        prepared.delete()
        deleted += 1
    return deleted
