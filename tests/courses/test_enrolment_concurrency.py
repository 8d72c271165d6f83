import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from courses.models import Enrolment
from tests.factories import CoursePageFactory, StudentFactory

REQUESTS = 24

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="real concurrent transactions need PostgreSQL (SQLite serialises "
        "writers); run with DATABASE_URL=postgresql://…",
    ),
]


def _fire(requests: list) -> list:
    """Run every request at the same instant, each on its own connection."""
    barrier = threading.Barrier(len(requests))
    results: list = [None] * len(requests)

    def run(index: int, request) -> None:
        try:
            barrier.wait()
            results[index] = request()
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            results[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_simultaneous_enrol_requests_leave_exactly_one_enrolment():
    learner = StudentFactory()
    course = CoursePageFactory()
    url = reverse("courses:enrol", args=[course.pk])

    def enrol():
        client = Client()
        client.force_login(learner)
        return client.post(url).status_code

    results = _fire([enrol] * REQUESTS)

    assert results == [302] * REQUESTS
    assert Enrolment.objects.filter(learner=learner, course=course).count() == 1


def test_simultaneous_learners_never_exceed_the_capacity():
    course = CoursePageFactory(capacity=5)
    learners = StudentFactory.create_batch(REQUESTS)

    def enrol_as(learner):
        def enrol():
            client = Client()
            client.force_login(learner)
            return client.post(reverse("courses:enrol", args=[course.pk])).status_code

        return enrol

    results = _fire([enrol_as(learner) for learner in learners])

    assert results == [302] * REQUESTS
    assert Enrolment.objects.filter(course=course).count() == 5
