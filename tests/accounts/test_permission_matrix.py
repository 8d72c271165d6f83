"""Every role against every protected action, over HTTP.

Each row says whether the role may do it; a refusal is checked as carefully
as a permission: the response refuses (sign-in redirect, 403, 404 or the
admin's "no permission" redirect) and nothing changed.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from accounts.models import TeacherInvitation
from accounts.roles import Role
from courses.models import Certificate, CoursePage, LessonPage
from materials import services
from materials.models import Material, ProcessingStatus
from tests.factories import (
    CertificateFactory,
    CourseModulePageFactory,
    CoursePageFactory,
    CuratorFactory,
    EnrolmentFactory,
    LessonPageFactory,
    MaterialFactory,
    StudentFactory,
    TeacherFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "student", "teacher", "author", "curator", "administrator"]
ALLOWED, REFUSED = True, False


@dataclass
class World:
    """One course by ``author`` (with a co-teacher), one of their draft
    materials waiting for review, and a student's enrolment and certificate."""

    users: dict
    course: CoursePage
    lesson: LessonPage
    material: Material
    certificate: Certificate


@pytest.fixture
def world(db) -> World:
    author = TeacherFactory(username="tac_gia")
    users = {
        "anonymous": None,
        "student": StudentFactory(username="hoc_sinh"),
        "teacher": TeacherFactory(username="giao_vien_khac"),
        "author": author,
        "curator": CuratorFactory(username="kiem_duyet"),
        "administrator": UserFactory(
            username="quan_tri", roles=[Role.SITE_ADMINISTRATOR]
        ),
    }
    course = CoursePageFactory(title="Sinh học 6", owner=author)
    module = CourseModulePageFactory(parent=course, owner=author)
    lesson = LessonPageFactory(parent=module, owner=author, title="Bài 1")
    material = MaterialFactory(author=author, processing_status=ProcessingStatus.DONE)
    material.save_revision(user=author)
    services.material_submit_for_review(material=material, user=author)
    EnrolmentFactory(learner=users["student"], course=course)
    certificate = CertificateFactory(learner=users["student"], course=course)
    return World(users, course, lesson, material, certificate)


def _client(world: World, role: str) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def _get_allowed(client: Client, url: str) -> bool:
    """True on 200; anything else must be a refusal, not an error."""
    response = client.get(url)
    if response.status_code == 200:
        return True
    assert response.status_code in {302, 403, 404, 410}, response.status_code
    if response.status_code == 302:
        assert response["Location"].split("?")[0] != url
    return False


def _page_form(page: Page, **changes) -> dict:
    page = page.specific
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "subject": page.subject,
        "grade": page.grade,
        "language": page.language,
        "level": page.level,
        "estimated_hours": str(page.estimated_hours),
        "licence": page.licence,
        "learning_outcomes": "",
        "prerequisites": "",
        "teachers": [t.pk for t in page.teachers.all()],
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


# The actions: each returns whether the role got to do it.


def admin_access(client: Client, world: World) -> bool:
    return _get_allowed(client, "/admin/")


def edit_course(client: Client, world: World) -> bool:
    return _get_allowed(client, f"/admin/pages/{world.course.pk}/edit/")


def edit_lesson(client: Client, world: World) -> bool:
    return _get_allowed(client, f"/admin/pages/{world.lesson.pk}/edit/")


def save_course_draft(client: Client, world: World) -> bool:
    url = f"/admin/pages/{world.course.pk}/edit/"
    client.post(url, _page_form(world.course, title="Bản nháp mới"))
    latest = CoursePage.objects.get(pk=world.course.pk).get_latest_revision()
    return latest.content["title"] == "Bản nháp mới"


def _finds_course(client: Client, url: str, world: World) -> bool:
    """Whether the course's title comes up when searching its first word."""
    response = client.get(url, {"q": world.course.title.split()[0]})
    assert response.status_code in {200, 302}
    return response.status_code == 200 and world.course.title in response.text


def find_course_in_page_search(client: Client, world: World) -> bool:
    return _finds_course(client, "/admin/pages/search/", world)


def find_course_in_page_chooser(client: Client, world: World) -> bool:
    return _finds_course(client, "/admin/choose-page/search/", world)


def publish_course(client: Client, world: World) -> bool:
    url = f"/admin/pages/{world.course.pk}/edit/"
    client.post(
        url, _page_form(world.course, title="Đã xuất bản", **{"action-publish": "1"})
    )
    return CoursePage.objects.get(pk=world.course.pk).title == "Đã xuất bản"


def edit_material(client: Client, world: World) -> bool:
    url = f"/admin/snippets/materials/material/edit/{world.material.pk}/"
    return _get_allowed(client, url)


def publish_material(client: Client, world: World) -> bool:
    url = reverse("materials:review_decide", args=[world.material.pk])
    response = client.post(url, {"decision": "approve", "comment": ""})
    assert response.status_code in {302, 403}
    return Material.objects.get(pk=world.material.pk).live


def publish_material_in_admin(client: Client, world: World) -> bool:
    material = world.material
    url = f"/admin/snippets/materials/material/edit/{material.pk}/"
    client.post(
        url,
        {
            "title": "Phiếu đã xuất bản",
            "description": material.description,
            "subject": material.subject,
            "material_type": material.material_type,
            "language": material.language,
            "grade_levels": material.grade_levels,
            "licence": material.licence,
            "keywords": "",
            "author": material.author_id,
            "action-publish": "1",
        },
    )
    material.refresh_from_db()
    return material.live and material.title == "Phiếu đã xuất bản"


def download_draft_material(client: Client, world: World) -> bool:
    return _get_allowed(client, f"/materials/{world.material.pk}/download/")


def review_queue(client: Client, world: World) -> bool:
    return _get_allowed(client, "/materials/review/")


def teacher_dashboard(client: Client, world: World) -> bool:
    return _get_allowed(client, f"/learning/teaching/{world.course.pk}/")


def revoke_certificate(client: Client, world: World) -> bool:
    url = reverse("courses_certificates:revoke", args=[world.certificate.pk])
    client.post(url, {"reason": "Gian lận"})
    return Certificate.objects.get(pk=world.certificate.pk).is_revoked


def invite_teacher(client: Client, world: World) -> bool:
    form = _get_allowed(client, "/admin/teacher_invitations/new/")
    client.post(
        "/admin/teacher_invitations/new/",
        {"email": "moi@example.edu.vn", "note": "", "days_valid": "7"},
    )
    created = TeacherInvitation.objects.filter(email="moi@example.edu.vn").exists()
    assert form == created
    return created


def users_admin(client: Client, world: World) -> bool:
    return _get_allowed(client, "/admin/users/")


def students_progress(client: Client, world: World) -> bool:
    """The student's progress in the course, on "my learning"."""
    response = client.get(reverse("courses:my_learning"))
    return response.status_code == 200 and world.course.title in response.text


def verify_certificate(client: Client, world: World) -> bool:
    """Verification is public by design: anyone holding the code checks it."""
    url = reverse("courses:certificate_verify", args=[world.certificate.code])
    return _get_allowed(client, url)


def _row(action: Callable, *allowed_roles: str) -> list:
    return [
        pytest.param(
            action, role, role in allowed_roles, id=f"{action.__name__}-{role}"
        )
        for role in ROLES
    ]


STAFF = ("teacher", "author", "curator", "administrator")
REVIEWERS = ("curator", "administrator")
AUTHOR_AND_REVIEWERS = ("author", "curator", "administrator")

MATRIX = [
    *_row(admin_access, *STAFF),
    *_row(edit_course, *AUTHOR_AND_REVIEWERS),
    *_row(edit_lesson, *AUTHOR_AND_REVIEWERS),
    *_row(save_course_draft, *AUTHOR_AND_REVIEWERS),
    *_row(publish_course, *REVIEWERS),
    *_row(find_course_in_page_search, *AUTHOR_AND_REVIEWERS),
    *_row(find_course_in_page_chooser, *AUTHOR_AND_REVIEWERS),
    *_row(edit_material, *AUTHOR_AND_REVIEWERS),
    *_row(publish_material, *REVIEWERS),
    *_row(publish_material_in_admin, *REVIEWERS),
    *_row(download_draft_material, *AUTHOR_AND_REVIEWERS),
    *_row(review_queue, *REVIEWERS),
    *_row(teacher_dashboard, "author"),
    *_row(revoke_certificate, *REVIEWERS),
    *_row(invite_teacher, "administrator"),
    *_row(users_admin, "administrator"),
    *_row(students_progress, "student"),
    *_row(verify_certificate, *ROLES),
]


@pytest.mark.parametrize(("action", "role", "allowed"), MATRIX)
def test_role_against_action(world: World, action: Callable, role: str, allowed):
    assert action(_client(world, role), world) is allowed
