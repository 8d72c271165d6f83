"""A course read in several languages keeps one set of learner records: the
original course's, whichever translation the learner reads."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from courses.models import Certificate, Enrolment, LessonCompletion
from courses.services import enrolment_create, lesson_mark_done, quiz_attempt_submit
from courses.translations import original_page
from tests.factories import CuratorFactory, TeacherFactory, translate_course

pytestmark = pytest.mark.django_db


def english_version(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def test_a_translation_leads_back_to_its_original(tree):
    english = translate_course(tree.course)

    assert original_page(english) == tree.course
    assert original_page(tree.course) == tree.course


def test_a_learner_enrolled_on_the_original_sees_their_progress_in_english(
    client, tree, learner
):
    enrolment_create(learner=learner, course=tree.course)
    lesson_mark_done(learner=learner, lesson=tree.reading)
    english = translate_course(tree.course, title="Biology 6: Photosynthesis")
    client.force_login(learner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get(english.url).content.decode()

    assert "Biology 6: Photosynthesis" in html
    assert "33%" in html


def test_enrolling_on_a_translation_enrols_in_the_original(tree, learner):
    english = translate_course(tree.course)

    enrolment, created = enrolment_create(learner=learner, course=english)

    assert created
    assert enrolment.course_id == tree.course.pk
    assert Enrolment.objects.get().course_id == tree.course.pk


def test_lessons_done_in_english_complete_the_original_course(tree, learner):
    enrolment_create(learner=learner, course=tree.course)
    translate_course(tree.course)

    lesson_mark_done(learner=learner, lesson=english_version(tree.reading))
    quiz_attempt_submit(
        learner=learner,
        lesson=english_version(tree.quiz_lesson),
        quiz_id=tree.quiz_id,
        answers={"0": ["0"], "1": ["0"]},
    )

    assert set(LessonCompletion.objects.values_list("lesson_id", flat=True)) == {
        tree.reading.pk,
        tree.quiz_lesson.pk,
    }
    assert Certificate.objects.get().course_id == tree.course.pk


def test_curators_may_translate_pages_and_teachers_may_not():
    assert CuratorFactory().has_perm("simple_translation.submit_translation")
    assert not TeacherFactory().has_perm("simple_translation.submit_translation")
