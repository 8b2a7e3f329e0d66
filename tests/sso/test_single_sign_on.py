"""Signing in with a council account, against a real OpenID provider on 127.0.0.1
(tests/oidc/provider.mjs: the npm package oidc-provider). Each test makes the round trip a
browser makes: the service sends it to the provider, the person signs in there, the provider
sends it back with a code, and the service exchanges the code for tokens and checks them."""

import os
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory

from councils.models import Membership, SignInEvent
from councils.services import add_person
from sli.signin import SIGNED_IN_AT
from tests.factories import make_council, make_user
from tests.oidc import CALLBACK_PATH, running_provider, sign_in_at_provider, sso_settings
from tests.oidc import ROOT as PROJECT_ROOT

pytestmark = pytest.mark.django_db
START = "/sign-in/council-account/"
CALLBACK = f"http://testserver{CALLBACK_PATH}"
START_URL = f"http://testserver{START}"


@pytest.fixture(scope="module")
def discovery():
    with running_provider(CALLBACK) as url:
        yield url


@pytest.fixture
def sso(settings, discovery):
    """Single sign-on on, as the environment variables turn it on, for client "sli"."""

    def configure(client_id="sli"):
        for name, value in sso_settings(discovery, client_id).items():
            setattr(settings, name, value)

    configure()
    return configure


def sign_in_with_council_account(client, login, next_url=""):
    """The round trip; the service's answer to the provider sending the browser back."""
    start = client.get(START + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302, start
    back = sign_in_at_provider(start["Location"], login, until=CALLBACK)
    return client.get(back)


def invite(email, council, role=Membership.Role.COUNCIL_EDITOR):
    """An invitation as a council's editor sends one from the People page."""
    editor = make_user(email="editor@sefton.gov.uk")
    Membership.objects.create(user=editor, role=Membership.Role.COUNCIL_EDITOR, council=council)
    request = RequestFactory().post("/")
    return add_person(
        council=council, email=email, full_name="Ina Vited", role=role, by=editor, request=request
    )


def test_without_settings_there_is_no_council_account_sign_in(client):
    assert client.get(START).status_code == 404
    assert client.get(CALLBACK_PATH + "?code=x&state=y").status_code == 404
    page = client.get("/sign-in/").content.decode()
    assert "Sign in with your council account" not in page
    assert 'name="password"' in page


def test_the_sign_in_page_offers_the_council_account_first(client, sso):
    page = client.get("/sign-in/?next=/councils/").content.decode()
    assert page.index("Sign in with your council account") < page.index('name="password"')
    assert f'href="{START}?next=/councils/"' in page


def test_an_invited_person_gets_the_invitations_role_at_first_sign_in(client, sso):
    council = make_council(name="Sefton Council")
    membership = invite("Invited.Officer@sefton.gov.uk", council)
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0].body
    assert f"your council's e-mail) here:\n{START_URL}\n" in invitation
    assert "Or choose a password for this service instead:" in invitation

    response = sign_in_with_council_account(client, "invited.officer@sefton.gov.uk")

    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")
    assert home.wsgi_request.user == membership.user
    assert "Sefton Council" in home.content.decode()
    user = get_user_model().objects.get(pk=membership.user.pk)
    assert list(user.memberships.values_list("role", "council")) == [
        (Membership.Role.COUNCIL_EDITOR, council.pk)
    ]
    assert not user.has_usable_password()
    event = SignInEvent.objects.get(user=user)
    assert (event.method, event.outcome) == ("sso", "signed_in")
    assert event.ip_address == "127.0.0.1"


def test_the_page_asked_for_is_where_the_person_lands(client, sso):
    invite("invited.officer@sefton.gov.uk", make_council())
    response = sign_in_with_council_account(
        client, "invited.officer@sefton.gov.uk", next_url="/councils/"
    )
    assert response["Location"] == "/councils/"


def test_without_an_invitation_the_account_has_no_role_and_says_whom_to_ask(client, sso):
    make_user(username="siteadmin", email="admin@example.org", is_staff=True, first_name="Ada")
    response = sign_in_with_council_account(client, "new.starter@sefton.gov.uk")

    assert response.status_code == 302
    user = get_user_model().objects.get(email="new.starter@sefton.gov.uk")
    assert (user.username, user.first_name, user.last_name) == (
        "new.starter@sefton.gov.uk",
        "Nia",
        "Starter",
    )
    assert not user.memberships.exists()
    home = client.get("/").content.decode()
    assert "you do not have access to any council" in home
    assert "one of your council's editors" in home
    assert 'href="mailto:admin@example.org"' in home


def refusal(response, words):
    assert response.status_code == 403
    page = response.content.decode()
    assert "You could not sign in with your council account" in page
    assert words in page
    return page


def assert_nobody_signed_in(client):
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_an_email_domain_not_allowed_is_refused_with_a_clear_page(client, sso):
    response = sign_in_with_council_account(client, "someone@elsewhere.example")
    refusal(response, "Only accounts at sefton.gov.uk or walsall.gov.uk can sign in")
    assert_nobody_signed_in(client)
    assert not get_user_model().objects.filter(email="someone@elsewhere.example").exists()
    event = SignInEvent.objects.get()
    assert (event.method, event.outcome, event.username) == (
        "sso",
        "failed",
        "someone@elsewhere.example",
    )
    assert "Only accounts at" in event.reason


def test_an_address_the_provider_has_not_verified_is_refused(client, sso):
    invite("unverified@sefton.gov.uk", make_council())
    response = sign_in_with_council_account(client, "unverified@sefton.gov.uk")
    refusal(response, "has not confirmed that unverified@sefton.gov.uk is your e-mail address")
    assert_nobody_signed_in(client)


def test_a_token_for_another_audience_is_refused(client, sso):
    sso("sli-wrong-audience")
    invite("invited.officer@sefton.gov.uk", make_council())
    response = sign_in_with_council_account(client, "invited.officer@sefton.gov.uk")
    refusal(response, "meant for another service")
    assert_nobody_signed_in(client)
    assert SignInEvent.objects.get().outcome == "failed"


def test_a_token_signed_with_a_key_the_provider_never_published_is_refused(client, sso):
    sso("sli-bad-signature")
    invite("invited.officer@sefton.gov.uk", make_council())
    response = sign_in_with_council_account(client, "invited.officer@sefton.gov.uk")
    refusal(response, "its signature did not match")
    assert_nobody_signed_in(client)


def test_a_sign_in_made_at_another_provider_is_refused(client, sso, settings):
    """Our request taken to a second provider: the code it gives back is not one ours
    issued, so ours will not exchange it for tokens."""
    with running_provider(CALLBACK) as other:
        start = client.get(START)
        theirs = urlsplit(other)
        ours = urlsplit(start["Location"])
        # The person is sent to the other provider with our request (state, nonce, PKCE).
        forged = start["Location"].replace(ours.netloc, theirs.netloc)
        back = sign_in_at_provider(forged, "invited.officer@sefton.gov.uk", until=CALLBACK)
    refusal(client.get(back), "would not confirm this sign-in")
    assert_nobody_signed_in(client)


def test_a_callback_this_browser_did_not_start_is_refused(client, sso):
    response = client.get(f"{CALLBACK_PATH}?code=stolen&state=not-ours")
    refusal(response, "Start again from the sign-in page")


def test_a_provider_that_does_not_answer_gets_a_page_saying_so(client, sso, settings):
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    response = client.get(START)
    assert response.status_code == 503
    assert "did not answer" in response.content.decode()


def test_failed_council_account_sign_ins_are_throttled_by_address(client, sso, settings):
    invite("invited.officer@sefton.gov.uk", make_council())
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        refusal(sign_in_with_council_account(client, "someone@elsewhere.example"), "Only")
    # The failure that reaches the limit locks the address out, and then so is everyone.
    for login in ("someone@elsewhere.example", "invited.officer@sefton.gov.uk"):
        response = sign_in_with_council_account(client, login)
        assert response.status_code == 429
    assert "Sign-in locked for a while" in response.content.decode()
    assert_nobody_signed_in(client)
    assert SignInEvent.objects.filter(outcome="locked_out", method="sso").exists()


def test_the_session_limit_applies_to_council_account_sign_ins(client, sso, settings):
    invite("invited.officer@sefton.gov.uk", make_council())
    sign_in_with_council_account(client, "invited.officer@sefton.gov.uk")
    assert client.get("/").status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = time.time() - settings.SESSION_MAX_HOURS * 3600 - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


class TestPasswordsForAdministratorsOnly:
    def test_invitations_offer_only_the_council_account(self, sso, settings):
        settings.LOCAL_PASSWORDS_FOR_ADMINS_ONLY = True
        invite("invited.officer@sefton.gov.uk", make_council())
        invitation = mail.outbox[0].body
        assert START_URL in invitation
        assert "password" not in invitation

    def test_others_are_sent_to_their_council_account(self, client, sso, settings):
        settings.LOCAL_PASSWORDS_FOR_ADMINS_ONLY = True
        make_user(username="officer", password="a long enough password")
        page = client.get("/sign-in/").content.decode()
        assert "Administrators may sign in with a username and password" in page
        response = client.post(
            "/sign-in/", {"username": "officer", "password": "a long enough password"}
        )
        assert response.status_code == 200
        assert "Sign in with your council account: passwords are for site administrators" in (
            response.content.decode()
        )
        assert_nobody_signed_in(client)
        event = SignInEvent.objects.get()
        assert (event.method, event.outcome, event.user.username) == (
            "password",
            "failed",
            "officer",
        )

    def test_site_administrators_keep_their_password(self, client, sso, settings):
        settings.LOCAL_PASSWORDS_FOR_ADMINS_ONLY = True
        make_user(username="root", password="a long enough password", is_staff=True)
        response = client.post(
            "/sign-in/", {"username": "root", "password": "a long enough password"}
        )
        assert response.status_code == 302
        assert SignInEvent.objects.get().outcome == "signed_in"


class TestSettingsFromTheEnvironment:
    """Each read in a fresh interpreter, as a deployment's variables are."""

    SSO = {
        "OIDC_DISCOVERY_URL": "https://login.example.org/.well-known/openid-configuration",
        "OIDC_CLIENT_ID": "sli",
        "OIDC_CLIENT_SECRET": "secret",
    }

    def settings_of(self, **env):
        base = {name: value for name, value in os.environ.items() if not name.startswith("OIDC")}
        base.pop("LOCAL_PASSWORDS_FOR_ADMINS_ONLY", None)
        return subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from django.conf import settings as s; "
                "print(s.SSO_ENABLED, s.OIDC_RP_CLIENT_ID, s.OIDC_ALLOWED_EMAIL_DOMAINS, "
                "s.LOCAL_PASSWORDS_FOR_ADMINS_ONLY)",
            ],
            cwd=PROJECT_ROOT,
            env={**base, "DJANGO_SETTINGS_MODULE": "sli.settings", **env},
            capture_output=True,
            text=True,
            timeout=60,
        )

    def test_on_with_all_three_and_the_domains(self):
        result = self.settings_of(
            **self.SSO,
            OIDC_ALLOWED_EMAIL_DOMAINS="Sefton.gov.uk, @walsall.gov.uk",
            LOCAL_PASSWORDS_FOR_ADMINS_ONLY="true",
        )
        assert result.stdout.strip() == "True sli ['sefton.gov.uk', 'walsall.gov.uk'] True"

    def test_off_without_them(self):
        result = self.settings_of(OIDC_CLIENT_ID="sli")
        assert result.stdout.strip() == "False sli [] False"

    def test_refuses_to_start_without_allowed_domains(self):
        result = self.settings_of(**self.SSO)
        assert result.returncode != 0
        assert "Set OIDC_ALLOWED_EMAIL_DOMAINS" in result.stderr

    def test_refuses_passwords_for_admins_only_without_single_sign_on(self):
        result = self.settings_of(LOCAL_PASSWORDS_FOR_ADMINS_ONLY="true")
        assert result.returncode != 0
        assert "LOCAL_PASSWORDS_FOR_ADMINS_ONLY needs single sign-on" in result.stderr
