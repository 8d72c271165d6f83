"""Demo courses read like real ones: lessons of subject content in correct
Vietnamese, a figure, a quiz, and materials of the course's own subject and grade."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import override_settings
from django.utils.html import strip_tags

from courses.blocks import QuestionBlock
from courses.models import CoursePage, LessonPage
from lms.demo.catalogue import DEMO_COURSES
from lms.demo.courses import seed_courses
from lms.demo.materials import seed_materials
from lms.demo.people import ensure_demo_accounts
from lms.management.commands.seed_demo import DEFAULT_MATERIALS
from lms.vocabulary import Language
from tests.lms.vietnamese import VIETNAMESE_LETTERS

# One worker runs the module, so its module-wide fixture is built once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-courses")]


@pytest.fixture(scope="module")
def demo_courses(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every demo course, seeded once for this module (publishing some eighty
    pages takes most of a minute) in a transaction rolled back at the end."""
    media = tmp_path_factory.mktemp("demo-media")
    files = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": media, "base_url": "/media/"},
    }
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media, STORAGES={**settings.STORAGES, "default": files}
        ),
        transaction.atomic(),
    ):
        yield _seed(count=len(DEMO_COURSES), materials=DEFAULT_MATERIALS)
        transaction.set_rollback(True)


def _seed(*, count: int, materials: int) -> list[CoursePage]:
    users = ensure_demo_accounts()
    teachers = [users["teacher.lan"], users["teacher.minh"]]
    seed_materials(count=materials, authors=teachers, report=lambda done: None)
    seed_courses(
        count=count,
        teachers=teachers,
        curator=users["curator"],
        report=lambda done: None,
    )
    return list(CoursePage.objects.live().order_by("pk"))


def _lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def _blocks(course: CoursePage, block_type: str) -> list:
    return [
        block.value
        for lesson in _lessons(course)
        for block in lesson.body
        if block.block_type == block_type
    ]


def _text(lesson: LessonPage) -> str:
    return " ".join(
        strip_tags(str(block.value))
        for block in lesson.body
        if block.block_type == "text"
    )


def test_every_demo_course_has_three_lessons_of_several_paragraphs(demo_courses):
    courses = demo_courses

    assert len(courses) == len(DEMO_COURSES)
    for course in courses:
        lessons = _lessons(course)
        assert len(lessons) >= 3, course.title
        for lesson in lessons:
            paragraphs = sum(
                str(block.value).count("<p>")
                for block in lesson.body
                if block.block_type == "text"
            )
            assert paragraphs >= 3, lesson.title
            assert len(_text(lesson)) > 300, lesson.title


def test_vietnamese_demo_lessons_are_written_with_their_diacritics(demo_courses):
    courses = demo_courses

    vietnamese = [c for c in courses if c.language == Language.VIETNAMESE]
    assert len(vietnamese) >= 10
    for course in vietnamese:
        assert VIETNAMESE_LETTERS.search(course.title), course.title
        assert len(VIETNAMESE_LETTERS.findall(course.summary)) >= 5, course.title
        for lesson in _lessons(course):
            assert VIETNAMESE_LETTERS.search(lesson.title), lesson.title
            assert len(VIETNAMESE_LETTERS.findall(_text(lesson))) >= 40, lesson.title


def test_a_demo_lesson_page_does_not_say_its_summary_twice(demo_courses):
    """The summary is the lead on the lesson page; if it were the body's
    opening sentence, the learner would read it twice in a row."""
    for course in demo_courses:
        for lesson in _lessons(course):
            assert lesson.summary, lesson.title
            assert lesson.summary not in _text(lesson), lesson.title
            assert not _text(lesson).startswith(lesson.summary[:20]), lesson.title


def test_english_demo_courses_teach_in_english(demo_courses):
    courses = demo_courses

    for course in (c for c in courses if c.language == Language.ENGLISH):
        for lesson in _lessons(course):
            text = _text(lesson)
            assert " the " in text, lesson.title
            quiz_titles = [quiz["title"] for quiz in _blocks(course, "quiz")]
            assert all(t.startswith("Check your understanding") for t in quiz_titles)


def test_every_demo_course_shows_a_figure_with_alt_text(demo_courses):
    courses = demo_courses

    for course in courses:
        figures = _blocks(course, "image")
        assert figures, course.title
        for figure in figures:
            assert figure.width == 1280 and figure.height == 720
            assert len(figure.contextual_alt_text) > 20, course.title


def test_every_demo_course_has_a_quiz_of_three_to_five_mixed_questions(demo_courses):
    courses = demo_courses

    for course in courses:
        quizzes = _blocks(course, "quiz")
        assert quizzes, course.title
        questions = [question for quiz in quizzes for question in quiz["questions"]]
        assert all(3 <= len(quiz["questions"]) <= 5 for quiz in quizzes)
        assert any(q["allows_multiple"] for q in questions), course.title
        assert any(not q["allows_multiple"] for q in questions), course.title
        for question in questions:
            assert question["feedback"], question["prompt"]
            correct = [c for c in question["choices"] if c["is_correct"]]
            assert (len(correct) > 1) == question["allows_multiple"]


def test_every_demo_quiz_question_passes_the_editors_validation(demo_courses):
    """What an editor would be told on saving the lesson in the admin."""
    courses = demo_courses
    block = QuestionBlock()

    for course in courses:
        for quiz in _blocks(course, "quiz"):
            for question in quiz["questions"]:
                try:
                    block.clean(question)
                except ValidationError as error:  # pragma: no cover - a failure
                    pytest.fail(f"{question['prompt']}: {error}")


def test_demo_lessons_embed_only_materials_of_their_courses_subject_and_grade(
    demo_courses,
):
    courses = demo_courses

    for course in courses:
        materials = [value["material"] for value in _blocks(course, "material")]
        assert materials, course.title
        for material in materials:
            assert material.live
            assert material.subject == course.subject, (course.title, material.title)
            assert material.grade_levels == [course.grade], (
                course.title,
                material.title,
            )


def test_the_toan_9_lesson_page_shows_the_graph_and_the_quiz(client):
    courses = _seed(count=2, materials=14)
    course = next(c for c in courses if c.title.startswith("Toán 9"))
    lesson = _lessons(course)[0]

    html = client.get(lesson.url).content.decode()

    assert "Phương pháp thế" in html
    assert "x + y = 3 và x − y = 1 cắt nhau tại điểm (2; 1)" in html  # the alt text
    assert "<img" in html
    quiz_page = _lessons(course)[1]
    quiz_html = client.get(quiz_page.url).content.decode()
    assert "Câu hỏi ôn tập: Phương pháp cộng đại số" in quiz_html
    assert "Những cặp số nào là nghiệm của phương trình 2x + y = 5?" in quiz_html
