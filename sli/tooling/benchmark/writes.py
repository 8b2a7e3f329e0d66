"""The council editor of the mixes: while a mix runs, they save a progress update every
``--write-every`` seconds on one of a few actions in turn, through the same gunicorn and as a
person does (the form fetched, read, filled in and posted with its CSRF token), so that the
mixes' cached pages see the data change as they would on a working day."""

import http.client
import itertools
import secrets
import threading
import time
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import CommandError

from sli.tooling.benchmark.measure import percentile
from sli.tooling.html_forms import forms_of

# A save answers with a redirect to the action; a form shown again means it was refused.
SAVED = 302
NARRATIVE = (
    "Met the service leads this week. The work is moving as planned: the next step is agreed "
    "with the team and will be reported to the management board at its next meeting."
)


def read_form(html, having):
    """The page's form that posts a field named ``having`` with a CSRF token (every page has
    another such form, in its header: the sign-out button's)."""
    for form in forms_of(html):
        if (
            form.method == "post"
            and form.value("csrfmiddlewaretoken")
            and form.value(having) is not None
        ):
            return form
    raise ValueError(f"No form posting {having!r} with a CSRF token on the page")


def encode(form, fields):
    """The body and content type a browser sends for ``fields`` of ``form``."""
    if form.enctype.lower() != "multipart/form-data":
        return urlencode(fields).encode(), "application/x-www-form-urlencoded"
    boundary = "----sli-bench-" + secrets.token_hex(12)
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


def update_fields(form, number):
    """The form filled in as an editor reporting progress does: the status and RAG shown (the
    action's own) kept, a RAG chosen if it has none, and what happened since the last update."""
    return form.filled(
        status=_shown_or(form, "status", "on_track"),
        rag=_shown_or(form, "rag", "amber"),
        narrative=f"{NARRATIVE} (Update {number}.)",
    )


def _shown_or(form, name, preferred):
    """The choice the form shows checked, else ``preferred`` if offered, else the first."""
    offered = form.choices.get(name) or [preferred]
    return form.value(name) or (preferred if preferred in offered else offered[0])


def _form_on(body):
    try:
        return read_form(body.decode(), having="narrative")
    except (ValueError, UnicodeDecodeError):
        return None


@dataclass
class Write:
    """One progress update tried: the form's answer, then the POST's (None if never sent)."""

    path: str
    form_status: int
    status: int | None = None
    ms: float | None = None

    @property
    def is_saved(self):
        return self.status == SAVED


class ProgressWriter:
    """One council editor, signed in by ``session``, saving a progress update on the forms at
    ``paths`` in turn, every ``every`` seconds until ``deadline`` (time.monotonic)."""

    def __init__(self, *, port, session, paths, every, deadline, timeout=40):
        self.port, self.paths = port, paths
        self.every, self.deadline, self.timeout = every, deadline, timeout
        self.origin = f"http://127.0.0.1:{port}"
        self.cookies = {settings.SESSION_COOKIE_NAME: session}
        self.records = []  # a Write each
        self.thread = None

    def start(self):
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def finish(self):
        """The figures of the writes, once the last one has been answered."""
        if self.thread is not None:
            self.thread.join(timeout=max(0, self.deadline - time.monotonic()) + self.timeout * 2)
        return summarise_writes(list(self.records), self.every)

    def run(self):
        started = time.monotonic()
        for number in itertools.count(1):
            # On a fixed timetable: a slow save does not push the later ones back.
            due = started + number * self.every
            if due >= self.deadline:
                return
            time.sleep(max(0.0, due - time.monotonic()))
            path = self.paths[(number - 1) % len(self.paths)]
            self.records.append(self.save_update(path, number))

    def save_update(self, path, number):
        """GET the form, fill it in, POST it: a Write (no POST if the form was not shown)."""
        status, body = self.request("GET", path)
        form = _form_on(body) if status == 200 else None
        if form is None:
            return Write(path, form_status=status)
        data, content_type = encode(form, update_fields(form, number))
        started = time.perf_counter()
        status, _ = self.request(
            "POST",
            form.action or path,
            body=data,
            headers={
                "Content-Type": content_type,
                "Origin": self.origin,
                "Referer": self.origin + path,
            },
        )
        ms = round((time.perf_counter() - started) * 1000, 1)
        return Write(path, form_status=200, status=status, ms=ms)

    def request(self, method, path, *, body=None, headers=None):
        """(status, body) on a new connection, the cookies kept as a browser keeps them;
        status 0 if the connection failed."""
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            conn.request(method, path, body=body, headers={"Cookie": cookie, **(headers or {})})
            response = conn.getresponse()
            content = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                self._keep(header)
            conn.close()
        except (OSError, http.client.HTTPException):
            return 0, b""
        return response.status, content

    def _keep(self, header):
        try:
            jar = SimpleCookie(header)
        except CookieError:
            return
        for name, morsel in jar.items():
            if morsel["max-age"] == "0" or not morsel.value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value


def summarise_writes(records, every):
    """A mix's write figures: how many, how many not saved, and the p95 of the POSTs."""
    p95 = percentile([write.ms for write in records if write.ms is not None], 0.95)
    return {
        "write_every_s": every,
        "writes": len(records),
        "write_errors": sum(1 for write in records if not write.is_saved),
        "write_p95_ms": round(p95, 1) if p95 is not None else None,
    }


def check_writer(port, info):
    """The editor's first form answers them 200, before any mix counts on it."""
    writer = info.get("writer")
    if not writer:
        return
    editor = ProgressWriter(
        port=port, session=info["writer_session"], paths=writer["paths"], every=0, deadline=0
    )
    status, _ = editor.request("GET", writer["paths"][0])
    if status != 200:
        raise CommandError(
            f"{writer['paths'][0]} answered {status} to {writer['user']}, not 200: the mixes' "
            "progress updates could not be saved."
        )
