"""gunicorn serving the application on a free port of 127.0.0.1, started and stopped around
the load runs, and a check that every page answers the benchmark user."""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_like_environment(*, database_url, **more):
    """The environment of a deployment (DEBUG off, a random SECRET_KEY, manifest static files)
    served over plain HTTP on 127.0.0.1, without the redirect to HTTPS (cookies are still
    marked Secure). Hosts that serve one site share one environment: the secret key signs
    their sessions and forms."""
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "SESSION_IDLE_MINUTES": "240",
            "PYTHONDONTWRITEBYTECODE": "1",
            **more,
        }
    )
    return env


class Gunicorn:
    """``sli.wsgi`` under gunicorn's sync workers, with the benchmark's environment."""

    def __init__(self, *, workers, timeout, env):
        self.workers, self.timeout, self.env = workers, timeout, env
        self.process = None
        self.port = self.base_url = self.log = None

    def start(self):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn if gunicorn.exists() else "gunicorn"),
            "sli.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--no-control-socket",
            "--log-level",
            "warning",
            "--timeout",
            str(self.timeout),
        ]
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "w", prefix="sli-bench-gunicorn-", suffix=".log", delete=False
        )
        self.process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_for_answer()

    def _wait_for_answer(self, limit=60):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CommandError("gunicorn stopped; see " + self.log.name)
            try:
                # Always http://127.0.0.1:<port>/, never a URL from outside.
                urllib.request.urlopen(self.base_url + "/accessibility/", timeout=5).read()  # nosec B310
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        raise CommandError("gunicorn did not answer within 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_pages(base_url, info, sql, say):
    """Each page answers 200 to the benchmark user, with no redirect to sign in."""
    opener = urllib.request.build_opener(NoRedirect)
    cookie = f"{settings.SESSION_COOKIE_NAME}={info['sessions'][0]}"
    for key, paths in info["pages"].items():
        # The first object of each kind, unless it is already known to take seconds.
        if sql[key]["wall_ms"] > 5000:
            continue
        for path in paths[:1]:
            request = urllib.request.Request(base_url + path, headers={"Cookie": cookie})
            try:
                status = opener.open(request, timeout=60).status
            except urllib.error.HTTPError as error:
                status = error.code
            if status == 500:
                say(f"{path} ({key}) answered 500 (a statement timeout?)")
            elif status != 200:
                raise CommandError(f"{path} ({key}) answered {status}, not 200")
