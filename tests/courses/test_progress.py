import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.models import CompletionMethod, LessonCompletion, QuizAttempt
from courses.services import lesson_mark_done, quiz_attempt_submit
from tests.courses.conftest import RIGHT_ANSWERS
from tests.factories import (
    EnrolmentFactory,
    QuizLessonPageFactory,
    StudentFactory,
    question,
    quiz_value,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(tree, learner):
    EnrolmentFactory(learner=learner, course=tree.course)
    return learner


def _refused(message: str, call, **kwargs) -> None:
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    assert error.value.messages == [message]
    assert not LessonCompletion.objects.exists()
    assert not QuizAttempt.objects.exists()


def test_marking_a_lesson_done_completes_it_once(tree, enrolled):
    first, created = lesson_mark_done(learner=enrolled, lesson=tree.reading)
    again, created_again = lesson_mark_done(learner=enrolled, lesson=tree.reading)

    assert created and not created_again
    assert first.pk == again.pk
    assert first.method == CompletionMethod.MARKED_DONE
    assert LessonCompletion.objects.count() == 1


def test_completing_a_lesson_of_a_course_one_is_not_enrolled_in_is_refused(
    tree, learner
):
    _refused(
        "You are not enrolled in the course this lesson belongs to.",
        lesson_mark_done,
        learner=learner,
        lesson=tree.reading,
    )


def test_a_learner_who_left_the_course_cannot_record_progress(tree, learner):
    EnrolmentFactory(learner=learner, course=tree.course, unenrolled_at=timezone.now())

    _refused(
        "You are not enrolled in the course this lesson belongs to.",
        lesson_mark_done,
        learner=learner,
        lesson=tree.reading,
    )


def test_a_lesson_with_a_quiz_is_completed_by_passing_the_quiz(tree, enrolled):
    _refused(
        "Pass this lesson's quiz to complete it.",
        lesson_mark_done,
        learner=enrolled,
        lesson=tree.quiz_lesson,
    )


def test_a_passed_quiz_completes_the_lesson(tree, enrolled):
    attempt = quiz_attempt_submit(
        learner=enrolled,
        lesson=tree.quiz_lesson,
        quiz_id=tree.quiz_id,
        answers=RIGHT_ANSWERS,
    )

    assert (attempt.score, attempt.passed, attempt.correct_count) == (100, True, 2)
    completion = LessonCompletion.objects.get(lesson=tree.quiz_lesson)
    assert completion.method == CompletionMethod.QUIZ_PASSED


def test_a_failed_attempt_is_kept_and_does_not_complete_the_lesson(tree, enrolled):
    attempt = quiz_attempt_submit(
        learner=enrolled,
        lesson=tree.quiz_lesson,
        quiz_id=tree.quiz_id,
        answers={"0": ["1"], "1": ["1"]},
    )

    assert (attempt.score, attempt.passed) == (0, False)
    assert attempt.answers == [[1], [1]]
    assert not LessonCompletion.objects.exists()


def test_every_attempt_and_its_score_is_kept(tree, enrolled):
    for answers in ({"0": ["1"], "1": ["1"]}, {"0": ["0"], "1": ["1"]}, RIGHT_ANSWERS):
        quiz_attempt_submit(
            learner=enrolled,
            lesson=tree.quiz_lesson,
            quiz_id=tree.quiz_id,
            answers=answers,
        )

    scores = QuizAttempt.objects.order_by("pk").values_list("score", "passed")
    assert list(scores) == [(0, False), (50, True), (100, True)]
    assert LessonCompletion.objects.count() == 1


def test_multiple_choice_questions_need_every_right_answer(tree, enrolled):
    lesson = QuizLessonPageFactory(
        parent=tree.module,
        body=[
            (
                "quiz",
                quiz_value(
                    pass_mark=100,
                    questions=[question("Số nguyên tố?", ["2", "3", "4"], [0, 1])],
                ),
            )
        ],
    )
    quiz_id = lesson.body[0].id

    partial = quiz_attempt_submit(
        learner=enrolled, lesson=lesson, quiz_id=quiz_id, answers={"0": ["0"]}
    )
    full = quiz_attempt_submit(
        learner=enrolled, lesson=lesson, quiz_id=quiz_id, answers={"0": ["1", "0"]}
    )

    assert (partial.score, full.score) == (0, 100)


class TestForgedAnswers:
    """Answers are checked against the published quiz; forgeries change nothing."""

    @pytest.mark.parametrize(
        ("answers", "message"),
        [
            ({"0": ["7"], "1": ["0"]}, "Question 1: “7” is not one of its choices."),
            ({"0": ["0"], "1": ["-1"]}, "Question 2: “-1” is not one of its choices."),
            (
                {"0": ["abc"], "1": ["0"]},
                "Question 1: “abc” is not one of its choices.",
            ),
            ({"0": ["0"]}, "Answer every question: question 2 has no answer."),
            ({"0": ["0", "1"], "1": ["0"]}, "Question 1 takes a single answer."),
            (
                {"0": ["0"], "1": ["0"], "2": ["0"]},
                "The answers do not match this quiz's questions.",
            ),
        ],
    )
    def test_forged_answers_are_refused(self, tree, enrolled, answers, message):
        _refused(
            message,
            quiz_attempt_submit,
            learner=enrolled,
            lesson=tree.quiz_lesson,
            quiz_id=tree.quiz_id,
            answers=answers,
        )

    def test_answers_for_a_quiz_of_another_lesson_are_refused(self, tree, enrolled):
        other = QuizLessonPageFactory(parent=tree.module)
        other_quiz_id = other.body[1].id

        _refused(
            "This quiz is not part of this lesson.",
            quiz_attempt_submit,
            learner=enrolled,
            lesson=tree.quiz_lesson,
            quiz_id=other_quiz_id,
            answers=RIGHT_ANSWERS,
        )

    def test_answers_for_a_lesson_outside_ones_courses_are_refused(self, enrolled):
        foreign = QuizLessonPageFactory()

        _refused(
            "You are not enrolled in the course this lesson belongs to.",
            quiz_attempt_submit,
            learner=enrolled,
            lesson=foreign,
            quiz_id=foreign.body[1].id,
            answers=RIGHT_ANSWERS,
        )


class TestViews:
    def test_the_lesson_page_shows_an_interactive_quiz(self, client, tree, enrolled):
        client.force_login(enrolled)

        html = client.get(tree.quiz_lesson.url).content.decode()

        action = reverse(
            "courses:quiz_submit", args=[tree.quiz_lesson.pk, tree.quiz_id]
        )
        assert f'action="{action}"' in html
        assert 'type="radio"' in html and 'name="question-0"' in html

    def test_submitting_the_quiz_form_grades_it(self, client, tree, enrolled):
        client.force_login(enrolled)
        url = reverse("courses:quiz_submit", args=[tree.quiz_lesson.pk, tree.quiz_id])

        response = client.post(url, {"question-0": "0", "question-1": "1"}, follow=True)

        html = response.content.decode()
        assert "You scored 50% and passed the quiz." in html
        assert "Your latest score: 50% (1 of 2 correct)." in html
        assert QuizAttempt.objects.get().score == 50

    def test_a_forged_submission_is_refused_with_a_message(
        self, client, tree, enrolled
    ):
        client.force_login(enrolled)
        url = reverse("courses:quiz_submit", args=[tree.quiz_lesson.pk, tree.quiz_id])

        response = client.post(url, {"question-0": "9", "question-1": "0"}, follow=True)

        assert "Question 1: “9” is not one of its choices." in response.content.decode()
        assert not QuizAttempt.objects.exists()

    def test_mark_done_is_idempotent(self, client, tree, enrolled):
        client.force_login(enrolled)
        url = reverse("courses:lesson_done", args=[tree.reading.pk])

        client.post(url)
        client.post(url)

        assert LessonCompletion.objects.count() == 1

    def test_progress_endpoints_need_a_csrf_token(self, tree, enrolled):
        client = Client(enforce_csrf_checks=True)
        client.force_login(enrolled)

        response = client.post(reverse("courses:lesson_done", args=[tree.reading.pk]))

        assert response.status_code == 403
        assert not LessonCompletion.objects.exists()

    def test_course_page_shows_progress_and_where_to_continue(
        self, client, tree, enrolled
    ):
        lesson_mark_done(learner=enrolled, lesson=tree.reading)
        client.force_login(enrolled)

        html = client.get(tree.course.url).content.decode()

        assert "1 of 3 lessons completed" in html
        assert "Continue where you left off: Bài 2: Kiểm tra" in html
        assert f'href="{tree.quiz_lesson.url}"' in html

    def test_my_learning_lists_only_ones_own_courses(self, client, tree, enrolled):
        lesson_mark_done(learner=enrolled, lesson=tree.reading)
        other = StudentFactory()
        other_course = EnrolmentFactory(learner=other).course
        client.force_login(enrolled)

        html = client.get(reverse("courses:my_learning")).content.decode()

        assert tree.course.title in html
        assert "1 of 3 lessons completed" in html
        assert other_course.title not in html

    def test_my_learning_needs_sign_in(self, client):
        response = client.get(reverse("courses:my_learning"))

        assert response.status_code == 302


def test_progress_in_an_unpublished_lesson_is_refused(tree, enrolled):
    tree.reading.unpublish()
    tree.reading.refresh_from_db()

    _refused(
        "This lesson is not published.",
        lesson_mark_done,
        learner=enrolled,
        lesson=tree.reading,
    )
