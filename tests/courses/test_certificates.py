from datetime import UTC, datetime

import pypdfium2
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from courses.models import Certificate
from courses.services import (
    certificate_issue_if_complete,
    certificate_revoke,
    lesson_mark_done,
)
from tests.factories import (
    CertificateFactory,
    CuratorFactory,
    EnrolmentFactory,
    StudentFactory,
    TeacherFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(tree, learner):
    EnrolmentFactory(learner=learner, course=tree.course)
    return learner


@pytest.fixture
def certificate(tree, enrolled):
    tree.complete_required(enrolled)
    return Certificate.objects.get()


def test_no_certificate_until_every_required_lesson_is_complete(tree, enrolled):
    lesson_mark_done(learner=enrolled, lesson=tree.reading)

    assert not Certificate.objects.exists()


def test_completing_the_required_lessons_issues_one_certificate(tree, enrolled):
    """The optional lesson is not needed; later progress issues nothing more."""
    tree.complete_required(enrolled)
    lesson_mark_done(learner=enrolled, lesson=tree.optional)
    again = certificate_issue_if_complete(learner=enrolled, course=tree.course)

    certificate = Certificate.objects.get()
    assert again.pk == certificate.pk
    assert certificate.learner_name == "Nguyễn Thị Hương"
    assert certificate.course_title == "Sinh học 6: Quang hợp"
    assert certificate.issuer_name == "Kho học liệu số"


def test_verification_codes_are_long_random_and_unique(tree):
    codes = {CertificateFactory(course=tree.course).code for _ in range(5)}

    assert len(codes) == 5
    assert all(len(code) >= 32 for code in codes)


def test_the_public_verification_page_shows_the_certificate(client, certificate):
    response = client.get(certificate.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid." in html
    for text in ("Nguyễn Thị Hương", "Sinh học 6: Quang hợp", "Kho học liệu số"):
        assert text in html


@pytest.mark.parametrize("tamper", [lambda c: c[:-1], lambda c: c + "x", str.upper])
def test_a_tampered_code_is_unknown(client, certificate, tamper):
    response = client.get(
        reverse("courses:certificate_verify", args=[tamper(certificate.code)])
    )

    assert response.status_code == 404
    assert "No certificate has this verification code." in response.content.decode()
    assert "Nguyễn Thị Hương" not in response.content.decode()


def test_the_pdf_shows_vietnamese_names(client, certificate):
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))

    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.content)
    text = pdf[0].get_textpage().get_text_range()
    assert "Nguyễn Thị Hương" in text
    assert "Sinh học 6: Quang hợp" in text
    assert certificate.code in text.replace("\r\n", "")


def test_the_credential_is_an_open_badges_3_document(certificate, settings):
    """Its links lead to the site it was fetched from, not a configured default."""
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "hoclieu.example.vn"]
    client = Client(HTTP_HOST="hoclieu.example.vn", HTTP_X_FORWARDED_PROTO="https")

    response = client.get(reverse("courses:certificate_json", args=[certificate.code]))

    document = response.json()
    assert response["Content-Type"].startswith("application/ld+json")
    assert document["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"] == (
        f"https://hoclieu.example.vn/learning/certificates/{certificate.code}/"
    )
    assert document["issuer"]["name"] == "Kho học liệu số"
    assert document["validFrom"] == certificate.issued_at.isoformat()
    subject = document["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "Nguyễn Thị Hương"
    assert subject["achievement"]["name"] == "Sinh học 6: Quang hợp"


class TestRevocation:
    def test_a_curator_revokes_with_a_reason(self, client, certificate):
        curator = CuratorFactory()

        certificate_revoke(
            certificate=certificate, revoked_by=curator, reason="Gian lận bài kiểm tra"
        )

        html = client.get(certificate.get_absolute_url()).content.decode()
        assert "and is no longer valid." in html
        assert "Gian lận bài kiểm tra" in html
        pdf = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))
        assert pdf.status_code == 410
        credential = client.get(
            reverse("courses:certificate_json", args=[certificate.code])
        )
        assert credential.status_code == 410
        assert credential.json()["error"] == "This certificate has been revoked."

    def test_a_reason_is_required(self, certificate):
        with pytest.raises(ValidationError) as error:
            certificate_revoke(
                certificate=certificate, revoked_by=CuratorFactory(), reason="  "
            )

        assert error.value.messages == ["Give a reason for revoking the certificate."]
        certificate.refresh_from_db()
        assert not certificate.is_revoked

    def test_only_curators_may_revoke(self, certificate):
        for user in (TeacherFactory(), StudentFactory()):
            with pytest.raises(PermissionDenied):
                certificate_revoke(certificate=certificate, revoked_by=user, reason="x")

        certificate.refresh_from_db()
        assert not certificate.is_revoked

    def test_revoking_twice_is_refused(self, certificate):
        curator = CuratorFactory()
        certificate_revoke(certificate=certificate, revoked_by=curator, reason="Sai")

        with pytest.raises(ValidationError) as error:
            certificate_revoke(
                certificate=certificate, revoked_by=curator, reason="Lần hai"
            )

        assert error.value.messages[0].startswith("This certificate was already")
        certificate.refresh_from_db()
        assert certificate.revocation_reason == "Sai"

    def test_a_revoked_certificate_is_not_issued_again(self, tree, certificate):
        certificate_revoke(
            certificate=certificate, revoked_by=CuratorFactory(), reason="Sai"
        )

        again = certificate_issue_if_complete(
            learner=certificate.learner, course=tree.course
        )

        assert again.pk == certificate.pk and again.is_revoked
        assert Certificate.objects.count() == 1

    def test_curators_revoke_in_the_admin(self, client, certificate):
        client.force_login(CuratorFactory())
        listing = client.get(reverse("courses_certificates:index"))
        assert "Nguyễn Thị Hương" in listing.content.decode()

        url = reverse("courses_certificates:revoke", args=[certificate.pk])
        empty = client.post(url, {"reason": ""})
        assert "Give a reason for revoking the certificate." in empty.content.decode()
        response = client.post(url, {"reason": "Trùng tài khoản"})

        assert response.status_code == 302
        certificate.refresh_from_db()
        assert certificate.revocation_reason == "Trùng tài khoản"

    def test_teachers_cannot_reach_the_revocation_admin(self, client, certificate):
        client.force_login(TeacherFactory())

        response = client.post(
            reverse("courses_certificates:revoke", args=[certificate.pk]),
            {"reason": "x"},
        )

        assert response.status_code in {302, 403}
        certificate.refresh_from_db()
        assert not certificate.is_revoked


class TestLearnersChoices:
    """The learner decides how their name appears and whether search engines
    may list the page; the link keeps working for anyone either way."""

    def test_a_certificate_is_unlisted_until_the_learner_publishes_it(
        self, client, certificate
    ):
        page = client.get(certificate.get_absolute_url())
        pdf = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))

        assert page.status_code == 200
        assert (
            '<meta name="robots" content="noindex, nofollow">' in page.content.decode()
        )
        assert page["X-Robots-Tag"] == pdf["X-Robots-Tag"] == "noindex, nofollow"

    def test_the_learner_publishes_it_and_shows_initials(self, client, certificate):
        client.force_login(certificate.learner)

        response = client.post(
            reverse("courses:certificate_privacy", args=[certificate.code]),
            {"name_display": "initials", "is_public": "on"},
            follow=True,
        )

        assert (
            "Your choices for this certificate are saved." in response.content.decode()
        )
        verifier = Client()
        page = verifier.get(certificate.get_absolute_url())
        html = page.content.decode()
        assert "N. T. Hương" in html and "Nguyễn Thị Hương" not in html
        assert "noindex" not in html and "X-Robots-Tag" not in page
        credential = verifier.get(
            reverse("courses:certificate_json", args=[certificate.code])
        ).json()
        identity = credential["credentialSubject"]["identifier"][0]
        assert identity["identityHash"] == "N. T. Hương"

    def test_only_the_learner_sees_and_makes_the_choices(self, client, certificate):
        other = StudentFactory()
        client.force_login(other)
        url = reverse("courses:certificate_privacy", args=[certificate.code])

        page = client.get(certificate.get_absolute_url()).content.decode()
        response = client.post(url, {"name_display": "initials", "is_public": "on"})

        assert "Show my name as" not in page
        assert response.status_code == 404
        certificate.refresh_from_db()
        assert (certificate.name_display, certificate.is_public) == ("full", False)

    def test_an_unknown_name_choice_is_refused_and_changes_nothing(
        self, client, certificate
    ):
        client.force_login(certificate.learner)

        response = client.post(
            reverse("courses:certificate_privacy", args=[certificate.code]),
            {"name_display": "nickname", "is_public": "on"},
            follow=True,
        )

        assert "Choose how your name appears" in response.content.decode()
        certificate.refresh_from_db()
        assert (certificate.name_display, certificate.is_public) == ("full", False)


def test_the_vietnamese_pdf_says_the_issue_date_once(client, certificate, settings):
    """The locale's date already reads "ngày 2 tháng 12 năm 2026"; the
    sentence around it must not add its own "ngày"."""
    settings.LANGUAGE_CODE = "vi"
    certificate.issued_at = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    certificate.save()

    response = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))

    pdf = pypdfium2.PdfDocument(response.content)
    text = " ".join(pdf[0].get_textpage().get_text_range().split())
    assert "cấp ngày 2 tháng 12 năm 2026" in text
    assert "ngày Ngày" not in text
