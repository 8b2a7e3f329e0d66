"""A real OpenID Connect provider for the sign-in tests: tests/oidc/provider.mjs (the npm
package oidc-provider, installed by ``npm ci``) started with Node on 127.0.0.1."""

import json
import os
import shutil
import subprocess
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_SECRET = "test-client-secret-not-for-production"
CALLBACK_PATH = "/sign-in/council-account/callback/"
# The e-mail domains the tests allow; provider.mjs has users at them and elsewhere.
ALLOWED_DOMAINS = ["sefton.gov.uk", "walsall.gov.uk"]


@contextmanager
def running_provider(*redirect_uris):
    """Start the provider and yield its discovery URL; stop it afterwards."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").exists():
        missing = "Node.js and oidc-provider are needed: install Node 20 and run 'npm ci'"
        # Under CI the sign-in tests must really run.
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(missing)
        pytest.skip(missing)
    process = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
        [node, str(SCRIPT), *redirect_uris],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"The OpenID provider did not start: {process.stderr.read()}")
        yield json.loads(line)["discovery"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def sso_settings(discovery, client_id="sli"):
    """Settings that turn single sign-on on against the test provider, as the environment
    variables do (sli/settings.py)."""
    return {
        "SSO_ENABLED": True,
        "OIDC_DISCOVERY_URL": discovery,
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_ALLOWED_EMAIL_DOMAINS": ALLOWED_DOMAINS,
    }


class FormReader(HTMLParser):
    """The provider's sign-in form: its action and hidden fields."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = attrs.get("action")
        if tag == "input" and attrs.get("type") == "hidden":
            self.fields[attrs["name"]] = attrs.get("value", "")


def sign_in_at_provider(authorize_url, login, until):
    """Do what a person does at the provider: open the authorisation URL, type the login into
    its form and send it; return the URL it finally sends the browser to (on ``until``)."""
    browser = requests.Session()
    response = browser.get(authorize_url, timeout=10)
    response.raise_for_status()
    form = FormReader()
    form.feed(response.text)
    response = browser.post(
        urljoin(response.url, form.action),
        data={**form.fields, "login": login, "password": "any password"},
        allow_redirects=False,
        timeout=10,
    )
    for _ in range(10):
        location = urljoin(response.url, response.headers.get("Location", ""))
        if location.startswith(until):
            return location
        if response.status_code not in (302, 303):
            raise AssertionError(f"The provider answered {response.status_code}: {response.text}")
        response = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("The provider never sent the browser back")
