import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_runtest_makereport(item, call):
    """Under CI a skipped test is a failure: the browser checks must really run there."""
    if not IN_CI or call.when not in {"setup", "call"} or call.excinfo is None:
        return
    if call.excinfo.errisinstance(pytest.skip.Exception):
        reason = str(call.excinfo.value)
        call.excinfo = None
        pytest.fail(f"Skipped under CI=true, which must not happen: {reason}", pytrace=False)


@pytest.fixture(autouse=True, scope="session")
def _media_in_tmp(tmp_path_factory):
    """Uploaded files go to a temporary folder (class-level test data writes files too)."""
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
