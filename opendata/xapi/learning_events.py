"""xAPI statements for what the courses app announces about learners.

The courses services send their signals (``courses.signals``) inside their
own transactions, so these receivers run in them too: a rolled-back change
records nothing. Activity ids are built by ``lms.links``: from the request
being answered, else from ``SITE_URL``.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils.translation import get_language, pgettext

from courses.translations import language_of
from lms.links import absolute_url
from opendata.models import XapiStatement
from opendata.xapi.services import record_learning_event, record_voiding
from opendata.xapi.statements import LearningResult, LearningVerb

if TYPE_CHECKING:
    from accounts.models import User
    from courses.models import (
        Certificate,
        CoursePage,
        LessonPage,
        QuizAttempt,
        TranscriptShare,
    )

# A learner reopening a lesson within this window is the same visit, so the
# page view is reported once rather than at every reload.
LAUNCH_INTERVAL = timedelta(hours=1)
COURSE_ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/course"
TRANSCRIPT_ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/file"
# Fixed for good: a learner's registration in a course is derived from it, so
# every statement of one enrolment, from any process, carries the same one.
REGISTRATION_NAMESPACE = uuid.UUID("5b7d3c1e-8f4a-4e2b-9c61-2d0f7a9e4b18")


def registration(*, learner_id: int, course_id: int) -> uuid.UUID:
    """The xAPI registration of a learner's enrolment in the original course."""
    return uuid.uuid5(REGISTRATION_NAMESPACE, f"enrolment:{learner_id}:{course_id}")


def page_activity_id(page) -> str | None:
    """The page's absolute URL on the learner's site; None when no site routes it."""
    relative = page.get_url(request=None)
    return absolute_url(relative) if relative else None


def _record(
    *, learner: User, verb, page, name: str, course_id: int, parent=None, **extra
) -> None:
    """Record one statement about a page, in the page's language, in the
    learner's registration for the (original) course ``course_id``, as part
    of ``parent`` when given; pages no site serves have no IRI, and no
    learner can be on them, so nothing is reported for them."""
    url = page_activity_id(page)
    if url is None:
        return
    if parent is not None:
        extra["parent_url"] = page_activity_id(parent)
    record_learning_event(
        user=learner,
        verb=verb,
        object_url=url,
        object_name=name,
        language=language_of(page),
        registration=registration(learner_id=learner.pk, course_id=course_id),
        **extra,
    )


def on_learner_enrolled(
    sender, *, learner: User, course: CoursePage, at, **kwargs
) -> None:
    _record(
        learner=learner,
        verb=LearningVerb.ENROLLED,
        page=course,
        name=course.title,
        course_id=course.pk,
        timestamp=at,
    )


def on_lesson_opened(
    sender, *, learner: User, lesson: LessonPage, course_id: int, at, **kwargs
) -> bool:
    """Report a lesson visit unless one was reported within LAUNCH_INTERVAL."""
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
        course_id=course_id,
        parent=lesson.course,
        timestamp=at,
    )
    return True


def on_lesson_completed(
    sender, *, learner: User, lesson: LessonPage, course_id: int, at, **kwargs
) -> None:
    _record(
        learner=learner,
        verb=LearningVerb.COMPLETED,
        page=lesson,
        name=lesson.title,
        course_id=course_id,
        parent=lesson.course,
        result=LearningResult(completion=True),
        timestamp=at,
    )


def on_quiz_attempted(sender, *, learner: User, attempt: QuizAttempt, **kwargs) -> None:
    """Passed or failed, with the score; the quiz is a part of its lesson page."""
    lesson_url = page_activity_id(attempt.lesson)
    if lesson_url is None:
        return
    record_learning_event(
        user=learner,
        verb=LearningVerb.PASSED if attempt.passed else LearningVerb.FAILED,
        object_url=f"{lesson_url}#quiz-{attempt.quiz_id}",
        object_name=attempt.quiz_title,
        language=language_of(attempt.lesson),
        parent_url=lesson_url,
        registration=registration(learner_id=learner.pk, course_id=attempt.course_id),
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


def on_certificate_issued(sender, *, certificate: Certificate, **kwargs) -> None:
    """The course is completed, and the certificate (its verification URL) earned."""
    learner, at = certificate.learner, certificate.issued_at
    _record(
        learner=learner,
        verb=LearningVerb.COMPLETED,
        page=certificate.course,
        name=certificate.course_title,
        course_id=certificate.course_id,
        result=LearningResult(completion=True, success=True),
        timestamp=at,
        activity_type=COURSE_ACTIVITY_TYPE,
    )
    record_learning_event(
        user=learner,
        verb=LearningVerb.EARNED,
        object_url=absolute_url(certificate.get_absolute_url()),
        object_name=certificate.course_title,
        language=language_of(certificate.course),
        parent_url=page_activity_id(certificate.course),
        registration=registration(
            learner_id=learner.pk, course_id=certificate.course_id
        ),
        timestamp=at,
    )


def on_certificate_revoked(sender, *, certificate: Certificate, **kwargs) -> None:
    """Void the "earned" statement, so record stores stop counting the
    certificate; the completed course stays reported, as it did happen.

    Matched on the certificate's path: the statement may have been made on
    another of the site's addresses than the one the curator uses.
    """
    earned = XapiStatement.objects.filter(
        user_id=certificate.learner_id,
        verb=LearningVerb.EARNED,
        object_id__endswith=certificate.get_absolute_url(),
    )
    for statement in earned:
        record_voiding(
            statement=statement,
            voided_by=certificate.revoked_by or certificate.learner,
            timestamp=certificate.revoked_at,
        )


def on_transcript_shared(
    sender, *, learner: User, share: TranscriptShare, at, **kwargs
) -> None:
    """The learner handed out a public link to their transcript: the link
    is the activity, so each link opened is one statement."""
    record_learning_event(
        user=learner,
        verb=LearningVerb.SHARED,
        object_url=absolute_url(share.get_absolute_url()),
        object_name=pgettext("record of completed courses", "Transcript"),
        language=get_language(),
        activity_type=TRANSCRIPT_ACTIVITY_TYPE,
        timestamp=at,
    )
