"""The production settings (DEBUG off, from the environment) for a gunicorn that the tests start,
with one difference: static file names are not looked up in a manifest, so that the tests need
not run collectstatic first."""

from sli.settings import *  # noqa: F403
from sli.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
