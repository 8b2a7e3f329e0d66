"""Faults, on PostgreSQL: the database stopping under a running gunicorn, and a backup restored
with pg_dump and pg_restore.

gunicorn runs with the production settings and reaches the test database through a small TCP
proxy in the test. "Stopping the database" closes the proxy's listener and every connection
through it, as a PostgreSQL shutdown does; "starting it" listens again on the same port. The
real server, which others share, is never touched."""

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from unittest import skipUnless
from urllib.parse import quote, urlencode

import psycopg2
from django.db import connection
from django.test import TransactionTestCase
from psycopg2 import sql

from councils.models import Membership
from tests.demo import load_demo_copy
from tests.factories import make_council, make_membership, make_user

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ON_POSTGRESQL = connection.vendor == "postgresql"
NEEDS_POSTGRESQL = "the proxy, pg_dump and pg_restore need PostgreSQL"

# The limit for a page while the database is down.
ERROR_PAGE_SECONDS = 5
PASSWORD = "quiet-harbour-lantern-42"

# Variables of the developer's or CI's own environment that must not reach the server.
SETTINGS_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_CONNECT_TIMEOUT",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def database_url(name=None, port=None):
    settings = connection.settings_dict
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    return (
        f"postgres://{quote(settings['USER'], safe='')}{password}@{settings['HOST'] or '127.0.0.1'}"
        f":{port or settings['PORT'] or 5432}/{name or settings['NAME']}"
    )


class DatabaseProxy:
    """Forwards TCP connections from a local port to PostgreSQL, until told otherwise."""

    def __init__(self):
        settings = connection.settings_dict
        self.upstream = (settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432))
        self.port = None
        self.listener = None
        self.answering = True
        self.sockets = set()
        self.lock = threading.Lock()

    def start(self, answering=True):
        """Listen (on the same port as before, after the first time). Unless ``answering``,
        connections are accepted and then left without a word, as from a host that hangs."""
        self.answering = answering
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(64)
        listener.settimeout(0.1)
        self.port = listener.getsockname()[1]
        self.listener = listener
        self.accepting = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self.accepting.start()

    def stop(self):
        """Refuse new connections and cut the open ones, as a database shutting down does."""
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.close()
            # The port is free only once the thread's poll on the listener has returned.
            self.accepting.join(timeout=5)
        with self.lock:
            sockets, self.sockets = self.sockets, set()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self, listener):
        while self.listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                self.sockets.add(client)
            if not self.answering:
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self.lock:
                self.sockets.add(server)
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """Just enough of a browser: keeps cookies (Secure ones too, since loopback has no TLS)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None):
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            conn.close()
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        response.content = content
        response.seconds = time.perf_counter() - started
        return response

    def get(self, path):
        return self.request("GET", path)

    def sign_in(self, username, password):
        page = self.get("/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1)
        return self.request(
            "POST",
            "/sign-in/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )


@skipUnless(ON_POSTGRESQL, NEEDS_POSTGRESQL)
class DatabaseStoppedTests(TransactionTestCase):
    """gunicorn (one sync worker, production settings) in front of a database that stops."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.proxy = DatabaseProxy()
        cls.proxy.start()
        cls.port = free_port()
        cls.log = tempfile.NamedTemporaryFile("w+", prefix="sli-faults-gunicorn-", suffix=".log")  # noqa: SIM115
        base = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
        env = {
            **base,
            "DJANGO_SETTINGS_MODULE": "tests.served_settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url(port=cls.proxy.port),
            # Loopback has no TLS.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
        }
        gunicorn = Path(sys.executable).parent / "gunicorn"
        cls.server = subprocess.Popen(
            [
                str(gunicorn),
                "sli.wsgi",
                "--bind",
                f"127.0.0.1:{cls.port}",
                "--workers",
                "1",
                "--no-control-socket",
                "--timeout",
                "60",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=cls.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if cls.server.poll() is not None:
                break
            try:
                socket.create_connection(("127.0.0.1", cls.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        output = cls.server_output()
        cls.tearDownClass()
        raise RuntimeError(f"gunicorn did not start:\n{output}")

    @classmethod
    def tearDownClass(cls):
        if cls.server.poll() is None:
            cls.server.terminate()
            try:
                cls.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                cls.server.kill()
                cls.server.wait()
        cls.proxy.stop()
        cls.log.close()
        super().tearDownClass()

    @classmethod
    def server_output(cls):
        cls.log.flush()
        cls.log.seek(0)
        return cls.log.read()[-4000:]

    def setUp(self):
        self.proxy.stop()
        self.proxy.start()
        council = make_council(name="Wirral Council", slug="wirral")
        editor = make_user(username="editor", password=PASSWORD)
        make_membership(editor, Membership.Role.COUNCIL_EDITOR, council)
        self.browser = Browser(self.port)
        signed_in = self.browser.sign_in("editor", PASSWORD)
        self.assertEqual(signed_in.status, 302, self.server_output())
        self.pages = ["/", "/councils/wirral/", "/actions/"]
        for path in self.pages:
            self.assert_page_works(self.browser.get(path), path)

    def assert_page_works(self, response, path):
        self.assertEqual(response.status, 200, f"{path}: {self.server_output()}")
        self.assertIn("Sign out", response.content, path)

    def assert_plain_error_page(self, response, path):
        self.assertIn(response.status, {500, 503}, f"{path}: {response.content[:500]}")
        self.assertLess(response.seconds, ERROR_PAGE_SECONDS, path)
        self.assertIn("Sorry, there is a problem with the service", response.content)
        for secret in (
            "Traceback",
            "OperationalError",
            "psycopg",
            "connection",
            "127.0.0.1",
            str(self.proxy.port),
            connection.settings_dict["NAME"],
            str(PROJECT_ROOT),
            "SECRET_KEY",
            "DEBUG",
        ):
            self.assertNotIn(secret, response.content, f"{path} gives away {secret!r}")

    def test_while_the_database_is_stopped_pages_fail_fast_then_work_again(self):
        self.proxy.stop()

        for path in [*self.pages, "/councils/"]:
            self.assert_plain_error_page(self.browser.get(path), path)

        self.proxy.start()
        for path in self.pages:
            self.assert_page_works(self.browser.get(path), path)

    def test_the_first_request_after_a_restart_succeeds(self):
        # The worker's kept-open connection died with the restart: it is replaced, not used.
        self.proxy.stop()
        self.proxy.start()

        self.assert_page_works(self.browser.get("/"), "/")

    def test_a_database_that_accepts_but_never_answers_fails_within_the_time_limit(self):
        self.proxy.stop()
        self.proxy.start(answering=False)

        for path in self.pages[:2]:
            self.assert_plain_error_page(self.browser.get(path), path)

        self.proxy.stop()
        self.proxy.start()
        self.assert_page_works(self.browser.get("/"), "/")


def table_fingerprints(dsn):
    """Per table of the public schema: its row count and an md5 of all its rows (as text, in a
    fixed order); and the sequences' positions, so new rows after a restore get new ids."""
    with psycopg2.connect(dsn) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [name for (name,) in cursor.fetchall()]
        fingerprints = {}
        for table in tables:
            cursor.execute(
                sql.SQL(
                    "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), "
                    "'')) FROM {} AS t"
                ).format(sql.Identifier(table))
            )
            fingerprints[table] = cursor.fetchone()
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        )
        sequences = dict(cursor.fetchall())
    conn.close()
    return fingerprints, sequences


def on_the_server(statement):
    """Run a statement that must be outside a transaction (CREATE DATABASE, DROP DATABASE)."""
    conn = psycopg2.connect(database_url(name="postgres"))
    try:
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(statement)
    finally:
        conn.close()


@skipUnless(ON_POSTGRESQL, NEEDS_POSTGRESQL)
class BackupAndRestoreTests(TransactionTestCase):
    """The README's backup and restore commands, run on the demo data."""

    def setUp(self):
        load_demo_copy()
        self.restored_name = f"sli_restore_{uuid.uuid4().hex[:12]}"
        on_the_server(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.restored_name)))
        self.addCleanup(self.drop_restored)
        folder = tempfile.TemporaryDirectory(prefix="sli-backup-")
        self.addCleanup(folder.cleanup)
        self.dump = Path(folder.name) / "sli.dump"

    def drop_restored(self):
        on_the_server(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(self.restored_name)
            )
        )

    def run_command(self, *command):
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        self.assertEqual(result.returncode, 0, f"{command[0]}: {result.stderr}")

    def test_a_restored_backup_has_the_same_rows_in_every_table(self):
        source, restored = database_url(), database_url(name=self.restored_name)

        self.run_command(
            "pg_dump", "--format=custom", "--no-owner", f"--file={self.dump}", f"--dbname={source}"
        )
        self.run_command(
            "pg_restore", "--no-owner", "--single-transaction", f"--dbname={restored}", self.dump
        )

        tables, sequences = table_fingerprints(source)
        restored_tables, restored_sequences = table_fingerprints(restored)
        self.assertGreater(len(tables), 30)
        self.assertGreater(tables["improvement_plans_action"][0], 50)
        self.assertGreater(tables["improvement_plans_historicalaction"][0], 50)
        self.assertEqual(restored_tables.keys(), tables.keys())
        for table, fingerprint in tables.items():
            self.assertEqual(restored_tables[table], fingerprint, table)
        self.assertEqual(restored_sequences, sequences)
        # The application accepts the copy as it is: every migration recorded as applied.
        migrations = manage("migrate", "--check", DATABASE_URL=restored)
        self.assertEqual(migrations.returncode, 0, migrations.stdout + migrations.stderr)

        # And the comparison has teeth: one character more in one row of the copy is seen.
        with psycopg2.connect(restored) as conn, conn.cursor() as cursor:
            cursor.execute(
                "UPDATE improvement_plans_action SET title = title || '.' "
                "WHERE id = (SELECT min(id) FROM improvement_plans_action)"
            )
        conn.close()
        changed, _ = table_fingerprints(restored)
        self.assertEqual(
            {table for table, fingerprint in tables.items() if changed[table] != fingerprint},
            {"improvement_plans_action"},
        )


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
