"""Measuring in process: a page's own time beside the time of its SQL alone, percentiles,
memory, and the line a child process reports its figures on."""

import json
import math
import statistics
import sys
import time

from django.core.management.base import CommandError
from django.db import connection

MARK = "BENCH-JSON "


class QueryTimer:
    """An execute wrapper that counts and times every SQL statement run inside it."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.count += 1
            self.seconds += elapsed
            self.queries.append((elapsed, sql, params))

    def slowest(self, number=3):
        return [
            {"ms": round(seconds * 1000, 1), "sql": " ".join(sql.split())[:400]}
            for seconds, sql, _ in sorted(self.queries, key=lambda q: q[0], reverse=True)[:number]
        ]


def time_request(client, path):
    """One GET through the whole Django stack, with every SQL statement timed."""
    timer = QueryTimer()
    with connection.execute_wrapper(timer):
        started = time.perf_counter()
        response = client.get(path)
        wall = time.perf_counter() - started
    return response, wall, timer


def time_page(client, path, *, repeats=5, warmups=1, explain_over_ms=None, slow_s=2.0):
    """The page's median time in process, the median time of its SQL, and its query count.

    A page that takes longer than ``slow_s`` the first time is measured that once."""
    first = time_request(client, path)
    runs = [first] if first[1] > slow_s else []
    if not runs:
        for _ in range(max(0, warmups - 1)):
            client.get(path)
        runs = [time_request(client, path) for _ in range(repeats)]
    runs.sort(key=lambda run: run[1])
    response, _, timer = runs[len(runs) // 2]
    explain = ""
    if explain_over_ms is not None and timer.queries:
        seconds, sql, params = max(timer.queries, key=lambda q: q[0])
        if seconds * 1000 >= explain_over_ms and sql.lstrip().upper().startswith("SELECT"):
            # EXPLAIN ANALYZE runs the statement again: only for those that finish soon.
            prefix = "EXPLAIN (ANALYZE, BUFFERS) " if seconds < 5 else "EXPLAIN "
            try:
                with connection.cursor() as cursor:
                    cursor.execute(prefix + sql, params)
                    explain = "\n".join(row[0] for row in cursor.fetchall())
            except Exception as error:  # a statement timeout, say: the plan is optional
                explain = f"(no plan: {error})"
    return {
        "path": path,
        "status": response.status_code,
        "bytes": len(response.content),
        "runs": len(runs),
        "wall_ms": round(statistics.median(run[1] for run in runs) * 1000, 1),
        "sql_ms": round(statistics.median(run[2].seconds for run in runs) * 1000, 1),
        "queries": timer.count,
        # The first request builds the page (its cached parts are missing); the others read
        # them from the cache, as people do until the data changes.
        "built_ms": round(first[1] * 1000, 1),
        "built_sql_ms": round(first[2].seconds * 1000, 1),
        "built_queries": first[2].count,
        "slowest": timer.slowest(),
        "explain": explain,
    }


def percentile(values, share):
    """The value below which ``share`` of ``values`` lie (linear between closest ranks)."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * share
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def emit(data):
    sys.stdout.write(MARK + json.dumps(data, default=str) + "\n")
    sys.stdout.flush()


def received(output):
    for line in reversed(output.splitlines()):
        if line.startswith(MARK):
            return json.loads(line[len(MARK) :])
    raise CommandError(f"No result in the output of a benchmark step:\n{output[-3000:]}")


def memory_kb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak_memory():
    """Start VmHWM again from the current resident size (Linux: clear_refs 5)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass
