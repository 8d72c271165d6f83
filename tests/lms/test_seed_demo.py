import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import User
from courses.models import (
    Certificate,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
)
from materials.models import Material

pytestmark = pytest.mark.django_db


def seed(**options):
    call_command("seed_demo", force=True, stdout=_Sink(), **options)


class _Sink:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def test_seed_demo_creates_accounts_courses_and_published_materials():
    seed(materials=14, courses=3)

    assert set(User.objects.values_list("username", flat=True)) >= {
        "admin",
        "curator",
        "teacher.lan",
        "teacher.minh",
        "student.an",
        "student.binh",
        "student.chi",
    }
    assert Material.objects.filter(live=True).count() == 14
    assert CoursePage.objects.live().count() == 3
    assert LessonPage.objects.live().count() >= 3 * 3
    material = Material.objects.first()
    assert material.file.storage.exists(material.file.name)
    assert material.file_size == material.file.size
    assert len(material.checksum_sha256) == 64
    material.refresh_from_db()
    assert material.thumbnail, "demo materials get thumbnails from the pipeline"
    assert material.processing_status == "done"


def test_seed_demo_twice_neither_fails_nor_duplicates():
    seed(materials=8, courses=2)
    seed(materials=8, courses=2)

    assert Material.objects.count() == 8
    assert CoursePage.objects.count() == 2
    assert User.objects.filter(username="admin").count() == 1


def test_seeded_accounts_sign_in_with_the_printed_passwords(client):
    seed(materials=0, courses=0)

    assert client.login(username="admin", password="admin-demo-2026")
    assert client.get("/admin/").status_code == 200


def test_seed_demo_materials_cover_every_subject_group_early():
    seed(materials=72, courses=0)

    subjects = set(Material.objects.values_list("subject", flat=True))
    types = set(Material.objects.values_list("material_type", flat=True))
    assert len(subjects) >= 9
    assert len(types) == 6


def test_seed_demo_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("seed_demo", materials=1, courses=0, stdout=_Sink())
    assert not User.objects.filter(username="admin").exists()


def test_seeded_home_page_shows_featured_courses_and_materials(client):
    seed(materials=6, courses=2)

    html = client.get("/").content.decode()

    assert "Toán 6: Số tự nhiên và phân số" in html
    assert Material.objects.order_by("-first_published_at").first().title in html


def test_the_demo_student_has_a_certificate_and_a_course_under_way(client):
    """student.an has finished the first course (its certificate and signed
    credential open) and is part way through the second; seeding again
    adds no attempts, completions or certificates."""
    seed(materials=0, courses=2)
    seed(materials=0, courses=2)

    student = User.objects.get(username="student.an")
    first, second = CoursePage.objects.live().order_by("path")
    certificate = Certificate.objects.get(learner=student)
    assert certificate.course_id == first.pk
    assert Enrolment.objects.filter(learner=student).count() == 2
    done_in_second = LessonCompletion.objects.filter(learner=student, course=second)
    lessons_in_second = LessonPage.objects.live().descendant_of(second).count()
    assert 0 < done_in_second.count() < lessons_in_second
    attempts = QuizAttempt.objects.filter(learner=student)
    assert attempts.count() == attempts.filter(passed=True).count()
    credential = client.get(
        reverse("courses:certificate_json", args=[certificate.code])
    )
    assert credential.json()["proof"]
