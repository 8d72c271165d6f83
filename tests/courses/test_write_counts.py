"""An enrolment and a lesson completion each run a fixed, short list of
statements: every learner on the first day of term pays for each one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import enrolment_create, lesson_mark_done
from tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

# Counted inside the test's own transaction, so the service's outermost
# block is a savepoint pair here and BEGIN/COMMIT in production. The other
# savepoint guards the insert that a concurrent twin may win (unique
# constraint); the rest are the course, the row, the xAPI statement and the
# search outbox (enrolment); the enrolment, the completion, the activity stamp,
# the xAPI statement, the certificate check and the look-up of LMS line
# items to send the score to (completion).
ENROLMENT_STATEMENTS = 10
COMPLETION_STATEMENTS = 13


def statements_of(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"] for query in queries.captured_queries]


def test_an_enrolment_and_a_completion_run_a_fixed_list_of_statements(tree):
    first = StudentFactory()  # loads what a process loads once
    enrolment_create(learner=first, course=tree.course)
    lesson_mark_done(learner=first, lesson=tree.reading)
    learner = StudentFactory()

    enrolling = statements_of(
        lambda: enrolment_create(learner=learner, course=tree.course)
    )
    completing = statements_of(
        lambda: lesson_mark_done(learner=learner, lesson=tree.reading)
    )

    assert len(enrolling) == ENROLMENT_STATEMENTS, enrolling
    assert len(completing) == COMPLETION_STATEMENTS, completing
    assert sum(sql.startswith("SAVEPOINT") for sql in enrolling + completing) == 4
