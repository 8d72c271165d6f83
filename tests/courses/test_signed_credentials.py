"""A certificate's Open Badges 3.0 credential is signed and checks out."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from django.urls import reverse

from courses import credentials
from courses.credentials.loader import UnknownDocumentError, local_loader
from courses.credentials.proof import canonical_nquads
from tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential.json"


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
