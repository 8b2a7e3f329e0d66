import pytest

from tests.object_store import object_store  # noqa: F401 (the session's S3 server)


@pytest.fixture
def bucket(object_store, settings, tmp_path):  # noqa: F811
    """A new bucket, and the site's uploaded files kept in it (under the folder "uploads");
    the local media folder empty, to show that nothing lands there."""
    name = object_store.new_bucket()
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_store.storage_settings(name, location="uploads"),
    }
    return name
