"""Scores for LTI-launched learners, sent to the platform's line items.

A completed lesson or a marked quiz records one row per line item inside
the learning event's own transaction; after commit a task posts them. A row
that fails stays, with its error, and is tried again with growing waits
until it is sent or has failed ``MAX_ATTEMPTS`` times.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from courses.models import LessonPage, QuizAttempt
from lti.models import GradeLink, PassbackStatus, ScorePassback
from lti.platform_http import PlatformUnavailable, access_token, post_score, scores_url
from lti.services.launch import SCORE_SCOPE

MAX_ATTEMPTS = 8
BASE_BACKOFF_SECONDS = 60


def _links(learner, lesson: LessonPage):
    return GradeLink.objects.filter(
        identity__user=learner, lesson__translation_key=lesson.translation_key
    )


def lesson_score(*, learner, lesson: LessonPage) -> Decimal:
    """100 for a lesson marked done; else the mean of the best score of each
    quiz the learner took in it."""
    best = (
        QuizAttempt.objects.filter(learner=learner, lesson=lesson)
        .values("quiz_id")
        .annotate(best=Max("score"))
        .values_list("best", flat=True)
    )
    scores = list(best)
    return (
        Decimal(sum(scores) / len(scores)).quantize(Decimal("0.01"))
        if scores
        else Decimal(100)
    )


def score_record(
    *,
    learner,
    lesson: LessonPage,
    completed: bool,
    at: datetime,
    score: Decimal | None = None,
) -> list[int]:
    """Queue a score for every line item of this learner and lesson; the ids.

    Without ``score`` it is the lesson's (``lesson_score``), worked out only
    for learners who came from an LMS. Everyone else is told apart by the
    account's ``from_lms`` flag, already loaded: no query, nothing written.
    """
    if not learner.from_lms:
        return []
    links = list(_links(learner, lesson))
    if not links:
        return []
    if score is None:
        score = lesson_score(learner=learner, lesson=lesson)
    with transaction.atomic():
        return _queue(links, score=score, completed=completed, at=at)


def _queue(links, *, score: Decimal, completed: bool, at: datetime) -> list[int]:
    return [
        ScorePassback.objects.create(
            grade_link=link,
            score_given=score,
            score_maximum=Decimal(100),
            activity_progress="Completed" if completed else "Submitted",
            grading_progress="FullyGraded",
            scored_at=at,
            next_attempt_at=at,
        ).pk
        for link in links
    ]


def score_send(*, passback: ScorePassback) -> bool:
    """Post one score; True when the platform took it. Failures are kept."""
    link = passback.grade_link
    registration = link.identity.registration
    payload = {
        "userId": link.identity.subject,
        "scoreGiven": float(passback.score_given),
        "scoreMaximum": float(passback.score_maximum),
        "activityProgress": passback.activity_progress,
        "gradingProgress": passback.grading_progress,
        "timestamp": passback.scored_at.isoformat(),
    }
    passback.attempts += 1
    try:
        token = access_token(registration, SCORE_SCOPE)
        post_score(scores_url(link.line_item_url), token, payload)
    except PlatformUnavailable as problem:
        passback.last_error = str(problem)[:2000]
        passback.status = (
            PassbackStatus.FAILED
            if passback.attempts >= MAX_ATTEMPTS
            else PassbackStatus.PENDING
        )
        passback.next_attempt_at = timezone.now() + timedelta(
            seconds=BASE_BACKOFF_SECONDS * 2 ** (passback.attempts - 1)
        )
    else:
        passback.status, passback.sent_at, passback.last_error = (
            PassbackStatus.SENT,
            timezone.now(),
            "",
        )
    passback.save()
    return passback.status == PassbackStatus.SENT


def scores_send(*, ids: list[int] | None = None) -> dict[str, int]:
    """Send the given rows, or every pending row whose time has come."""
    rows = ScorePassback.objects.select_related(
        "grade_link__identity__registration"
    ).filter(status=PassbackStatus.PENDING)
    rows = (
        rows.filter(pk__in=ids)
        if ids is not None
        else rows.filter(next_attempt_at__lte=timezone.now())
    )
    sent = sum(score_send(passback=passback) for passback in rows.order_by("scored_at"))
    return {"sent": sent}
