"""Security checks run with the tests, so CI runs them: bandit finds nothing of medium or high
severity, the dependency floors keep out releases with published advisories, and nothing
switches off escaping or CSRF protection except the few reviewed places listed here.
(`manage.py check --deploy` with production settings is in test_security.py.)"""

import json
import re
import subprocess
import sys
import tomllib
from collections import Counter
from importlib.metadata import version
from pathlib import Path

from django.test import SimpleTestCase
from django.utils.html import escape
from packaging.requirements import Requirement
from packaging.version import Version

from sli.templatetags.sli_tags import link_recommendations

PROJECT_ROOT = Path(__file__).resolve().parent.parent
APPS = ["sli", "councils", "reviews", "recommendations", "improvement_plans", "regional"]

# The least version of each package with no published advisory against it, as checked when
# this was written. Django: the latest 5.2 release; WeasyPrint: 70 (earlier releases could be
# made to fetch from the network); Pillow 12.1.1 (an out-of-bounds write reading PSD images,
# CVE-2026-25990); sqlparse 0.5.4 (a denial of service through deeply nested lists); fontTools
# 4.60.2 (a file written anywhere by varLib, CVE-2025-66034); gunicorn 23 (request smuggling,
# CVE-2024-1135 and CVE-2024-6827).
FLOORS = {
    "django": "5.2.19",
    "weasyprint": "70",
    "pillow": "12.1.1",
    "sqlparse": "0.5.4",
    "fonttools": "4.60.2",
    "gunicorn": "23",
}

# Marks that switch off escaping or CSRF protection, and the reviewed places allowed to use them
# (file, mark) -> (how many times, why it is safe).
UNSAFE_MARKS = {
    "|safe": re.compile(r"\|\s*safe(seq)?\b"),
    "autoescape off": re.compile(r"{%\s*autoescape\s+off"),
    "mark_safe": re.compile(r"\bmark_safe\s*\("),
    "SafeString": re.compile(r"\bSafe(String|Text)\s*\("),
    "csrf_exempt": re.compile(r"\bcsrf_exempt\b"),
    # format_html escapes its arguments, not an f-string or a string already formatted.
    "format_html on formatted text": re.compile(
        r"format_html\(\s*(f[\"']|[\"'][^\"']*[\"']\s*(%|\.format\())"
    ),
}
ALLOWED = {
    ("templates/django/forms/govuk_hint_and_errors.html", "|safe"): (
        1,
        "Help texts are written in the code, never by users; Django's password help is a list "
        "in HTML.",
    ),
    **{
        (f"templates/email/{name}{part}.txt", "autoescape off"): (
            1,
            "A plain-text e-mail or its subject line, not a page: HTML escapes would show as "
            "&amp; in it.",
        )
        for name in ("invitation", "password_reset", "reminder")
        for part in ("", "_subject")
    },
    ("sli/lib/page_cache.py", "mark_safe"): (
        1,
        "A cached part of a page is HTML its template rendered (and escaped); the form token "
        "put in is Django's own.",
    ),
    ("sli/templatetags/sli_tags.py", "mark_safe"): (
        1,
        "link_recommendations escapes the text first and builds its links with format_html "
        "(tested below).",
    ),
}


def checked_files():
    yield from sorted((PROJECT_ROOT / "templates").rglob("*.html"))
    yield from sorted((PROJECT_ROOT / "templates").rglob("*.txt"))
    for app in APPS:
        for path in sorted((PROJECT_ROOT / app).rglob("*")):
            if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts:
                yield path


class UnsafeMarkTests(SimpleTestCase):
    def test_escaping_and_csrf_are_switched_off_only_where_reviewed(self):
        found = Counter()
        for path in checked_files():
            text = path.read_text(encoding="utf-8")
            for mark, pattern in UNSAFE_MARKS.items():
                count = len(pattern.findall(text))
                if count:
                    found[(str(path.relative_to(PROJECT_ROOT)), mark)] += count

        allowed = {place: count for place, (count, _reason) in ALLOWED.items()}
        self.assertEqual(
            dict(found),
            allowed,
            "Escape user data instead (format_html, conditional_escape); if a new use is really "
            "safe, add it to ALLOWED with the reason.",
        )

    def test_the_checks_would_see_each_mark(self):
        samples = {
            "|safe": "{{ review.summary|safe }}",
            "autoescape off": "{% autoescape off %}{{ x }}{% endautoescape %}",
            "mark_safe": "return mark_safe(text)",
            "SafeString": "SafeString(text)",
            "csrf_exempt": "@csrf_exempt",
            "format_html on formatted text": 'format_html(f"<b>{name}</b>")',
        }
        for mark, sample in samples.items():
            with self.subTest(mark):
                self.assertTrue(UNSAFE_MARKS[mark].search(sample))
        self.assertFalse(
            UNSAFE_MARKS["format_html on formatted text"].search('format_html("<b>{}</b>", name)')
        )

    def test_linked_recommendation_numbers_leave_the_text_escaped(self):
        text = '<script>alert(1)</script> see recommendations 6 and 8 <img src=x onerror="x">'

        html = link_recommendations(text, {"6": "/recommendations/6/"})

        self.assertNotIn("<script>", html)
        self.assertNotIn("<img", html)
        self.assertIn(escape("<script>alert(1)</script>"), html)
        self.assertIn('<a class="govuk-link" href="/recommendations/6/">6</a> and 8', html)


class BanditTests(SimpleTestCase):
    def test_bandit_finds_nothing_of_medium_or_high_severity(self):
        # Configured in pyproject.toml ([tool.bandit]: the tests and .venv are left out).
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "bandit",
                "-c",
                "pyproject.toml",
                "-r",
                ".",
                "-ll",
                "--quiet",
                "--format",
                "json",
            ],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )

        self.assertIn(result.returncode, {0, 1}, result.stderr)
        report = json.loads(result.stdout)
        findings = [
            f"{item['filename']}:{item['line_number']} {item['test_id']} "
            f"{item['issue_severity']}: {item['issue_text']}"
            for item in report["results"]
        ]
        self.assertEqual(findings, [])
        self.assertEqual(report["errors"], [])
        self.assertEqual(result.returncode, 0)

    def test_each_nosec_names_what_it_silences_and_says_why(self):
        for path in checked_files():
            if path.suffix != ".py":
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines):
                if "nosec" not in line:
                    continue
                with self.subTest(f"{path.relative_to(PROJECT_ROOT)}:{number + 1}"):
                    self.assertRegex(line, r"# nosec( B\d{3})+$")
                    self.assertTrue(lines[number - 1].strip().startswith("#"), "Say why above")


class DependencyFloorTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
        cls.requirements = {
            Requirement(line).name.lower(): Requirement(line)
            for line in project["dependencies"] + project["optional-dependencies"]["dev"]
        }

    def test_no_release_below_the_floors_is_allowed(self):
        for name, floor in FLOORS.items():
            with self.subTest(name):
                specifier = self.requirements[name].specifier
                lower_bounds = [Version(s.version) for s in specifier if s.operator == ">="]
                self.assertTrue(lower_bounds, f"{name} needs a lower bound")
                self.assertGreaterEqual(max(lower_bounds), Version(floor))

    def test_the_installed_releases_are_above_the_floors(self):
        for name, floor in FLOORS.items():
            with self.subTest(name):
                installed = Version(version(name))
                self.assertGreaterEqual(installed, Version(floor))
                self.assertIn(installed, self.requirements[name].specifier)

    def test_bandit_is_installed_with_the_development_tools(self):
        self.assertIn("bandit", self.requirements)
