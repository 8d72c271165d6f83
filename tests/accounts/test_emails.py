"""Every email reads in its reader's language, whoever's request sends it."""

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from accounts.emails import reader_language, send_to_reader
from tests.factories import StudentFactory, TeacherFactory
from tests.lms.visible_text import vietnamese_letters

pytestmark = pytest.mark.django_db

RESET_VI = "Có người đã yêu cầu đặt lại mật khẩu tài khoản của bạn."
RESET_EN = "Someone asked to reset the password of your account."


def _reading(client, language: str):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_a_vietnamese_reader_gets_vietnamese_from_an_english_request(client):
    StudentFactory(email="an@truong.edu.vn", preferred_language="vi")

    _reading(client, "en").post(
        reverse("accounts:password_reset"), {"email": "an@truong.edu.vn"}
    )

    [message] = mail.outbox
    assert message.subject == "Chọn mật khẩu mới"
    assert RESET_VI in message.body
    assert RESET_EN not in message.body


def test_an_english_reader_gets_english_from_a_vietnamese_request(client):
    StudentFactory(email="binh@truong.edu.vn", preferred_language="en")

    _reading(client, "vi").post(
        reverse("accounts:password_reset"), {"email": "binh@truong.edu.vn"}
    )

    [message] = mail.outbox
    assert message.subject == "Choose a new password"
    assert RESET_EN in message.body
    assert not vietnamese_letters(message.subject + message.body)


def test_someone_new_is_asked_to_confirm_in_the_language_they_signed_up_in(
    client, settings
):
    settings.ACCOUNTS_EMAIL_CONFIRMATION = True

    _reading(client, "vi").post(
        reverse("accounts:signup"),
        {
            "username": "chi",
            "display_name": "Chi",
            "email": "chi@truong.edu.vn",
            "password1": "một mật khẩu đủ dài 2026",
            "password2": "một mật khẩu đủ dài 2026",
        },
    )

    [message] = mail.outbox
    assert message.subject.startswith("Xác nhận địa chỉ email của bạn trên")
    assert "Vui lòng xác nhận địa chỉ email" in message.body


def test_the_admin_language_counts_when_the_profile_names_none(settings):
    """A curator who picked English in the admin's account settings only."""
    settings.LANGUAGE_CODE = "vi"
    teacher = TeacherFactory(preferred_language="")
    assert reader_language(teacher) == "vi"

    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "en"
    profile.save()

    assert reader_language(teacher) == "en"
    teacher.preferred_language = "vi"
    assert reader_language(teacher) == "vi", "the profile's own choice comes first"


def test_nobody_without_an_address_is_mailed():
    student = StudentFactory(email="", preferred_language="vi")

    with translation.override("en"):
        sent = send_to_reader(
            user=student,
            subject_template="accounts/email/password_reset_subject.txt",
            body_template="accounts/email/password_reset.txt",
            context={},
        )

    assert sent == 0
    assert mail.outbox == []
