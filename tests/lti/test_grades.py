"""Scores of LTI-launched learners reach the platform's line item."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from lti.models import PassbackStatus, ScorePassback
from lti.tasks import retry_scores
from tests.factories.accounts import StudentFactory
from tests.factories.courses import (
    EnrolmentFactory,
    LessonPageFactory,
    QuizLessonPageFactory,
)
from tests.lti.conftest import start_login
from tests.lti.platform import CLAIM

pytestmark = pytest.mark.django_db

AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def _launch_gradable(client, platform, lesson) -> None:
    request = start_login(client)
    token = platform.id_token(
        request["nonce"],
        **{
            CLAIM + "custom": {"target": f"lesson-{lesson.pk}"},
            AGS: {"scope": [SCORE_SCOPE], "lineitem": platform.line_item_url},
        },
    )
    response = client.post(
        "/lti/launch/", {"id_token": token, "state": request["state"]}
    )
    client.get(response["Location"])


def test_a_completed_lesson_posts_its_score(
    client, registration, platform, django_capture_on_commit_callbacks
):
    lesson = LessonPageFactory()
    _launch_gradable(client, platform, lesson)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/learning/lessons/{lesson.pk}/done/")

    [score] = platform.scores
    assert score["path"] == "/courses/7/lineitems/3/lineitem/scores?type=lesson"
    assert score["userId"] == "moodle-user-42"
    assert score["scoreGiven"] == 100 and score["scoreMaximum"] == 100
    assert score["activityProgress"] == "Completed"
    assert score["gradingProgress"] == "FullyGraded"
    passback = ScorePassback.objects.get()
    assert passback.status == PassbackStatus.SENT and passback.attempts == 1


def test_a_quiz_posts_each_attempt_and_then_the_completion(
    client, registration, platform, django_capture_on_commit_callbacks
):
    lesson = QuizLessonPageFactory()
    _launch_gradable(client, platform, lesson)
    quiz_id = next(block.id for block in lesson.body if block.block_type == "quiz")
    url = f"/learning/lessons/{lesson.pk}/quizzes/{quiz_id}/"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"question-0": "1", "question-1": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"question-0": "0", "question-1": "0"})

    progress = [(s["scoreGiven"], s["activityProgress"]) for s in platform.scores]
    assert progress == [(0, "Submitted"), (100, "Submitted"), (100, "Completed")]


def test_a_refused_score_is_kept_and_sent_on_retry(
    client, registration, platform, django_capture_on_commit_callbacks
):
    lesson = LessonPageFactory()
    _launch_gradable(client, platform, lesson)
    platform.refuse_scores = 1

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/learning/lessons/{lesson.pk}/done/")

    passback = ScorePassback.objects.get()
    assert passback.status == PassbackStatus.PENDING
    assert "503" in passback.last_error and platform.scores == []
    assert passback.next_attempt_at > timezone.now()

    ScorePassback.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    retry_scores.enqueue()

    passback.refresh_from_db()
    assert passback.status == PassbackStatus.SENT and passback.attempts == 2
    assert len(platform.scores) == 1


def test_learners_who_did_not_come_from_an_lms_post_nothing(
    client, registration, platform, django_capture_on_commit_callbacks
):
    lesson = LessonPageFactory()
    learner = StudentFactory()
    EnrolmentFactory(learner=learner, course=lesson.get_parent().get_parent().specific)
    client.force_login(learner)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/learning/lessons/{lesson.pk}/done/")

    assert platform.scores == []
    assert not ScorePassback.objects.exists()
