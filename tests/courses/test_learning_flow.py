"""Moving through a course: previous and next lesson, the moment a lesson or
the whole course is completed, numbered quiz questions, and a catalogue a
learner can narrow and order."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.services import enrolment_create
from courses.services.progress import lesson_mark_done
from lms.vocabulary import CourseLevel, GradeLevel, Language, Subject
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


def _lesson_nav(html: str) -> str:
    match = re.search(r'<nav class="lesson-nav".*?</nav>', html, re.DOTALL)
    return match.group(0) if match else ""


def test_lessons_link_to_the_previous_and_next_lesson_across_modules(client):
    course = CoursePageFactory()
    first_module = CourseModulePageFactory(parent=course)
    second_module = CourseModulePageFactory(parent=course)
    first = LessonPageFactory(parent=first_module, title="Lá cây")
    second = LessonPageFactory(parent=first_module, title="Thân cây")
    third = LessonPageFactory(parent=second_module, title="Rễ cây")

    first_nav = _lesson_nav(client.get(first.url).content.decode())
    middle_nav = _lesson_nav(client.get(second.url).content.decode())
    last_nav = _lesson_nav(client.get(third.url).content.decode())

    assert 'rel="prev"' not in first_nav
    assert f'href="{second.url}" rel="next"' in first_nav
    assert f'href="{first.url}" rel="prev"' in middle_nav
    assert f'href="{third.url}" rel="next"' in middle_nav
    assert "Rễ cây" in middle_nav
    assert f'href="{second.url}" rel="prev"' in last_nav
    assert 'rel="next"' not in last_nav


def test_an_unpublished_lesson_is_skipped_by_previous_and_next(client):
    module = CourseModulePageFactory()
    first = LessonPageFactory(parent=module)
    hidden = LessonPageFactory(parent=module, title="Bài đang sửa")
    last = LessonPageFactory(parent=module)
    hidden.unpublish()

    nav = _lesson_nav(client.get(first.url).content.decode())

    assert "Bài đang sửa" not in nav
    assert f'href="{last.url}" rel="next"' in nav


def test_a_completed_lesson_points_to_the_next_one(client, tree, learner):
    enrolment_create(learner=learner, course=tree.course)
    lesson_mark_done(learner=learner, lesson=tree.reading)
    client.force_login(learner)

    html = client.get(tree.reading.url).content.decode()

    assert "You have completed this lesson." in html
    assert f'class="button" href="{tree.quiz_lesson.url}"' in html
    assert "Next lesson: Bài 2: Kiểm tra" in html
    assert "View your certificate" not in html


def test_the_lesson_that_completes_the_course_shows_the_certificate(
    client, tree, learner
):
    enrolment_create(learner=learner, course=tree.course)
    tree.complete_required(learner)
    certificate = learner.certificates.get()
    client.force_login(learner)

    html = client.get(tree.quiz_lesson.url).content.decode()

    assert "You have completed the course" in html
    assert reverse("courses:certificate_verify", args=[certificate.code]) in html
    assert reverse("courses:certificate_pdf", args=[certificate.code]) in html


def test_a_certificate_is_shown_only_to_its_own_learner(client, tree, learner):
    enrolment_create(learner=learner, course=tree.course)
    tree.complete_required(learner)
    code = learner.certificates.get().code
    classmate = EnrolmentFactory(course=tree.course).learner
    client.force_login(classmate)

    html = client.get(tree.quiz_lesson.url).content.decode()

    assert code not in html
    assert "You have completed the course" not in html


def test_each_quiz_question_carries_its_number_in_its_legend(client, tree):
    html = client.get(tree.quiz_lesson.url).content.decode()

    legends = re.findall(r"<legend>(.*?)</legend>", html, re.DOTALL)
    assert len(legends) == 2
    assert legends[0].startswith('<span class="quiz__number">Question 1.</span>')
    assert legends[1].startswith('<span class="quiz__number">Question 2.</span>')
    assert "Cây xanh hấp thụ khí gì khi quang hợp?" in legends[0]
    assert '<ol class="quiz__questions">' in html


def test_quiz_numbers_read_in_vietnamese(client, tree, settings):
    settings.LANGUAGE_CODE = "vi"

    html = client.get(tree.quiz_lesson.url).content.decode()

    assert '<span class="quiz__number">Câu 1.</span>' in html


def _titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a [^>]*>(.*?)</a>', html)


def test_catalogue_narrows_by_subject_grade_level_and_language(client, catalogue):
    CoursePageFactory(
        title="Vật lý 11",
        subject=Subject.PHYSICS,
        grade=GradeLevel.GRADE_11,
        level=CourseLevel.INTERMEDIATE,
    )
    CoursePageFactory(title="Sinh học 6", subject=Subject.BIOLOGY)
    CoursePageFactory(
        title="English 7",
        subject=Subject.ENGLISH,
        grade=GradeLevel.GRADE_7,
        language=Language.ENGLISH,
    )

    def titles(query: str) -> list[str]:
        return _titles(client.get(f"{catalogue.url}?{query}").content.decode())

    assert titles(f"subject={Subject.PHYSICS}") == ["Vật lý 11"]
    assert titles(f"grade={GradeLevel.GRADE_7}") == ["English 7"]
    assert titles(f"level={CourseLevel.INTERMEDIATE}") == ["Vật lý 11"]
    assert titles(f"language={Language.ENGLISH}") == ["English 7"]
    assert titles("") == ["English 7", "Sinh học 6", "Vật lý 11"]


def test_catalogue_keeps_the_chosen_filters_selected(client, catalogue):
    CoursePageFactory(subject=Subject.PHYSICS)

    html = client.get(
        f"{catalogue.url}?subject={Subject.PHYSICS}&sort=newest"
    ).content.decode()

    assert f'<option value="{Subject.PHYSICS}" selected>' in html
    assert '<option value="newest" selected>' in html


def test_catalogue_ignores_a_filter_value_it_does_not_know(client, catalogue):
    CoursePageFactory(title="Sinh học 6")

    response = client.get(f"{catalogue.url}?subject=astrology&sort=loudest")

    assert response.status_code == 200
    assert _titles(response.content.decode()) == ["Sinh học 6"]


def test_catalogue_says_when_no_course_matches_and_offers_all(client, catalogue):
    CoursePageFactory(subject=Subject.BIOLOGY)

    html = client.get(f"{catalogue.url}?subject={Subject.PHYSICS}").content.decode()

    assert "No published courses match these filters." in html
    assert f'href="{catalogue.url}">Show all courses' in html


def test_catalogue_sorts_by_learners_and_by_newest(client, catalogue):
    quiet = CoursePageFactory(title="A: ít người học")
    popular = CoursePageFactory(title="B: nhiều người học")
    newest = CoursePageFactory(title="C: mới nhất")
    for _ in range(3):
        EnrolmentFactory(course=popular)
    EnrolmentFactory(course=quiet)
    left = EnrolmentFactory(course=newest)
    left.unenrolled_at = timezone.now()
    left.save()
    EnrolmentFactory(course=newest, learner=StudentFactory())
    by_learners = _titles(client.get(f"{catalogue.url}?sort=popular").content.decode())
    by_date = _titles(client.get(f"{catalogue.url}?sort=newest").content.decode())

    assert by_learners[0] == "B: nhiều người học"
    assert by_learners[1:] == ["A: ít người học", "C: mới nhất"]
    assert by_date[0] == "C: mới nhất"
