import os
from urllib.parse import urlsplit

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI a skipped browser test is a failure: the browser checks must really run there.
    (Tests that only make sense on one database may still skip on the other.)"""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = (
            f"Browser test skipped under CI=true, which must not happen: {report.longrepr}"
        )


@pytest.fixture(autouse=True, scope="session")
def _media_in_tmp(tmp_path_factory):
    """Uploaded files go to a temporary folder (class-level test data writes files too)."""
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True, scope="session")
def _page_cache_on():
    """Every test runs with cached pages, as a deployment with Redis does: the access matrix and
    every journey then show that a cached page is never another user's nor older than the data
    (one process per test worker, so its memory cache is enough)."""
    from django.conf import settings

    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True, scope="session")
def _cache_of_this_worker():
    """With the cache in Redis (REDIS_URL set for the run), each pytest-xdist worker uses a Redis
    database of its own (the URL's number plus the worker's, of Redis's 16): every test empties
    the cache first, which would otherwise empty it under the other worker's running test."""
    from django.conf import settings
    from django.test import override_settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    cache = settings.CACHES["default"]
    if not worker or not cache["BACKEND"].endswith("RedisCache"):
        yield
        return
    url = urlsplit(cache["LOCATION"])
    database = (int(url.path.strip("/") or 0) + int(worker.removeprefix("gw"))) % 16
    location = url._replace(path=f"/{database}").geturl()
    with override_settings(CACHES={**settings.CACHES, "default": {**cache, "LOCATION": location}}):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """The password reset limits count in the cache, which no test's transaction rolls back, and
    every test client asks from 127.0.0.1: each test starts with nothing counted."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _no_wait_between_mail_retries(settings):
    """A failed e-mail is tried again after a wait (sli.lib.mail): no test waits for it."""
    settings.MAIL_RETRY_SECONDS = 0
