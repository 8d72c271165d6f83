from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    PublishedMaterialFactory,
)

pytestmark = pytest.mark.django_db


def test_catalogue_lists_published_courses_only(client, catalogue):
    CoursePageFactory(title="Vật lý 11: Dao động")
    draft = CoursePageFactory(title="Khóa học nháp")
    draft.unpublish()

    html = client.get(catalogue.url).content.decode()

    assert "Vật lý 11: Dao động" in html
    assert "Khóa học nháp" not in html


def test_course_page_lists_its_modules_and_lessons_in_order(client):
    course = CoursePageFactory(title="Hóa học 8")
    module = CourseModulePageFactory(parent=course, title="Nguyên tử")
    LessonPageFactory(parent=module, title="Cấu tạo nguyên tử")
    LessonPageFactory(parent=module, title="Nguyên tố hóa học")

    html = client.get(course.url).content.decode()

    assert html.index("Cấu tạo nguyên tử") < html.index("Nguyên tố hóa học")


def test_lesson_shows_an_embedded_material_only_while_it_is_published(
    client, django_capture_on_commit_callbacks
):
    material = PublishedMaterialFactory(title="Phiếu học tập nguyên tử")
    lesson = LessonPageFactory(
        body=[
            ("text", "<p>Nguyên tử gồm hạt nhân và lớp vỏ.</p>"),
            ("material", {"material": material, "note": ""}),
        ]
    )
    assert "Phiếu học tập nguyên tử" in client.get(lesson.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        material.live = False
        material.save()

    html = client.get(lesson.url).content.decode()
    assert "Nguyên tử gồm hạt nhân" in html
    assert "Phiếu học tập nguyên tử" not in html


def test_enrolment_must_close_after_it_opens():
    now = timezone.now()
    course = CoursePageFactory.build(
        enrolment_opens_at=now, enrolment_closes_at=now - timedelta(days=1)
    )

    with pytest.raises(ValidationError, match="close after it opens"):
        course.clean()


def test_enrolment_window_is_respected():
    now = timezone.now()
    course = CoursePageFactory.build(
        enrolment_opens_at=now + timedelta(days=1), enrolment_closes_at=None
    )

    assert not course.is_enrolment_open(now)
    assert course.is_enrolment_open(now + timedelta(days=2))
