"""The search API and the suggestions as the OpenAPI schema describes them.

Both answers are checked against the schema: the engine's (results, facets,
next page) and the database fallback's (degraded, no facets).
"""

import os
from dataclasses import fields
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
)

from lms.vocabulary import GradeLevel, Language, Licence, MaterialType, Subject
from search.client import reset_clients
from search.indexing import rebuild, refresh
from search.queries import FACET_PARAMS, PAGE_SIZE, FacetValue, Hit
from tests.factories import CoursePageFactory, PublishedMaterialFactory

pytestmark = pytest.mark.django_db

# The API ignores unknown parameters and answers adjusted ones with a message,
# so schemathesis's expectations about refused and accepted data do not apply.
EXCLUDED_CHECKS = [positive_data_acceptance, negative_data_rejection]
SEARCH = "GET /api/v1/search/"
SUGGEST = "GET /search/suggest/"


@pytest.fixture
def shelf():
    """More than a page of materials spread over every facet, and a course."""
    subjects, types = list(Subject), list(MaterialType)
    for number in range(PAGE_SIZE + 3):
        PublishedMaterialFactory(
            title=f"Tài liệu ôn tập số {number}",
            description="Bài tập quang hợp cho học sinh.",
            subject=subjects[number % len(subjects)],
            material_type=types[number % len(types)],
            grade_levels=[GradeLevel.GRADE_6.value],
            language=Language.ENGLISH if number % 2 else Language.VIETNAMESE,
            licence=Licence.CC_BY_SA if number % 3 else Licence.CC_BY,
        )
    CoursePageFactory(title="Ôn tập sinh học").save_revision().publish()


@pytest.fixture
def indexed(search_engine, shelf):
    rebuild(progress=False)
    refresh()


@pytest.fixture
def engine_down(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.SEARCH_REQUEST_TIMEOUT = 1
    reset_clients()
    yield
    reset_clients()


def operation_schema(client, path: str) -> dict:
    return client.get("/api/v1/schema/?format=json").json()["paths"][path]["get"]


def component(client, name: str) -> dict:
    schemas = client.get("/api/v1/schema/?format=json").json()["components"]
    return schemas["schemas"][name]


def fuzz(operation, expect) -> None:
    """Generated requests never fail and every answer matches the schema."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", "12")),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call_and_validate(excluded_checks=EXCLUDED_CHECKS)
        if response.status_code == 200:
            expect(response.json())

    check()


def test_schema_lists_the_search_api_with_its_parameters_and_codes(client):
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in operation_schema(client, "/api/v1/search/")["parameters"]
    }
    assert set(parameters) == {
        "q",
        "kind",
        "subject",
        "grade",
        "language",
        "type",
        "licence",
        "sort",
        "after",
        "page",
    }
    assert parameters["licence"] == {
        "type": "array",
        "items": {"type": "string", "enum": sorted(Licence.values)},
    }
    assert set(parameters["kind"]["items"]["enum"]) == {"material", "course", "lesson"}
    assert set(parameters["type"]["items"]["enum"]) == set(MaterialType.values)
    assert set(parameters["grade"]["items"]["enum"]) == set(GradeLevel.values)
    assert set(parameters["sort"]["enum"]) == {"relevance", "newest", "downloads"}
    suggest = operation_schema(client, "/search/suggest/")
    assert [parameter["name"] for parameter in suggest["parameters"]] == ["q"]


def test_unknown_facet_values_are_refused_naming_each(client):
    response = client.get(
        reverse("search:api"),
        {"licence": ["cc-by", "cc-by-zz"], "kind": "video", "q": "quang hợp"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "errors": ["Unknown kind: video.", "Unknown licence: cc-by-zz."]
    }


def test_every_key_the_api_sends_is_described_in_the_schema(client, indexed):
    response = client.get(reverse("search:api"), {"q": "tai lieu on tap"})
    body = response.json()
    assert body["next"] and body["results"] and body["facets"]
    assert set(body) == set(component(client, "SearchResponse")["properties"])
    hit_keys = set(component(client, "Hit")["properties"])
    assert all(set(hit) == hit_keys for hit in body["results"])
    assert set(body["facets"]) == set(component(client, "Facets")["properties"])
    value_keys = set(component(client, "FacetValue")["properties"])
    assert all(
        set(value) == value_keys
        for values in body["facets"].values()
        for value in values
    )
    assert "Tài liệu ôn tập".encode() in response.content
    suggestions = client.get(reverse("search:suggest"), {"q": "tài liệu"})
    assert set(suggestions.json()) == {"query", "suggestions"}
    suggestion_keys = set(component(client, "Suggestion")["properties"])
    assert all(
        set(item) == suggestion_keys for item in suggestions.json()["suggestions"]
    )
    assert "Tài liệu ôn tập".encode() in suggestions.content


def test_every_field_of_a_hit_and_of_a_facet_value_reaches_api_clients(client):
    assert set(component(client, "Hit")["properties"]) == {
        field.name for field in fields(Hit)
    }
    assert set(component(client, "FacetValue")["properties"]) == {
        field.name for field in fields(FacetValue)
    }


def test_search_endpoints_answer_json_to_anyone_at_any_rate(
    client, settings, engine_down
):
    """No sign-in is read, no rate limit applies, and browsers get JSON too."""
    settings.API_ANON_RATE = "1/minute"
    for path in (reverse("search:api"), reverse("search:suggest")):
        for headers in (
            {"HTTP_ACCEPT": "text/html"},
            {"HTTP_AUTHORIZATION": "Token nope"},
            {},
        ):
            response = client.get(path, {"q": "quang", "format": "api"}, **headers)
            assert response.status_code == 200
            assert response["Content-Type"] == "application/json"
            assert response.json()["degraded"] is True
        assert client.post(path).status_code == 405


def test_engine_answers_match_the_schema(served_api_schema, indexed):
    search = served_api_schema.find_operation_by_label(SEARCH)
    first = search.Case(query={"q": "tai lieu on tap"}).call_and_validate(
        excluded_checks=EXCLUDED_CHECKS
    )
    next_query = parse_qs(urlsplit(first.json()["next"]).query)
    second = search.Case(query=next_query).call_and_validate(
        excluded_checks=EXCLUDED_CHECKS
    )
    assert second.json()["page"] == 2

    def from_the_engine(body):
        assert body["degraded"] is False
        assert set(body["facets"]) == set(FACET_PARAMS.values())

    fuzz(search, from_the_engine)

    def not_degraded(body):
        assert "degraded" not in body

    fuzz(served_api_schema.find_operation_by_label(SUGGEST), not_degraded)


def test_fallback_answers_match_the_schema(served_api_schema, shelf, engine_down):
    search = served_api_schema.find_operation_by_label(SEARCH)
    answer = search.Case(query={"q": "Tài liệu"}).call_and_validate(
        excluded_checks=EXCLUDED_CHECKS
    )
    assert answer.json()["results"]

    def from_the_database(body):
        assert body["degraded"] is True
        assert body["facets"] == {}

    fuzz(search, from_the_database)

    def degraded_unless_empty(body):
        assert body["query"] == "" or body["degraded"] is True

    fuzz(served_api_schema.find_operation_by_label(SUGGEST), degraded_unless_empty)


@pytest.mark.parametrize("label", [SEARCH, SUGGEST])
def test_nul_characters_are_refused_as_the_schema_says(served_api_schema, label):
    case = served_api_schema.find_operation_by_label(label).Case(query={"q": "a\x00"})
    response = case.call_and_validate(excluded_checks=EXCLUDED_CHECKS)
    assert response.status_code == 400
