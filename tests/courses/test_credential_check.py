"""Anyone can check a credential, ours or another issuer's, on the site or
with ``manage.py credentials_verify``, and read what holds in their language."""

import copy
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from courses.credentials.checking import Outcome, check_credential
from courses.credentials.keys import raw_public_key
from courses.credentials.multibase import public_key_multibase
from courses.credentials.proof import sign
from courses.services import certificate_revoke
from tests.factories import CertificateFactory, CuratorFactory

pytestmark = pytest.mark.django_db
CHECK_URL = reverse("courses:credential_check")


@pytest.fixture
def credential(client, tree, learner) -> dict:
    """Our signed credential for a certificate, as a learner downloads it."""
    certificate = CertificateFactory(
        learner=learner, course=tree.course, course_title="Sinh học 6: Quang hợp"
    )
    url = reverse("courses:certificate_json", args=[certificate.code])
    document = client.get(url).json()
    document["_certificate"] = certificate
    return document


def ours(credential: dict) -> dict:
    return {k: v for k, v in credential.items() if k != "_certificate"}


def outcomes(report) -> dict[str, Outcome]:
    return {check.name: check.outcome for check in report.checks}


def signed_by_did_key(document: dict) -> dict:
    """``document`` issued and signed by another issuer with a did:key."""
    key = Ed25519PrivateKey.generate()
    public = public_key_multibase(raw_public_key(key))
    issuer = f"did:key:{public}"
    document = copy.deepcopy(document)
    document["issuer"] = {**document["issuer"], "id": issuer, "name": "Trường khác"}
    document.pop("credentialStatus", None)
    return sign(
        document,
        private_key=key,
        verification_method=f"{issuer}#{public}",
        created=datetime(2026, 1, 5, tzinfo=UTC),
    )


def test_our_credential_holds_on_every_check(credential):
    report = check_credential(json.dumps(ours(credential)))

    assert outcomes(report) == {
        "signature": Outcome.PASSED,
        "issuer": Outcome.PASSED,
        "status": Outcome.PASSED,
        "dates": Outcome.PASSED,
    }
    assert report.verdict == "This credential is valid."
    assert report.achievement_name == "Sinh học 6: Quang hợp"


def test_one_changed_letter_breaks_the_signature(credential):
    forged = ours(credential)
    forged["credentialSubject"]["achievement"]["name"] = "Sinh học 7: Quang hợp"

    report = check_credential(json.dumps(forged))

    assert outcomes(report)["signature"] == Outcome.FAILED
    assert report.verdict == "This credential is not valid."


def test_a_revoked_certificate_fails_its_status(credential):
    certificate_revoke(
        certificate=credential["_certificate"],
        revoked_by=CuratorFactory(),
        reason="Gian lận",
    )

    report = check_credential(json.dumps(ours(credential)))

    assert outcomes(report)["status"] == Outcome.FAILED
    assert outcomes(report)["signature"] == Outcome.PASSED
    assert report.outcome == Outcome.FAILED


def test_a_key_of_another_issuer_cannot_sign_for_us(credential):
    """Signed by a did:key but claiming our issuer: the key is not ours."""
    document = signed_by_did_key(ours(credential))
    document["issuer"]["id"] = ours(credential)["issuer"]["id"]

    assert outcomes(check_credential(json.dumps(document)))["signature"] == (
        Outcome.FAILED
    )


def test_another_issuers_did_key_credential_is_checked_as_far_as_possible(
    credential,
):
    report = check_credential(json.dumps(signed_by_did_key(ours(credential))))

    assert outcomes(report) == {
        "signature": Outcome.PASSED,
        "issuer": Outcome.UNKNOWN,
        "status": Outcome.UNKNOWN,
        "dates": Outcome.PASSED,
    }
    assert report.issuer_name == "Trường khác"
    assert report.outcome == Outcome.UNKNOWN


def test_an_expired_credential_says_when_it_expired(credential):
    document = ours(credential)
    document["validUntil"] = (datetime.now(UTC) - timedelta(days=3)).isoformat()

    report = check_credential(json.dumps(signed_by_did_key(document)))

    assert outcomes(report)["dates"] == Outcome.FAILED
    assert "expired on" in next(c.message for c in report.checks if c.name == "dates")


def test_another_sites_did_web_is_not_guessed(credential):
    document = ours(credential)
    document["issuer"]["id"] = "did:web:truong.example.vn"

    check = check_credential(json.dumps(document)).checks[0]

    assert (check.name, check.outcome) == ("signature", Outcome.UNKNOWN)
    assert "did:web:truong.example.vn" in check.message


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "This is not JSON: it breaks off at line 1, column 2"),
        ("[1, 2]", "must be one JSON object"),
        (
            '{"type": ["VerifiableCredential"]}',
            "neither an Open Badges 3.0 credential nor a CLR 2.0",
        ),
        ("x" * 1_000_001, "larger than 1 MB"),
    ],
)
def test_input_that_is_no_credential_is_named(text, message):
    report = check_credential(text)

    assert message in report.problem
    assert report.outcome == Outcome.FAILED


def test_the_page_checks_a_pasted_credential_in_vietnamese(client, credential):
    client.cookies["django_language"] = "vi"

    html = client.post(
        CHECK_URL, {"credential": json.dumps(ours(credential))}
    ).content.decode()

    assert "Chứng chỉ số này hợp lệ." in html
    assert "Chữ ký hợp lệ" in html
    assert "This credential" not in html


def test_the_page_checks_an_uploaded_file(client, credential):
    upload = SimpleUploadedFile(
        "credential.json", json.dumps(ours(credential)).encode(), "application/json"
    )

    html = client.post(CHECK_URL, {"file": upload}).content.decode()

    assert "This credential is valid." in html


def test_the_page_asks_for_something_to_check(client):
    page = client.get(CHECK_URL)
    empty = client.post(CHECK_URL, {"credential": "  "}, follow=True)

    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert "Paste a credential or choose its file." in empty.content.decode()


def test_the_command_gives_the_same_answer_with_exit_codes(
    credential, tmp_path, settings
):
    settings.LANGUAGE_CODE = "en"
    valid = tmp_path / "valid.json"
    valid.write_text(json.dumps(ours(credential)))
    partly = tmp_path / "partly.json"
    partly.write_text(json.dumps(signed_by_did_key(ours(credential))))
    forged_document = ours(credential)
    forged_document["validFrom"] = "2020-01-01T00:00:00+00:00"
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(forged_document))

    out = io.StringIO()
    call_command("credentials_verify", str(valid), stdout=out)
    assert "signature: passed" in out.getvalue()
    assert "This credential is valid." in out.getvalue()
    with pytest.raises(CommandError, match="not valid") as failed:
        call_command("credentials_verify", str(forged), stdout=io.StringIO())
    assert failed.value.returncode == 1
    with pytest.raises(CommandError, match="partly checked") as unknown:
        call_command("credentials_verify", str(partly), stdout=io.StringIO())
    assert unknown.value.returncode == 3
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("credentials_verify", str(tmp_path / "missing.json"))
