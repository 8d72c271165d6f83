"""The independent verifier reads a certificate's revocation bit from the
site's signed status list, so a revoked certificate is reported revoked by
code that is not the site's own."""

import base64
import gzip

import pytest
from django.urls import reverse

from courses.credentials import status_list
from courses.services import certificate_revoke
from tests.factories import CertificateFactory, CuratorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(tree, learner):
    return CertificateFactory(learner=learner, course=tree.course)


def credential_of(client, certificate) -> dict:
    url = reverse("courses:certificate_json", args=[certificate.code])
    return client.get(url).json()


def revocations(client) -> dict:
    return client.get(reverse("courses:certificate_revocations")).json()


def revoke(certificate) -> None:
    certificate_revoke(
        certificate=certificate, revoked_by=CuratorFactory(), reason="Gian lận"
    )


def test_a_certificate_on_the_current_list_is_valid(client, certificate, java_verify):
    verdict = java_verify(
        credential_of(client, certificate), status_list=revocations(client)
    )

    assert verdict.valid, verdict.output
    assert verdict.output == "VALID"


def test_a_revoked_certificate_is_reported_revoked(client, certificate, java_verify):
    credential = credential_of(client, certificate)
    assert java_verify(credential, status_list=revocations(client)).valid

    revoke(certificate)
    verdict = java_verify(credential, status_list=revocations(client))

    assert not verdict.valid
    assert verdict.revoked, verdict.output
    assert f"bit {certificate.pk} of " in verdict.output


def test_another_certificate_on_the_same_list_stays_valid(
    client, certificate, java_verify
):
    other = CertificateFactory()
    other_credential = credential_of(client, other)
    revoke(certificate)

    verdict = java_verify(other_credential, status_list=revocations(client))

    assert verdict.valid, verdict.output


def test_a_list_with_one_changed_character_fails_its_signature(
    client, certificate, java_verify
):
    credential = credential_of(client, certificate)
    forged = revocations(client)
    subject = forged["credentialSubject"]
    last = subject["encodedList"][-1]
    subject["encodedList"] = subject["encodedList"][:-1] + ("B" if last == "A" else "A")

    verdict = java_verify(credential, status_list=forged)

    assert not verdict.valid
    assert not verdict.revoked
    assert "InvalidSignature" in verdict.output


def test_a_forged_bit_fails_the_lists_signature(client, certificate, java_verify):
    """Setting the certificate's bit by hand is refused: only the issuer's
    signed list can revoke."""
    credential = credential_of(client, certificate)
    honest = revocations(client)
    revoke(certificate)
    forged = honest | {"credentialSubject": revocations(client)["credentialSubject"]}

    verdict = java_verify(credential, status_list=forged)

    assert not verdict.revoked
    assert "InvalidSignature" in verdict.output


def test_without_the_list_a_revoked_certificate_is_checked_as_before(
    client, certificate, java_verify
):
    credential = credential_of(client, certificate)
    revoke(certificate)

    assert java_verify(credential).valid


def test_the_list_is_encoded_as_the_specification_says():
    """Multibase base64url without padding of GZIP data, index 0 being the
    most significant bit of the first byte: what any verifier reads."""
    encoded = status_list.encode_bits([0, 9, 15], length=status_list.MIN_BITS)

    assert encoded.startswith("u")
    assert "=" not in encoded
    body = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert len(bits) == status_list.MIN_BITS // 8
    assert bits[:3] == bytes([0b1000_0000, 0b0100_0001, 0])
    assert not any(bits[3:])
