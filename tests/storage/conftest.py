import pytest

from tests.object_store import object_store  # noqa: F401 (the session's S3 server)


@pytest.fixture
def bucket(object_store, settings):  # noqa: F811
    """A new bucket, and the site's uploaded files kept in it (under the folder "uploads")."""
    name = object_store.new_bucket()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_store.storage_settings(name, location="uploads"),
    }
    return name
