"""Signing in with a council account: mozilla-django-oidc, with the checks it leaves to us.

mozilla-django-oidc runs the authorisation code flow (state, nonce, PKCE) and checks an ID
token's signature against the provider's published keys. It reads fixed endpoint settings, does
not check the token's audience or issuer, and matches people by any e-mail claim. Here the
endpoints and the issuer come from the provider's discovery document; a token must be for this
service (its client id) from that issuer; and the e-mail address must be one the provider
vouches for, at a domain the council allowed. Whatever is refused is said in plain words on the
refusal page, and counts as a failed sign-in for throttling and the audit.
"""

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.utils.text import get_text_list
from jwt import (
    ExpiredSignatureError,
    ImmatureSignatureError,
    InvalidAudienceError,
    InvalidIssuerError,
    InvalidSignatureError,
    InvalidTokenError,
)
from jwt import decode as decode_jwt
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

# The discovery document changes when the provider rotates keys or moves: re-read hourly.
DISCOVERY_LIFETIME = 60 * 60
# Clocks of the provider and this server may differ by a little.
CLOCK_LEEWAY_SECONDS = 60

ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}

ASK_IT = "If this keeps happening, tell your council's IT service desk."
UNAVAILABLE = "Your council's sign-in service did not answer. Try again in a few minutes."
NOT_FOR_US = (
    "Your council's sign-in service sent us a sign-in meant for another service (its audience "
    f"is not this service), so we did not accept it. Try again. {ASK_IT}"
)
WRONG_ISSUER = (
    "The sign-in did not come from the sign-in service this service is set up to trust, so we "
    f"did not accept it. {ASK_IT}"
)
BAD_SIGNATURE = (
    "We could not confirm that the sign-in came from your council's sign-in service (its "
    f"signature did not match the service's keys), so we did not accept it. {ASK_IT}"
)
EXPIRED = "The sign-in took too long and ran out. Start again."
BAD_TOKEN = f"Your council's sign-in service sent a sign-in we could not read. {ASK_IT}"
CODE_REFUSED = (
    "Your council's sign-in service would not confirm this sign-in (it did not accept the code "
    "it was given back), so we did not accept it. Start again from the sign-in page."
)
NO_EMAIL = (
    "Your council's sign-in service did not tell us your e-mail address, so we cannot tell who "
    f"you are here. {ASK_IT}"
)


class Refused(Exception):
    """A sign-in this service turns down; the message is for the person, on the refusal page."""


class ProviderUnavailable(Exception):
    """The identity provider's discovery document could not be read."""


def discovery():
    """The provider's discovery document (endpoints, issuer, keys' address), kept for an hour."""
    url = settings.OIDC_DISCOVERY_URL
    key = f"oidc-discovery:{url}"
    document = cache.get(key)
    if document is None:
        try:
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise ProviderUnavailable(str(error)) from error
        cache.set(key, document, DISCOVERY_LIFETIME)
    return document


def oidc_setting(name, *default):
    """mozilla-django-oidc's settings, with the provider's endpoints from discovery."""
    if name in ENDPOINTS:
        return discovery().get(ENDPOINTS[name])
    return import_from_settings(name, *default)


def is_verified_email(claims):
    """The provider vouches for the address: ``email_verified`` (the OpenID standard), or
    Microsoft Entra ID's ``xms_edov`` (the address's domain is verified by the tenant)."""
    return any(
        claims.get(name) in (True, "true", "True") for name in ("email_verified", "xms_edov")
    )


class CouncilAccountBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django makes its backends for every password sign-in and every signed-in request:
        # the provider is asked for its endpoints only when a sign-in through it needs them.
        self.UserModel = get_user_model()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None

    # The library's attribute names, read from the discovery document when first used.
    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):
        return discovery()["token_endpoint"]

    @property
    def OIDC_OP_USER_ENDPOINT(self):
        return discovery().get("userinfo_endpoint")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):
        return discovery()["jwks_uri"]

    def authenticate(self, request, **kwargs):
        # Only the callback passes a nonce: a password sign-in never reaches the provider.
        if not settings.SSO_ENABLED or request is None or "nonce" not in kwargs:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except Refused as refusal:
            request.sso_refusal = str(refusal)
        except requests.HTTPError:
            request.sso_refusal = CODE_REFUSED
        except (ProviderUnavailable, requests.RequestException):
            request.sso_refusal = UNAVAILABLE
        except SuspiciousOperation:
            # The library's own checks: the nonce, the algorithm, a key id not published.
            request.sso_refusal = BAD_SIGNATURE
        # Django then counts a failed sign-in: django-axes throttles the address, the audit
        # records it.
        raise PermissionDenied(request.sso_refusal)

    def get_payload_data(self, token, key):
        """The ID token's claims, if it is signed by the provider, for this service, from the
        issuer the discovery document names, and still current."""
        try:
            payload = decode_jwt(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=discovery()["issuer"],
                leeway=CLOCK_LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except InvalidAudienceError as error:
            raise Refused(NOT_FOR_US) from error
        except InvalidIssuerError as error:
            raise Refused(WRONG_ISSUER) from error
        except InvalidSignatureError as error:
            raise Refused(BAD_SIGNATURE) from error
        except (ExpiredSignatureError, ImmatureSignatureError) as error:
            raise Refused(EXPIRED) from error
        except InvalidTokenError as error:
            raise Refused(BAD_TOKEN) from error
        # A token for several audiences must name this service as the party it was issued to.
        audience = payload["aud"]
        if isinstance(audience, list) and len(audience) > 1:
            if payload.get("azp") != self.OIDC_RP_CLIENT_ID:
                raise Refused(NOT_FOR_US)
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the user info endpoint's (Entra ID puts its
        optional claims, such as ``xms_edov``, only in the token)."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload["sub"]:
                raise Refused(BAD_TOKEN)
            claims.update(userinfo)
        return claims

    def verify_claims(self, claims):
        email = (claims.get("email") or "").strip()
        self.request.sso_email = email
        if not email:
            raise Refused(NO_EMAIL)
        if not is_verified_email(claims):
            raise Refused(
                f"Your council's sign-in service has not confirmed that {email} is your "
                f"e-mail address, so we cannot match you to an invitation. {ASK_IT}"
            )
        domain = email.rpartition("@")[2].lower()
        allowed = settings.OIDC_ALLOWED_EMAIL_DOMAINS
        if domain not in allowed:
            raise Refused(
                f"You signed in as {email}. Only accounts at "
                f"{get_text_list(allowed, 'or')} can sign in to this service this way. If you "
                "work for one of these councils, sign in with that council's account."
            )
        return True

    def filter_users_by_claims(self, claims):
        """The account with this e-mail address: one an invitation made (it has the
        invitation's roles), or one the person already used."""
        email = claims["email"].strip()
        users = list(self.UserModel.objects.filter(email__iexact=email)[:2])
        if len(users) > 1:
            raise Refused(
                f"More than one account here has the e-mail address {email}, so we cannot "
                "tell which is yours. Ask the site administrator to remove the one not used."
            )
        if users and not users[0].is_active:
            raise Refused("This account has been switched off. Ask your administrator.")
        return users

    def create_user(self, claims):
        """An account without a role: the home page then says whom to ask for one."""
        email = claims["email"].strip()
        username = email.lower()
        if self.UserModel.objects.filter(username=username).exists():
            raise Refused(
                f"An account here already has the name {username} with another e-mail "
                "address. Ask the site administrator to correct it."
            )
        user = self.UserModel(username=username, email=email)
        self.update_names(user, claims)
        user.set_unusable_password()
        user.save()
        return user

    def update_user(self, user, claims):
        if self.update_names(user, claims):
            user.save(update_fields=["first_name", "last_name"])
        return user

    def update_names(self, user, claims):
        """Fill in a name the account lacks from the provider's; true if one was."""
        changed = False
        for field, claim in (("first_name", "given_name"), ("last_name", "family_name")):
            if not getattr(user, field) and claims.get(claim):
                setattr(user, field, str(claims[claim])[:150])
                changed = True
        return changed
