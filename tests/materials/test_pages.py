"""The public pages: browse, bulk upload, my materials, the review queue."""

import pytest
from django.test import TestCase
from django.urls import reverse

from lms.vocabulary import Subject
from materials.models import Material
from tests.factories import (
    CuratorFactory,
    MaterialFactory,
    PublishedMaterialFactory,
    StudentFactory,
    TeacherFactory,
)
from tests.factories.materials import material_metadata, uploaded
from tests.materials.files import PDF, PNG

pytestmark = pytest.mark.django_db


def test_browse_lists_only_published_materials_with_filters(client):
    maths = PublishedMaterialFactory(title="Hình học lớp 6")
    PublishedMaterialFactory(title="Sinh học tế bào", subject=Subject.BIOLOGY)
    MaterialFactory(title="Bản nháp")
    page = client.get(reverse("materials:list")).content.decode()
    assert "Hình học lớp 6" in page
    assert "Sinh học tế bào" in page
    assert "Bản nháp" not in page
    filtered = client.get(
        reverse("materials:list"), {"subject": Subject.MATHEMATICS, "grade": "6"}
    ).content.decode()
    assert maths.title in filtered
    assert "Sinh học tế bào" not in filtered


def test_bulk_upload_reports_each_file(client):
    """Good files become drafts; a bad one is refused with its rule, alone."""
    teacher = TeacherFactory()
    client.force_login(teacher)
    data = material_metadata()
    data["files"] = [
        uploaded("bai-1.pdf", PDF),
        uploaded("anh.png", PNG),
        uploaded("virus.pdf", b"MZ" + b"\x00" * 64),
    ]
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("materials:upload"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "virus.pdf" in page
    assert "Programs and scripts cannot be shared as materials." in page
    titles = sorted(Material.objects.values_list("title", flat=True))
    assert titles == [
        "Phiếu bài tập phân số – anh.png",
        "Phiếu bài tập phân số – bai-1.pdf",
    ]
    assert set(Material.objects.values_list("processing_status", flat=True)) == {"done"}


def test_only_signed_in_teachers_can_upload(client):
    url = reverse("materials:upload")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(StudentFactory())
    assert client.get(url).status_code == 403


def test_the_review_queue_is_for_curators_oldest_first(client):
    from materials import services

    teacher = TeacherFactory()
    materials = []
    for title in ("Cũ nhất", "Mới hơn"):
        with TestCase.captureOnCommitCallbacks(execute=True):
            material = services.material_upload(
                user=teacher,
                upload=uploaded("a.pdf", PDF),
                filename="a.pdf",
                metadata=material_metadata(title=title),
            )
        services.material_submit_for_review(material=material, user=teacher)
        materials.append(material)

    client.force_login(teacher)
    assert client.get(reverse("materials:review")).status_code == 403

    client.force_login(CuratorFactory())
    page = client.get(reverse("materials:review")).content.decode()
    assert page.index("Cũ nhất") < page.index("Mới hơn")
    assert reverse("materials:thumbnail", args=[materials[0].pk]) in page
    preview = client.get(reverse("materials:thumbnail", args=[materials[0].pk]))
    assert preview["Content-Type"] == "image/jpeg"

    client.post(
        reverse("materials:review_decide", args=[materials[0].pk]),
        {"decision": "approve", "comment": ""},
    )
    client.post(
        reverse("materials:review_decide", args=[materials[1].pk]),
        {"decision": "reject", "comment": "Sửa lỗi chính tả."},
    )
    assert Material.objects.get(pk=materials[0].pk).live
    assert not Material.objects.get(pk=materials[1].pk).live
    client.force_login(teacher)
    mine = client.get(reverse("materials:mine")).content.decode()
    assert "Sửa lỗi chính tả." in mine
    assert "Resubmit" in mine


def test_teachers_see_only_their_own_materials_in_the_admin(client):
    """The snippet listing and edit view refuse other teachers' materials."""
    owner, other = TeacherFactory(), TeacherFactory()
    mine = MaterialFactory(author=owner, title="Của tôi")
    theirs = MaterialFactory(author=other, title="Của người khác")
    client.force_login(owner)
    listing = client.get("/admin/snippets/materials/material/").content.decode()
    assert "Của tôi" in listing
    assert "Của người khác" not in listing
    edit = "/admin/snippets/materials/material/edit/{}/"
    assert client.get(edit.format(mine.pk)).status_code == 200
    for url in (
        edit.format(theirs.pk),
        f"/admin/snippets/materials/material/history/{theirs.pk}/",
        f"/admin/snippets/materials/material/usage/{theirs.pk}/",
        f"/admin/snippets/materials/material/workflow_history/{theirs.pk}/",
    ):
        refused = client.get(url)  # the admin turns refusals into a redirect
        assert (refused.status_code, refused["Location"]) == (302, "/admin/"), url
    client.force_login(CuratorFactory())
    assert client.get(edit.format(theirs.pk)).status_code == 200


def test_the_detail_page_lists_the_courses_that_use_the_material(client):
    from tests.factories import (
        CourseModulePageFactory,
        CoursePageFactory,
        LessonPageFactory,
    )

    material = PublishedMaterialFactory(title="Bảng tuần hoàn")
    course = CoursePageFactory(title="Hóa học cơ bản")
    module = CourseModulePageFactory(parent=course)
    LessonPageFactory(
        parent=module,
        body=[("material", {"material": material, "note": ""})],
    )
    page = client.get(material.get_absolute_url()).content.decode()
    assert "Courses that use this material" in page
    assert "Hóa học cơ bản" in page
