import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import TeacherInvitation
from accounts.roles import Role
from accounts.services import (
    teacher_invitation_accept,
    teacher_invitation_create,
    teacher_invitation_revoke,
)
from tests.factories import StudentFactory, TeacherFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return UserFactory(roles=[Role.SITE_ADMINISTRATOR])


def invite(administrator, **kwargs):
    return teacher_invitation_create(created_by=administrator, **kwargs)


def accept_page(token):
    return f"/accounts/invitations/{token}/"


def test_accepting_an_invitation_makes_a_student_a_teacher(client, administrator):
    issued = invite(administrator)
    student = StudentFactory(preferred_language="en")
    client.force_login(student)

    page = client.get(accept_page(issued.token))
    assert "Become a teacher" in page.content.decode()
    response = client.post(accept_page(issued.token))

    assert response.status_code == 302
    assert student.has_role(Role.TEACHER)
    issued.invitation.refresh_from_db()
    assert issued.invitation.accepted_by == student


def test_an_invitation_works_only_once(client, administrator):
    issued = invite(administrator)
    teacher_invitation_accept(
        token=issued.token, user=StudentFactory(preferred_language="en")
    )
    latecomer = StudentFactory(preferred_language="en")
    client.force_login(latecomer)

    response = client.post(accept_page(issued.token))

    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    assert not latecomer.has_role(Role.TEACHER)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda inv: setattr(inv, "expires_at", timezone.now()), "has expired"),
        (
            lambda inv: setattr(inv, "revoked_at", timezone.now()),
            "withdrawn by an administrator",
        ),
        (
            lambda inv: setattr(inv, "email", "someone.else@truong.edu.vn"),
            "sent to another email address",
        ),
    ],
)
def test_a_spoiled_invitation_is_refused_with_its_reason(
    client, administrator, spoil, message
):
    issued = invite(administrator)
    spoil(issued.invitation)
    issued.invitation.save()
    student = StudentFactory(preferred_language="en")
    client.force_login(student)

    response = client.post(accept_page(issued.token))

    assert message in response.content.decode()
    assert not student.has_role(Role.TEACHER)
    assert TeacherInvitation.objects.get().accepted_at is None


def test_a_tampered_token_is_not_valid(client, administrator):
    issued = invite(administrator)
    client.force_login(StudentFactory(preferred_language="en"))

    response = client.post(accept_page(issued.token[:-2] + "xx"))

    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_only_a_hash_of_the_token_is_stored(administrator):
    issued = invite(administrator)

    stored = TeacherInvitation.objects.get()
    assert issued.token not in stored.token_hash
    assert len(stored.token_hash) == 64


def test_teachers_and_students_cannot_invite_teachers():
    for person in (TeacherFactory(), StudentFactory(preferred_language="en")):
        with pytest.raises(PermissionDenied):
            teacher_invitation_create(created_by=person)
    assert not TeacherInvitation.objects.exists()


def test_invitation_lifetime_is_bounded(administrator):
    with pytest.raises(ValidationError, match="1 to 90 days"):
        invite(administrator, days_valid=365)
    assert not TeacherInvitation.objects.exists()


def test_withdrawing_an_invitation_stops_it(administrator):
    issued = invite(administrator)

    teacher_invitation_revoke(invitation=issued.invitation, by=administrator)

    with pytest.raises(ValidationError):
        teacher_invitation_accept(
            token=issued.token, user=StudentFactory(preferred_language="en")
        )


def test_signing_in_is_required_to_accept(client, administrator):
    issued = invite(administrator)

    response = client.get(accept_page(issued.token))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_administrator_creates_an_invitation_in_the_admin_and_sees_the_link_once(
    client, administrator
):
    administrator.groups.add(Group.objects.get(name=Role.SITE_ADMINISTRATOR.value))
    client.force_login(administrator)

    response = client.post(
        "/admin/teacher_invitations/new/",
        {"email": "co.hoa@truong.edu.vn", "note": "Tổ Toán", "days_valid": "7"},
        follow=True,
    )

    html = response.content.decode()
    link = re.search(r"http://[^\s<\"]+/accounts/invitations/[\w-]+/", html)
    assert link, html[:2000]
    invitation = TeacherInvitation.objects.get()
    assert invitation.created_by == administrator
    assert invitation.expires_at - invitation.created_at > timedelta(days=6)
    assert "Tổ Toán" in client.get("/admin/teacher_invitations/").content.decode()
