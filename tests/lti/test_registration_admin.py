"""Site administrators register LMS platforms in the Wagtail admin."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from accounts.roles import Role
from lti.models import Registration
from tests.factories.accounts import TeacherFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Moodle THPT Chu Văn An",
    "issuer": "https://moodle.chuvanan.example.vn",
    "client_id": "abc123",
    "auth_login_url": "https://moodle.chuvanan.example.vn/mod/lti/auth.php",
    "auth_token_url": "https://moodle.chuvanan.example.vn/mod/lti/token.php",
    "key_set_url": "https://moodle.chuvanan.example.vn/mod/lti/certs.php",
    "key_set": "null",
    "deployment_ids": "1\n2",
    "is_active": "on",
}


@pytest.fixture
def administrator(client):
    admin = UserFactory(roles=[Role.SITE_ADMINISTRATOR])
    client.force_login(admin)
    return admin


def test_a_registration_gets_a_key_and_shows_the_urls_to_paste(client, administrator):
    response = client.post(reverse("lti_platforms:add"), FORM)

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert registration.deployments == ["1", "2"]
    assert "BEGIN PRIVATE KEY" in registration.tool_private_key
    page = client.get(response["Location"]).content.decode()
    for url in ("/lti/login/", "/lti/launch/", "/lti/jwks.json"):
        assert f"http://testserver{url}" in page
    published = client.get("/lti/jwks.json").json()["keys"]
    assert [key["kid"] for key in published] == [registration.tool_key_id]
    assert "d" not in published[0]  # the private exponent never leaves


def test_a_registration_without_keys_or_deployments_is_refused(client, administrator):
    response = client.post(
        reverse("lti_platforms:add"), {**FORM, "key_set_url": "", "deployment_ids": ""}
    )

    html = response.content.decode()
    assert "or paste its keys below" in html
    assert "Give at least one deployment id." in html
    assert not Registration.objects.exists()


def test_pasted_keys_must_be_a_key_set(client, administrator):
    response = client.post(
        reverse("lti_platforms:add"),
        {**FORM, "key_set_url": "", "key_set": json.dumps({"keys": [{"kty": "RSA"}]})},
    )

    assert "Key 1 is not an RSA public key" in response.content.decode()
    assert not Registration.objects.exists()


def test_teachers_cannot_register_platforms(client):
    client.force_login(TeacherFactory())

    response = client.get(reverse("lti_platforms:add"))

    assert response.status_code in (302, 403)
    assert not Registration.objects.exists()
