from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses.services.progress import lesson_mark_done
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    EnrolmentFactory,
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


def test_the_outline_shows_a_lesson_published_or_unpublished_since(
    client, settings, django_capture_on_commit_callbacks
):
    """The outline is kept between readers, but not past a content change."""
    settings.PAGE_CACHE_SECONDS = 0
    course = CoursePageFactory(title="Hóa học 8")
    module = CourseModulePageFactory(parent=course, title="Nguyên tử")
    first = LessonPageFactory(parent=module, title="Cấu tạo nguyên tử")
    assert "Cấu tạo nguyên tử" in client.get(course.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        LessonPageFactory(parent=module, title="Nguyên tố hóa học")
    assert "Nguyên tố hóa học" in client.get(course.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    html = client.get(course.url).content.decode()
    assert "Cấu tạo nguyên tử" not in html
    assert "Nguyên tố hóa học" in html


def test_a_learners_ticks_are_their_own_on_a_shared_outline(
    client, django_capture_on_commit_callbacks
):
    """Two learners read the same kept outline; each sees only their ticks."""
    course = CoursePageFactory(title="Hóa học 8")
    module = CourseModulePageFactory(parent=course, title="Nguyên tử")
    lesson = LessonPageFactory(parent=module, title="Cấu tạo nguyên tử")
    done, other = EnrolmentFactory(course=course), EnrolmentFactory(course=course)
    lesson_mark_done(learner=done.learner, lesson=lesson)

    client.force_login(done.learner)
    assert 'class="done"' in client.get(course.url).content.decode()
    client.force_login(other.learner)
    assert 'class="done"' not in client.get(course.url).content.decode()


def test_a_lesson_leads_on_to_a_lesson_published_since(
    client, settings, django_capture_on_commit_callbacks
):
    """The reading order is kept between readers, but not past a publish."""
    settings.PAGE_CACHE_SECONDS = 0
    module = CourseModulePageFactory(parent=CoursePageFactory(), title="Nguyên tử")
    first = LessonPageFactory(parent=module, title="Cấu tạo nguyên tử")
    assert "Nguyên tố hóa học" not in client.get(first.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        LessonPageFactory(parent=module, title="Nguyên tố hóa học")

    assert "Nguyên tố hóa học" in client.get(first.url).content.decode()
