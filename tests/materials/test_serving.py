"""Files go out safely: right type, no sniffing, only to who may see them."""

import pytest
import requests
from django.test import TestCase

from lms.signals import search_relevant_change
from materials import services
from materials.models import Material
from tests.factories import (
    CuratorFactory,
    MaterialFactory,
    PublishedMaterialFactory,
    StudentFactory,
    TeacherFactory,
)
from tests.factories.materials import material_metadata, uploaded
from tests.materials.files import PDF, PNG, zip_bytes

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>'
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8


def _published(name: str, data: bytes) -> Material:
    teacher, curator = TeacherFactory(), CuratorFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        material = services.material_upload(
            user=teacher,
            upload=uploaded(name, data),
            filename=name,
            metadata=material_metadata(),
        )
    services.material_submit_for_review(material=material, user=teacher)
    services.material_approve(material=material, user=curator)
    material.refresh_from_db()
    return material


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("name", "data", "content_type", "disposition"),
    [
        ("bai.pdf", PDF, "application/pdf", "inline"),
        ("anh.png", PNG, "image/png", "inline"),
        ("nghe.mp3", MP3, "audio/mpeg", "inline"),
        ("hinh.svg", SVG, "image/svg+xml", "attachment"),
        (
            "goi.zip",
            zip_bytes({"index.html": b"<html></html>"}),
            "application/zip",
            "attachment",
        ),
    ],
    ids=["pdf", "png", "mp3", "svg", "zip"],
)
def test_headers_say_exactly_what_the_file_is(
    client, name, data, content_type, disposition
):
    """Pages and scripts are downloads; PDFs, images and media show inline."""
    material = _published(name, data)
    response = client.get(f"/materials/{material.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith(disposition)
    assert name in response["Content-Disposition"]
    assert _body(response) == data


def test_audio_honours_range_requests(client):
    material = _published("nghe.mp3", MP3)
    response = client.get(
        f"/materials/{material.pk}/download/", HTTP_RANGE="bytes=10-19"
    )
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 10-19/{len(MP3)}"
    assert _body(response) == MP3[10:20]
    tail = client.get(f"/materials/{material.pk}/download/", HTTP_RANGE="bytes=-5")
    assert _body(tail) == MP3[-5:]
    bad = client.get(
        f"/materials/{material.pk}/download/", HTTP_RANGE=f"bytes={len(MP3)}-"
    )
    assert bad.status_code == 416
    several = client.get(
        f"/materials/{material.pk}/download/", HTTP_RANGE="bytes=0-1,5-6"
    )
    assert several.status_code == 200
    assert _body(several) == MP3
    material.refresh_from_db()
    assert material.download_count == 1  # mid-file ranges are not new downloads


def test_downloads_are_counted_and_search_is_told(client):
    material = PublishedMaterialFactory()
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance.pk)

    search_relevant_change.connect(receiver, dispatch_uid="test-downloads")
    try:
        client.get(f"/materials/{material.pk}/download/")
        client.get(f"/materials/{material.pk}/download/")
    finally:
        search_relevant_change.disconnect(dispatch_uid="test-downloads")
    material.refresh_from_db()
    assert material.download_count == 2
    assert seen == [material.pk, material.pk]


def test_drafts_go_only_to_their_authors_and_curators(client):
    co_author = TeacherFactory()
    material = MaterialFactory()
    material.co_authors.add(co_author)
    material.save()
    url = f"/materials/{material.pk}/download/"
    assert client.get(url).status_code == 404
    for stranger in (StudentFactory(), TeacherFactory()):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
    for allowed in (material.author, co_author, CuratorFactory()):
        client.force_login(allowed)
        response = client.get(url)
        assert response.status_code == 200
        assert _body(response).startswith(b"%PDF-")
    material.refresh_from_db()
    assert material.download_count == 0


def test_material_files_are_not_under_the_public_media_folder(settings):
    """MEDIA_ROOT is published as-is in development; drafts must not be there."""
    from pathlib import Path

    material = MaterialFactory()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    stored = Path(material.file.path).resolve()
    assert media_root not in stored.parents
    assert material.file.url == ""


def test_s3_files_go_out_through_short_lived_presigned_urls(client, s3_materials):
    """Uploads land in the bucket over HTTP; downloads redirect to a signed URL."""
    material = _published("bai.pdf", PDF)
    keys = [
        item["Key"]
        for item in s3_materials.list_objects_v2(Bucket="lms-test-materials")[
            "Contents"
        ]
    ]
    assert any(key.startswith("private/materials/") for key in keys)
    assert any(key.startswith("private/thumbnails/") for key in keys)
    assert material.page_count == 1

    response = client.get(f"/materials/{material.pk}/download/")
    assert response.status_code == 302
    location = response["Location"]
    assert "X-Amz-Expires=120" in location
    assert "X-Amz-Signature=" in location
    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == PDF
    assert fetched.headers["Content-Type"] == "application/pdf"
    assert fetched.headers["Content-Disposition"].startswith("inline")

    unsigned = requests.get(location.split("?")[0], timeout=10)
    assert unsigned.status_code == 403


def test_s3_refusals_leave_the_bucket_empty(s3_materials):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.material_upload(
            user=TeacherFactory(),
            upload=uploaded("x.pdf", b"MZ" + b"\x00" * 50),
            filename="x.pdf",
            metadata=material_metadata(),
        )
    listing = s3_materials.list_objects_v2(Bucket="lms-test-materials")
    assert listing.get("KeyCount", 0) == 0
    assert Material.objects.count() == 0
