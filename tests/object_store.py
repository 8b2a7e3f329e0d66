"""A real S3-compatible server for the tests: moto's standalone server, started once per test
process on a free port of 127.0.0.1, and a bucket of its own for each test that asks."""

import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import boto3
import pytest

from sli.settings import uploaded_file_storage
from sli.tooling.benchmark.server import free_port

# moto takes any keys; these only have to be the same on both sides.
ACCESS_KEY = "sli-test-access-key"
SECRET_KEY = "sli-test-secret-key"
REGION = "eu-west-2"


class ObjectStore:
    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def new_bucket(self):
        name = f"sli-test-{secrets.token_hex(6)}"
        self.client.create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        return name

    def environment(self, bucket, location=""):
        """The environment variables a deployment sets to keep its files in ``bucket``."""
        return {
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_REGION": REGION,
            "S3_ACCESS_KEY_ID": ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "S3_LOCATION": location,
        }

    def storage_settings(self, bucket, location=""):
        """``STORAGES["default"]`` as the settings make it from that environment."""
        return uploaded_file_storage(self.environment(bucket, location))

    def keys(self, bucket):
        listing = self.client.list_objects_v2(Bucket=bucket)
        return [entry["Key"] for entry in listing.get("Contents", [])]

    def read(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()


def wait_for_answer(process, url, log, limit=30):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto's server stopped; see {log}")
        try:
            # Always the server this module started on 127.0.0.1.
            urllib.request.urlopen(url, timeout=2).read()  # nosec B310
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"moto's server did not answer within {limit} s; see {log}")


@pytest.fixture(scope="session")
def object_store():
    port = free_port()
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115
        "w", prefix="sli-moto-", suffix=".log", delete=False
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        endpoint = f"http://127.0.0.1:{port}"
        wait_for_answer(process, f"{endpoint}/moto-api/", log.name)
        yield ObjectStore(endpoint)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
