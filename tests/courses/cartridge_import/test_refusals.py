"""A file that is no cartridge, or a hostile one, is refused with a message
naming the problem, and nothing of it is kept: no job, no page, no picture,
no material, no file."""

import random

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model

from courses.cartridge_import import building
from courses.models import CartridgeImport, CoursePage, ImportStatus
from courses.services import course_import_cartridge
from courses.services.cartridge_jobs import cartridge_import_start
from materials.models import Material
from tests.courses.cartridge_import.cartridges import cartridge, manifest
from tests.courses.cartridge_import.conftest import DETAILS, stored_files, upload
from tests.materials.files import zip_bytes
from tests.materials.package_files import scorm_12

pytestmark = pytest.mark.django_db

EXTERNAL_ENTITY = '<!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
BILLION_LAUGHS = (
    '<!DOCTYPE questestinterop [<!ENTITY a "haha">'
    + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9)
    )
    + "]>"
)


def _nothing_kept() -> None:
    assert not CoursePage.objects.filter(title="Toán 6: Phân số").exists()
    assert not CartridgeImport.objects.exists()
    assert not get_image_model().objects.exists()
    assert not Material.objects.exists()
    assert stored_files() == []


def _refusal(teacher, data: bytes, filename: str = "khoa-hoc.imscc") -> str:
    with pytest.raises(ValidationError) as caught:
        cartridge_import_start(
            user=teacher, upload=upload(data), filename=filename, details=DETAILS
        )
    return " ".join(caught.value.messages)


def _with_manifest(text: str) -> bytes:
    return cartridge(extra_files={"imsmanifest.xml": text})


CASES = {
    "not_a_zip": (
        b"%PDF-1.4 not really",
        "The PDF",  # the file's own rules speak first
    ),
    "plain_zip": (
        zip_bytes({"bai.txt": b"Bai hoc"}),
        "This file is not a Common Cartridge",
    ),
    "scorm": (
        scorm_12(),
        "This is a SCORM package, not a Common Cartridge.",
    ),
    "external_entity": (
        cartridge(prolog=EXTERNAL_ENTITY),
        "imsmanifest.xml declares an external entity (file:///etc/passwd)",
    ),
    "billion_laughs": (
        cartridge(extra_files={"quiz/assessment.xml": BILLION_LAUGHS + "<a/>"}),
        "quiz/assessment.xml declares XML entities",
    ),
    "file_outside": (
        _with_manifest(
            manifest("1.3").replace('href="web/bai-1.html"', 'href="../../etc/passwd"')
        ),
        "The package's manifest points outside the package: ../../etc/passwd.",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_refused_upload_keeps_nothing(teacher, case):
    data, message = CASES[case]
    assert message in _refusal(teacher, data)
    _nothing_kept()


def test_a_cartridge_larger_than_the_package_limit_is_refused(teacher, settings):
    settings.MATERIALS_MAX_UPLOAD_BYTES = {
        **settings.MATERIALS_MAX_UPLOAD_BYTES,
        "package": 1024 * 1024,
    }
    payload = random.Random(6).randbytes(1100 * 1024)  # does not compress
    data = cartridge(extra_files={"files/video.bin": payload})
    assert "The file is larger than 1 MB" in _refusal(teacher, data)
    _nothing_kept()


def test_a_page_linking_outside_the_package_fails_the_job_and_keeps_nothing(
    teacher, django_capture_on_commit_callbacks
):
    hostile = '<p><a href="../../../etc/passwd">mật khẩu</a></p>'
    with django_capture_on_commit_callbacks(execute=True):
        job = cartridge_import_start(
            user=teacher,
            upload=upload(cartridge(lesson=hostile)),
            filename="khoa-hoc.imscc",
            details=DETAILS,
        )
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.error == (
        "web/bai-1.html links to ../../../etc/passwd, which is outside the "
        "package; such packages are refused."
    )
    assert job.course is None and not job.upload
    assert not CoursePage.objects.filter(title="Toán 6: Phân số").exists()
    assert not get_image_model().objects.exists()
    assert not Material.objects.exists()
    assert stored_files() == []


def test_a_failure_while_saving_removes_the_pictures_and_files_stored(
    teacher, monkeypatch
):
    original = building._Builder._block

    def fail_at_the_quiz(self, part):
        if part.kind == "quiz":
            raise RuntimeError("database went away")
        return original(self, part)

    monkeypatch.setattr(building._Builder, "_block", fail_at_the_quiz)
    with pytest.raises(RuntimeError):
        course_import_cartridge(
            user=teacher, upload=upload(cartridge()), details=DETAILS
        )
    _nothing_kept()


def test_a_student_cannot_import(db):
    from tests.factories import StudentFactory

    with pytest.raises(Exception, match="Only teachers can import courses."):
        cartridge_import_start(
            user=StudentFactory(),
            upload=upload(cartridge()),
            filename="khoa-hoc.imscc",
            details=DETAILS,
        )
    _nothing_kept()
