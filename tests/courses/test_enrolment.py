from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment, LessonCompletion
from courses.services import enrolment_cancel, enrolment_create, lesson_mark_done
from tests.factories import CoursePageFactory, EnrolmentFactory, StudentFactory

pytestmark = pytest.mark.django_db


def test_learner_enrols_in_a_published_open_course(tree, learner):
    enrolment, created = enrolment_create(learner=learner, course=tree.course)

    assert created
    assert enrolment.is_active
    assert Enrolment.objects.filter(course=tree.course).count() == 1


def test_enrolling_twice_leaves_one_enrolment(tree, learner):
    first, _ = enrolment_create(learner=learner, course=tree.course)
    second, created = enrolment_create(learner=learner, course=tree.course)

    assert not created
    assert second.pk == first.pk
    assert Enrolment.objects.count() == 1


def test_the_database_refuses_a_second_enrolment_row(tree, learner):
    """The rule is a constraint, not only a check in Python."""
    from django.db import IntegrityError, transaction

    EnrolmentFactory(learner=learner, course=tree.course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(
            learner=learner, course=tree.course, enrolled_at=timezone.now()
        )
    assert Enrolment.objects.count() == 1


def _refused(learner, course, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        enrolment_create(learner=learner, course=course)
    assert error.value.messages == [message]
    assert not Enrolment.objects.filter(course=course).exists()


def test_enrolling_in_a_draft_course_is_refused(learner):
    draft = CoursePageFactory(live=False)

    _refused(learner, draft, "This course is not published, so nobody can enrol in it.")


def test_enrolling_before_the_window_opens_is_refused(learner, settings):
    settings.LANGUAGE_CODE = "en"
    course = CoursePageFactory(enrolment_opens_at=timezone.now() + timedelta(days=3))

    with pytest.raises(ValidationError) as error:
        enrolment_create(learner=learner, course=course)
    assert error.value.messages[0].startswith("Enrolment for this course opens on")
    assert error.value.code == "enrolment_not_open"
    assert not Enrolment.objects.exists()


def test_enrolling_after_the_window_closed_is_refused(learner):
    course = CoursePageFactory(
        enrolment_opens_at=timezone.now() - timedelta(days=10),
        enrolment_closes_at=timezone.now() - timedelta(days=1),
    )

    with pytest.raises(ValidationError) as error:
        enrolment_create(learner=learner, course=course)
    assert error.value.messages[0].startswith("Enrolment for this course closed on")
    assert not Enrolment.objects.exists()


def test_enrolling_in_a_full_course_is_refused(learner):
    course = CoursePageFactory(capacity=2)
    EnrolmentFactory.create_batch(2, course=course)

    with pytest.raises(ValidationError) as error:
        enrolment_create(learner=learner, course=course)
    assert error.value.messages == ["This course is full: all 2 places are taken."]
    assert Enrolment.objects.filter(course=course).count() == 2
    assert not Enrolment.objects.filter(learner=learner).exists()


def test_a_place_freed_by_leaving_can_be_taken(learner):
    course = CoursePageFactory(capacity=1)
    other = EnrolmentFactory(course=course)
    enrolment_cancel(learner=other.learner, course=course)

    _enrolment, created = enrolment_create(learner=learner, course=course)

    assert created


def test_leaving_keeps_progress_and_coming_back_reopens_the_enrolment(tree, learner):
    enrolment_create(learner=learner, course=tree.course)
    lesson_mark_done(learner=learner, lesson=tree.reading)

    enrolment_cancel(learner=learner, course=tree.course)
    assert not Enrolment.objects.get(learner=learner).is_active
    assert LessonCompletion.objects.filter(learner=learner).count() == 1

    enrolment, created = enrolment_create(learner=learner, course=tree.course)
    assert created and enrolment.is_active
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_leaving_a_course_one_is_not_enrolled_in_is_refused(tree, learner):
    with pytest.raises(ValidationError) as error:
        enrolment_cancel(learner=learner, course=tree.course)
    assert error.value.messages == ["You are not enrolled in this course."]


class TestViews:
    def test_enrol_button_enrols_and_says_so(self, client, tree, learner):
        client.force_login(learner)
        response = client.post(
            reverse("courses:enrol", args=[tree.course.pk]), follow=True
        )

        assert "You are enrolled. Enjoy the course!" in response.content.decode()
        assert Enrolment.objects.filter(learner=learner).count() == 1

    def test_double_click_leaves_one_enrolment(self, client, tree, learner):
        client.force_login(learner)
        url = reverse("courses:enrol", args=[tree.course.pk])
        client.post(url)
        response = client.post(url, follow=True)

        assert "You are already enrolled in this course." in response.content.decode()
        assert Enrolment.objects.count() == 1

    def test_refusal_is_shown_on_the_course_page(self, client, learner):
        course = CoursePageFactory(capacity=1)
        EnrolmentFactory(course=course)
        client.force_login(learner)

        response = client.post(reverse("courses:enrol", args=[course.pk]), follow=True)

        assert (
            "This course is full: all 1 places are taken." in response.content.decode()
        )
        assert Enrolment.objects.count() == 1

    def test_enrolling_needs_a_signed_in_learner(self, client, tree):
        response = client.post(reverse("courses:enrol", args=[tree.course.pk]))

        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
        assert not Enrolment.objects.exists()

    def test_enrolling_by_get_is_not_allowed(self, client, tree, learner):
        client.force_login(learner)

        response = client.get(reverse("courses:enrol", args=[tree.course.pk]))

        assert response.status_code == 405
        assert not Enrolment.objects.exists()

    def test_enrolling_without_a_csrf_token_is_refused(self, tree, learner):
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)

        response = client.post(reverse("courses:enrol", args=[tree.course.pk]))

        assert response.status_code == 403
        assert not Enrolment.objects.exists()

    def test_unenrol_button(self, client, tree, learner):
        EnrolmentFactory(learner=learner, course=tree.course)
        client.force_login(learner)

        response = client.post(
            reverse("courses:unenrol", args=[tree.course.pk]), follow=True
        )

        assert "You have left the course." in response.content.decode()
        assert not Enrolment.objects.get().is_active

    def test_enrolling_in_an_unpublished_course_reveals_nothing(self, client, learner):
        """A draft's id answers like an id that does not exist: no slug, no title."""
        draft = CoursePageFactory(live=False, title="Secret draft", slug="secret-draft")
        client.force_login(learner)

        response = client.post(reverse("courses:enrol", args=[draft.pk]))
        missing = client.post(reverse("courses:enrol", args=[draft.pk + 1000]))

        assert response.status_code == missing.status_code == 404
        assert "secret-draft" not in response.get("Location", "")
        assert "Secret draft" not in response.content.decode()
        assert not Enrolment.objects.exists()

    def test_leaving_an_unpublished_course_reveals_nothing(self, client, learner):
        draft = CoursePageFactory(live=False, slug="secret-draft")
        client.force_login(learner)

        response = client.post(reverse("courses:unenrol", args=[draft.pk]))

        assert response.status_code == 404

    def test_a_learner_can_leave_a_course_that_was_unpublished(
        self, client, tree, learner
    ):
        """Their own enrolment is theirs to end; they land on their learning page."""
        EnrolmentFactory(learner=learner, course=tree.course)
        tree.course.unpublish()
        client.force_login(learner)

        response = client.post(reverse("courses:unenrol", args=[tree.course.pk]))

        assert response.status_code == 302
        assert response["Location"] == reverse("courses:my_learning")
        assert not Enrolment.objects.get().is_active


def test_course_page_offers_enrolment_to_a_signed_in_visitor(client, tree):
    client.force_login(StudentFactory())

    response = client.get(tree.course.url)

    assert "Enrol in this course" in response.content.decode()


@pytest.mark.parametrize("action", ["lesson_done", "quiz_submit"])
def test_learning_actions_on_an_unpublished_lesson_reveal_nothing(
    client, tree, learner, action
):
    """A draft lesson's id answers 404, never a redirect naming its address."""
    EnrolmentFactory(learner=learner, course=tree.course)
    lesson = tree.quiz_lesson if action == "quiz_submit" else tree.reading
    lesson.unpublish()
    args = [lesson.pk, tree.quiz_id] if action == "quiz_submit" else [lesson.pk]
    client.force_login(learner)

    response = client.post(reverse(f"courses:{action}", args=args))

    assert response.status_code == 404


def _locking(statements) -> list[str]:
    return [query["sql"] for query in statements if "FOR UPDATE" in query["sql"]]


def test_learners_of_a_course_without_places_enrol_without_waiting(tree, learner):
    """A popular course with no capacity must not make learners queue on its
    row: nothing is counted, so nothing needs the lock."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as statements:
        enrolment_create(learner=learner, course=tree.course)

    assert not _locking(statements)


def test_places_in_a_course_with_capacity_are_counted_one_enrolment_at_a_time(
    tree, learner
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if not connection.features.has_select_for_update:
        pytest.skip("row locks need PostgreSQL")
    tree.course.capacity = 30
    tree.course.save(update_fields=["capacity"])

    with CaptureQueriesContext(connection) as statements:
        enrolment_create(learner=learner, course=tree.course)

    assert _locking(statements)
