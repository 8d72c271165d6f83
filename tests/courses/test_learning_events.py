"""Learner progress leaves xAPI statements, once per event, whichever way in."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from courses.models import Certificate
from courses.services import (
    certificate_revoke,
    enrolment_cancel,
    enrolment_create,
    lesson_launch_record,
    lesson_mark_done,
    quiz_attempt_submit,
)
from opendata.models import XapiStatement
from tests.courses.conftest import RIGHT_ANSWERS
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    CuratorFactory,
    LessonPageFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


SITE = "https://hoc.example.edu.vn"
WRONG = {"0": ["1"], "1": ["1"]}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "hoc.example.edu.vn"]


@pytest.fixture
def client():
    """A browser on the site's address, over HTTPS."""
    return Client(HTTP_HOST="hoc.example.edu.vn", HTTP_X_FORWARDED_PROTO="https")


def test_statements_name_the_site_the_learner_uses(tree, learner, settings):
    """A stale SITE_URL does not leak into statements made during a request;
    work done outside any request still has only SITE_URL."""
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "truong.example.vn"]
    browser = Client(HTTP_HOST="truong.example.vn", HTTP_X_FORWARDED_PROTO="https")
    browser.force_login(learner)

    browser.post(reverse("courses:enrol", args=[tree.course.pk]))
    lesson_mark_done(learner=learner, lesson=tree.reading)

    enrolled, completed = statements(learner)[:2]
    assert enrolled["object"]["id"] == "https://truong.example.vn" + tree.course.url
    assert enrolled["actor"]["account"]["homePage"] == "https://truong.example.vn"
    assert completed["object"]["id"] == "http://127.0.0.1:8000" + tree.reading.url


def statements(learner) -> list[dict]:
    return [s.payload for s in XapiStatement.objects.filter(user=learner)]


def verbs(learner) -> list[str]:
    return list(
        XapiStatement.objects.filter(user=learner).values_list("verb", flat=True)
    )


def test_the_whole_journey_leaves_exactly_the_expected_statements(
    client, tree, learner
):
    """Enrol, open a lesson, finish it, fail then pass the quiz: one statement
    for each event, about the learner, with the quiz scores and a certificate
    that links to its verification page."""
    client.force_login(learner)
    client.post(reverse("courses:enrol", args=[tree.course.pk]))
    client.get(tree.reading.url)
    client.post(reverse("courses:lesson_done", args=[tree.reading.pk]))
    quiz_attempt_submit(
        learner=learner, lesson=tree.quiz_lesson, quiz_id=tree.quiz_id, answers=WRONG
    )
    quiz_attempt_submit(
        learner=learner,
        lesson=tree.quiz_lesson,
        quiz_id=tree.quiz_id,
        answers=RIGHT_ANSWERS,
    )

    assert verbs(learner) == [
        "enrolled",
        "launched",
        "completed",
        "failed",
        "passed",
        "completed",
        "completed",
        "earned",
    ]
    sent = statements(learner)
    assert {s["actor"]["account"]["name"] for s in sent} == {str(learner.pk)}
    objects = [s["object"]["id"] for s in sent]
    course_url, reading_url = SITE + tree.course.url, SITE + tree.reading.url
    quiz_lesson_url = SITE + tree.quiz_lesson.url
    certificate = Certificate.objects.get(learner=learner)
    assert objects == [
        course_url,
        reading_url,
        reading_url,
        f"{quiz_lesson_url}#quiz-{tree.quiz_id}",
        f"{quiz_lesson_url}#quiz-{tree.quiz_id}",
        quiz_lesson_url,
        course_url,
        SITE + certificate.get_absolute_url(),
    ]
    failed, passed = sent[3]["result"], sent[4]["result"]
    assert failed["score"] == {"scaled": 0.0, "raw": 0, "min": 0, "max": 2}
    assert failed["success"] is False
    assert passed["score"] == {"scaled": 1.0, "raw": 2, "min": 0, "max": 2}
    assert passed["success"] is True
    assert sent[6]["object"]["definition"]["type"].endswith("/activities/course")


def test_repeating_idempotent_actions_adds_no_statement(tree, learner):
    """A second enrolment, a second “done” and a lesson reopened within the
    hour are the same events, so they are not reported again."""
    enrolment_create(learner=learner, course=tree.course)
    lesson_launch_record(learner=learner, lesson=tree.reading)
    lesson_mark_done(learner=learner, lesson=tree.reading)
    before = verbs(learner)

    enrolment_create(learner=learner, course=tree.course)
    assert lesson_launch_record(learner=learner, lesson=tree.reading) is False
    lesson_mark_done(learner=learner, lesson=tree.reading)

    assert verbs(learner) == before == ["enrolled", "launched", "completed"]


def test_a_lesson_opened_again_after_an_hour_is_a_new_launch(tree, learner):
    enrolment_create(learner=learner, course=tree.course)
    assert lesson_launch_record(learner=learner, lesson=tree.reading) is True
    XapiStatement.objects.filter(verb="launched").update(
        timestamp=timezone.now() - timedelta(hours=1, minutes=1)
    )
    assert lesson_launch_record(learner=learner, lesson=tree.reading) is True
    assert verbs(learner).count("launched") == 2


def test_reopening_an_enrolment_is_reported_again(tree, learner):
    enrolment_create(learner=learner, course=tree.course)
    enrolment_cancel(learner=learner, course=tree.course)
    enrolment_create(learner=learner, course=tree.course)
    assert verbs(learner) == ["enrolled", "enrolled"]


def test_visitors_and_learners_not_enrolled_launch_nothing(client, tree, learner):
    """Only an enrolled learner's visit is a launch: anonymous readers and
    signed-in people who have not enrolled leave no statements."""
    assert client.get(tree.reading.url).status_code == 200
    client.force_login(learner)
    assert client.get(tree.reading.url).status_code == 200
    assert not XapiStatement.objects.exists()


def test_a_refused_action_records_nothing(tree, learner):
    """A quiz submitted with a missing answer is refused and reports nothing."""
    enrolment_create(learner=learner, course=tree.course)
    with pytest.raises(Exception, match="question 2 has no answer"):
        quiz_attempt_submit(
            learner=learner,
            lesson=tree.quiz_lesson,
            quiz_id=tree.quiz_id,
            answers={"0": ["0"]},
        )
    assert verbs(learner) == ["enrolled"]


def test_revoking_a_certificate_voids_the_earned_statement(tree, learner):
    """Record stores stop counting a revoked certificate: the "earned"
    statement is voided by the curator; the completed course stays. Revoking
    is reported once."""
    enrolment_create(learner=learner, course=tree.course)
    tree.complete_required(learner)
    certificate = Certificate.objects.get(learner=learner)
    earned = XapiStatement.objects.get(user=learner, verb="earned")
    curator = CuratorFactory()

    certificate_revoke(certificate=certificate, revoked_by=curator, reason="Gian lận")

    voiding = XapiStatement.objects.get(user=learner, verb="voided").payload
    assert voiding["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
    assert voiding["object"] == {
        "objectType": "StatementRef",
        "id": str(earned.statement_id),
    }
    assert voiding["actor"]["account"]["name"] == str(curator.pk)
    assert "context" not in voiding
    assert verbs(learner).count("completed") >= 2


def test_a_learners_course_can_be_grouped_by_record_stores(tree, learner):
    """Every statement of one enrolment carries the same registration; a
    lesson names its course and a quiz its lesson as parent; the earned
    certificate is typed as a certificate."""
    enrolment_create(learner=learner, course=tree.course)
    tree.complete_required(learner)

    sent = statements(learner)
    assert len({s["context"]["registration"] for s in sent}) == 1
    by_verb = {}
    for statement in sent:
        by_verb.setdefault(statement["verb"]["display"]["en-US"], statement)
    lesson_parent = by_verb["completed"]["context"]["contextActivities"]["parent"]
    quiz_parent = by_verb["passed"]["context"]["contextActivities"]["parent"]
    assert lesson_parent == [{"objectType": "Activity", "id": SITE + tree.course.url}]
    assert quiz_parent == [
        {"objectType": "Activity", "id": SITE + tree.quiz_lesson.url}
    ]
    earned = by_verb["earned"]["object"]["definition"]["type"]
    assert earned == "http://id.tincanapi.com/activitytype/certificate"


def test_a_course_written_in_english_is_reported_in_english(tree, learner):
    """A course written in the English tree (not a translation, whose
    records stay with the original) is named and described as English."""
    english_home = tree.course.get_parent().get_translation(
        Locale.objects.get(language_code="en")
    )
    course = CoursePageFactory(parent=english_home, title="Biology 6: Cells")
    module = CourseModulePageFactory(parent=course, title="Unit 1")
    lesson = LessonPageFactory(parent=module, title="Lesson 1: The cell")

    enrolment_create(learner=learner, course=course)
    lesson_mark_done(learner=learner, lesson=lesson)

    for statement in statements(learner):
        assert statement["context"]["language"] == "en-US"
        assert list(statement["object"]["definition"]["name"]) == ["en-US"]


def test_a_launch_with_someone_elses_or_a_left_enrolment_is_refused(tree, learner):
    """The enrolment a lesson page hands over is checked again under the lock:
    another learner's, or one left since it was read, records nothing."""
    other = StudentFactory(username="nguoi_khac")
    theirs, _created = enrolment_create(learner=other, course=tree.course)
    with pytest.raises(ValidationError) as refused:
        lesson_launch_record(learner=learner, lesson=tree.reading, enrolment=theirs)
    assert refused.value.code == "not_enrolled"

    mine, _created = enrolment_create(learner=learner, course=tree.course)
    enrolment_cancel(learner=learner, course=tree.course)
    with pytest.raises(ValidationError):
        lesson_launch_record(learner=learner, lesson=tree.reading, enrolment=mine)
    assert "launched" not in verbs(learner) + verbs(other)
