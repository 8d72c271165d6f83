"""Where the credential signing keys come from, and what happens without one."""

import io
import json
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from courses import credentials
from courses.checks import credential_key_check
from courses.models import Certificate
from tests.factories import CertificateFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_file(settings, tmp_path):
    path = tmp_path / "keys" / "credentials.json"
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_KEY_FILE = str(path)
    return path


@pytest.fixture
def no_key(settings):
    settings.DEBUG = False
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_KEY_FILE = ""


def keygen(*args: str) -> None:
    call_command("credentials_keygen", *args, stdout=io.StringIO())


def download(client, certificate):
    url = reverse("courses:certificate_json", args=[certificate.code])
    return client.get(url)


def test_keygen_writes_a_private_key_file_that_signs(client, key_file):
    keygen()

    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    data = json.loads(key_file.read_text())
    assert data["active"]["secretKeyMultibase"].startswith("z")
    credential = download(client, CertificateFactory()).json()
    assert credential["proof"][0]["verificationMethod"].endswith(data["active"]["id"])


def test_keygen_refuses_to_overwrite_without_force(key_file):
    keygen()
    before = key_file.read_text()

    with pytest.raises(CommandError, match="already exists. Use --rotate"):
        keygen()
    assert key_file.read_text() == before

    keygen("--force")
    assert key_file.read_text() != before


def test_rotation_keeps_earlier_credentials_verifying(client, key_file):
    keygen()
    certificate = CertificateFactory()
    signed_before = download(client, certificate).json()

    keygen("--rotate")

    assert credentials.verify_credential(signed_before)
    signed_after = download(client, certificate).json()
    assert signed_after["proof"] != signed_before["proof"]
    document = client.get("/.well-known/did.json").json()
    listed = [method["id"] for method in document["verificationMethod"]]
    assert listed == [
        signed_after["proof"][0]["verificationMethod"],
        signed_before["proof"][0]["verificationMethod"],
    ]
    assert document["assertionMethod"] == listed


def test_rotating_without_a_key_file_is_refused(key_file):
    with pytest.raises(CommandError, match="no key to rotate"):
        keygen("--rotate")


def test_a_development_site_makes_its_own_key(client, settings):
    settings.DEBUG = True
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_KEY_FILE = ""

    assert credential_key_check() == []
    credential = download(client, CertificateFactory()).json()

    assert credential["proof"]
    assert (settings.VAR_DIR / "credentials-key.json").exists()


def test_without_a_key_the_learner_still_earns_the_certificate(
    client, tree, learner, no_key, settings, tmp_path
):
    """An operator's missing key must not cost a learner their completed
    course: the certificate is issued, and its credential is signed as soon
    as a key is set up (signing happens when the credential is served)."""
    EnrolmentFactory(learner=learner, course=tree.course)

    tree.complete_required(learner)

    certificate = Certificate.objects.get(learner=learner)
    assert download(client, certificate).status_code == 503
    settings.CREDENTIALS_KEY_FILE = str(tmp_path / "key.json")
    keygen("--file", settings.CREDENTIALS_KEY_FILE)
    assert download(client, certificate).json()["proof"]


def test_without_a_key_the_credential_download_says_why(client, no_key):
    certificate = CertificateFactory()

    response = download(client, certificate)

    assert response.status_code == 503
    assert "signing key is not set up" in response.json()["error"]


def test_the_system_check_names_a_missing_key_in_one_line(no_key):
    [problem] = credential_key_check()

    assert problem.id == "courses.E001"
    assert "set CREDENTIALS_SIGNING_KEY or CREDENTIALS_KEY_FILE" in problem.msg
    assert "\n" not in problem.msg


@pytest.mark.parametrize("value", ["not-a-key", "zabc", "z" + "1" * 40])
def test_a_malformed_signing_key_is_named(settings, no_key, value):
    settings.CREDENTIALS_SIGNING_KEY = value

    [problem] = credential_key_check()

    assert problem.msg.startswith("CREDENTIALS_SIGNING_KEY is not an Ed25519")


@pytest.mark.parametrize(
    "content, message",
    [
        ("{", "cannot be read"),
        ('{"retired": []}', 'has no "active" key'),
        ('{"active": {"id": "k", "secretKeyMultibase": "zzz"}}', "not an Ed25519"),
    ],
)
def test_a_malformed_key_file_is_named(key_file, settings, content, message):
    settings.DEBUG = False
    key_file.parent.mkdir(parents=True)
    key_file.write_text(content)

    [problem] = credential_key_check()

    assert str(key_file) in problem.msg
    assert message in problem.msg


def test_a_named_key_file_that_is_missing_is_reported_even_in_development(
    key_file, settings
):
    settings.DEBUG = True

    [problem] = credential_key_check()

    assert f"{key_file} does not exist" in problem.msg
