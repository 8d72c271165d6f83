"""The read API: published content only, facets, errors, ETags, limits, tokens."""

import pytest
from django.core.cache import cache
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token

from tests.factories import MaterialFactory, StudentFactory
from tests.factories.accounts import PASSWORD


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_materials_list_shows_published_materials_newest_first(client, repository):
    draft = MaterialFactory(title="Bản nháp")
    response = client.get("/api/v1/materials/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    titles = [item["title"] for item in body["results"]]
    assert draft.title not in titles
    first = repository.materials[0]
    item = next(i for i in body["results"] if i["id"] == first.pk)
    assert item["url"] == f"http://testserver{first.get_absolute_url()}"
    assert item["subject"] == "toan"
    assert item["grade_levels"] == ["6", "10"]
    assert item["authors"] == [{"name": "Nguyễn Thị Lan"}]
    assert sorted(item["keywords"]) == ["luyện tập", "ôn thi"]
    assert item["file"]["mime_type"] == "application/pdf"
    assert item["file"]["url"] == (
        f"http://testserver/materials/{item['id']}/download/"
    )
    assert item["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("subject=vat-ly", {"Bài giảng điện học", "Video thí nghiệm"}),
        ("subject=vat-ly&subject=toan", None),
        ("grade=10", {"Phiếu bài tập phân số"}),
        ("grade=1", {"Đề kiểm tra hình học"}),
        ("language=en", {"Video thí nghiệm"}),
        ("licence=cc-by-sa", {"Bài giảng điện học"}),
        ("material_type=assessment", {"Đề kiểm tra hình học"}),
        ("subject=toan&material_type=worksheet", {"Phiếu bài tập phân số"}),
    ],
)
def test_materials_filter_by_search_facets(client, repository, query, expected):
    response = client.get(f"/api/v1/materials/?{query}")
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["results"]}
    assert titles == (expected or {m.title for m in repository.materials})


def test_unknown_facet_value_is_a_json_error_naming_the_field(client, repository):
    response = client.get("/api/v1/materials/?subject=alchemy")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "subject" in error["details"]


def test_pagination_limits_and_links(client, repository):
    response = client.get("/api/v1/materials/?page_size=3")
    body = response.json()
    assert len(body["results"]) == 3
    assert body["next"].endswith("page=2&page_size=3")
    second = client.get(body["next"]).json()
    assert len(second["results"]) == 1
    beyond = client.get("/api/v1/materials/?page=9")
    assert beyond.status_code == 404
    assert beyond.json()["error"]["code"] == "not_found"


def test_draft_material_detail_is_not_found_with_stable_shape(client, repository):
    draft = MaterialFactory()
    response = client.get(f"/api/v1/materials/{draft.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Not found.", "details": {}}
    }
    in_vietnamese = client.get(f"/api/v1/materials/{draft.pk}/").json()
    assert in_vietnamese["error"]["code"] == "not_found"
    assert in_vietnamese["error"]["message"] == "Không tìm thấy."


def test_course_list_and_detail_with_outline(client, repository):
    course = repository.courses[0]
    listing = client.get("/api/v1/courses/?subject=sinh-hoc").json()
    assert [c["id"] for c in listing["results"]] == [course.pk]
    detail = client.get(f"/api/v1/courses/{course.pk}/").json()
    assert detail["learning_outcomes"] == [
        "Mô tả cấu trúc tế bào",
        "Giải thích quang hợp",
    ]
    assert detail["estimated_hours"] == 2.5
    assert detail["teachers"] == [{"name": "Nguyễn Thị Lan"}]
    [module] = detail["modules"]
    assert module["title"] == "Chương 1"
    assert [lesson["title"] for lesson in module["lessons"]] == ["Bài 1: Tế bào"]
    assert module["lessons"][0]["estimated_minutes"] == 20


def test_unpublished_course_disappears(client, repository):
    course = repository.courses[1]
    course.unpublish()
    assert client.get(f"/api/v1/courses/{course.pk}/").status_code == 404


def test_conditional_get_answers_304_until_content_changes(client, repository):
    first = client.get("/api/v1/materials/")
    etag = first["ETag"]
    assert etag.startswith('"')
    again = client.get("/api/v1/materials/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    material = repository.materials[0]
    material.title = "Tên mới"
    material.save_revision().publish()
    changed = client.get("/api/v1/materials/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_anonymous_clients_are_rate_limited(client, repository, settings):
    settings.API_ANON_RATE = "3/minute"
    statuses = [client.get("/api/v1/courses/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/courses/")
    assert limited.json()["error"]["code"] == "throttled"
    assert int(limited["Retry-After"]) > 0


def test_token_clients_get_their_own_limit(client, repository, settings):
    settings.API_ANON_RATE = "1/minute"
    settings.API_USER_RATE = "5/minute"
    user = StudentFactory()
    token = Token.objects.create(user=user)
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    statuses = [client.get("/api/v1/courses/", **auth).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


def test_token_is_issued_for_credentials_and_identifies_the_user(client, db):
    user = StudentFactory(display_name="Trần Minh")
    issued = client.post(
        "/api/v1/auth/token/", {"username": user.username, "password": PASSWORD}
    )
    assert issued.status_code == 200
    key = issued.json()["token"]
    me = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert me.json()["public_name"] == "Trần Minh"
    assert me["Cache-Control"].startswith("private")


def test_wrong_credentials_and_bad_tokens_are_json_errors(client, db):
    user = StudentFactory()
    refused = client.post(
        "/api/v1/auth/token/", {"username": user.username, "password": "wrong"}
    )
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "invalid"
    bad = client.get("/api/v1/me/", HTTP_AUTHORIZATION="Token nope")
    assert bad.status_code == 401
    assert bad.json()["error"]["code"] == "authentication_failed"
    anonymous = client.get("/api/v1/me/")
    assert anonymous.status_code in (401, 403)
    assert anonymous.json()["error"]["code"] == "not_authenticated"


def test_openapi_schema_is_valid_and_lists_the_endpoints(client, db):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert {
        "/api/v1/materials/",
        "/api/v1/courses/{id}/",
        "/api/v1/me/",
        "/api/v1/search/",
        "/search/suggest/",
    } <= set(schema["paths"])


def test_docs_are_served_from_local_static_files(client, db):
    for path in ("/api/v1/docs/", "/api/v1/redoc/"):
        html = client.get(path).content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        assert "cdn." not in html and "unpkg" not in html


@pytest.mark.parametrize("raw_id", ["99999999999999999999999", "-1", "abc"])
def test_impossible_ids_are_not_found(client, db, raw_id):
    for kind in ("materials", "courses"):
        response = client.get(f"/api/v1/{kind}/{raw_id}/")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"path": "/api/v1/materials/", "HTTP_AUTHORIZATION": "Token ab\x00cd"},
        {"path": "/api/v1/materials/%00/"},
        {"path": "/api/v1/courses/", "data": {"subject": "to\x00an"}},
        {"path": "/api/v1/me/", "cookie": "abcdefgh\x00ijk"},
    ],
)
def test_nul_characters_are_refused_with_400(client, db, request_kwargs):
    """A NUL would reach PostgreSQL as an error; it is refused up front instead."""
    kwargs = dict(request_kwargs)
    if "cookie" in kwargs:
        client.cookies["sessionid"] = kwargs.pop("cookie")
    response = client.get(kwargs.pop("path"), kwargs.pop("data", None), **kwargs)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_malformed_token_is_refused_without_a_lookup(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/api/v1/me/", HTTP_AUTHORIZATION="Token not-a-key")
    assert response.status_code == 401


def test_published_since_accepts_any_iso_offset(client, repository):
    """Offsets beyond what the database stores are converted to UTC first."""
    response = client.get(
        "/api/v1/materials/", {"published_since": "1238-01-27T10:24:48+18:23"}
    )
    assert response.status_code == 200
    assert response.json()["count"] == 4
    future = client.get(
        "/api/v1/materials/", {"published_since": "2999-01-01T00:00:00Z"}
    )
    assert future.json()["count"] == 0
    overflow = client.get(
        "/api/v1/materials/", {"published_since": "0001-01-01T00:00:00+05:00"}
    )
    assert overflow.status_code == 400
    assert "published_since" in overflow.json()["error"]["details"]
