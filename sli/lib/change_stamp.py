"""A stamp that changes whenever the data changes, for caching what pages show.

Every statement that writes to a table (INSERT, UPDATE, DELETE, through the ORM, ``update()``,
``bulk_create`` or raw SQL) moves the stamp, so a cached fragment keyed on it is never older
than the data: no service has to remember to invalidate anything. Tables that change on every
request without changing what pages show (sessions, sign-in throttling, the task queue) are
left out.

A write that a service declares as a change to some councils' data only (``changes_of``: a
progress update, an action saved) moves those councils' stamps and the stamp of pages that span
councils; every other write moves the stamp of everything. A page of one council (its
dashboard, plan, actions, reviews) is keyed on that council's stamp and the stamp of
everything, so an update in Wirral leaves Sefton's cached pages in place; a page that does not
say which councils it shows is keyed on every change.

The stamps live in the default cache. Each moves twice for a write in a transaction: at once,
so the same process reads its own writes, and again after the commit, so another process
that read the stamp while the transaction was open (and cached the data as it was) does not
keep that copy under the current stamp.

The cache must be shared by every process that serves pages for this to hold across them
(Redis, ``REDIS_URL``); with the default per-process memory cache, fragments are cached only
when ``PAGE_CACHE`` is turned on for a single-process server (the tests, ``runserver``).
"""

import re
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction

# Moved by every write not declared as a change to given councils: roles, people, councils'
# names, frameworks, regional work.
STAMP_KEY = "change-stamp"
# Moved by every write declared as a change to given councils, for pages that span councils.
ANY_COUNCIL_KEY = "change-stamp:any-council"

# The councils whose data the writes being made change, when a service has said so.
_councils_changed = ContextVar("councils_changed", default=None)


def council_key(council_id):
    return f"change-stamp:council:{council_id}"


WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)

# Written on every request or sign-in, or by the task queue: none of it is shown in a page
# that is cached.
UNSHOWN_TABLES = (
    "django_session",
    "django_cache",
    "axes_",
    "councils_signinevent",
    "sli_api_apitoken",
    "otp_",
    "django_tasks",
    "improvement_plans_preparedfile",  # shown on its own page only, which is not cached
    "django_admin_log",
)


def is_enabled():
    return getattr(settings, "PAGE_CACHE", False)


def current(councils=None):
    """The stamp of what a page shows: the data of ``councils`` (ids) and what belongs to no
    council, or, without ``councils``, everything. A stamp the cache lost (restarted or
    evicted) starts again at a new value."""
    if councils is None:
        keys = [STAMP_KEY, ANY_COUNCIL_KEY]
    else:
        keys = [STAMP_KEY, *(council_key(pk) for pk in sorted(set(councils)))]
    stamps = cache.get_many(keys)
    for key in keys:
        if key not in stamps:
            cache.add(key, time.time_ns(), timeout=None)
            stamps[key] = cache.get(key)
    return ":".join(str(stamps[key]) for key in keys)


def move(keys=(STAMP_KEY,)):
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:  # not in the cache: any new value differs from what keyed fragments
            cache.add(key, time.time_ns(), timeout=None)


@contextmanager
def changes_of(*council_ids):
    """Declare the writes made inside as changes to these councils' data only (and to pages
    that span councils): cached pages of other councils stay. Only for writes whose rows
    belong to these councils and show nowhere else."""
    token = _councils_changed.set(frozenset(council_ids))
    try:
        yield
    finally:
        _councils_changed.reset(token)


def keys_a_write_moves():
    councils = _councils_changed.get()
    if councils is None:
        return (STAMP_KEY,)
    return (ANY_COUNCIL_KEY, *(council_key(pk) for pk in sorted(councils)))


# Statements on shown tables that change nothing a cached page shows: the time of a sign-in.
UNSHOWN_STATEMENTS = re.compile(
    r'^\s*UPDATE\s+[`"]?auth_user[`"]?\s+SET\s+[`"]?last_login[`"]?\s*=\s*%s\s+WHERE',
    re.IGNORECASE,
)


def writes_shown_table(sql):
    match = WRITE.match(sql)
    return (
        bool(match)
        and not match.group(1).lower().startswith(UNSHOWN_TABLES)
        and not UNSHOWN_STATEMENTS.match(sql)
    )


def _move_after_commit(connection, keys):
    if not connection.in_atomic_block:
        return  # autocommit: the statement is already committed, and moved the stamp once
    pending = connection.run_on_commit
    if not any(getattr(entry[1], "stamp_keys", None) == keys for entry in pending):
        again = partial(move, keys)
        again.stamp_keys = keys
        transaction.on_commit(again, using=connection.alias)


def watch_writes(connection):
    """An execute wrapper for ``connection``: moves the stamp after each write it passes on."""

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if is_enabled() and writes_shown_table(sql):
            keys = keys_a_write_moves()
            move(keys)
            _move_after_commit(connection, keys)
        return result

    wrapper.watches_writes = True
    return wrapper


def install(sender=None, connection=None, **kwargs):
    """Connected to ``connection_created``, and called once for connections already open."""
    targets = [connection] if connection is not None else connections.all(initialized_only=True)
    for target in targets:
        if not any(getattr(w, "watches_writes", False) for w in target.execute_wrappers):
            target.execute_wrappers.append(watch_writes(target))
