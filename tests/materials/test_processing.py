"""Processing derives pages, text, thumbnail and duplicates; failures can retry."""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from PIL import Image

from materials import services
from materials.models import ProcessingStatus
from materials.processing import process_material
from tests.factories import MaterialFactory, PublishedMaterialFactory, TeacherFactory
from tests.factories.materials import material_metadata, uploaded
from tests.materials.files import (
    PDF,
    PNG,
    docx_bytes,
    mp4_bytes,
    odt_bytes,
    pptx_bytes,
    wav_bytes,
)

pytestmark = pytest.mark.django_db


def _upload(name: str, data: bytes, teacher=None):
    teacher = teacher or TeacherFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        material = services.material_upload(
            user=teacher,
            upload=uploaded(name, data),
            filename=name,
            metadata=material_metadata(),
        )
    material.refresh_from_db()
    return material


@pytest.mark.parametrize(
    ("name", "data", "mime_type", "pages", "text"),
    [
        (
            "a.docx",
            docx_bytes(["Quang hợp", "Hô hấp"]),
            "wordprocessingml",
            None,
            "Quang hợp\nHô hấp",
        ),
        (
            "a.pptx",
            pptx_bytes(["Slide một", "Slide hai"]),
            "presentationml",
            2,
            "Slide một\nSlide hai",
        ),
        ("a.odt", odt_bytes(["Bài đọc"]), "opendocument.text", None, "Bài đọc"),
        ("a.pdf", PDF, "application/pdf", 1, "Cong tru phan so"),
    ],
    ids=["docx", "pptx", "odt", "pdf"],
)
def test_text_and_pages_are_extracted(name, data, mime_type, pages, text):
    """Search gets the document's text; the page count is shown."""
    material = _upload(name, data)
    assert material.processing_status == ProcessingStatus.DONE
    assert mime_type in material.mime_type
    assert material.page_count == pages
    assert text in material.extracted_text
    with material.thumbnail.open("rb") as handle:
        assert Image.open(handle).format == "JPEG"


def test_an_image_gets_a_thumbnail_no_larger_than_the_limit():
    big = io.BytesIO()
    Image.new("RGB", (1600, 900), "#123456").save(big, format="JPEG")
    material = _upload("anh.jpg", big.getvalue())
    assert material.mime_type == "image/jpeg"
    with material.thumbnail.open("rb") as handle:
        thumbnail = Image.open(handle)
        assert max(thumbnail.size) == 480


def test_the_teacher_learns_which_published_material_has_the_same_file(client):
    teacher = TeacherFactory()
    first = _upload("a.png", PNG, teacher)
    first.__class__.objects.filter(pk=first.pk).update(live=True)
    second = _upload("copy.png", PNG, teacher)
    assert second.duplicate_of == first
    client.force_login(teacher)
    page = client.get("/materials/mine/").content.decode()
    assert "A published material already has the same file" in page
    assert first.get_absolute_url() in page


def test_a_failed_step_is_recorded_keeps_the_file_and_can_be_retried(client):
    """A damaged stored file fails with the step's name; fixed, a retry works."""
    teacher = TeacherFactory()
    material = MaterialFactory(author=teacher)
    material.save_revision(user=teacher)
    stored_name = material.file.name
    with material.file.storage.open(stored_name, "wb") as handle:
        handle.write(b"%PDF-1.4 broken")
    material = process_material(material.pk)
    assert material.processing_status == ProcessingStatus.FAILED
    assert "checking the file" in material.processing_error
    assert "damaged" in material.processing_error
    assert material.file.storage.exists(stored_name)

    client.force_login(teacher)
    assert "Retry processing" in client.get("/materials/mine/").content.decode()
    material.file.storage.delete(stored_name)
    material.file.storage.save(stored_name, ContentFile(PDF))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/materials/{material.pk}/retry/")
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.processing_status == ProcessingStatus.DONE
    assert material.page_count == 1


def test_publishing_keeps_facts_found_after_the_revision_was_saved():
    """Revision content must not roll back processing results or counters."""
    material = PublishedMaterialFactory()
    revision = material.save_revision()
    material.__class__.objects.filter(pk=material.pk).update(
        download_count=7, page_count=3
    )
    material.refresh_from_db()
    revision.publish()
    material.refresh_from_db()
    assert (material.download_count, material.page_count) == (7, 3)


@pytest.mark.parametrize(
    ("name", "data", "mime_type", "seconds"),
    [
        ("nghe.wav", wav_bytes(3), "audio/wav", 3),
        ("xem.mp4", mp4_bytes(125), "video/mp4", 125),
    ],
    ids=["wav", "mp4"],
)
def test_audio_and_video_get_their_duration_and_a_type_card(
    name, data, mime_type, seconds
):
    material = _upload(name, data)
    assert material.processing_status == ProcessingStatus.DONE
    assert material.mime_type == mime_type
    assert material.duration_seconds == seconds
    assert material.thumbnail.name
