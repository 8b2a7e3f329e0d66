"""Settings for the sector-led improvement manager, read from the environment.

Without any environment variables this runs locally on an SQLite file with DEBUG on.
A deployment sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def env_list(name, default):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


DEBUG = env_flag("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set the SECRET_KEY environment variable: it is required when DEBUG is off."
        )
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_filters",
    "django_tables2",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    # Two-factor sign-in: authenticator apps (TOTP) and recovery codes (sli/two_factor/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background tasks (django-tasks, the backport of Django 6's django.tasks) and their
    # database backend, whose worker is `manage.py db_worker`.
    "django_tasks",
    "django_tasks_db",
    "sli.apps.SliConfig",
    "sli.api",
    "councils",
    "reviews",
    "recommendations",
    "improvement_plans",
    "regional",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, CSRF and message middleware, so it sees the cookies they set.
    "sli.middleware.PrivateResponsesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication, to know who is signed in, and after messages, to say why they
    # were signed out.
    "sli.signin.SessionLifetimeMiddleware",
    # After the password, nothing but the code until it is given (sli/two_factor/).
    "sli.two_factor.middleware.SecondStepMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its own response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out address is refused whichever way in it tries.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, marking a password sign-in for the two-factor step.
    "sli.two_factor.backends.PasswordBackend",
    # Answers only the single sign-on callback, and only when OIDC_DISCOVERY_URL is set.
    "sli.sso.backend.CouncilAccountBackend",
]

ROOT_URLCONF = "sli.urls"
WSGI_APPLICATION = "sli.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "sli.sso.context.sign_in_options",
            ],
        },
    },
]

# Forms render with GOV.UK Frontend markup from templates/django/forms/.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# A pasted letter's preview sends four fields a recommendation back when it is added: Django's
# default of 1,000 fields a request stopped a letter of about 250 rows with a bare 400.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# A kept-open connection is checked before a request uses it, so one the database dropped
# (a restart, a failover) is replaced instead of failing that request.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # While the database cannot be reached, a page gives up connecting after this many seconds
    # and answers with the error page rather than hanging. A signed-in page tries twice (the
    # session is read again as the response is made), so 2 s keeps it under 5 s. (libpq's
    # least; options in the URL win.)
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 2)
    )
    # PostgreSQL's JIT compiler starts on queries whose estimated cost is high, and the
    # access rules' subqueries make most list and dashboard queries look costly: it spent
    # 0.5 s compiling a home-page count that runs in 50 ms. Short web queries never repay it.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "sli.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "sli.passwords.MinimumLengthValidator"},
    {"NAME": "sli.passwords.CommonPasswordValidator"},
    {"NAME": "sli.passwords.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Uploaded files (evidence, the evidence library, council logos, imports between preview and
# apply): the local disk under MEDIA_ROOT by default, or an S3-compatible bucket when S3_BUCKET
# is set, which several application hosts can share. Every download streams through the app
# behind its access checks: no file is public and no page links to the bucket.
#   S3_BUCKET             the bucket (AWS_STORAGE_BUCKET_NAME is read too)
#   S3_ENDPOINT_URL       for a store other than AWS (MinIO, Ceph...), e.g. https://s3.example:9000
#   S3_REGION             the bucket's region, e.g. eu-west-2
#   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY
#                         without them, boto's own chain: AWS_ACCESS_KEY_ID and
#                         AWS_SECRET_ACCESS_KEY, a profile, or the host's instance role
#   S3_LOCATION           a folder in the bucket to keep the files under (none by default)
#   S3_ADDRESSING_STYLE   "path" for a store that has no bucket-named hosts (default: boto's)


def uploaded_file_storage(environ):
    """The storage of uploaded files: the bucket that ``environ`` names, or the local disk."""
    bucket = environ.get("S3_BUCKET") or environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "region_name": environ.get("S3_REGION") or None,
        "access_key": environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("S3_SECRET_ACCESS_KEY") or None,
        "location": environ.get("S3_LOCATION", "").strip("/"),
        "addressing_style": environ.get("S3_ADDRESSING_STYLE") or None,
        # Objects private to the bucket's owner; a URL, should anything ask for one, is signed
        # and lasts a minute; a new file never replaces one of the same name.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 60,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": uploaded_file_storage(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Background tasks: reminders, large exports and long reports. "database" queues them in the
# database for `manage.py db_worker`; "immediate" runs them at once in the web process (a trial
# on one machine without a worker: the pages then wait as long as the work takes).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "").strip() or "database"
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND is {TASKS_BACKEND!r}: set it to database (tasks run by manage.py "
        "db_worker) or immediate (run at once in the web process)."
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
# An export of the action list or the recommendations list with more rows than this is prepared in
# the background.
EXPORT_IN_BACKGROUND_ROWS = env_int("EXPORT_IN_BACKGROUND_ROWS", 2000)
# A progress report (PDF) of a plan with more actions than this is prepared in the background
# (it takes about 1 s and 0.03 s an action: over 2 s from some 40 actions).
REPORT_IN_BACKGROUND_ACTIONS = env_int("REPORT_IN_BACKGROUND_ACTIONS", 40)
# Prepared files are deleted this many hours after they were asked for.
PREPARED_FILE_HOURS = env_int("PREPARED_FILE_HOURS", 24)
# A file still being prepared this many minutes after the worker started on it is given up
# (the worker was stopped or restarted mid-way): its page says so and offers to try again.
PREPARED_FILE_GIVE_UP_MINUTES = env_int("PREPARED_FILE_GIVE_UP_MINUTES", 15)
# A file no worker has started on after this many minutes: its page says the worker may not be
# running.
PREPARED_FILE_WAITING_MINUTES = env_int("PREPARED_FILE_WAITING_MINUTES", 2)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sector-led-improvement@localhost")
# The address of the site as people reach it, for links in emails sent by cron jobs.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# GOV.UK Notify sends every e-mail when NOTIFY_API_KEY is set (sli/lib/mail.py); each e-mail
# then needs the id of the template made for it in Notify (README, "E-mail through GOV.UK
# Notify"). Without the key, the EMAIL_* settings above are used.
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "").strip()
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_TEMPLATES = {
    "invitation": os.environ.get("NOTIFY_TEMPLATE_INVITATION", "").strip(),
    "password_reset": os.environ.get("NOTIFY_TEMPLATE_PASSWORD_RESET", "").strip(),
    "reminder": os.environ.get("NOTIFY_TEMPLATE_REMINDER", "").strip(),
}
if NOTIFY_API_KEY and (unset := [name for name, value in NOTIFY_TEMPLATES.items() if not value]):
    raise ImproperlyConfigured(
        "NOTIFY_API_KEY is set, so every e-mail goes through GOV.UK Notify: set the template "
        "id of each, " + ", ".join(f"NOTIFY_TEMPLATE_{name.upper()}" for name in unset) + "."
    )
# A failed send is tried MAIL_SEND_ATTEMPTS times in all, waiting MAIL_RETRY_SECONDS, then
# twice as long, and so on, between tries.
MAIL_SEND_ATTEMPTS = env_int("MAIL_SEND_ATTEMPTS", 3)
MAIL_RETRY_SECONDS = float(os.environ.get("MAIL_RETRY_SECONDS", "") or 2)

# Security. Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS
# after signing in however busy they were, so a stolen session cookie is not good for ever.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 60) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
# A stale form gets a page in the site's layout that says what to do, not Django's bare 403.
CSRF_FAILURE_VIEW = "sli.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", not DEBUG)
if env_flag("SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that always sets X-Forwarded-Proto itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline scripts, no third-party origins; the nonce is there for a script that must be
# inline one day, never 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Whitenoise answers static files before Django's middleware, so they carry headers of their
# own. A stylesheet's policy governs nothing the page loads, but a drawing opened from /static/
# is a document in its own right: under this policy it runs no script and loads nothing but
# the site's own styles, images and fonts.
STATIC_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "frame-ancestors 'none'"
)


def add_static_file_headers(headers, path, url):
    headers["Content-Security-Policy"] = STATIC_CONTENT_SECURITY_POLICY
    headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"


WHITENOISE_ADD_HEADERS_FUNCTION = add_static_file_headers

# Sign-in throttling: after AXES_FAILURE_LIMIT failures for one username from one address,
# that pair is locked out for AXES_COOLOFF_MINUTES; after AXES_ADDRESS_FAILURE_LIMIT failures
# for any usernames from one address (password spraying), the whole address is. The address
# limit is the larger so that one person's typos do not lock out an office behind one address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
if AXES_ADDRESS_FAILURE_LIMIT <= AXES_FAILURE_LIMIT:
    raise ImproperlyConfigured(
        "Set AXES_ADDRESS_FAILURE_LIMIT above AXES_FAILURE_LIMIT: one person's typos would "
        "otherwise lock out everyone signing in from the same address."
    )
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "sli.signin.AddressLimitedAxesHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0) or None

# Single sign-on with the council's own identity provider (OpenID Connect, e.g. Microsoft
# Entra ID), through mozilla-django-oidc. On when the discovery URL, client id and secret are
# all set; the endpoints, issuer and keys are read from the discovery document (sli/sso/backend.py).
OIDC_DISCOVERY_URL = os.environ.get("OIDC_DISCOVERY_URL", "").strip()
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "").strip()
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "").strip()
SSO_ENABLED = bool(OIDC_DISCOVERY_URL and OIDC_RP_CLIENT_ID and OIDC_RP_CLIENT_SECRET)
# Only people whose verified e-mail address is at one of these domains may sign in this way.
OIDC_ALLOWED_EMAIL_DOMAINS = [
    domain.lower().lstrip("@") for domain in env_list("OIDC_ALLOWED_EMAIL_DOMAINS", [])
]
if SSO_ENABLED and not OIDC_ALLOWED_EMAIL_DOMAINS:
    raise ImproperlyConfigured(
        "Set OIDC_ALLOWED_EMAIL_DOMAINS (e.g. sefton.gov.uk): without it anyone the identity "
        "provider knows could sign in."
    )
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDS", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"
# Local passwords only for site administrators (who keep a way in if the identity provider
# fails); everyone else signs in with their council account.
LOCAL_PASSWORDS_FOR_ADMINS_ONLY = env_flag("LOCAL_PASSWORDS_FOR_ADMINS_ONLY", False)
if LOCAL_PASSWORDS_FOR_ADMINS_ONLY and not SSO_ENABLED:
    raise ImproperlyConfigured(
        "LOCAL_PASSWORDS_FOR_ADMINS_ONLY needs single sign-on (OIDC_DISCOVERY_URL, "
        "OIDC_CLIENT_ID, OIDC_CLIENT_SECRET): nobody else could sign in."
    )

# The cache: Redis when REDIS_URL is set, shared by every worker and host (limits below are
# then counted once for all); otherwise each process's own memory.
if REDIS_URL := os.environ.get("REDIS_URL", "").strip():
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "sli"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rendered dashboards and lists are kept in the cache, keyed on the user, the day and a stamp
# that every write to the database moves (sli/lib/change_stamp.py): never older than the data.
# On by default with Redis, which every process and host shares. The per-process memory cache
# cannot tell one gunicorn worker of another's writes, so without Redis it is off unless
# PAGE_CACHE=true says the site runs in one process (runserver; the tests turn it on).
PAGE_CACHE = env_flag("PAGE_CACHE", bool(REDIS_URL))
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 15 * 60)

# Password reset e-mails: at most PASSWORD_RESET_ACCOUNT_LIMIT an hour to one e-mail address,
# and PASSWORD_RESET_ADDRESS_LIMIT requests an hour from one client address, counted in the
# default cache (without REDIS_URL, each gunicorn worker counts its own).
PASSWORD_RESET_ACCOUNT_LIMIT = env_int("PASSWORD_RESET_ACCOUNT_LIMIT", 3)
PASSWORD_RESET_ADDRESS_LIMIT = env_int("PASSWORD_RESET_ADDRESS_LIMIT", 10)

# The name an authenticator app shows beside the account's codes.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Sector-led improvement manager")

DJANGO_TABLES2_TEMPLATE = "includes/table.html"

# The read API (sli/api/): callers sign in with a token from their account page, read only
# what their pages show, a page of results at a time, as JSON.
# Requests an hour one person's tokens may make (a nightly Power BI refresh of every list, a
# page of 100 at a time, stays well within it).
API_REQUESTS_PER_HOUR = env_int("API_REQUESTS_PER_HOUR", 3600)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["sli.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["sli.api.throttling.RequestsPerHour"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "sli.api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sector-led improvement manager API",
    "DESCRIPTION": (
        "Read-only access to the councils, reviews, recommendations, improvement plans, "
        "actions and progress updates that the token's person may see on the site. Each "
        "person may make a limited number of requests an hour (3,600 unless the site sets "
        "another): beyond it the answer is 429 with a Retry-After header."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "improvement_plans.models.ActionStatus",
        "RagEnum": "improvement_plans.models.Rag",
        "PlanStatusEnum": "improvement_plans.models.ImprovementPlan.Status",
        "ReviewStatusEnum": "reviews.models.Review.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
