"""The load runs through gunicorn: each page alone with wrk (1 user, then 10, no think time),
then the mixes of pages (25 and 50 users thinking 2–8 s between requests, while a council
editor saves a progress update every ``--write-every`` seconds)."""

import http.client
import math
import os
import random
import subprocess
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from sli.tooling.benchmark.measure import percentile
from sli.tooling.benchmark.pages import MIX_WEIGHTS, PAGE_ORDER
from sli.tooling.benchmark.writes import ProgressWriter, summarise_writes

LUA_SCRIPT = Path(settings.BASE_DIR) / "benchmarks" / "pages.lua"


def summarise(latencies, statuses, socket_errors, seconds, weighted_paths):
    """The figures of a run, overall and per path, from each path's latencies and statuses."""
    every = [ms for values in latencies.values() for ms in values]
    bad = sum(1 for values in statuses.values() for status in values if status != 200)

    def figures(values):
        return {
            "requests": len(values),
            "p50_ms": round(percentile(values, 0.5), 1) if values else None,
            "p95_ms": round(percentile(values, 0.95), 1) if values else None,
            "max_ms": round(max(values), 1) if values else None,
        }

    per_path = {}
    for index, values in latencies.items():
        per_path[weighted_paths[index][1]] = figures(values)
    return {
        **figures(every),
        "errors": bad + socket_errors,
        "non_200": bad,
        "socket_errors": socket_errors,
        "seconds": round(seconds, 1),
        "rps": round(len(every) / seconds, 1) if seconds else None,
        "per_path": per_path,
    }


class LoadRuns:
    """Runs against a started gunicorn (``server``), each bounded in time and requests, the
    database left idle between them."""

    def __init__(self, *, options, info, server, database, say):
        self.options, self.info = options, info
        self.server, self.database, self.say = server, database, say

    def every_page(self, sql):
        """The first object of each kind, unless it is known to take seconds."""
        pages = self.info["pages"]
        return [(1, paths[0]) for key, paths in pages.items() if sql[key]["wall_ms"] < 5000]

    def warm_up(self, sql):
        self.wrk(self.every_page(sql), 3, 5, max_requests=300)
        self.database.settle()

    def wrk(self, weighted_paths, users, duration, *, think=(0, 0), max_requests=None):
        max_requests = max_requests or self.options["max_requests"]
        per_thread = max(1, math.ceil(max_requests / users))
        env = dict(os.environ)
        env.update(
            {
                "BENCH_PATHS": "|".join(f"{weight} {path}" for weight, path in weighted_paths),
                "BENCH_COOKIES": ",".join(self.info["sessions"]),
                "BENCH_THINK_MS": f"{think[0]},{think[1]}",
                "BENCH_MAX_REQUESTS": str(per_thread),
                "BENCH_COOKIE_NAME": settings.SESSION_COOKIE_NAME,
            }
        )
        command = [
            "wrk",
            "-t",
            str(users),
            "-c",
            str(users),
            "-d",
            f"{duration}s",
            "--timeout",
            f"{self.options['statement_timeout'] + 10}s",
            "-s",
            str(LUA_SCRIPT),
            self.server.base_url,
        ]
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=duration + 180
        )
        if result.returncode != 0:
            raise CommandError(f"wrk failed: {result.stderr[-2000:]}")
        return _read_wrk(result.stdout, duration, weighted_paths)

    def users(self, weighted_paths, users, duration, *, think=(2000, 8000), max_requests=None):
        """Users with think time: one thread each, arriving over the first think time, each
        request on a new connection (as a proxy such as nginx makes them towards gunicorn).
        wrk would hold its connections open while a user thinks, and an idle open connection
        holds a gunicorn sync worker: that measures the missing proxy, not the application."""
        crowd = _Crowd(
            weighted_paths,
            port=self.server.port,
            sessions=self.info["sessions"],
            timeout=self.options["statement_timeout"] + 10,
            think=think,
            max_requests=max_requests or self.options["max_requests"],
            deadline=time.monotonic() + duration,
        )
        threads = [
            threading.Thread(target=crowd.user, args=(n,), daemon=True) for n in range(users)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=duration + crowd.timeout + think[1] / 1000 + 5)
        seconds = time.monotonic() - started
        latencies, statuses = {}, {}
        with crowd.lock:
            for index, status, elapsed in crowd.records:
                latencies.setdefault(index, []).append(elapsed)
                statuses.setdefault(index, []).append(status)
        return summarise(latencies, statuses, 0, seconds, weighted_paths)

    def single_pages(self, sql):
        """Each page alone: 1 user, then 10 users, no think time."""
        single = {}
        for key, label in PAGE_ORDER:
            path = self.info["pages"][key][0]
            one, ten = self._single_page(path, sql[key]["wall_ms"] / 1000)
            single[key] = {"one": one, "ten": ten}
            self.say(
                f"{label}: 1 user p50 {one['p50_ms']} ms p95 {one['p95_ms']} ms "
                f"{one['rps']} req/s, errors {one['errors']}; 10 users "
                + (
                    ten["skipped"]
                    if "skipped" in ten
                    else f"p50 {ten['p50_ms']} ms p95 {ten['p95_ms']} ms {ten['rps']} req/s, "
                    f"errors {ten['errors']}"
                )
            )
        return single

    def _single_page(self, path, alone_s):
        duration = self.options["duration"]
        if alone_s > 5:
            # One request takes seconds: wait long enough for a few, and skip 10 users,
            # which would only queue behind each other until the timeouts.
            one = self.wrk([(1, path)], 1, int(min(40, max(duration, 2.5 * alone_s))))
            self.database.settle()
            return one, {"skipped": f"one request alone takes {alone_s:.0f} s"}
        one = self.wrk([(1, path)], 1, duration)
        self.database.settle()
        ten = self.wrk([(1, path)], 10, duration)
        self.database.settle()
        return one, ten

    def mixes(self, sql, restart):
        """The realistic and excess mixes (and the realistic one without the slow pages, if
        any), each on a fresh gunicorn (``restart``)."""
        runs = [("realistic", 25, list(MIX_WEIGHTS)), ("excess", 50, list(MIX_WEIGHTS))]
        slow = [key for key in MIX_WEIGHTS if sql[key]["sql_ms"] > 1000]
        if slow:
            fast = [key for key in MIX_WEIGHTS if key not in slow]
            runs.append(("realistic, without the slow pages", 25, fast))
        results = {}
        for name, users, keys in runs:
            # A fresh gunicorn: requests abandoned by the previous run's users may still be
            # queued in the old one's backlog.
            self.server.stop()
            self.database.settle()
            restart()
            self.warm_up(sql)
            results[name] = self._mix(name, users, keys)
        return results

    def _mix(self, name, users, keys):
        mix = self._weighted(keys)
        duration = self.options["mix_duration"]
        every = self.options["write_every"]
        self.say(
            f"{name} mix: {users} users, 2–8 s think time, {duration} s"
            + (f", a progress update every {every} s" if every else "")
        )
        writer = self.writer(duration) if every else None
        figures = self.users(mix, users, duration, think=(2000, 8000))
        # The reads' figures stay the pages' own: the writes are counted apart.
        figures.update(writer.finish() if writer else summarise_writes([], every))
        figures["users"] = users
        figures["without"] = [key for key in MIX_WEIGHTS if key not in keys]
        figures["by_kind"] = self.by_kind(figures)
        self.database.settle()
        self.say(
            f"{name} mix: {figures['requests']} requests, p50 {figures['p50_ms']} ms, "
            f"p95 {figures['p95_ms']} ms, errors {figures['errors']}; {figures['writes']} "
            f"progress updates, p95 {figures['write_p95_ms']} ms, errors "
            f"{figures['write_errors']}"
        )
        return figures

    def writer(self, duration):
        """The council editor saving progress updates through this mix's gunicorn, started."""
        writer = ProgressWriter(
            port=self.server.port,
            session=self.info["writer_session"],
            paths=self.info["writer"]["paths"],
            every=self.options["write_every"],
            deadline=time.monotonic() + duration,
            timeout=self.options["statement_timeout"] + 10,
        )
        writer.start()
        return writer

    def _weighted(self, keys):
        """Every object of the kinds, weighted as the kind is divided among its objects."""
        mix = []
        for key in keys:
            paths = self.info["pages"][key]
            for path in paths:
                mix.append((max(1, round(MIX_WEIGHTS[key] * 10 / len(paths))), path))
        return mix

    def by_kind(self, figures):
        """Mix figures per kind of page (several objects of each kind are asked for)."""
        kind_of = {path: key for key, paths in self.info["pages"].items() for path in paths}
        kinds = {}
        for path, values in figures["per_path"].items():
            kinds.setdefault(kind_of[path], []).append(values)
        result = {}
        for kind, entries in kinds.items():
            requests = sum(entry["requests"] for entry in entries)
            result[kind] = {
                "requests": requests,
                "p50_ms": max(entry["p50_ms"] or 0 for entry in entries),
                "p95_ms": max(entry["p95_ms"] or 0 for entry in entries),
                "max_ms": max(entry["max_ms"] or 0 for entry in entries),
            }
        return result


def _read_wrk(output, duration, weighted_paths):
    """The figures from the lines pages.lua prints: REQ (each request), ERRORS, DURATION."""
    latencies, statuses = {}, {}
    socket_errors, seconds = 0, duration
    for line in output.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "REQ":
            index, status, micros = int(parts[1]) - 1, int(parts[2]), int(parts[3])
            latencies.setdefault(index, []).append(micros / 1000)
            statuses.setdefault(index, []).append(status)
        elif parts[0] == "ERRORS":
            # connect, read, write, timeout (wrk's "status" errors are counted below).
            socket_errors = sum(int(p) for i, p in enumerate(parts[1:]) if i != 3)
        elif parts[0] == "DURATION":
            seconds = int(parts[1]) / 1e6
    return summarise(latencies, statuses, socket_errors, seconds, weighted_paths)


class _Crowd:
    """The users of a mix, sharing a budget of requests and recording every answer."""

    def __init__(self, weighted_paths, *, port, sessions, timeout, think, max_requests, deadline):
        self.paths = [path for _, path in weighted_paths]
        self.weights = [weight for weight, _ in weighted_paths]
        self.port, self.sessions, self.timeout = port, sessions, timeout
        self.think, self.max_requests, self.deadline = think, max_requests, deadline
        self.records, self.lock = [], threading.Lock()
        self.sent = 0

    def user(self, number):
        rng = random.Random(number)
        session = self.sessions[number % len(self.sessions)]
        time.sleep(rng.uniform(0, self.think[1] / 1000))
        while time.monotonic() < self.deadline:
            with self.lock:
                if self.sent >= self.max_requests:
                    return
                self.sent += 1
            index = rng.choices(range(len(self.paths)), self.weights)[0]
            started = time.perf_counter()
            status = self._get(self.paths[index], session)
            elapsed = (time.perf_counter() - started) * 1000
            with self.lock:
                self.records.append((index, status, elapsed))
            time.sleep(rng.uniform(self.think[0], self.think[1]) / 1000)

    def _get(self, path, session):
        """The status of one GET on a new connection; 0 if it failed."""
        cookie = settings.SESSION_COOKIE_NAME
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            conn.request("GET", path, headers={"Cookie": f"{cookie}={session}"})
            response = conn.getresponse()
            response.read()
            status = response.status
            conn.close()
        except (OSError, http.client.HTTPException):
            status = 0
        return status
