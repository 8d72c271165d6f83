"""Scores for what the courses app announces about LTI-launched learners.

The receivers record the scores inside the learning event's transaction and
enqueue their delivery only after it commits, so a rolled-back completion
posts nothing and a slow platform never holds up the learner's page.
"""

from __future__ import annotations

from django.db import transaction

from courses import signals as learning
from lti.services.grades import score_record
from lti.tasks import send_scores


def _enqueue_after_commit(ids: list[int]) -> None:
    if ids:
        transaction.on_commit(lambda: send_scores.enqueue(ids))


def on_lesson_completed(sender, *, learner, lesson, at, **kwargs) -> None:
    _enqueue_after_commit(
        score_record(learner=learner, lesson=lesson, completed=True, at=at)
    )


def on_quiz_attempted(sender, *, learner, attempt, **kwargs) -> None:
    _enqueue_after_commit(
        score_record(
            learner=learner,
            lesson=attempt.lesson,
            score=attempt.score,
            completed=False,
            at=attempt.submitted_at,
        )
    )


def connect() -> None:
    learning.lesson_completed.connect(
        on_lesson_completed, dispatch_uid="lti_score_lesson_completed"
    )
    learning.quiz_attempted.connect(
        on_quiz_attempted, dispatch_uid="lti_score_quiz_attempted"
    )
