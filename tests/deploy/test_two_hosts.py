"""Two application hosts behind one address: each a gunicorn with the production settings and a
local disk of its own (an empty MEDIA_ROOT), sharing one PostgreSQL database, one Redis and one
S3-compatible bucket (moto's server). A person signed in on one host carries on on the other:
the session, the files, the edits and the pages are the same on both, and a stale form sent to
either is refused by the version check instead of losing the other host's change."""

import os
import re
import secrets
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
import requests
from django.db import connection
from django.urls import reverse

from improvement_plans.models import Action, ActionStatus, Evidence
from sli.tooling.benchmark.server import Gunicorn, production_like_environment
from sli.tooling.demo import DEMO_PASSWORD
from tests.demo import load_demo_copy
from tests.html_forms import form_data
from tests.improvement_plans.test_plan_workflow import PDF, update_data
from tests.object_store import object_store  # noqa: F401 (the session's S3 server)
from tests.test_faults import database_url

REDIS_URL = "redis://127.0.0.1:6379/13"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SEFTON = "sefton-metropolitan-borough-council"
CONFLICT = "Someone else saved a change while you were editing"

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Two hosts share one database server: PostgreSQL (the test database on SQLite is "
    "in the test process's memory)",
)

# The test process's own settings that must not reach the hosts (they get the deployment's).
NOT_PASSED_ON = {
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_CONNECT_TIMEOUT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "AWS_STORAGE_BUCKET_NAME",
    "S3_ADDRESSING_STYLE",
}


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def two_hosts(transactional_db, object_store, tmp_path):  # noqa: F811
    """Host A and host B: the same environment (one secret key, database, Redis, bucket),
    each its own empty media folder. Stopped however the test ends."""
    if not redis_answers():
        message = f"Two hosts share one cache: Redis does not answer at {REDIS_URL}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    shared = production_like_environment(
        database_url=database_url(),
        DJANGO_SETTINGS_MODULE="tests.served_settings",
        ALLOWED_HOSTS="127.0.0.1",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"sli-two-hosts-{secrets.token_hex(6)}",
        **object_store.environment(object_store.new_bucket()),
    )
    shared = {name: value for name, value in shared.items() if name not in NOT_PASSED_ON}
    hosts = []
    for name in ("a", "b"):
        media = tmp_path / f"media-{name}"
        media.mkdir()
        host = Gunicorn(workers=1, timeout=60, env={**shared, "MEDIA_ROOT": str(media)})
        host.media = media
        hosts.append(host)
    try:
        # Both start at once: each takes seconds to import the project.
        with ThreadPoolExecutor(max_workers=2) as starting:
            list(starting.map(Gunicorn.start, hosts))
        yield hosts
    finally:
        for host in hosts:
            host.stop()


class Visitor:
    """One person's browser: a cookie jar, sent to whichever host it asks."""

    def __init__(self):
        self.session = requests.Session()

    def keep_cookies(self):
        # The hosts mark their cookies Secure (DEBUG is off); loopback has no TLS, so they are
        # sent over HTTP, as a browser sends them to localhost.
        for cookie in self.session.cookies:
            cookie.secure = False

    def get(self, host, path):
        response = self.session.get(host.base_url + path, allow_redirects=False, timeout=60)
        self.keep_cookies()
        assert response.status_code == 200, f"{path} on {host.base_url}: {response.status_code}"
        return response

    def post(self, host, path, data, files=None):
        response = self.session.post(
            host.base_url + path, data=data, files=files, allow_redirects=False, timeout=60
        )
        self.keep_cookies()
        assert response.status_code in {200, 302}, (
            f"{path} on {host.base_url}: {response.status_code}\n{response.text[:2000]}"
        )
        return response

    def form(self, host, path, having="version"):
        return form_data(self.get(host, path).text, having=having)

    def sign_in(self, host, username, password):
        fields = self.form(host, "/sign-in/", having="username")
        fields.update(username=username, password=password)
        response = self.post(host, "/sign-in/", fields)
        assert response.status_code == 302, "The sign-in was refused"


def test_a_person_carries_on_on_the_other_host_and_no_edit_is_lost(two_hosts):
    host_a, host_b = two_hosts
    load_demo_copy()
    action = Action.objects.get(plan__council__slug=SEFTON, number=3)
    plan_page = reverse("improvement_plans:plan", args=[action.plan_id])
    council_page = f"/councils/{SEFTON}/"
    edit_page = reverse("improvement_plans:edit_action", args=[action.pk])
    update_page = reverse("improvement_plans:update", args=[action.pk])

    officer = Visitor()
    officer.sign_in(host_a, "sefton.editor", DEMO_PASSWORD)
    # Both hosts have drawn the pages (and cached what they cache) before anything changes.
    for host in two_hosts:
        assert "Sign out" in officer.get(host, plan_page).text
    figures_before = {main_text(officer.get(host, council_page).text) for host in two_hosts}
    assert len(figures_before) == 1

    # On host A: a progress update with a file, and a change to the action.
    progress = officer.form(host_a, update_page, having="evidence_description")
    officer.post(
        host_a,
        update_page,
        {
            **progress,
            **update_data(status=ActionStatus.AT_RISK, evidence_description="Audit to DMT"),
        },
        files={"evidence_file": ("audit.pdf", PDF, "application/pdf")},
    )
    edit = officer.form(host_a, edit_page)
    officer.post(host_a, edit_page, {**edit, "owner_name": "Head of Safeguarding"})

    # On host B, signed in by the same cookie: the change, the file, the pages.
    assert officer.form(host_b, edit_page)["owner_name"] == "Head of Safeguarding"
    evidence = Evidence.objects.get(update__action=action)
    download = officer.get(host_b, reverse("improvement_plans:evidence", args=[evidence.pk]))
    assert download.content == PDF
    assert "Location" not in download.headers
    for host in two_hosts:
        assert not any(path.is_file() for path in host.media.rglob("*")), "a file on local disk"
        assert_action_shown(officer.get(host, plan_page).text, action, "At risk")

    # Host A's form is opened; host B changes the title; then host A's form is sent.
    stale = officer.form(host_a, edit_page)
    fresh = officer.form(host_b, edit_page)
    officer.post(host_b, edit_page, {**fresh, "title": "Audit every safeguarding file"})
    conflict = officer.post(host_a, edit_page, {**stale, "owner_name": "Director of Care"})
    assert conflict.status_code == 200
    assert CONFLICT in conflict.text

    action.refresh_from_db()
    assert (action.title, action.owner_name, action.status) == (
        "Audit every safeguarding file",
        "Head of Safeguarding",
        ActionStatus.AT_RISK,
    )
    for host in two_hosts:
        assert "Audit every safeguarding file" in officer.get(host, plan_page).text
    # The council's figures (actions by status, what changed) are new, and the same on both.
    figures_after = {main_text(officer.get(host, council_page).text) for host in two_hosts}
    assert len(figures_after) == 1
    assert figures_after != figures_before


def assert_action_shown(page, action, status):
    """The plan page's row of the action names its status."""
    row = re.search(rf"Action {action.number}\b.*?</tr>", page, re.DOTALL)
    assert row, f"Action {action.number} is not on the plan page"
    assert status in row.group(0), f"Action {action.number} is not shown as {status}"


def main_text(page):
    """The words of the page's main content, without its markup (which carries a token and a
    nonce of each response)."""
    main = re.search(r"<main\b.*</main>", page, re.DOTALL).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())
