"""An enrolment and a lesson completion each run a fixed, short list of
statements: every learner on the first day of term pays for each one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import enrolment_cancel, enrolment_create, lesson_mark_done
from lms import counters
from search.models import IndexChange
from tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

# Counted inside the test's own transaction, so the service's outermost
# block is a savepoint pair here and BEGIN/COMMIT in production. The inserts
# let the unique constraints decide (ON CONFLICT DO NOTHING), so they need
# no read before them and no savepoint of their own. An enrolment: the
# original course, the row and the xAPI statement; its new learner count is
# a Redis counter, or, without Redis, the course's translations and a search
# outbox row. A completion: the enrolment, the completion, the activity
# stamp, the xAPI statement, the certificate look-up and the required
# lessons done; learners who never came from an LMS have no line items to
# look for.
ENROLMENT_STATEMENTS = 5
ENROLMENT_STATEMENTS_WITHOUT_REDIS = 7
COMPLETION_STATEMENTS = 8


def statements_of(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"] for query in queries.captured_queries]


def _warmed_up(tree):
    first = StudentFactory()  # loads what a process loads once
    enrolment_create(learner=first, course=tree.course)
    lesson_mark_done(learner=first, lesson=tree.reading)
    return StudentFactory()


def test_an_enrolment_and_a_completion_run_a_fixed_list_of_statements(
    tree, batched_counters
):
    learner = _warmed_up(tree)

    enrolling = statements_of(
        lambda: enrolment_create(learner=learner, course=tree.course)
    )
    completing = statements_of(
        lambda: lesson_mark_done(learner=learner, lesson=tree.reading)
    )

    assert len(enrolling) == ENROLMENT_STATEMENTS, enrolling
    assert len(completing) == COMPLETION_STATEMENTS, completing
    assert sum(sql.startswith("SAVEPOINT") for sql in enrolling + completing) == 2
    assert not any("lti_gradelink" in sql for sql in completing)


def test_without_redis_an_enrolment_tells_search_itself(tree, settings):
    settings.COUNTERS_REDIS_URL = ""
    learner = _warmed_up(tree)
    IndexChange.objects.all().delete()

    enrolling = statements_of(
        lambda: enrolment_create(learner=learner, course=tree.course)
    )

    assert len(enrolling) == ENROLMENT_STATEMENTS_WITHOUT_REDIS, enrolling
    assert list(IndexChange.objects.values_list("kind", "object_id")) == [
        ("course", tree.course.pk)
    ]


def test_a_flush_reindexes_a_course_once_for_all_its_new_learners(
    tree, batched_counters
):
    """Search still learns the course's new learner count, once per flush."""
    IndexChange.objects.all().delete()
    for _ in range(3):
        enrolment_create(learner=StudentFactory(), course=tree.course)
    assert not IndexChange.objects.exists()

    counters.flush()

    assert list(IndexChange.objects.values_list("kind", "object_id")) == [
        ("course", tree.course.pk)
    ]


def test_an_enrolment_cancelled_before_the_flush_reindexes_nothing(
    tree, batched_counters
):
    learner = StudentFactory()
    enrolment_create(learner=learner, course=tree.course)
    enrolment_cancel(learner=learner, course=tree.course)
    IndexChange.objects.all().delete()

    counters.flush()

    assert not IndexChange.objects.exists()
