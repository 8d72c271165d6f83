"""Course pages in the Wagtail admin: teachers keep to their own courses."""

import pytest

from courses.models import CoursePage
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    CuratorFactory,
    TeacherFactory,
)
from tests.factories.courses import site_catalogue

pytestmark = pytest.mark.django_db


def _course_form(**changes) -> dict:
    data = {
        "title": "Khóa học thử",
        "slug": "",
        "summary": "Khóa học thử.",
        "subject": "sinh-hoc",
        "grade": "6",
        "language": "vi",
        "level": "beginner",
        "estimated_hours": "2",
        "licence": "cc-by",
        "learning_outcomes": "",
        "prerequisites": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def _form_of(course: CoursePage, **changes) -> dict:
    data = {
        "title": course.title,
        "slug": course.slug,
        "subject": course.subject,
        "grade": course.grade,
        "teachers": [t.pk for t in course.teachers.all()],
    }
    return _course_form(**{**data, **changes})


def test_a_teacher_who_creates_a_course_owns_it_and_can_edit_it(client):
    teacher = TeacherFactory()
    catalogue = site_catalogue()
    client.force_login(teacher)
    url = f"/admin/pages/add/courses/coursepage/{catalogue.pk}/"
    response = client.post(url, _course_form(title="Hóa học 8", slug="hoa-hoc-8"))
    assert response.status_code == 302
    course = CoursePage.objects.get(slug="hoa-hoc-8")
    assert course.owner == teacher
    assert not course.live
    assert client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200


def test_a_co_teacher_edits_the_course_and_its_lessons(client):
    co_teacher = TeacherFactory()
    course = CoursePageFactory(owner=TeacherFactory(), teachers=[co_teacher])
    module = CourseModulePageFactory(parent=course)
    client.force_login(co_teacher)
    assert client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{module.pk}/edit/").status_code == 200


def test_a_co_teacher_explores_the_course_they_teach(client):
    """The explorer's status panel judges the course from its latest draft;
    a co-teacher still gets the course and its modules listed."""
    co_teacher = TeacherFactory()
    course = CoursePageFactory(owner=TeacherFactory(), teachers=[co_teacher])
    module = CourseModulePageFactory(parent=course, title="Chương mở đầu")
    course.save_revision(user=co_teacher)
    client.force_login(co_teacher)

    response = client.get(f"/admin/pages/{course.pk}/")

    assert response.status_code == 200
    assert module.title in response.content.decode()


def test_another_teacher_cannot_add_delete_or_copy_inside_a_course(client):
    course = CoursePageFactory(owner=TeacherFactory())
    module = CourseModulePageFactory(parent=course, live=False)
    client.force_login(TeacherFactory())
    add = f"/admin/pages/add/courses/coursemodulepage/{course.pk}/"
    response = client.post(add, {"title": "Chương lạ", "slug": "chuong-la"})
    assert response.status_code == 404
    assert course.get_children().count() == 1
    client.post(f"/admin/pages/{module.pk}/delete/")
    assert course.get_children().filter(pk=module.pk).exists()
    assert client.get(f"/admin/pages/{course.pk}/copy/").status_code == 404
    tester = course.permissions_for_user(TeacherFactory())
    assert not tester.can_move()
    assert not tester.can_lock()
    assert not tester.can_submit_for_moderation()


def test_the_explorer_lists_only_a_teachers_own_courses(client):
    teacher = TeacherFactory()
    own = CoursePageFactory(title="Khóa của tôi", owner=teacher)
    shared = CoursePageFactory(title="Khóa dạy chung", teachers=[teacher])
    other = CoursePageFactory(title="Khóa người khác", owner=TeacherFactory())
    catalogue = site_catalogue()
    client.force_login(teacher)
    listing = client.get(f"/admin/pages/{catalogue.pk}/").content.decode()
    assert own.title in listing
    assert shared.title in listing
    assert other.title not in listing
    search = f"/admin/pages/{catalogue.pk}/"
    found = client.get(search, {"q": "Khóa"}).content.decode()
    assert own.title in found
    assert other.title not in found
    client.force_login(CuratorFactory())
    listing = client.get(f"/admin/pages/{catalogue.pk}/").content.decode()
    assert other.title in listing


def test_a_curators_edit_is_a_revision_in_their_name(client):
    author = TeacherFactory()
    course = CoursePageFactory(owner=author, title="Vật lý 9")
    curator = CuratorFactory()
    client.force_login(curator)
    response = client.post(
        f"/admin/pages/{course.pk}/edit/", _form_of(course, title="Vật lý 9 (sửa)")
    )
    assert response.status_code == 302
    course.refresh_from_db()
    revision = course.get_latest_revision()
    assert revision.user == curator
    assert revision.content["title"] == "Vật lý 9 (sửa)"
    assert course.title == "Vật lý 9"


def test_a_teachers_publish_request_only_saves_a_draft(client):
    author = TeacherFactory()
    course = CoursePageFactory(owner=author, title="Địa lý 7")
    client.force_login(author)
    client.post(
        f"/admin/pages/{course.pk}/edit/",
        _form_of(course, title="Địa lý 7 mới", **{"action-publish": "1"}),
    )
    course.refresh_from_db()
    assert course.title == "Địa lý 7"
    assert course.get_latest_revision().content["title"] == "Địa lý 7 mới"
    assert not course.permissions_for_user(author).can_publish()
