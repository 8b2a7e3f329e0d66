"""Uploaded files in an S3-compatible bucket (moto's server on 127.0.0.1, set up as a
deployment's S3_* variables would): every file goes to the bucket, comes back through the app
behind the same access checks, never by a link to the bucket, and goes when its record goes."""

import io
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from improvement_plans.evidence_library.models import EvidenceItem
from improvement_plans.models import Evidence
from reviews.models import Review
from reviews.pdf import render_letter_pdf
from sli.lib.storage import delete_files_older_than
from sli.settings import uploaded_file_storage
from tests.base import editor_of
from tests.factories import make_action, make_council, make_plan, make_review
from tests.improvement_plans.test_evidence_library import dates, framework_parts
from tests.improvement_plans.test_plan_workflow import PDF, update_data
from tests.reviews.test_letter_pdf import images, read

pytestmark = pytest.mark.django_db

LATER_PDF = PDF.replace(b"%%EOF", b"% the second version\n%%EOF")


@pytest.fixture
def world(bucket):
    council = make_council(name="Borough", slug="borough")
    other = make_council(name="Elsewhere", slug="elsewhere")
    plan = make_plan(council=council, title="Borough improvement plan")
    return SimpleNamespace(
        council=council,
        editor=editor_of(council),
        outsider=editor_of(other),
        action=make_action(plan=plan, number=1, title="Shorten waiting lists"),
    )


def downloaded(response):
    """The body of a download the app streams itself (not a redirect to the bucket)."""
    assert response.status_code == 200
    assert isinstance(response, FileResponse)
    assert "Location" not in response
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)


def test_progress_evidence_goes_to_the_bucket_and_comes_back_through_the_app(
    client, world, bucket, object_store, settings, django_capture_on_commit_callbacks
):
    client.force_login(world.editor)
    response = client.post(
        reverse("improvement_plans:update", args=[world.action.pk]),
        update_data(
            evidence_file=SimpleUploadedFile("audit.pdf", PDF),
            evidence_description="Audit report to DMT",
        ),
    )
    assert response.status_code == 302

    evidence = Evidence.objects.get()
    key = f"uploads/{evidence.file.name}"
    assert object_store.keys(bucket) == [key]
    assert object_store.read(bucket, key) == PDF
    # Nothing was written to the local disk.
    assert not any(path.is_file() for path in Path(settings.MEDIA_ROOT).rglob("*"))

    url = reverse("improvement_plans:evidence", args=[evidence.pk])
    assert downloaded(client.get(url)) == PDF

    client.force_login(world.outsider)
    assert client.get(url).status_code == 404

    # Evidence goes with its progress update and action (no page deletes it on its own).
    with django_capture_on_commit_callbacks(execute=True):
        world.action.delete()
    assert not Evidence.objects.exists()
    assert object_store.keys(bucket) == []


def test_library_evidence_is_replaced_and_removed_in_the_bucket_too(
    client, world, bucket, object_store, django_capture_on_commit_callbacks
):
    statements, categories = framework_parts()
    item_fields = {
        "title": "Carers' survey 2025",
        **dates("evidence_date", timezone.localdate() - timedelta(days=40)),
        "link": "",
        "quality_statements": [statements["Assessing needs"].pk],
        "categories": [categories["peoples-experience"].pk],
    }
    client.force_login(world.editor)
    response = client.post(
        reverse("improvement_plans:library:new", args=[world.council.slug]),
        {**item_fields, "file": SimpleUploadedFile("survey.pdf", PDF)},
    )
    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    first_key = f"uploads/{item.file.name}"
    assert object_store.keys(bucket) == [first_key]
    file_url = reverse("improvement_plans:library:file", args=[item.pk])
    assert downloaded(client.get(file_url)) == PDF

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("improvement_plans:library:edit", args=[item.pk]),
            {**item_fields, "file": SimpleUploadedFile("survey.pdf", LATER_PDF)},
        )
    assert response.status_code == 302
    item.refresh_from_db()
    second_key = f"uploads/{item.file.name}"
    assert object_store.keys(bucket) == [second_key] != [first_key]
    assert downloaded(client.get(file_url)) == LATER_PDF

    client.force_login(world.outsider)
    assert client.get(file_url).status_code == 404
    assert (
        client.post(reverse("improvement_plans:library:remove", args=[item.pk])).status_code == 404
    )
    assert object_store.keys(bucket) == [second_key]

    client.force_login(world.editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("improvement_plans:library:remove", args=[item.pk]))
    assert response.status_code == 302
    assert not EvidenceItem.objects.exists()
    assert object_store.keys(bucket) == []


def test_the_council_logo_is_read_from_the_bucket_into_the_letter(bucket, object_store):
    image = io.BytesIO()
    Image.new("RGB", (120, 40), "navy").save(image, "PNG")
    council = make_council(logo=SimpleUploadedFile("logo.png", image.getvalue()))
    assert object_store.keys(bucket) == [f"uploads/{council.logo.name}"]
    review = make_review(lead_council=council)

    reader, _, _ = read(render_letter_pdf(Review.objects.get(pk=review.pk)))

    assert len(images(reader.pages[0])) == 1


def test_the_bucket_options_keep_files_private(bucket):
    storage = storages["default"]
    assert type(storage).__name__ == "S3Storage"
    assert (storage.bucket_name, storage.location) == (bucket, "uploads")
    assert storage.default_acl is None
    assert storage.file_overwrite is False
    # A URL, should anything ever ask for one, is signed and short-lived.
    url = storage.url("evidence/anything.pdf")
    assert "X-Amz-Signature=" in url or "Signature=" in url
    assert storage.querystring_expire == 60


def test_a_plan_spreadsheet_waits_in_the_bucket_between_preview_and_import(
    client, world, bucket, object_store
):
    plan = world.action.plan
    client.force_login(world.editor)
    exported = client.get(reverse("improvement_plans:export", args=[plan.pk])).content
    import_url = reverse("improvement_plans:import", args=[plan.pk])

    preview = client.post(
        import_url, {"step": "preview", "file": SimpleUploadedFile("plan.xlsx", exported)}
    )
    upload_name = preview.context["upload_name"]
    assert object_store.keys(bucket) == [f"uploads/{upload_name}"]

    response = client.post(import_url, {"step": "apply", "upload": upload_name})

    assert response.status_code == 302
    assert object_store.keys(bucket) == []


def test_the_daily_command_clears_uploads_left_in_the_bucket(client, world, bucket, object_store):
    plan = world.action.plan
    client.force_login(world.editor)
    exported = client.get(reverse("improvement_plans:export", args=[plan.pk])).content
    preview = client.post(
        reverse("improvement_plans:import", args=[plan.pk]),
        {"step": "preview", "file": SimpleUploadedFile("plan.xlsx", exported)},
    )
    upload = f"uploads/{preview.context['upload_name']}"
    storage = storages["default"]
    assert object_store.keys(bucket) == [upload]

    # Nothing in the bucket is older than now less a minute; everything is older than later.
    assert delete_files_older_than("imports", timezone.now() - timedelta(minutes=1), storage) == 0
    assert object_store.keys(bucket) == [upload]
    assert delete_files_older_than("imports", timezone.now() + timedelta(minutes=1), storage) == 1
    assert object_store.keys(bucket) == []


def test_the_local_disk_unless_a_bucket_is_named():
    assert uploaded_file_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    storage = uploaded_file_storage({"AWS_STORAGE_BUCKET_NAME": "council-files"})
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    # Without keys of its own, boto finds them (AWS_* variables, a profile, an instance role).
    assert storage["OPTIONS"]["bucket_name"] == "council-files"
    assert storage["OPTIONS"]["access_key"] is None
    assert storage["OPTIONS"]["secret_key"] is None
    assert (
        uploaded_file_storage({"S3_BUCKET": "b", "S3_LOCATION": "/sli/"})["OPTIONS"]["location"]
        == "sli"
    )
