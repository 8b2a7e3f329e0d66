"""The benchmark's own PostgreSQL database: created if missing, its statements bounded in time,
its generation noted on it, and waited on until it is idle between runs."""

import json
import time

import dj_database_url
import psycopg2
from django.core.management.base import CommandError


class BenchDatabase:
    def __init__(self, url, say):
        self.config = dj_database_url.parse(url)
        self.say = say

    @property
    def name(self):
        return self.config["NAME"]

    def ensure(self):
        """Refuse anything but PostgreSQL; create the database if it is missing."""
        if "postgresql" not in self.config["ENGINE"]:
            raise CommandError("The benchmark runs on PostgreSQL: give a postgres:// URL.")
        admin = self.connect(dbname="postgres")
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            if cursor.fetchone() is None:
                self.say(f"creating database {self.name}")
                cursor.execute(f'CREATE DATABASE "{self.name}"')
        admin.close()

    def connect(self, dbname=None):
        """An autocommit connection to the benchmark database (or ``dbname`` on its server)."""
        config = self.config
        conn = psycopg2.connect(
            dbname=dbname or config["NAME"],
            user=config.get("USER") or None,
            password=config.get("PASSWORD") or None,
            host=config.get("HOST") or None,
            port=config.get("PORT") or None,
        )
        conn.autocommit = True
        return conn

    def statement_timeout(self, seconds):
        """Bound every statement on the benchmark database (new connections), or not."""
        conn = self.connect()
        with conn.cursor() as cursor:
            if seconds:
                cursor.execute(
                    f"ALTER DATABASE \"{self.name}\" SET statement_timeout = '{int(seconds)}s'"
                )
            else:
                cursor.execute(f'ALTER DATABASE "{self.name}" RESET statement_timeout')
        conn.close()

    def note(self, value=None):
        """The generation time is kept as the benchmark database's comment."""
        conn = self.connect()
        with conn.cursor() as cursor:
            if value is not None:
                comment = json.dumps(value).replace("'", "''")
                cursor.execute(f"COMMENT ON DATABASE \"{self.name}\" IS '{comment}'")
            cursor.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                "WHERE datname = current_database()"
            )
            text = cursor.fetchone()[0]
        conn.close()
        try:
            return json.loads(text) if text else {}
        except ValueError:
            return {}

    def settle(self, limit=60):
        """Wait until the benchmark database runs no statement (a request that wrk gave up
        on may still be running in a worker), so that runs do not overlap."""
        conn = self.connect()
        deadline = time.monotonic() + limit
        try:
            with conn.cursor() as cursor:
                while time.monotonic() < deadline:
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND state = 'active' AND pid <> pg_backend_pid()"
                    )
                    if cursor.fetchone()[0] == 0:
                        return
                    time.sleep(0.5)
        finally:
            conn.close()
