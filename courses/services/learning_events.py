"""xAPI statements for learner progress, recorded by the courses services.

The services call these inside their own transactions, so every way in (the
pages, the API, the admin, a task) reports the same events, and a rolled-back
change reports nothing. Activity ids are built by ``lms.links``: from the
request being answered, else from ``SITE_URL``. The opendata app is imported inside the functions: it
imports course models itself, and importing it here would make a cycle.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from lms.links import absolute_url

if TYPE_CHECKING:
    from accounts.models import User
    from courses.models import Certificate, CoursePage, LessonPage, QuizAttempt

# A learner reopening a lesson within this window is the same visit, so the
# page view is reported once rather than at every reload.
LAUNCH_INTERVAL = timedelta(hours=1)
COURSE_ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/course"


def page_activity_id(page) -> str | None:
    """The page's absolute URL on the learner's site; None when no site routes it."""
    relative = page.get_url(request=None)
    return absolute_url(relative) if relative else None


def _record(*, learner: User, verb, page, name: str, **extra) -> None:
    """Record one statement about a page; pages no site serves have no IRI,
    and no learner can be on them, so nothing is reported for them."""
    from opendata.xapi.services import record_learning_event

    url = page_activity_id(page)
    if url is None:
        return
    record_learning_event(
        user=learner, verb=verb, object_url=url, object_name=name, **extra
    )


def record_enrolled(*, learner: User, course: CoursePage, at) -> None:
    from opendata.xapi.statements import LearningVerb

    _record(
        learner=learner,
        verb=LearningVerb.ENROLLED,
        page=course,
        name=course.title,
        timestamp=at,
    )


def record_launched(*, learner: User, lesson: LessonPage, at) -> bool:
    """Report a lesson visit unless one was reported within LAUNCH_INTERVAL."""
    from opendata.models import XapiStatement
    from opendata.xapi.statements import LearningVerb

    url = page_activity_id(lesson)
    if url is None:
        return False
    recent = XapiStatement.objects.filter(
        user=learner,
        verb=LearningVerb.LAUNCHED,
        object_id=url,
        timestamp__gt=at - LAUNCH_INTERVAL,
    )
    if recent.exists():
        return False
    _record(
        learner=learner,
        verb=LearningVerb.LAUNCHED,
        page=lesson,
        name=lesson.title,
        timestamp=at,
    )
    return True


def record_lesson_completed(*, learner: User, lesson: LessonPage, at) -> None:
    from opendata.xapi.statements import LearningResult, LearningVerb

    _record(
        learner=learner,
        verb=LearningVerb.COMPLETED,
        page=lesson,
        name=lesson.title,
        result=LearningResult(completion=True),
        timestamp=at,
    )


def record_quiz_attempt(*, learner: User, attempt: QuizAttempt) -> None:
    """Passed or failed, with the score; the quiz is a part of its lesson page."""
    from opendata.xapi.services import record_learning_event
    from opendata.xapi.statements import LearningResult, LearningVerb

    lesson_url = page_activity_id(attempt.lesson)
    if lesson_url is None:
        return
    record_learning_event(
        user=learner,
        verb=LearningVerb.PASSED if attempt.passed else LearningVerb.FAILED,
        object_url=f"{lesson_url}#quiz-{attempt.quiz_id}",
        object_name=attempt.quiz_title,
        result=LearningResult(
            score_scaled=attempt.score / 100,
            score_raw=attempt.correct_count,
            score_min=0,
            score_max=attempt.question_count,
            success=attempt.passed,
            completion=True,
        ),
        timestamp=attempt.submitted_at,
    )


def record_certificate_issued(*, certificate: Certificate) -> None:
    """The course is completed, and the certificate (its verification URL) earned."""
    from opendata.xapi.services import record_learning_event
    from opendata.xapi.statements import LearningResult, LearningVerb

    learner, at = certificate.learner, certificate.issued_at
    _record(
        learner=learner,
        verb=LearningVerb.COMPLETED,
        page=certificate.course,
        name=certificate.course_title,
        result=LearningResult(completion=True, success=True),
        timestamp=at,
        activity_type=COURSE_ACTIVITY_TYPE,
    )
    record_learning_event(
        user=learner,
        verb=LearningVerb.EARNED,
        object_url=absolute_url(certificate.get_absolute_url()),
        object_name=certificate.course_title,
        timestamp=at,
    )
