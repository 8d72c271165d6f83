import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "một mật khẩu đủ dài 2026"


def _sign_up(client, **overrides):
    data = {
        "username": "le_lan",
        "display_name": "Lê Thị Lan",
        "email": "lan@example.edu.vn",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post(reverse("accounts:signup"), data)


def test_sign_up_creates_a_student_signed_in_at_once_without_confirmation(
    client, settings
):
    settings.ACCOUNTS_EMAIL_CONFIRMATION = False

    response = _sign_up(client)

    user = User.objects.get(username="le_lan")
    assert response.status_code == 302
    assert user.is_active and user.has_role(Role.STUDENT)
    assert user.display_name == "Lê Thị Lan"
    assert client.get("/").context["user"] == user


def test_with_confirmation_the_account_waits_for_the_emailed_link(client, settings):
    settings.ACCOUNTS_EMAIL_CONFIRMATION = True

    response = _sign_up(client)

    assert response["Location"] == reverse("accounts:signup_done")
    user = User.objects.get(username="le_lan")
    assert not user.is_active
    [message] = mail.outbox
    assert message.to == ["lan@example.edu.vn"]
    link = re.search(r"http://testserver(/accounts/confirm/\S+)", message.body)[1]

    refused = client.post(
        reverse("accounts:login"), {"username": "le_lan", "password": PASSWORD}
    )
    assert "Confirm your email address first" in refused.content.decode()

    client.get(link)
    user.refresh_from_db()
    assert user.is_active
    assert client.get("/").context["user"] == user


def test_a_tampered_confirmation_link_is_refused(client, settings):
    settings.ACCOUNTS_EMAIL_CONFIRMATION = True
    _sign_up(client)
    link = re.search(r"http://testserver(/accounts/confirm/\S+)", mail.outbox[0].body)[
        1
    ]

    response = client.get(link.rstrip("/") + "x/")

    assert response.status_code == 400
    assert "invalid or has expired" in response.content.decode()
    assert not User.objects.get(username="le_lan").is_active


def test_an_email_already_in_use_is_refused_whatever_its_case(client):
    UserFactory(email="lan@example.edu.vn")

    response = _sign_up(client, email="LAN@Example.edu.vn")

    assert "An account with this email already exists." in response.content.decode()
    assert not User.objects.filter(username="le_lan").exists()


def test_a_weak_password_is_refused(client):
    response = _sign_up(client, password1="12345678", password2="12345678")

    assert "This password is too short." in response.content.decode()
    assert not User.objects.filter(username="le_lan").exists()


def test_mismatched_passwords_are_refused(client):
    response = _sign_up(client, password2=PASSWORD + "!")

    assert "The two password fields didn" in response.content.decode()
    assert not User.objects.filter(username="le_lan").exists()
