import pytest
from django.core import mail
from django.utils import translation

from accounts.models import User
from tests.factories import PublishedMaterialFactory, StudentFactory, TeacherFactory
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_person_edits_their_name_school_and_language(client):
    student = StudentFactory(display_name="An", preferred_language="vi")
    client.force_login(student)

    response = client.post(
        "/accounts/profile/",
        {
            "display_name": "Phạm Minh An",
            "school": "THCS Nguyễn Du",
            "preferred_language": "en",
        },
    )

    assert response.status_code == 302
    student.refresh_from_db()
    assert (student.display_name, student.school, student.preferred_language) == (
        "Phạm Minh An",
        "THCS Nguyễn Du",
        "en",
    )
    assert (
        "Your profile has been saved."
        in client.get("/accounts/profile/").content.decode()
    )


def test_an_overlong_name_is_refused_and_nothing_changes(client):
    student = StudentFactory(display_name="An", preferred_language="en")
    client.force_login(student)

    response = client.post(
        "/accounts/profile/",
        {"display_name": "A" * 151, "school": "", "preferred_language": "vi"},
    )

    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    student.refresh_from_db()
    assert student.display_name == "An"


def test_signed_in_people_read_in_their_preferred_language(client, home_page):
    client.force_login(StudentFactory(preferred_language="en"))

    assert "Featured courses" in client.get("/").content.decode()


def test_the_profile_needs_signing_in(client):
    response = client.get("/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_deleting_an_account_keeps_published_materials_without_the_name(client):
    teacher = TeacherFactory(display_name="Cô Lan", preferred_language="en")
    material = PublishedMaterialFactory(author=teacher, title="Giáo án phân số")
    client.force_login(teacher)

    page = client.get("/accounts/delete/").content.decode()
    assert "cannot be undone" in page
    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=teacher.pk).exists()
    material.refresh_from_db()
    assert material.live and material.author is None
    assert "Cô Lan" not in client.get(material.get_absolute_url()).content.decode()


def test_a_wrong_password_does_not_delete_the_account(client):
    student = StudentFactory(preferred_language="en")
    client.force_login(student)

    response = client.post("/accounts/delete/", {"password": "wrong", "confirm": "on"})

    assert response.status_code == 200
    assert "password is not correct" in response.content.decode()
    assert User.objects.filter(pk=student.pk).exists()


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    student = StudentFactory(email="an@truong.edu.vn", preferred_language="en")

    client.post("/accounts/password/reset/", {"email": "an@truong.edu.vn"})

    assert len(mail.outbox) == 1
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line
    )
    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "a new passphrase 2026",
            "new_password2": "a new passphrase 2026",
        },
    )
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password("a new passphrase 2026")


def test_password_reset_does_not_reveal_whether_an_address_has_an_account(client):
    response = client.post(
        "/accounts/password/reset/", {"email": "nobody@truong.edu.vn"}, follow=True
    )

    assert response.status_code == 200
    assert mail.outbox == []
    assert "Check your email" in response.content.decode()


def test_deleting_a_learners_account_erases_their_learning_records(client):
    from courses.models import Certificate, Enrolment, TranscriptShare
    from courses.services import transcript_share_open
    from tests.factories import CertificateFactory, EnrolmentFactory

    enrolment = EnrolmentFactory()
    learner = enrolment.learner
    CertificateFactory(learner=learner, course=enrolment.course, is_public=True)
    transcript_share_open(learner=learner)
    client.force_login(learner)

    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=learner.pk).exists()
    assert not Enrolment.objects.filter(pk=enrolment.pk).exists()
    assert not Certificate.objects.exists()
    assert not TranscriptShare.objects.exists()


def test_wagtails_own_emails_follow_the_language_a_person_chose(client):
    """Wagtail writes comment and workflow emails in the language of the
    recipient's admin profile, else in the sender's: the profile follows."""
    teacher = TeacherFactory(preferred_language="vi")
    client.force_login(teacher)

    client.post(
        "/accounts/profile/",
        {"display_name": "Cô Lan", "school": "", "preferred_language": "en"},
    )

    teacher = User.objects.get(pk=teacher.pk)
    with translation.override("vi"):  # a Vietnamese curator sends it
        assert teacher.wagtail_userprofile.get_preferred_language() == "en"
