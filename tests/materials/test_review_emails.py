"""Review emails: one per person per event, each in its reader's language."""

from collections import Counter

import pytest
from django.core import mail
from django.utils import translation

from materials import services
from materials.models import ProcessingStatus
from tests.factories import (
    CoursePageFactory,
    CuratorFactory,
    MaterialFactory,
    TeacherFactory,
    UserFactory,
)
from tests.lms.visible_text import english_words, vietnamese_letters, without

pytestmark = pytest.mark.django_db

TITLE = "Fraction Worksheet Omega"
COMMENT = "Please add the answers on the last page."
PEOPLE = ["Tom Teacher", "Vy Curator", "Ed Curator", "Root Admin"]
# Content and names are what they are in either language; links are not words.
CONTENT = [TITLE, COMMENT, *PEOPLE, "Kestrel Library"]


@pytest.fixture
def review(settings):
    settings.WAGTAIL_SITE_NAME = "Kestrel Library"
    teacher = TeacherFactory(
        username="tom", display_name="Tom Teacher", preferred_language="en"
    )
    curators = {
        "vi": CuratorFactory(
            username="vy", display_name="Vy Curator", preferred_language="vi"
        ),
        # A curator who also runs the site: Wagtail would mail them twice.
        "en": CuratorFactory(
            username="ed",
            display_name="Ed Curator",
            preferred_language="en",
            is_superuser=True,
        ),
    }
    UserFactory(username="root", display_name="Root Admin", is_superuser=True, roles=[])
    material = MaterialFactory(
        title=TITLE, author=teacher, processing_status=ProcessingStatus.DONE
    )
    material.save_revision(user=teacher)
    return teacher, curators, material


def _submit(teacher, material):
    # The teacher's request is in Vietnamese; nobody's email should care.
    with translation.override("vi"):
        services.material_submit_for_review(material=material, user=teacher)


def _to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def _text(message) -> str:
    return without(f"{message.subject}\n{message.body}", CONTENT)


def assert_vietnamese(message) -> None:
    words = english_words(_text(message), allowed_words=frozenset())
    assert not words, f"English in {message.subject!r}: {words}\n{message.body}"


def assert_english(message) -> None:
    letters = vietnamese_letters(_text(message))
    assert not letters, f"Vietnamese in {message.subject!r}: {letters}"


def test_each_curator_hears_once_about_a_submission_in_their_language(review):
    teacher, _curators, material = review

    _submit(teacher, material)

    assert Counter(address for m in mail.outbox for address in m.to) == {
        "vy@example.edu.vn": 1,
        "ed@example.edu.vn": 1,
    }, "a superuser who is not a curator is not mailed; the teacher neither"
    [vietnamese] = _to("vy@example.edu.vn")
    assert vietnamese.subject == f"Đang chờ bạn kiểm duyệt: học liệu “{TITLE}”"
    assert f"Tom Teacher đã gửi học liệu “{TITLE}” để kiểm duyệt." in vietnamese.body
    assert vietnamese.body.startswith("Xin chào Vy Curator,")
    assert_vietnamese(vietnamese)
    [english] = _to("ed@example.edu.vn")
    assert english.subject == f"Waiting for your review: learning material “{TITLE}”"
    assert f"Tom Teacher has sent the learning material “{TITLE}”" in english.body
    assert_english(english)
    edit_url = f"/admin/snippets/materials/material/edit/{material.pk}/"
    assert edit_url in vietnamese.body and edit_url in english.body


def test_a_resubmission_after_changes_reaches_each_curator_once_again(review):
    teacher, curators, material = review
    _submit(teacher, material)
    services.material_request_changes(
        material=material, user=curators["vi"], comment=COMMENT
    )
    mail.outbox.clear()

    _submit(teacher, material)

    assert sorted(address for m in mail.outbox for address in m.to) == [
        "ed@example.edu.vn",
        "vy@example.edu.vn",
    ]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_teacher_reads_the_request_for_changes_in_their_language(review, language):
    teacher, curators, material = review
    teacher.preferred_language = language
    teacher.save()
    _submit(teacher, material)
    mail.outbox.clear()

    # The curator reading the other language sends it.
    with translation.override("en" if language == "vi" else "vi"):
        services.material_request_changes(
            material=material,
            user=curators["en" if language == "vi" else "vi"],
            comment=COMMENT,
        )

    [message] = mail.outbox
    assert message.to == ["tom@example.edu.vn"]
    assert COMMENT in message.body
    if language == "vi":
        assert message.subject == f"Cần chỉnh sửa: học liệu “{TITLE}” của bạn"
        assert "Ed Curator đề nghị chỉnh sửa học liệu" in message.body
        assert_vietnamese(message)
    else:
        assert message.subject == (
            f"Changes requested: your learning material “{TITLE}”"
        )
        assert "Vy Curator has asked for changes to your learning material" in (
            message.body
        )
        assert_english(message)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_teacher_reads_the_approval_in_their_language(review, language):
    teacher, curators, material = review
    teacher.preferred_language = language
    teacher.save()
    _submit(teacher, material)
    mail.outbox.clear()

    with translation.override("en" if language == "vi" else "vi"):
        services.material_approve(material=material, user=curators["vi"])

    [message] = mail.outbox
    assert message.to == ["tom@example.edu.vn"]
    assert material.get_absolute_url() in message.body
    if language == "vi":
        assert message.subject == f"Đã xuất bản: học liệu “{TITLE}” của bạn"
        assert f"Vy Curator đã phê duyệt học liệu “{TITLE}” của bạn" in message.body
        assert_vietnamese(message)
    else:
        assert message.subject == f"Published: your learning material “{TITLE}”"
        assert_english(message)


def test_a_curator_who_turned_review_emails_off_gets_none(review):
    from wagtail.users.models import UserProfile

    teacher, curators, material = review
    profile = UserProfile.get_for_user(curators["vi"])
    profile.submitted_notifications = False
    profile.save()

    _submit(teacher, material)

    assert [m.to for m in mail.outbox] == [["ed@example.edu.vn"]]


def test_a_course_is_called_a_course_in_either_language(review):
    teacher, _curators, _material = review
    course = CoursePageFactory(title="Photosynthesis Field Course")
    course.save_revision(user=teacher)

    with translation.override("en"):
        course.get_workflow().start(course, teacher)

    [vietnamese] = _to("vy@example.edu.vn")
    assert vietnamese.subject == (
        "Đang chờ bạn kiểm duyệt: khóa học “Photosynthesis Field Course”"
    )
    [english] = _to("ed@example.edu.vn")
    assert "has sent the course “Photosynthesis Field Course”" in english.body
    assert f"/admin/pages/{course.pk}/edit/" in english.body


def test_with_superusers_included_nobody_hears_twice(review, settings):
    """Should the site mail its superusers too, the curator who is one still
    gets a single email, and the superuser who is no curator gets one."""
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True
    teacher, _curators, material = review

    _submit(teacher, material)

    assert Counter(address for m in mail.outbox for address in m.to) == {
        "vy@example.edu.vn": 1,
        "ed@example.edu.vn": 1,
        "root@example.edu.vn": 1,
    }
