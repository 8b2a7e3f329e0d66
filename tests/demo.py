"""The demo data for tests, loaded once per test process and copied in where a test needs it.

``load_demo`` takes seconds (most of it hashing nine passwords with the site's slow hasher);
about thirty test classes and every browser journey start from the demo data. So the first
``load_demo_copy()`` of a process (one per xdist worker) runs the real loader inside a
transaction that it rolls back, keeping the rows it read; every call after that, and that one,
writes those rows back with one insert a table. The copy is what ``load_demo`` would have left
in the database (tests/test_demo.py checks that both agree), with the same primary keys each
time, so call it before the test makes rows of its own.
"""

import functools
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings

from reviews.cqc.models import (
    EvidenceCategory,
    Framework,
    FrameworkTheme,
    IStatement,
    QualityStatement,
    RatingCharacteristic,
)
from reviews.models import FocusArea

# The site's own password hashers, read when the tests are collected (before any test class
# overrides them): the browser journeys sign the demo users in through the live server.
SITE_PASSWORD_HASHERS = list(settings.PASSWORD_HASHERS)

# Rows that migrations put in the database. ``load_demo`` leaves them as they are, except the
# focus areas and the CQC framework, which it puts back when a transactional test's flush has
# removed them.
NOT_COPIED = {ContentType, Permission}
PUT_BACK = {
    FocusArea,
    Framework,
    FrameworkTheme,
    EvidenceCategory,
    QualityStatement,
    QualityStatement.evidence_categories.through,
    IStatement,
    RatingCharacteristic,
}


class Rollback(Exception):
    """Leaves the transaction that loaded the demo, undoing the load."""


def copied_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model not in NOT_COPIED and not model._meta.proxy and model._meta.managed
    ]


def table_rows(model):
    fields = [field.attname for field in model._meta.concrete_fields]
    return {row["pk"]: row for row in model._base_manager.values("pk", *fields)}


def read_the_loaded_demo():
    """{model: [row, ...]}: what ``load_demo`` adds to the database as it is now."""
    before = {model: table_rows(model) for model in copied_models()}
    copy = {}
    try:
        with transaction.atomic(), override_settings(PASSWORD_HASHERS=SITE_PASSWORD_HASHERS):
            call_command("load_demo", "--allow-production", stdout=StringIO())
            for model in copied_models():
                after = table_rows(model)
                copy[model] = [
                    row
                    for pk, row in after.items()
                    if model in PUT_BACK or before[model].get(pk) != row
                ]
            raise Rollback
    except Rollback:
        pass
    return {model: rows for model, rows in copy.items() if rows}


@functools.cache
def demo_copy():
    return read_the_loaded_demo()


def put_back_migration_rows():
    """Put back the focus areas and the CQC framework, which migrations made and a transactional
    test's flush may have removed, for a test that makes the rest of its records itself."""
    load_demo_copy(only=PUT_BACK)


@transaction.atomic
def load_demo_copy(only=None):
    """Put the demo data in the database, as ``manage.py load_demo`` would (of ``only`` these
    models, when given)."""
    restored = []
    for model, rows in demo_copy().items():
        if only is not None and model not in only:
            continue
        present = set(
            model._base_manager.filter(pk__in=[row["pk"] for row in rows]).values_list(
                "pk", flat=True
            )
        )
        if present and model not in PUT_BACK:
            raise RuntimeError(
                f"{model._meta.label} already has rows with the demo's keys: call "
                "load_demo_copy() before the test makes rows of its own"
            )
        fields = [field.attname for field in model._meta.concrete_fields]
        model._base_manager.bulk_create(
            model(**{name: row[name] for name in fields})
            for row in rows
            if row["pk"] not in present
        )
        restored.append(model)
    # The rows came with their keys: move PostgreSQL's sequences past them (SQLite's
    # AUTOINCREMENT counters follow inserted keys by themselves).
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), restored):
            cursor.execute(statement)
