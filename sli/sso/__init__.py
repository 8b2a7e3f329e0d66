"""Single sign-on with a council's own identity provider by OpenID Connect (mozilla-django-oidc):
the backend that checks the provider's answer (backend.py) and the two pages of the round trip
(views.py). Off unless OIDC_DISCOVERY_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set."""
