import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from courses.selectors import course_dashboard
from courses.services import lesson_mark_done, quiz_attempt_submit
from tests.factories import EnrolmentFactory, StudentFactory, TeacherFactory

pytestmark = pytest.mark.django_db


def _at(day: int) -> datetime:
    """10:00 in Hà Nội on a day of March 2026."""
    return datetime(2026, 3, day, 3, 0, tzinfo=UTC)


@pytest.fixture
def teacher(tree):
    teacher = TeacherFactory()
    tree.course.teachers.add(teacher)
    tree.course.save()
    return teacher


@pytest.fixture
def known_data(tree):
    """Four learners: A and B finish, C stops after the reading, D left."""
    a, b, c, d = (StudentFactory(username=name) for name in "abcd")
    for learner, day in ((a, 1), (b, 1), (c, 2)):
        EnrolmentFactory(learner=learner, course=tree.course, enrolled_at=_at(day))
    EnrolmentFactory(
        learner=d, course=tree.course, enrolled_at=_at(4), unenrolled_at=_at(5)
    )

    def quiz(learner, first, second):
        quiz_attempt_submit(
            learner=learner,
            lesson=tree.quiz_lesson,
            quiz_id=tree.quiz_id,
            answers={"0": [first], "1": [second]},
        )

    for learner in (a, b, c):
        lesson_mark_done(learner=learner, lesson=tree.reading)
    quiz(a, "1", "1")  # 0 %
    quiz(a, "0", "0")  # 100 %
    quiz(b, "0", "1")  # 50 %, the pass mark
    quiz(c, "2", "1")  # 0 %
    lesson_mark_done(learner=a, lesson=tree.optional)
    return tree


def test_dashboard_figures_on_a_known_data_set(known_data):
    dashboard = course_dashboard(course=known_data.course)

    assert (dashboard.enrolled, dashboard.active, dashboard.completed) == (4, 3, 2)
    assert dashboard.completion_rate == 50
    assert [
        (d.day.isoformat(), d.new, d.total) for d in dashboard.enrolments_by_day
    ] == [
        ("2026-03-01", 2, 2),
        ("2026-03-02", 1, 3),
        ("2026-03-04", 1, 4),
    ]
    assert [
        (row.lesson.title, row.completed, row.percent) for row in dashboard.lessons
    ] == [
        ("Bài 1: Lá cây", 3, 75),
        ("Bài 2: Kiểm tra", 2, 50),
        ("Bài 3: Đọc thêm", 1, 25),
    ]
    [quiz] = dashboard.quizzes
    assert (quiz.title, quiz.attempts, quiz.learners, quiz.learners_passed) == (
        "Kiểm tra nhanh",
        4,
        3,
        2,
    )
    assert quiz.average_score == 37.5


def test_the_teacher_sees_the_dashboard(client, known_data, teacher):
    client.force_login(teacher)

    response = client.get(
        reverse("courses:course_dashboard", args=[known_data.course.pk])
    )

    html = response.content.decode()
    assert '<dd data-figure="enrolled">4</dd>' in html
    assert '<dd data-figure="completion-rate">50%</dd>' in html
    assert "Kiểm tra nhanh" in html


def _csv(client, course, table) -> list[list[str]]:
    response = client.get(reverse("courses:course_export", args=[course.pk, table]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_figures_export_as_csv(client, known_data, teacher):
    client.force_login(teacher)
    course = known_data.course

    assert _csv(client, course, "enrolments") == [
        ["date", "new_enrolments", "total_enrolments"],
        ["2026-03-01", "2", "2"],
        ["2026-03-02", "1", "3"],
        ["2026-03-04", "1", "4"],
    ]
    assert _csv(client, course, "lessons") == [
        ["position", "lesson", "required", "completed", "percent"],
        ["1", "Bài 1: Lá cây", "True", "3", "75"],
        ["2", "Bài 2: Kiểm tra", "True", "2", "50"],
        ["3", "Bài 3: Đọc thêm", "False", "1", "25"],
    ]
    assert _csv(client, course, "quizzes") == [
        ["lesson", "quiz", "attempts", "learners", "learners_passed", "average_score"],
        ["Bài 2: Kiểm tra", "Kiểm tra nhanh", "4", "3", "2", "37.5"],
    ]


def test_the_course_owner_sees_the_dashboard_too(client, tree):
    owner = TeacherFactory()
    tree.course.owner = owner
    tree.course.save(update_fields=["owner"])
    client.force_login(owner)

    response = client.get(reverse("courses:course_dashboard", args=[tree.course.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("make_user", [TeacherFactory, StudentFactory])
def test_other_people_cannot_see_a_courses_figures(client, known_data, make_user):
    client.force_login(make_user())
    course = known_data.course

    dashboard = client.get(reverse("courses:course_dashboard", args=[course.pk]))
    export = client.get(reverse("courses:course_export", args=[course.pk, "lessons"]))

    assert dashboard.status_code == 404
    assert export.status_code == 404


def test_teaching_lists_only_ones_own_courses(client, tree, teacher):
    other_course = EnrolmentFactory().course
    client.force_login(teacher)

    html = client.get(reverse("courses:teaching")).content.decode()

    assert tree.course.title in html
    assert other_course.title not in html
