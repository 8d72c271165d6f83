import re

import pytest
from django.urls import reverse

from courses.models import Certificate

pytestmark = pytest.mark.django_db

PASSWORD = "một mật khẩu đủ dài 2026"


def test_from_the_catalogue_to_a_verified_certificate(client, tree, settings):
    """A visitor signs up, enrols, learns, passes the quiz, and the
    certificate they earn can be verified by anyone."""
    settings.ACCOUNTS_EMAIL_CONFIRMATION = False

    catalogue = client.get("/courses/").content.decode()
    assert tree.course.title in catalogue

    client.post(
        reverse("accounts:signup"),
        {
            "username": "tran_minh",
            "display_name": "Trần Đức Minh",
            "email": "minh@example.edu.vn",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    page = client.get(tree.course.url).content.decode()
    assert "Enrol in this course" in page

    client.post(reverse("courses:enrol", args=[tree.course.pk]))
    page = client.get(tree.course.url).content.decode()
    assert "0 of 3 lessons completed" in page
    assert "Continue where you left off: Bài 1: Lá cây" in page

    client.post(reverse("courses:lesson_done", args=[tree.reading.pk]))
    quiz_url = reverse("courses:quiz_submit", args=[tree.quiz_lesson.pk, tree.quiz_id])
    failed = client.post(quiz_url, {"question-0": "1", "question-1": "1"}, follow=True)
    assert "the pass mark is 50%" in failed.content.decode()
    passed = client.post(quiz_url, {"question-0": "0", "question-1": "0"}, follow=True)
    assert "You have completed the course" in passed.content.decode()

    page = client.get(tree.course.url).content.decode()
    assert "2 of 3 lessons completed" in page
    verify_path = re.search(r'href="(/learning/certificates/[^"]+/)"', page)[1]
    assert Certificate.objects.get().get_absolute_url() == verify_path

    client.post(reverse("accounts:logout"))
    verification = client.get(verify_path).content.decode()
    assert "This certificate is valid." in verification
    assert "Trần Đức Minh" in verification
    assert tree.course.title in verification
