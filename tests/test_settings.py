"""Settings read from the environment, checked in a fresh interpreter for each environment."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.test import SimpleTestCase

PROJECT_ROOT = Path(__file__).resolve().parent.parent

PRINT_ENGINE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default']['ENGINE']); print(settings.DEBUG)"
)


def run_settings(**env):
    """Import the settings with exactly these variables set (on top of PATH and the like)."""
    base = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_ENGINE],
        cwd=PROJECT_ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "sli.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


class SettingsFromEnvironmentTests(SimpleTestCase):
    def test_production_without_a_secret_key_refuses_to_start(self):
        result = run_settings(DEBUG="false")

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("SECRET_KEY", result.stderr)

    def test_production_with_a_database_url_uses_postgresql(self):
        result = run_settings(
            DEBUG="false",
            SECRET_KEY="a-long-random-secret-for-this-test-only",
            DATABASE_URL="postgres://u@h:5432/d",
        )

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            result.stdout.split(), ["django.db.backends.postgresql", "False"], result.stderr
        )

    def test_an_unknown_task_backend_is_refused_by_name(self):
        result = run_settings(TASKS_BACKEND="celery")

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("TASKS_BACKEND is 'celery'", result.stderr)

    def test_without_a_database_url_the_database_is_sqlite(self):
        result = run_settings()

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split(), ["django.db.backends.sqlite3", "True"])

    def test_local_development_needs_no_secret_key(self):
        result = run_settings(DEBUG="true")

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split()[-1], "True")


SHARED_CACHE = (
    "import sys, django; django.setup(); from django.core.cache import cache; "
    "from django.conf import settings; print(settings.CACHES['default']['BACKEND']); "
    "cache.set(sys.argv[2], sys.argv[1], 60) if sys.argv[1] != '-' else "
    "print(cache.get(sys.argv[2]))"
)
REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_answers():
    import redis

    try:
        return redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


class SharedCacheTests(SimpleTestCase):
    def setUp(self):
        # A key of this test's own: other runs (xdist workers, other checkouts) share the Redis.
        self.key = f"shared-check-{uuid.uuid4().hex}"

    def run_with_redis(self, argument):
        base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
        return subprocess.run(
            [sys.executable, "-c", SHARED_CACHE, argument, self.key],
            cwd=PROJECT_ROOT,
            env={**base, "DJANGO_SETTINGS_MODULE": "sli.settings", "REDIS_URL": REDIS_TEST_URL},
            capture_output=True,
            text=True,
            timeout=60,
        )

    def test_without_redis_url_each_process_has_its_own_memory(self):
        from django.conf import settings

        if "REDIS_URL" in os.environ:
            self.skipTest("REDIS_URL is set for this run")
        self.assertEqual(
            settings.CACHES["default"]["BACKEND"],
            "django.core.cache.backends.locmem.LocMemCache",
        )

    def test_with_redis_url_two_processes_share_the_cache(self):
        if not redis_answers():
            if os.environ.get("CI") == "true":
                self.fail(f"Redis does not answer at {REDIS_TEST_URL}, and CI=true requires it")
            self.skipTest(f"Redis does not answer at {REDIS_TEST_URL}")
        written = self.run_with_redis("set by the first worker")
        self.assertEqual(written.returncode, 0, written.stderr)
        read = self.run_with_redis("-")
        self.assertEqual(read.returncode, 0, read.stderr)
        self.assertEqual(
            read.stdout.splitlines(),
            ["django.core.cache.backends.redis.RedisCache", "set by the first worker"],
        )
