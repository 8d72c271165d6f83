"""Lesson completion and quiz attempts, graded on the server.

A lesson without quizzes is completed when the learner marks it done; a
lesson with quizzes is completed when every one of its quizzes has been
passed, so the quizzes keep their meaning. Both paths are idempotent.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import (
    CompletionMethod,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
)
from courses.services.certificates import certificate_issue_if_complete
from courses.signals import lesson_completed, lesson_opened, quiz_attempted
from lms.inserts import insert_unless_present


def _course_path(lesson: LessonPage) -> str:
    """The tree path of the lesson's course (lesson → module → course)."""
    return lesson.path[: LessonPage.steplen * (lesson.depth - 2)]


def _require_enrolment(*, learner: User, lesson: LessonPage) -> Enrolment:
    if not lesson.live:
        raise ValidationError(
            _("This lesson is not published."), code="lesson_not_published"
        )
    # Through any translation of the course: records belong to its original.
    course_key = CoursePage.objects.filter(path=_course_path(lesson)).values(
        "translation_key"
    )[:1]
    enrolment = (
        Enrolment.objects.active()
        .select_related("course", "learner")
        .filter(learner=learner, course__translation_key=Subquery(course_key))
        .first()
    )
    if enrolment is None:
        raise ValidationError(
            _("You are not enrolled in the course this lesson belongs to."),
            code="not_enrolled",
        )
    return enrolment


def _recorded_lesson(lesson: LessonPage, enrolment: Enrolment) -> LessonPage:
    """The lesson whose records a translated ``lesson`` shares: its version
    in the enrolled (original) course, when that course has one."""
    if lesson.path.startswith(enrolment.course.path):
        return lesson
    original = LessonPage.objects.filter(
        translation_key=lesson.translation_key,
        path__startswith=enrolment.course.path,
    ).first()
    return original or lesson


def quiz_blocks(lesson: LessonPage) -> list:
    """The lesson's quiz blocks, in page order (each has ``id`` and ``value``)."""
    return [block for block in lesson.body if block.block_type == "quiz"]


def _complete(
    *, enrolment: Enrolment, lesson: LessonPage, method: str
) -> tuple[LessonCompletion, bool]:
    now = timezone.now()
    completion = LessonCompletion(
        learner_id=enrolment.learner_id,
        course_id=enrolment.course_id,
        lesson=lesson,
        method=method,
        completed_at=now,
    )
    # The unique constraint decides in the insert: no read before it, and a
    # concurrent twin that won leaves nothing to roll back.
    if not insert_unless_present(completion, unique_fields=("learner", "lesson")):
        existing = LessonCompletion.objects.get(
            learner_id=enrolment.learner_id, lesson=lesson
        )
        return existing, False
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    lesson_completed.send(
        LessonPage,
        learner=enrolment.learner,
        lesson=lesson,
        course_id=enrolment.course_id,
        at=now,
    )
    if lesson.is_required:  # an optional lesson never completes a course
        certificate_issue_if_complete(
            learner=enrolment.learner, course=enrolment.course
        )
    return completion, True


@transaction.atomic
def lesson_launch_record(
    *, learner: User, lesson: LessonPage, enrolment: Enrolment | None = None
) -> bool:
    """Report that an enrolled learner opened a lesson; True if a statement
    was recorded. Reloads within an hour count as the same visit; the
    enrolment row is locked so concurrent reloads report once (PostgreSQL).

    ``enrolment``, the learner's enrolment in the lesson's course that the
    lesson page has just read, saves reading it again: the lock then checks
    it is still theirs and active.
    """
    if enrolment is None:
        enrolment = _require_enrolment(learner=learner, lesson=lesson)
    elif not lesson.live:
        raise ValidationError(
            _("This lesson is not published."), code="lesson_not_published"
        )
    locked = (
        Enrolment.objects.active()
        .select_for_update()
        .filter(pk=enrolment.pk, learner=learner)
        .first()
    )
    if locked is None:
        raise ValidationError(
            _("You are not enrolled in the course this lesson belongs to."),
            code="not_enrolled",
        )
    answers = lesson_opened.send(
        LessonPage,
        learner=learner,
        lesson=lesson,
        course_id=enrolment.course_id,
        at=timezone.now(),
    )
    return any(reported for _receiver, reported in answers)


@transaction.atomic
def lesson_mark_done(
    *, learner: User, lesson: LessonPage
) -> tuple[LessonCompletion, bool]:
    """Mark a lesson without quizzes as done; ``(completion, created)``."""
    enrolment = _require_enrolment(learner=learner, lesson=lesson)
    if quiz_blocks(lesson):
        raise ValidationError(
            _("Pass this lesson's quiz to complete it."), code="quiz_required"
        )
    return _complete(
        enrolment=enrolment,
        lesson=_recorded_lesson(lesson, enrolment),
        method=CompletionMethod.MARKED_DONE,
    )


@transaction.atomic
def lesson_complete_by_package(
    *, learner: User, lesson: LessonPage
) -> tuple[LessonCompletion, bool] | None:
    """Complete a lesson whose SCORM package says the learner finished it.

    None, and nothing recorded, when the learner is not enrolled in the
    course (the package's own state is still kept) or when the lesson also
    has quizzes, which keep their meaning: those complete it.
    """
    try:
        enrolment = _require_enrolment(learner=learner, lesson=lesson)
    except ValidationError:
        return None
    if quiz_blocks(lesson):
        return None
    return _complete(
        enrolment=enrolment,
        lesson=_recorded_lesson(lesson, enrolment),
        method=CompletionMethod.PACKAGE,
    )


@dataclass(frozen=True)
class GradedQuestion:
    selected: list[int]
    correct: list[int]

    @property
    def is_correct(self) -> bool:
        return sorted(self.selected) == sorted(self.correct)


def _parse_answers(quiz: Mapping, answers: Mapping[str, Sequence[str]]) -> list:
    """Turn submitted answers into choice indexes, refusing anything forged."""
    questions = quiz["questions"]
    expected = {str(number) for number in range(len(questions))}
    if not set(answers) <= expected:
        raise ValidationError(
            _("The answers do not match this quiz's questions."),
            code="unknown_question",
        )
    parsed = []
    for number, question in enumerate(questions):
        values = answers.get(str(number)) or []
        if not values:
            raise ValidationError(
                _("Answer every question: question %(n)d has no answer.")
                % {"n": number + 1},
                code="missing_answer",
            )
        indexes = set()
        for value in values:
            if not str(value).isdigit() or int(value) >= len(question["choices"]):
                raise ValidationError(
                    _("Question %(n)d: “%(value)s” is not one of its choices.")
                    % {"n": number + 1, "value": str(value)[:20]},
                    code="invalid_choice",
                )
            indexes.add(int(value))
        if len(indexes) > 1 and not question["allows_multiple"]:
            raise ValidationError(
                _("Question %(n)d takes a single answer.") % {"n": number + 1},
                code="single_answer",
            )
        parsed.append(sorted(indexes))
    return parsed


def grade(quiz: Mapping, selected: list[list[int]]) -> list[GradedQuestion]:
    return [
        GradedQuestion(
            selected=choice_indexes,
            correct=[i for i, c in enumerate(question["choices"]) if c["is_correct"]],
        )
        for question, choice_indexes in zip(quiz["questions"], selected, strict=True)
    ]


@transaction.atomic
def quiz_attempt_submit(
    *,
    learner: User,
    lesson: LessonPage,
    quiz_id: str,
    answers: Mapping[str, Sequence[str]],
) -> QuizAttempt:
    """Grade one attempt, keep it, and complete the lesson once all quizzes pass.

    ``answers`` maps question numbers ("0", "1"…) to the chosen choice
    numbers, as the lesson page's form sends them.
    """
    enrolment = _require_enrolment(learner=learner, lesson=lesson)
    quizzes = quiz_blocks(lesson)
    block = next((b for b in quizzes if b.id == quiz_id), None)
    if block is None:
        raise ValidationError(
            _("This quiz is not part of this lesson."), code="unknown_quiz"
        )
    # Graded against the quiz the learner read, kept with the original lesson.
    graded = grade(block.value, _parse_answers(block.value, answers))
    lesson = _recorded_lesson(lesson, enrolment)
    correct = sum(1 for question in graded if question.is_correct)
    score = round(100 * correct / len(graded))
    attempt = QuizAttempt.objects.create(
        learner=learner,
        course_id=enrolment.course_id,
        lesson=lesson,
        quiz_id=quiz_id,
        quiz_title=block.value["title"],
        answers=[question.selected for question in graded],
        correct_count=correct,
        question_count=len(graded),
        score=score,
        pass_mark=block.value["pass_mark"],
        passed=score >= block.value["pass_mark"],
        submitted_at=timezone.now(),
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=attempt.submitted_at
    )
    quiz_attempted.send(QuizAttempt, learner=learner, attempt=attempt)
    passed_ids = set(
        QuizAttempt.objects.filter(
            learner=learner, lesson=lesson, passed=True
        ).values_list("quiz_id", flat=True)
    )
    if {b.id for b in quizzes} <= passed_ids:
        _complete(
            enrolment=enrolment, lesson=lesson, method=CompletionMethod.QUIZ_PASSED
        )
    return attempt
