"""The authenticator app of the browser tests: it keeps the key each demo user set up and
works out the codes an app would show (RFC 6238, by django-otp's own hotp)."""

import time
from base64 import b32decode
from urllib.parse import urlsplit

from django_otp.oath import hotp

STEP = 30
# username -> [key, the last time step whose code was used]
KEYS = {}


def remember(username, key_text):
    KEYS[username] = [b32decode(key_text.replace(" ", "")), 0]


def code_for(username):
    """The code showing now, or the next one if now's was used (each is accepted once; the
    server allows one step of clock difference)."""
    key, last = KEYS[username]
    step = max(int(time.time()) // STEP, last + 1)
    KEYS[username][1] = step
    return f"{hotp(key, step):06d}"


def pass_second_step(page, username):
    """After the password: set up the authenticator (the first time) or enter its code."""
    # Wait until the password page is left: for the home page, or a step of two-factor.
    page.wait_for_url(lambda url: urlsplit(url).path != "/sign-in/")
    if "/account/two-factor/set-up/" in page.url:
        remember(username, page.get_by_test_id("setup-key").text_content())
        page.get_by_label("Code from your authenticator app").fill(code_for(username))
        page.get_by_role("button", name="Continue").click()
        page.get_by_role("button", name="I have kept my recovery codes").click()
    elif "/sign-in/code/" in page.url:
        page.get_by_label("Security code").fill(code_for(username))
        page.get_by_role("button", name="Continue").click()
