"""Signing in through an OpenID Connect provider, against a real local provider."""

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
import jwt
import pytest
from django.contrib.auth import get_user
from django.utils import translation

from accounts.models import User
from accounts.roles import Role
from courses.certificate_files import certificate_credential
from courses.credentials.checking import Outcome, check_credential
from tests.factories import CertificateFactory, UserFactory

pytestmark = pytest.mark.django_db

SCHEMA = (
    Path(__file__).parents[1] / "courses/schemas/ob_v3p0_achievementcredential.json"
)
CLIENT_ID = "hoclieu"
CLIENT_SECRET = "a-shared-secret-of-enough-length-for-hs256"


class Provider(BaseHTTPRequestHandler):
    """Token and userinfo endpoints of an identity provider."""

    claims: dict = {}
    nonce: str = ""

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        assert form["client_id"] == [CLIENT_ID]
        id_token = jwt.encode(
            {
                "iss": "http://provider",
                "aud": CLIENT_ID,
                "sub": "citizen-001",
                "nonce": Provider.nonce,
                "iat": int(time.time()),
                "exp": int(time.time()) + 300,
            },
            CLIENT_SECRET,
            algorithm="HS256",
        )
        self._json({"access_token": "opaque", "id_token": id_token})

    def do_GET(self):
        self._json(Provider.claims)

    def _json(self, body):
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    settings.SINGLE_SIGN_ON_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_RP_SCOPES = "openid email profile"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{base}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{base}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{base}/userinfo"
    settings.AUTHENTICATION_BACKENDS = [
        "accounts.oidc.IdentityProviderBackend",
        "accounts.backends.RateLimitedModelBackend",
    ]
    yield Provider
    server.shutdown()


def sign_in_through(client, provider, claims):
    provider.claims = claims
    start = client.get("/sso/authenticate/")
    assert start.status_code == 302
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["client_id"] == [CLIENT_ID]
    provider.nonce = query["nonce"][0]
    return client.get(
        "/sso/callback/", {"code": "one-time-code", "state": query["state"][0]}
    )


def test_first_sign_in_creates_a_student_with_the_providers_profile(client, provider):
    response = sign_in_through(
        client,
        provider,
        {
            "email": "nguyen.an@vneid.example",
            "email_verified": True,
            "name": "Nguyễn Văn An",
            "locale": "vi-VN",
        },
    )

    assert response.status_code == 302
    user = get_user(client)
    assert user.is_authenticated
    assert user.email == "nguyen.an@vneid.example"
    assert user.public_name == "Nguyễn Văn An"
    assert user.has_role(Role.STUDENT)
    assert not user.has_usable_password()


def test_sign_in_matches_an_existing_account_by_email(client, provider):
    teacher = UserFactory(email="co.lan@truong.edu.vn")

    sign_in_through(
        client, provider, {"email": "CO.LAN@truong.edu.vn", "email_verified": True}
    )

    assert get_user(client).pk == teacher.pk
    assert User.objects.count() == 1


def test_an_unverified_email_is_refused_and_no_account_is_made(client, provider):
    UserFactory(email="victim@truong.edu.vn")

    response = sign_in_through(
        client, provider, {"email": "victim@truong.edu.vn", "email_verified": False}
    )

    assert response.status_code == 302
    assert not get_user(client).is_authenticated
    assert User.objects.count() == 1


def test_single_sign_on_addresses_are_absent_when_not_configured(client, settings):
    settings.SINGLE_SIGN_ON_ENABLED = False

    assert client.get("/sso/authenticate/").status_code == 404
    assert client.get("/sso/callback/").status_code == 404


def test_the_sign_in_with_provider_link_shows_only_when_configured(
    client, provider, settings, home_page
):
    # Configuration changes between two requests here, not by a restart.
    settings.PAGE_CACHE_SECONDS = 0
    settings.SINGLE_SIGN_ON_PROVIDER_NAME = "VNeID"
    assert "/sso/authenticate/" in client.get("/").content.decode()

    settings.SINGLE_SIGN_ON_ENABLED = False
    assert "/sso/authenticate/" not in client.get("/").content.decode()


def test_the_e_id_reaches_certificates_only_as_a_salted_fingerprint(client, provider):
    """Signing in with the e-ID keeps no e-ID number, only its salted hash;
    certificates carry that hash as an Open Badges identity, so a verifier
    holding the person's e-ID can match it; signing in again keeps it."""
    claims = {
        "sub": "079201001234",
        "email": "nguyen.an@vneid.example",
        "email_verified": True,
        "name": "Nguyễn Văn An",
    }
    sign_in_through(client, provider, claims)
    user = User.objects.get(email="nguyen.an@vneid.example")
    stored = json.dumps(list(User.objects.filter(pk=user.pk).values()), default=str)

    credential = certificate_credential(CertificateFactory(learner=user))
    client.logout()
    sign_in_through(client, provider, claims)

    assert "079201001234" not in stored
    identity = credential["credentialSubject"]["identifier"][1]
    assert identity["type"] == "IdentityObject"
    assert (identity["identityType"], identity["hashed"]) == ("identifier", True)
    expected = hashlib.sha256(("079201001234" + identity["salt"]).encode())
    assert identity["identityHash"] == "sha256$" + expected.hexdigest()
    jsonschema.validate(credential, json.loads(SCHEMA.read_text()))
    assert check_credential(json.dumps(credential)).outcome == Outcome.PASSED
    identity["salt"] = "0" * 32  # the fingerprint is signed with its salt
    assert check_credential(json.dumps(credential)).outcome == Outcome.FAILED
    assert User.objects.get(pk=user.pk).identity_hash == identity["identityHash"]


def test_a_new_account_from_the_provider_gets_wagtail_emails_in_its_language(
    client, provider
):
    sign_in_through(
        client,
        provider,
        {"email": "lan.anh@truong.edu.vn", "email_verified": True, "locale": "en-GB"},
    )

    created = User.objects.get(email="lan.anh@truong.edu.vn")
    with translation.override("vi"):
        assert created.wagtail_userprofile.get_preferred_language() == "en"
