"""Uploading a course package: its manifest describes it when the teacher
did not, and the material remembers which standard it follows."""

import pytest
from django.test import TestCase
from django.urls import reverse

from lms.vocabulary import MaterialType, PackageKind
from materials.models import Material
from tests.factories import TeacherFactory
from tests.factories.materials import material_metadata, uploaded
from tests.materials.files import PDF, zip_bytes
from tests.materials.package_files import PAGE, cartridge_13, scorm_12, scorm_2004
from tests.materials.uploads import refused, upload

pytestmark = pytest.mark.django_db


def test_an_empty_title_and_description_come_from_the_package():
    material = upload(scorm_2004(), name="hinh-hoc.zip", title="", description="")
    assert material.title == "Hình học không gian"
    assert material.description == "Học sinh nhận biết hình chóp và hình lăng trụ."
    assert material.package_kind == PackageKind.SCORM_2004


def test_what_the_teacher_wrote_is_kept():
    material = upload(scorm_2004(), name="hinh-hoc.zip", title="Hình học 11")
    assert material.title == "Hình học 11"
    assert material.description == "Luyện tập cộng trừ phân số."


def test_only_the_field_left_empty_is_filled():
    material = upload(cartridge_13(), name="tv2.imscc", description="")
    assert material.title == "Phiếu bài tập phân số"
    assert material.description == "Đọc và kể chuyện."
    assert material.package_kind == PackageKind.COMMON_CARTRIDGE


def test_other_zips_and_files_record_no_package_kind():
    assert upload(zip_bytes({"index.html": PAGE}), name="h5p.zip").package_kind == ""
    assert upload(PDF, name="bai.pdf").package_kind == ""


def test_a_package_without_any_title_still_needs_one(settings):
    data = scorm_12(title="")
    error = refused(settings, data, name="goi.zip", title="")
    assert "title" in error.message_dict


def test_the_upload_page_accepts_a_package_without_a_title(client):
    client.force_login(TeacherFactory())
    data = material_metadata(
        title="", description="", material_type=MaterialType.INTERACTIVE.value
    )
    data["files"] = [uploaded("phan-so.zip", scorm_12())]
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("materials:upload"), data)
    assert "uploaded as a draft" in response.content.decode()
    material = Material.objects.get()
    assert (material.title, material.package_kind) == (
        "Phân số lớp 6",
        PackageKind.SCORM_12,
    )


def test_the_upload_page_still_asks_for_a_title_for_other_files(client):
    client.force_login(TeacherFactory())
    data = material_metadata(title="")
    data["files"] = [uploaded("bai.pdf", PDF)]
    response = client.post(reverse("materials:upload"), data)
    assert "Give the material a title: only SCORM and Common Cartridge packages" in (
        response.content.decode()
    )
    assert not Material.objects.exists()
