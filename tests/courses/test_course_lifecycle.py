import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from courses.models import Certificate, Enrolment, LessonCompletion, QuizAttempt
from tests.factories import (
    EnrolmentFactory,
    LessonPageFactory,
    MaterialFactory,
    PublishedMaterialFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(tree, learner):
    """An enrolment, two completions, a quiz attempt and a certificate."""
    EnrolmentFactory(learner=learner, course=tree.course)
    tree.complete_required(learner)
    return tree


def _counts() -> tuple[int, int, int, int]:
    return (
        Enrolment.objects.count(),
        LessonCompletion.objects.count(),
        QuizAttempt.objects.count(),
        Certificate.objects.count(),
    )


def test_unpublishing_a_course_keeps_learners_records(client, records):
    records.course.unpublish()

    assert _counts() == (1, 2, 1, 1)
    certificate = Certificate.objects.get()
    response = client.get(certificate.get_absolute_url())
    assert "This certificate is valid." in response.content.decode()


def test_editing_a_course_keeps_records_and_the_certificate_as_issued(records):
    course = records.course
    course.title = "Sinh học 6 (bản mới)"
    course.save_revision().publish()

    assert _counts() == (1, 2, 1, 1)
    assert Certificate.objects.get().course_title == "Sinh học 6: Quang hợp"


def test_deleting_a_course_with_learners_is_refused(records):
    with pytest.raises(ProtectedError):
        records.course.delete()

    assert _counts() == (1, 2, 1, 1)


def test_my_learning_still_lists_an_unpublished_course(client, records, learner):
    records.course.unpublish()
    client.force_login(learner)

    html = client.get(reverse("courses:my_learning")).content.decode()

    assert "Sinh học 6: Quang hợp" in html
    assert "no longer published" in html


def test_courses_go_through_curator_review(tree):
    assert tree.course.get_workflow().name == "Curator review"


def test_a_lesson_shows_only_published_library_materials(client, tree):
    draft = MaterialFactory(title="Tài liệu chưa duyệt")
    published = PublishedMaterialFactory(title="Tài liệu đã duyệt")
    lesson = LessonPageFactory(
        parent=tree.module,
        body=[
            ("material", {"material": draft, "note": "Xem thêm"}),
            ("material", {"material": published, "note": "Đọc trước"}),
        ],
    )

    html = client.get(lesson.url).content.decode()

    assert "Tài liệu chưa duyệt" not in html
    assert "Tài liệu đã duyệt" in html


def test_the_admin_refuses_to_delete_a_course_learners_depend_on(
    client, records, django_user_model
):
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(admin)

    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[records.module.pk]), follow=True
    )

    assert "cannot be deleted: learners have enrolments" in response.content.decode()
    assert _counts() == (1, 2, 1, 1)
    assert type(records.module).objects.filter(pk=records.module.pk).exists()


def test_the_admin_still_deletes_a_course_nobody_took(client, django_user_model):
    from courses.models import CoursePage
    from tests.factories import CoursePageFactory

    course = CoursePageFactory()
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(admin)

    client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))

    assert not CoursePage.objects.filter(pk=course.pk).exists()
