"""The learner API: one's own enrolments, progress, certificates and statements."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.authtoken.models import Token

from courses.models import Enrolment
from courses.services import enrolment_create, lesson_mark_done, quiz_attempt_submit
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizLessonPageFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

SITE = "https://hoc.example.edu.vn"


@pytest.fixture(autouse=True)
def _setup(settings):
    cache.clear()
    settings.SITE_URL = SITE
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def course(db):
    course = CoursePageFactory(title="Sinh học 6: Quang hợp")
    module = CourseModulePageFactory(parent=course, title="Chương 1")
    course.reading = LessonPageFactory(parent=module, title="Bài 1: Lá cây")
    course.quiz_lesson = QuizLessonPageFactory(parent=module, title="Bài 2: Kiểm tra")
    course.quiz_id = next(
        b.id for b in course.quiz_lesson.body if b.block_type == "quiz"
    )
    return course


@pytest.fixture
def learner(db):
    return StudentFactory(username="hoc_sinh", display_name="Nguyễn Thị Hương")


def auth(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}


def complete_course(learner, course) -> None:
    lesson_mark_done(learner=learner, lesson=course.reading)
    quiz_attempt_submit(
        learner=learner,
        lesson=course.quiz_lesson,
        quiz_id=course.quiz_id,
        answers={"0": ["0"], "1": ["0"]},
    )


def test_enrolling_through_the_api_then_reading_progress(client, course, learner):
    """POST enrols (201), repeating it is harmless (200), and the enrolment
    lists each lesson with whether the learner completed it."""
    headers = auth(learner)
    created = client.post("/api/v1/me/enrolments/", {"course": course.pk}, **headers)
    assert created.status_code == 201
    assert created.json()["course"]["id"] == course.pk
    again = client.post("/api/v1/me/enrolments/", {"course": course.pk}, **headers)
    assert again.status_code == 200
    assert Enrolment.objects.filter(learner=learner).count() == 1

    lesson_mark_done(learner=learner, lesson=course.reading)
    enrolment_id = created.json()["id"]
    detail = client.get(f"/api/v1/me/enrolments/{enrolment_id}/", **headers).json()
    assert detail["completed_count"] == 1
    assert detail["lesson_count"] == 2
    assert detail["percent"] == 50
    assert [(lesson["title"], lesson["completed"]) for lesson in detail["lessons"]] == [
        ("Bài 1: Lá cây", True),
        ("Bài 2: Kiểm tra", False),
    ]
    assert detail["certificate_url"] is None

    listing = client.get("/api/v1/me/enrolments/", **headers).json()
    assert [item["id"] for item in listing["results"]] == [enrolment_id]


def test_refused_enrolment_is_a_json_error_with_the_service_message(
    client, learner, db
):
    closed = CoursePageFactory(
        title="Đã đóng", enrolment_closes_at=timezone.now() - timedelta(days=1)
    )
    response = client.post(
        "/api/v1/me/enrolments/", {"course": closed.pk}, **auth(learner)
    )
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "enrolment_closed"
    assert error["message"].startswith("Enrolment for this course closed on")
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    "body", [{"course": 987654}, {"course": "abc"}, {}, {"course": 2**70}]
)
def test_unknown_or_malformed_course_is_a_400(client, learner, db, body):
    response = client.post("/api/v1/me/enrolments/", body, **auth(learner))
    assert response.status_code == 400
    assert "error" in response.json()
    assert not Enrolment.objects.exists()


def test_leaving_a_course_keeps_progress_and_hides_the_enrolment(
    client, course, learner
):
    enrolment, _ = enrolment_create(learner=learner, course=course)
    lesson_mark_done(learner=learner, lesson=course.reading)
    headers = auth(learner)
    url = f"/api/v1/me/enrolments/{enrolment.pk}/"
    assert client.delete(url, **headers).status_code == 204
    enrolment.refresh_from_db()
    assert not enrolment.is_active
    assert learner.lesson_completions.count() == 1
    assert client.get(url, **headers).status_code == 404
    assert client.delete(url, **headers).status_code == 404
    assert client.get("/api/v1/me/enrolments/", **headers).json()["results"] == []


def test_another_learners_enrolment_is_not_found(client, course, learner):
    """Ids of other people's enrolments are indistinguishable from ids that
    do not exist, for reading and for leaving alike."""
    other = StudentFactory(username="ban_khac")
    theirs, _ = enrolment_create(learner=other, course=course)
    headers = auth(learner)
    url = f"/api/v1/me/enrolments/{theirs.pk}/"
    for response in (client.get(url, **headers), client.delete(url, **headers)):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    theirs.refresh_from_db()
    assert theirs.is_active
    assert client.get("/api/v1/me/enrolments/", **headers).json()["results"] == []


def test_certificates_list_only_ones_own(client, course, learner):
    other = StudentFactory(username="ban_khac")
    for person in (learner, other):
        enrolment_create(learner=person, course=course)
        complete_course(person, course)
    headers = auth(learner)
    certificates = client.get("/api/v1/me/certificates/", **headers).json()["results"]
    assert len(certificates) == 1
    mine = learner.certificates.get()
    assert (
        certificates[0]["verification_url"]
        == "http://testserver" + mine.get_absolute_url()
    )
    assert certificates[0]["learner_name"] == mine.learner_name
    assert certificates[0]["is_revoked"] is False
    enrolment = client.get("/api/v1/me/enrolments/", **headers).json()["results"][0]
    detail = client.get(f"/api/v1/me/enrolments/{enrolment['id']}/", **headers)
    assert (
        detail.json()["certificate_url"]
        == "http://testserver" + mine.get_absolute_url()
    )


def test_statements_are_ones_own_xapi_statements(client, course, learner):
    other = StudentFactory(username="ban_khac")
    enrolment_create(learner=other, course=course)
    enrolment_create(learner=learner, course=course)
    complete_course(learner, course)
    response = client.get("/api/v1/me/statements/", **auth(learner))
    statements = response.json()["results"]
    assert [s["verb"]["id"].rsplit("/", 1)[1] for s in statements] == [
        "registered",
        "completed",
        "passed",
        "completed",
        "completed",
        "earned",
    ]
    assert {s["actor"]["account"]["name"] for s in statements} == {str(learner.pk)}
    assert all(s["version"] == "1.0.3" for s in statements)


def test_learner_reads_carry_etags_and_answer_304(client, course, learner):
    enrolment_create(learner=learner, course=course)
    headers = auth(learner)
    for url in (
        "/api/v1/me/enrolments/",
        "/api/v1/me/certificates/",
        "/api/v1/me/statements/",
    ):
        first = client.get(url, **headers)
        assert first["Cache-Control"] == "private, max-age=0"
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"], **headers)
        assert again.status_code == 304


def test_session_sign_in_works_too(client, course, learner):
    client.force_login(learner)
    enrolment_create(learner=learner, course=course)
    assert len(client.get("/api/v1/me/enrolments/").json()["results"]) == 1


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/api/v1/me/enrolments/"),
        ("post", "/api/v1/me/enrolments/"),
        ("get", "/api/v1/me/enrolments/1/"),
        ("delete", "/api/v1/me/enrolments/1/"),
        ("get", "/api/v1/me/certificates/"),
        ("get", "/api/v1/me/statements/"),
    ],
)
def test_anonymous_clients_get_a_401_json_error(client, db, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
