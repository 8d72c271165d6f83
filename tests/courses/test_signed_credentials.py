"""A certificate's Open Badges 3.0 credential is signed and checks out."""

import copy
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.urls import reverse

from courses import credentials
from courses.credentials import status_list
from courses.credentials.loader import (
    CONTEXT_FILES,
    UnknownDocumentError,
    local_loader,
)
from courses.credentials.multibase import secret_key_from_multibase
from courses.credentials.proof import canonical_nquads, sign
from courses.models import Certificate
from courses.services import certificate_revoke
from tests.factories import CertificateFactory, CuratorFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential.json"
VECTORS = Path(__file__).parent / "credential_vectors"


@pytest.fixture
def certificate(tree, learner):
    return CertificateFactory(
        learner=learner,
        course=tree.course,
        learner_name="Nguyễn Thị Hương",
        course_title="Sinh học 6: Quang hợp",
    )


def download(client, certificate):
    return client.get(reverse("courses:certificate_json", args=[certificate.code]))


class TestIndependentVerifier:
    def test_an_issued_certificate_verifies(self, client, tree, learner, java_verify):
        EnrolmentFactory(learner=learner, course=tree.course)
        tree.complete_required(learner)

        credential = download(client, Certificate.objects.get()).json()

        verdict = java_verify(credential)
        assert verdict.valid, verdict.output

    def test_one_changed_letter_fails(self, client, certificate, java_verify):
        credential = download(client, certificate).json()
        credential["credentialSubject"]["achievement"]["name"] = "Sinh học 7: Quang hợp"

        verdict = java_verify(credential)

        assert not verdict.valid
        assert "InvalidSignature" in verdict.output

    def test_a_retired_key_still_verifies(
        self, client, certificate, java_verify, settings, tmp_path
    ):
        settings.CREDENTIALS_SIGNING_KEY = ""
        settings.CREDENTIALS_KEY_FILE = str(tmp_path / "keys.json")
        keygen = io.StringIO()
        call_command("credentials_keygen", stdout=keygen)
        signed_before = download(client, certificate).json()

        call_command("credentials_keygen", "--rotate", stdout=keygen)

        verdict = java_verify(signed_before)
        assert verdict.valid, verdict.output
        assert java_verify(download(client, certificate).json()).valid

    def test_a_key_the_issuer_does_not_list_fails(
        self, client, certificate, java_verify, settings
    ):
        credential = download(client, certificate).json()
        settings.CREDENTIALS_SIGNING_KEY = ""  # a development key of its own
        settings.DEBUG = True

        verdict = java_verify(credential)

        assert not verdict.valid


def test_the_downloaded_credential_carries_a_proof_by_the_sites_did(
    client, certificate, settings
):
    settings.SITE_URL = "https://hoclieu.example.vn"

    credential = download(client, certificate).json()

    [proof] = credential["proof"]
    assert credential["issuer"]["id"] == "did:web:hoclieu.example.vn"
    assert credential["issuer"]["type"] == ["Profile"]
    assert credential["issuer"]["name"] == "Kho học liệu số"
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["verificationMethod"].startswith("did:web:hoclieu.example.vn#key-")
    assert proof["proofValue"].startswith("z")
    assert credentials.verify_credential(credential) == proof["verificationMethod"]


def test_the_signature_is_the_specifications_own(monkeypatch):
    """The eddsa-rdfc-2022 test vector: same document, key and time, same bytes."""
    examples = "https://www.w3.org/ns/credentials/examples/v2"
    monkeypatch.setitem(
        CONTEXT_FILES, examples, str(VECTORS / "credentials-examples-v2.jsonld")
    )
    keys = json.loads((VECTORS / "keyPair.json").read_text())
    seed = secret_key_from_multibase(keys["privateKeyMultibase"])
    public = keys["publicKeyMultibase"]

    signed = sign(
        json.loads((VECTORS / "unsigned.json").read_text()),
        private_key=Ed25519PrivateKey.from_private_bytes(seed),
        verification_method=f"did:key:{public}#{public}",
        created=datetime(2023, 2, 24, 23, 36, 38, tzinfo=UTC),
    )

    expected = (VECTORS / "sigBTC58DataInt.txt").read_text().strip()
    assert signed["proof"][0]["proofValue"] == expected


def test_every_download_is_the_same_bytes(client, certificate):
    assert (
        download(client, certificate).content == download(client, certificate).content
    )


def test_one_changed_letter_breaks_the_signature(client, certificate):
    credential = download(client, certificate).json()
    forged = copy.deepcopy(credential)
    forged["credentialSubject"]["achievement"]["name"] = "Sinh học 7: Quang hợp"

    with pytest.raises(credentials.ProofError, match="does not match"):
        credentials.verify_credential(forged)


def test_the_credential_meets_the_open_badges_3_schema(client, certificate):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    jsonschema.validate(download(client, certificate).json(), schema)


def test_the_issuer_publishes_its_did_document(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"

    response = client.get("/.well-known/did.json")

    document = response.json()
    assert response["Content-Type"] == "application/did+json"
    assert "max-age=300" in response["Cache-Control"]
    assert document["id"] == "did:web:127.0.0.1%3A8000"
    [method] = document["verificationMethod"]
    assert method["type"] == "Multikey"
    assert method["controller"] == document["id"]
    assert method["publicKeyMultibase"].startswith("z6Mk")
    assert document["assertionMethod"] == [method["id"]]


def test_the_loader_refuses_any_document_not_shipped(certificate):
    with pytest.raises(UnknownDocumentError, match="is never fetched"):
        local_loader("https://example.com/evil-context.jsonld")
    assert local_loader("https://www.w3.org/ns/credentials/v2")["document"]


def test_a_credential_naming_an_unknown_context_is_not_signed():
    document = {"@context": ["https://example.com/other"], "name": "x"}

    with pytest.raises(UnknownDocumentError, match="example.com/other"):
        canonical_nquads(document)


class TestRevocationList:
    def revocations(self, client):
        return client.get(reverse("courses:certificate_revocations")).json()

    def test_each_credential_names_its_bit_in_the_list(self, client, certificate):
        credential = download(client, certificate).json()

        status = credential["credentialStatus"]
        assert status["type"] == "BitstringStatusListEntry"
        assert status["statusPurpose"] == "revocation"
        assert status["statusListIndex"] == str(certificate.pk)
        assert status["statusListCredential"].endswith("/credentials/revocations.json")

    def test_revoking_sets_the_certificates_bit(self, client, certificate):
        other = CertificateFactory()
        before = self.revocations(client)

        certificate_revoke(
            certificate=certificate, revoked_by=CuratorFactory(), reason="Gian lận"
        )

        after = self.revocations(client)
        bits = status_list.decode_bits(after["credentialSubject"]["encodedList"])
        assert len(bits) * 8 == status_list.MIN_BITS
        assert status_list.is_set(bits, certificate.pk)
        assert not status_list.is_set(bits, other.pk)
        earlier = status_list.decode_bits(before["credentialSubject"]["encodedList"])
        assert not status_list.is_set(earlier, certificate.pk)
        assert credentials.verify_credential(after)

    def test_the_list_reads_the_same_until_something_is_revoked(
        self, client, certificate
    ):
        url = reverse("courses:certificate_revocations")

        assert client.get(url).content == client.get(url).content

    def test_the_independent_verifier_accepts_the_signed_list(
        self, client, certificate, java_verify
    ):
        certificate_revoke(
            certificate=certificate, revoked_by=CuratorFactory(), reason="Gian lận"
        )

        verdict = java_verify(self.revocations(client))

        assert verdict.valid, verdict.output
