"""Catalogue, course and lesson pages run the same number of queries however
many courses, modules, lessons and blocks they show, for anonymous visitors
and for enrolled learners whose progress is shown."""

import json
import uuid

import pytest

from courses.services.progress import lesson_mark_done, quiz_attempt_submit
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    MaterialImageFactory,
    PublishedMaterialFactory,
    quiz_value,
)
from tests.query_counts import render_cold

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

# Pinned counts, each measured after the cache is emptied (see render_cold).
# The learner's pages add the session, the user, and their enrolment,
# completions and certificate (course) or attempts (lesson).
# These pages are read in English (see conftest) and the courses are not
# translated: the worst case. The English home page is read in the query that
# would read the home page anyway (lms.views), and a course missing from the
# English tree is looked up under the other catalogues in the query that would
# look it up in one; the root paths and their translations are one query.
CATALOGUE_QUERIES = 10
COURSE_QUERIES_ANONYMOUS = 15
COURSE_QUERIES_LEARNER = 20
LESSON_QUERIES_ANONYMOUS = 17
# An enrolled learner's visit also checks, under a row lock, whether this
# launch was already reported to xAPI within the hour (the enrolment the page
# has read is handed over and only locked, not read again).
LESSON_QUERIES_LEARNER = 26


def test_catalogue_queries_do_not_grow_with_courses(client, django_assert_num_queries):
    for _ in range(3):
        CoursePageFactory(cover_image=MaterialImageFactory())
    render_cold(client, "/courses/")
    with django_assert_num_queries(CATALOGUE_QUERIES):
        client.get("/courses/")

    for _ in range(6):
        CoursePageFactory(cover_image=MaterialImageFactory())
    render_cold(client, "/courses/")
    with django_assert_num_queries(CATALOGUE_QUERIES):
        response = client.get("/courses/")

    assert response.content.decode().count('class="card__image"') == 9


def _add_modules(course, *, modules: int, lessons: int, learner=None) -> None:
    """Modules of text lessons; the learner, if any, completes the first one
    of each module, so the page shows progress."""
    for _ in range(modules):
        module = CourseModulePageFactory(parent=course)
        for number in range(lessons):
            lesson = LessonPageFactory(parent=module)
            if learner is not None and number == 0:
                lesson_mark_done(learner=learner, lesson=lesson)


@pytest.mark.parametrize(
    ("signed_in", "expected"),
    [(False, COURSE_QUERIES_ANONYMOUS), (True, COURSE_QUERIES_LEARNER)],
    ids=["anonymous", "enrolled-learner"],
)
def test_course_page_queries_do_not_grow_with_modules_and_lessons(
    client, django_assert_num_queries, signed_in, expected
):
    course = CoursePageFactory(cover_image=MaterialImageFactory())
    learner = None
    if signed_in:
        learner = EnrolmentFactory(course=course).learner
        client.force_login(learner)
    _add_modules(course, modules=3, lessons=3, learner=learner)
    render_cold(client, course.url)
    with django_assert_num_queries(expected):
        client.get(course.url)

    _add_modules(course, modules=6, lessons=9, learner=learner)
    render_cold(client, course.url)
    with django_assert_num_queries(expected):
        response = client.get(course.url)

    html = response.content.decode()
    assert html.count('<section class="module">') == 9
    if signed_in:
        assert html.count('class="done"') == 9


def _lesson_body(blocks_of_each_kind: int) -> str:
    """Text, image, material and quiz blocks, each image and material its own."""
    body = []
    for number in range(blocks_of_each_kind):
        image = MaterialImageFactory()
        material = PublishedMaterialFactory()
        body += [
            {"type": "text", "value": f"<p>Đoạn {number}</p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "", "decorative": True},
            },
            {"type": "material", "value": {"material": material.pk, "note": ""}},
            {"type": "quiz", "value": quiz_value(title=f"Kiểm tra {number}")},
        ]
    return json.dumps([{**block, "id": str(uuid.uuid4())} for block in body])


@pytest.mark.parametrize(
    ("signed_in", "expected"),
    [(False, LESSON_QUERIES_ANONYMOUS), (True, LESSON_QUERIES_LEARNER)],
    ids=["anonymous", "enrolled-learner"],
)
def test_lesson_page_queries_do_not_grow_with_blocks(
    client, django_assert_num_queries, signed_in, expected
):
    course = CoursePageFactory()
    module = CourseModulePageFactory(parent=course)
    small = LessonPageFactory(parent=module, body=_lesson_body(3))
    large = LessonPageFactory(parent=module, body=_lesson_body(9))
    if signed_in:
        learner = EnrolmentFactory(course=course).learner
        client.force_login(learner)
        for lesson in (small, large):
            for block in lesson.body:
                if block.block_type == "quiz":
                    quiz_attempt_submit(
                        learner=learner,
                        lesson=lesson,
                        quiz_id=block.id,
                        answers={"0": ["0"], "1": ["1"]},
                    )

    for lesson in (small, large):
        render_cold(client, lesson.url)
        with django_assert_num_queries(expected):
            response = client.get(lesson.url)

    html = response.content.decode()
    assert html.count('<section class="quiz"') == 9
    assert html.count("Your latest score") == (9 if signed_in else 0)
    assert html.count("<img") == 9
    assert html.count('class="card card--material"') == 9
