"""Settings read from the environment, checked in a fresh interpreter for each environment."""

import os
import subprocess
import sys
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

    def test_without_a_database_url_the_database_is_sqlite(self):
        result = run_settings()

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split(), ["django.db.backends.sqlite3", "True"])

    def test_local_development_needs_no_secret_key(self):
        result = run_settings(DEBUG="true")

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split()[-1], "True")
