from django.conf import settings


def sign_in_options(request):
    """What the sign-in page offers: the council account (when single sign-on is set up) and
    whether passwords are for site administrators only."""
    return {
        "sign_in": {
            "sso": settings.SSO_ENABLED,
            "passwords_for_admins_only": settings.LOCAL_PASSWORDS_FOR_ADMINS_ONLY,
        }
    }
