"""A stamp that changes whenever the data changes, for caching what pages show.

Every statement that writes to a table (INSERT, UPDATE, DELETE, through the ORM, ``update()``,
``bulk_create`` or raw SQL) moves the stamp, so a cached fragment keyed on it is never older
than the data: no service has to remember to invalidate anything. Tables that change on every
request without changing what pages show (sessions, sign-in throttling, the task queue) are
left out.

The stamp lives in the default cache. It moves twice for a write in a transaction: at once,
so the same process reads its own writes, and again after the commit, so another process
that read the stamp while the transaction was open (and cached the data as it was) does not
keep that copy under the current stamp.

The cache must be shared by every process that serves pages for this to hold across them
(Redis, ``REDIS_URL``); with the default per-process memory cache, fragments are cached only
when ``PAGE_CACHE`` is turned on for a single-process server (the tests, ``runserver``).
"""

import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction

STAMP_KEY = "change-stamp"

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)

# Written on every request or sign-in, or by the task queue: none of it is shown in a page
# that is cached.
UNSHOWN_TABLES = (
    "django_session",
    "django_cache",
    "axes_",
    "sli_signinevent",
    "sli_api_apitoken",
    "otp_",
    "django_tasks",
    "improvement_plans_preparedfile",  # shown on its own page only, which is not cached
    "django_admin_log",
)


def is_enabled():
    return getattr(settings, "PAGE_CACHE", False)


def current():
    """The stamp now; a new one if the cache lost it (restarted or evicted)."""
    stamp = cache.get(STAMP_KEY)
    if stamp is None:
        cache.add(STAMP_KEY, time.time_ns(), timeout=None)
        stamp = cache.get(STAMP_KEY)
    return stamp


def move():
    try:
        cache.incr(STAMP_KEY)
    except ValueError:  # not in the cache: any new value differs from what keyed fragments
        cache.add(STAMP_KEY, time.time_ns(), timeout=None)


def writes_shown_table(sql):
    match = WRITE.match(sql)
    return bool(match) and not match.group(1).lower().startswith(UNSHOWN_TABLES)


def _move_after_commit(connection):
    if not connection.in_atomic_block:
        return  # autocommit: the statement is already committed, and moved the stamp once
    pending = connection.run_on_commit
    if not any(entry[1] is move for entry in pending):
        transaction.on_commit(move, using=connection.alias)


def watch_writes(connection):
    """An execute wrapper for ``connection``: moves the stamp after each write it passes on."""

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if is_enabled() and writes_shown_table(sql):
            move()
            _move_after_commit(connection)
        return result

    wrapper.watches_writes = True
    return wrapper


def install(sender=None, connection=None, **kwargs):
    """Connected to ``connection_created``, and called once for connections already open."""
    targets = [connection] if connection is not None else connections.all(initialized_only=True)
    for target in targets:
        if not any(getattr(w, "watches_writes", False) for w in target.execute_wrappers):
            target.execute_wrappers.append(watch_writes(target))
