"""Property-based checks of the public API against its own OpenAPI schema.

Schemathesis generates requests from the schema (valid and invalid filters,
pages, ids, tokens) and runs them through the WSGI application; no response
may be a server error or contradict the schema. The search operations answer
from whatever engine the settings name; tests/search/test_api_schema.py runs
them against an indexed engine and against the fallback in turn.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
)

from courses.services import enrolment_create
from tests.factories import StudentFactory

# Generated "valid" data may still name ids that do not exist (404 is right),
# and the API accepts unknown query parameters as ignorable, as DRF does.
EXCLUDED_CHECKS = [positive_data_acceptance, negative_data_rejection]
OPERATIONS = [
    "GET /api/v1/materials/",
    "GET /api/v1/materials/{id}/",
    "GET /api/v1/courses/",
    "GET /api/v1/courses/{id}/",
    "GET /api/v1/me/",
    "GET /api/v1/me/enrolments/",
    "POST /api/v1/me/enrolments/",
    "GET /api/v1/me/enrolments/{id}/",
    "DELETE /api/v1/me/enrolments/{id}/",
    "GET /api/v1/me/certificates/",
    "GET /api/v1/me/statements/",
    "POST /api/v1/auth/token/",
    "GET /api/v1/search/",
    "GET /search/suggest/",
]


@pytest.fixture
def api_schema(repository, served_api_schema):
    return served_api_schema


def test_schema_lists_exactly_the_operations_under_test(api_schema):
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels == set(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_api_never_fails_and_matches_its_schema(api_schema, label):
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy())
    # Derandomised so CI is repeatable; set API_FUZZ_EXAMPLES to explore more.
    @settings(
        max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", "12")),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(excluded_checks=EXCLUDED_CHECKS)

    check()


LEARNER_OPERATIONS = [
    label for label in OPERATIONS if label.split()[1].startswith("/api/v1/me/")
]


@pytest.mark.parametrize("label", LEARNER_OPERATIONS)
def test_learner_api_never_fails_for_a_signed_in_learner(api_schema, label, repository):
    """The same checks with a learner's token, so generated requests reach the
    views (enrolling, leaving, reading progress) rather than stopping at 401."""
    learner = StudentFactory()
    enrolment_create(learner=learner, course=repository.courses[0])
    headers = {"Authorization": f"Token {Token.objects.create(user=learner).key}"}
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy())
    @settings(
        max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", "12")),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(headers=headers, excluded_checks=EXCLUDED_CHECKS)

    check()
