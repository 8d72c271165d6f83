"""The curator's review actions read as one Vietnamese phrase.

Wagtail's own catalogue joins "Phê chuẩn" to "và Xuất bản" without a space
("Phê chuẩnvà Xuất bản"); framework_locale carries the wording curators see.
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from materials import services
from materials.models import ProcessingStatus
from tests.factories import (
    CoursePageFactory,
    CuratorFactory,
    MaterialFactory,
    TeacherFactory,
)
from tests.lms.visible_text import visible_lines

pytestmark = pytest.mark.django_db

APPROVE_VI = "Phê duyệt và xuất bản"


@pytest.fixture
def under_review():
    teacher = TeacherFactory()
    material = MaterialFactory(author=teacher, processing_status=ProcessingStatus.DONE)
    material.save_revision(user=teacher)
    services.material_submit_for_review(material=material, user=teacher)
    course = CoursePageFactory(title="Khóa học quang hợp")
    course.save_revision(user=teacher)
    course.get_workflow().start(course, teacher)
    return material, course


def _curator_reading(language: str) -> Client:
    client = Client()
    client.force_login(CuratorFactory(preferred_language=language))
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _texts(client: Client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return {line.text for line in visible_lines(response.content.decode())}


def _review_pages(material, course) -> list[str]:
    return [
        reverse("wagtailsnippets_materials_material:edit", args=[material.pk]),
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        reverse("materials:review"),
    ]


def test_the_curator_approves_with_phe_duyet_va_xuat_ban(under_review):
    client = _curator_reading("vi")

    for url in _review_pages(*under_review):
        texts = _texts(client, url)
        assert APPROVE_VI in texts, url
        assert not [text for text in texts if "Phê chuẩn" in text], url
        assert not [text for text in texts if "và Xuất bản" in text], url


def test_the_admin_offers_approval_with_a_comment_and_changes_in_vietnamese(
    under_review,
):
    material, course = under_review
    client = _curator_reading("vi")

    for url in _review_pages(material, course)[:2]:
        texts = _texts(client, url)
        assert "Phê duyệt kèm nhận xét và xuất bản" in texts, url
        assert "Yêu cầu chỉnh sửa" in texts, url


def test_in_english_it_stays_approve_and_publish(under_review):
    client = _curator_reading("en")

    for url in _review_pages(*under_review)[:2]:
        assert "Approve and Publish" in _texts(client, url), url
