from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from lti.services.registrations import registration_create
from tests.lti.platform import CLIENT_ID, DEPLOYMENT_ID, ISSUER, Platform


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages in English, so tests read the rule each refusal names."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def platform():
    running = Platform()
    running.start()
    yield running
    running.stop()


@pytest.fixture
def registration(db, platform, client):
    """The platform registered by a site administrator, its keys by URL; the
    platform then reads the tool's published key set, as an LMS does."""
    registered = registration_create(
        name="THPT Example Moodle",
        issuer=ISSUER,
        client_id=CLIENT_ID,
        auth_login_url=f"{platform.base_url}/auth",
        auth_token_url=f"{platform.base_url}/token",
        key_set_url=f"{platform.base_url}/jwks",
        deployment_ids=f"{DEPLOYMENT_ID}\n",
    )
    platform.tool_jwks = client.get("/lti/jwks.json").json()
    return registered


def start_login(client, target_link_uri: str = "https://tool.example/x") -> dict:
    """The platform's login initiation; the tool's authorisation request."""
    response = client.get(
        "/lti/login/",
        {
            "iss": ISSUER,
            "login_hint": "42",
            "target_link_uri": target_link_uri,
            "client_id": CLIENT_ID,
            "lti_deployment_id": DEPLOYMENT_ID,
        },
    )
    assert response.status_code == 302, response.content
    return {k: v[0] for k, v in parse_qs(urlsplit(response["Location"]).query).items()}
