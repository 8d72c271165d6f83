"""Every HTML page carries its area's Content-Security-Policy and the other
security headers; inline scripts run only with the response's own nonce."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from lms.env import ConfigurationError, env_origins
from lms.security_headers import policy_for
from tests.factories import (
    CuratorFactory,
    LessonPageFactory,
    PublishedMaterialFactory,
)

pytestmark = pytest.mark.django_db

# Script types a browser does not run: data blocks need no nonce.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def header_nonce(response) -> str | None:
    for source in directives(response)["script-src"]:
        if source.startswith("'nonce-"):
            return source.removeprefix("'nonce-").rstrip("'")
    return None


def inline_scripts(response) -> list:
    document = lxml_html.fromstring(response.content)
    return [
        script
        for script in document.iter("script")
        if not script.get("src")
        and script.get("type", "text/javascript") not in DATA_SCRIPT_TYPES
    ]


def assert_inline_scripts_carry_the_nonce(response) -> None:
    nonce = header_nonce(response)
    for script in inline_scripts(response):
        assert nonce and script.get("nonce") == nonce, lxml_html.tostring(script)


def assert_no_inline_handlers(response) -> None:
    document = lxml_html.fromstring(response.content)
    for element in document.iter():
        handlers = [name for name in element.attrib if name.startswith("on")]
        assert not handlers, lxml_html.tostring(element)[:200]
    assert b"javascript:" not in response.content


@pytest.fixture
def public_paths(home_page) -> list[str]:
    lesson = LessonPageFactory()
    course = lesson.get_parent().get_parent()
    material = PublishedMaterialFactory()
    return [
        "/",
        "/courses/",
        course.url,
        lesson.url,
        material.get_absolute_url(),
        "/materials/",
        "/search/?q=ph%C3%A2n+s%E1%BB%91",
        reverse("accounts:login"),
        reverse("accounts:signup"),
        "/no-such-page/",
    ]


def test_public_pages_run_only_the_sites_own_scripts(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response.status_code in {200, 404}, path
        policy = directives(response)
        assert policy["script-src"][0] == "'self'", path
        assert "'unsafe-inline'" not in policy["script-src"], path
        assert "'unsafe-eval'" not in policy["script-src"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["base-uri"] == ["'self'"], path
        assert policy["frame-ancestors"] == ["'self'"], path
        assert "upgrade-insecure-requests" in policy, path
        assert_inline_scripts_carry_the_nonce(response)
        assert_no_inline_handlers(response)


def test_public_pages_send_the_other_security_headers(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert response["X-Frame-Options"] == "SAMEORIGIN", path
        permissions = response["Permissions-Policy"]
        assert "camera=()" in permissions, path
        assert "fullscreen=(self)" in permissions, path


def test_a_page_without_inline_scripts_names_no_nonce_a_cache_could_share(
    client, home_page
):
    response = client.get("/")

    assert not inline_scripts(response)
    assert header_nonce(response) is None


def test_an_inline_script_runs_with_a_nonce_new_for_each_response(client):
    first = client.get(reverse("api-docs"))
    second = client.get(reverse("api-docs"))

    assert inline_scripts(first)
    assert_inline_scripts_carry_the_nonce(first)
    assert_inline_scripts_carry_the_nonce(second)
    assert header_nonce(first) != header_nonce(second)


def test_the_wagtail_admin_has_its_own_policy_for_its_inline_scripts(client):
    curator = Client()
    curator.force_login(CuratorFactory())
    for response in (
        client.get(reverse("wagtailadmin_login")),
        curator.get(reverse("wagtailadmin_home")),
    ):
        assert response.status_code == 200
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]


def test_django_admin_keeps_the_strict_policy(client):
    response = client.get("/django-admin/login/")

    assert directives(response)["script-src"] == ["'self'"]
    assert_inline_scripts_carry_the_nonce(response)


def test_a_download_keeps_its_own_sandbox(client):
    material = PublishedMaterialFactory()

    response = client.get(reverse("materials:download", args=[material.pk]))

    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_media_from_an_object_store_is_allowed_from_its_origins(settings):
    options = {"bucket_name": "hoclieu", "custom_domain": "media.hoclieu.vn"}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "materials": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "hoclieu", "endpoint_url": "https://s3.vn:9000"},
        },
    }
    settings.CSP_EXTRA_ORIGINS = ["https://cdn.example.vn"]

    policy = policy_for("/", nonce=None)

    img_src = next(part for part in policy.split("; ") if part.startswith("img-src"))
    assert img_src.split()[1:] == [
        "'self'",
        "data:",
        "blob:",
        "https://media.hoclieu.vn",
        "https://s3.vn:9000",
        "https://hoclieu.s3.vn:9000",
        "https://cdn.example.vn",
    ]


def test_sign_in_forms_may_hand_over_to_the_identity_provider(settings):
    settings.SINGLE_SIGN_ON_ENABLED = True
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://sso.vneid.gov.vn/oauth/auth"

    policy = policy_for("/accounts/login/", nonce=None)

    assert "form-action 'self' https://sso.vneid.gov.vn" in policy


def test_report_only_mode_reports_without_blocking(client, settings, home_page):
    settings.CSP_REPORT_ONLY = True
    settings.CSP_REPORT_URI = "https://reports.example.vn/csp"

    response = client.get("/")

    assert "Content-Security-Policy" not in response
    report_only = response["Content-Security-Policy-Report-Only"]
    assert report_only.endswith("report-uri https://reports.example.vn/csp")


def test_extra_origins_must_be_bare_origins(monkeypatch):
    monkeypatch.setenv("CSP_EXTRA_ORIGINS", "https://cdn.example.vn; script-src *")

    with pytest.raises(ConfigurationError, match="CSP_EXTRA_ORIGINS"):
        env_origins("CSP_EXTRA_ORIGINS")
