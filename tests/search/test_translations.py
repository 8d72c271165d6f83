"""A course or lesson read in several languages is one search result: the
original's, or a published translation's while the original is withdrawn."""

import pytest

from tests.factories import CoursePageFactory, LessonPageFactory, translate
from tests.search.helpers import indexed_ids, titles

pytestmark = pytest.mark.django_db


def test_a_translated_course_and_lesson_are_indexed_once(
    search_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lesson = LessonPageFactory(title="Quang hợp ở lá cây")
        course = lesson.course
        course.title = "Sinh học 6: Quang hợp"
        course.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(course, title="Biology 6: Photosynthesis")
        translate(lesson.get_parent().specific)
        translate(lesson, title="Photosynthesis in leaves")

    assert indexed_ids() == {f"course-{course.pk}", f"lesson-{lesson.pk}"}
    assert sorted(titles("q=quang+hop")) == [
        "Quang hợp ở lá cây",
        "Sinh học 6: Quang hợp",
    ]


def test_a_translation_takes_over_while_the_original_is_withdrawn(
    search_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        course = CoursePageFactory(title="Sinh học 6: Quang hợp")
        english = translate(course, title="Biology 6: Photosynthesis")
    with django_capture_on_commit_callbacks(execute=True):
        course.unpublish()

    assert indexed_ids() == {f"course-{english.pk}"}
