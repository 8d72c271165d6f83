"""A demo learner who has already learned something.

``student.an`` has finished the first demo course, so its certificate, PDF
and signed credential can be opened straight after ``make run``, and is part
way through the second, so "continue where you left off" has somewhere to
lead. Everything goes through the learners' own services, as clicks would.
"""

from __future__ import annotations

from wagtail.models import Locale

from accounts.models import User
from courses.models import CourseCatalogPage, CoursePage, LessonCompletion, LessonPage
from courses.services import enrolment_create, lesson_mark_done, quiz_attempt_submit
from courses.services.progress import quiz_blocks

DEMO_LEARNER = "student.an"


def seed_learning(users: dict[str, User]) -> None:
    """Finish the first demo course and start the second; safe to repeat."""
    learner = users.get(DEMO_LEARNER)
    catalogue = CourseCatalogPage.objects.filter(locale=Locale.get_default()).first()
    if learner is None or catalogue is None:
        return
    courses = list(CoursePage.objects.live().child_of(catalogue).order_by("path")[:2])
    for course, share in zip(courses, (1.0, 0.5), strict=False):
        enrolment_create(learner=learner, course=course)
        lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
        for lesson in lessons[: max(1, round(len(lessons) * share))]:
            _finish(learner, lesson)


def _finish(learner: User, lesson: LessonPage) -> None:
    if LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists():
        return
    quizzes = quiz_blocks(lesson)
    if not quizzes:
        lesson_mark_done(learner=learner, lesson=lesson)
    for quiz in quizzes:
        quiz_attempt_submit(
            learner=learner,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=right_answers(quiz.value),
        )


def right_answers(quiz: dict) -> dict[str, list[str]]:
    """Every question answered with its correct choices, as the form sends them."""
    return {
        str(number): [
            str(index)
            for index, choice in enumerate(question["choices"])
            if choice["is_correct"]
        ]
        for number, question in enumerate(quiz["questions"])
    }
