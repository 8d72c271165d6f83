"""A learner's transcript: a signed CLR 2.0 credential of every completed
course, a PDF, and a public link the learner opens, trims and revokes."""

import copy
import io
import json
from pathlib import Path

import jsonschema
import pypdfium2
import pytest
import zxingcpp
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from courses.credentials.checking import Outcome, check_credential
from courses.models import Certificate, TranscriptShare
from courses.services import (
    certificate_revoke,
    transcript_share_choose_courses,
    transcript_share_open,
)
from opendata.models import XapiStatement
from tests.courses.conftest import CourseTree
from tests.factories import CuratorFactory, EnrolmentFactory, StudentFactory

pytestmark = pytest.mark.django_db
OB_SCHEMA = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential.json"
CLR_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


@pytest.fixture
def graduate(tree, learner):
    """A learner who completed two courses, the first one made public."""
    maths = CourseTree(title="Toán 6: Phân số")
    for course_tree in (tree, maths):
        EnrolmentFactory(learner=learner, course=course_tree.course)
        course_tree.complete_required(learner)
    biology = Certificate.objects.get(course=tree.course)
    biology.is_public = True
    biology.save()
    return learner


@pytest.fixture
def signed_in(client, graduate):
    client.force_login(graduate)
    return client


def download(client) -> dict:
    response = client.get(reverse("courses:transcript_json"))
    assert response.status_code == 200
    return response.json()


def page_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    text = " ".join(page.get_textpage().get_text_range() for page in pdf)
    return " ".join(text.split())


def test_the_transcript_lists_both_courses_as_a_clr_credential(signed_in):
    transcript = download(signed_in)

    assert transcript["@context"] == CLR_CONTEXT
    assert transcript["type"] == ["VerifiableCredential", "ClrCredential"]
    subject = transcript["credentialSubject"]
    assert subject["type"] == ["ClrSubject"]
    names = [a["name"] for a in subject["achievement"]]
    assert names == ["Sinh học 6: Quang hợp", "Toán 6: Phân số"]
    embedded = subject["verifiableCredential"]
    assert [c["name"] for c in embedded] == names
    for credential in embedded:
        result = credential["credentialSubject"]["result"]
        assert result == [{"type": ["Result"], "status": "Completed"}]
        assert credential["credentialSubject"]["activityEndDate"]
    # Both courses are biology in the factory: the later points at the first.
    assert subject["association"] == [
        {
            "type": "Association",
            "associationType": "isRelatedTo",
            "sourceId": subject["achievement"][1]["id"],
            "targetId": subject["achievement"][0]["id"],
        }
    ]


def test_every_embedded_credential_meets_the_open_badges_3_schema(signed_in):
    schema = json.loads(OB_SCHEMA.read_text(encoding="utf-8"))
    for credential in download(signed_in)["credentialSubject"]["verifiableCredential"]:
        jsonschema.validate(credential, schema)


def test_our_checker_passes_the_transcript_and_each_course(signed_in):
    report = check_credential(json.dumps(download(signed_in)))

    assert report.outcome == Outcome.PASSED, [c.message for c in report.checks]
    assert report.is_transcript
    assert [p.achievement_name for p in report.parts] == [
        "Sinh học 6: Quang hợp",
        "Toán 6: Phân số",
    ]
    assert all(p.outcome == Outcome.PASSED for p in report.parts)


def test_one_changed_character_fails_the_transcript(signed_in):
    transcript = download(signed_in)
    changed = copy.deepcopy(transcript)
    changed["credentialSubject"]["achievement"][0]["name"] = "Sinh học 7: Quang hợp"

    report = check_credential(json.dumps(changed))

    assert report.outcome == Outcome.FAILED
    assert report.checks[0].name == "signature"
    assert report.checks[0].outcome == Outcome.FAILED


def test_a_revoked_certificate_inside_is_reported_revoked(signed_in, graduate):
    transcript = download(signed_in)
    certificate = Certificate.objects.get(course_title="Toán 6: Phân số")
    certificate_revoke(
        certificate=certificate, revoked_by=CuratorFactory(), reason="Gian lận"
    )

    report = check_credential(json.dumps(transcript))

    assert report.outcome == Outcome.FAILED
    biology, maths = report.parts
    assert biology.outcome == Outcome.PASSED
    status = next(c for c in maths.checks if c.name == "status")
    assert (status.outcome, status.message) == (
        Outcome.FAILED,
        "The issuer has revoked it.",
    )
    # A transcript issued now no longer lists it.
    names = [a["name"] for a in download(signed_in)["credentialSubject"]["achievement"]]
    assert names == ["Sinh học 6: Quang hợp"]


def test_the_command_reports_each_course_of_a_transcript(signed_in, tmp_path):
    path = tmp_path / "transcript.json"
    path.write_text(json.dumps(download(signed_in)), encoding="utf-8")
    out = io.StringIO()

    call_command("credentials_verify", str(path), stdout=out)

    lines = out.getvalue().splitlines()
    assert "credential 1: passed - Sinh học 6: Quang hợp" in lines
    assert "credential 2: passed - Toán 6: Phân số" in lines
    assert lines[-1] == "This credential is valid."


def test_the_command_fails_a_changed_transcript(signed_in, tmp_path):
    transcript = download(signed_in)
    transcript["validFrom"] = "2020-01-01T00:00:00+00:00"
    path = tmp_path / "transcript.json"
    path.write_text(json.dumps(transcript), encoding="utf-8")

    with pytest.raises(CommandError, match="not valid"):
        call_command("credentials_verify", str(path), stdout=io.StringIO())


def test_the_verification_page_reports_each_course(signed_in):
    transcript = json.dumps(download(signed_in))

    page = Client().post(
        reverse("courses:credential_check"), {"credential": transcript}
    )

    html = page.content.decode()
    assert "This credential is valid." in html
    assert "The 2 course credentials in this transcript" in html
    assert "each course credential in it is checked for revocation below" in html


class TestIndependentVerifier:
    def test_iron_accepts_the_transcript(self, signed_in, java_verify):
        verdict = java_verify(download(signed_in))

        assert verdict.valid, verdict.output

    def test_iron_rejects_one_changed_character(self, signed_in, java_verify):
        transcript = download(signed_in)
        transcript["name"] = transcript["name"].replace("T", "t", 1)

        assert not java_verify(transcript).valid

    def test_iron_reports_a_revoked_course_in_the_transcript(
        self, signed_in, java_verify
    ):
        transcript = download(signed_in)
        revocations = reverse("courses:certificate_revocations")
        before = java_verify(transcript, status_list=signed_in.get(revocations).json())
        assert before.valid, before.output
        maths = Certificate.objects.get(course__title="Toán 6: Phân số")

        certificate_revoke(
            certificate=maths, revoked_by=CuratorFactory(), reason="Gian lận"
        )
        verdict = java_verify(transcript, status_list=signed_in.get(revocations).json())

        assert verdict.revoked, verdict.output
        assert maths.get_absolute_url() in verdict.output
        embedded = transcript["credentialSubject"]["verifiableCredential"]
        biology = next(c for c in embedded if c["name"] == "Sinh học 6: Quang hợp")
        still = java_verify(biology, status_list=signed_in.get(revocations).json())
        assert still.valid, still.output


class TestPublicLink:
    def test_it_first_shows_the_courses_made_public(self, signed_in, graduate):
        signed_in.post(reverse("courses:transcript_share_open"))
        share = TranscriptShare.objects.get(learner=graduate)

        page = Client().get(share.get_absolute_url())

        html = page.content.decode()
        assert page.status_code == 200
        assert page["X-Robots-Tag"] == "noindex, nofollow"
        assert "Sinh học 6: Quang hợp" in html
        assert "Toán 6: Phân số" not in html

    def test_it_shows_only_the_chosen_courses(self, signed_in, graduate):
        share = transcript_share_open(learner=graduate)
        maths = Certificate.objects.get(course_title="Toán 6: Phân số")

        signed_in.post(
            reverse("courses:transcript_share_courses", args=[share.code]),
            {"certificate": [maths.pk]},
        )

        visitor = Client()
        html = visitor.get(share.get_absolute_url()).content.decode()
        assert "Toán 6: Phân số" in html
        assert "Sinh học 6: Quang hợp" not in html
        shared = visitor.get(
            reverse("courses:transcript_shared_json", args=[share.code])
        ).json()
        assert shared["partial"] is True
        assert shared["id"] == "http://testserver" + share.get_absolute_url()
        assert [a["name"] for a in shared["credentialSubject"]["achievement"]] == [
            "Toán 6: Phân số"
        ]
        assert check_credential(json.dumps(shared)).outcome == Outcome.PASSED

    def test_its_pdf_carries_the_chosen_courses_and_a_qr_code(self, graduate):
        share = transcript_share_open(learner=graduate)

        response = Client().get(
            reverse("courses:transcript_shared_pdf", args=[share.code])
        )

        text = page_text(response.content)
        assert "Sinh học 6: Quang hợp" in text
        assert "Toán 6: Phân số" not in text
        image = pypdfium2.PdfDocument(response.content)[0].render(scale=3).to_pil()
        codes = [code.text for code in zxingcpp.read_barcodes(image)]
        assert codes == ["http://testserver" + share.get_absolute_url()]

    def test_a_revoked_link_stops_working_with_a_clear_page(self, signed_in, graduate):
        share = transcript_share_open(learner=graduate)
        signed_in.post(reverse("courses:transcript_share_revoke", args=[share.code]))

        visitor = Client()
        page = visitor.get(share.get_absolute_url())
        assert page.status_code == 410
        assert "The learner has revoked this link" in page.content.decode()
        for name in ("transcript_shared_json", "transcript_shared_pdf"):
            assert (
                visitor.get(reverse(f"courses:{name}", args=[share.code])).status_code
                == 410
            )
        unknown = visitor.get(reverse("courses:transcript_shared", args=["x" * 32]))
        assert unknown.status_code == 404
        assert "No transcript has this link" in unknown.content.decode()

    def test_another_learners_certificate_cannot_be_chosen(self, graduate):
        share = transcript_share_open(learner=graduate)
        other = StudentFactory()
        stranger_tree = CourseTree(title="Địa lý 6")
        EnrolmentFactory(learner=other, course=stranger_tree.course)
        stranger_tree.complete_required(other)
        foreign = Certificate.objects.get(learner=other)

        with pytest.raises(Exception, match="your own completed courses"):
            transcript_share_choose_courses(
                share=share, learner=graduate, certificate_ids={foreign.pk}
            )
        assert list(share.certificates.values_list("course_title", flat=True)) == [
            "Sinh học 6: Quang hợp"
        ]

    def test_only_the_learner_changes_their_link(self, graduate):
        share = transcript_share_open(learner=graduate)
        intruder = Client()
        intruder.force_login(StudentFactory())

        response = intruder.post(
            reverse("courses:transcript_share_revoke", args=[share.code])
        )

        assert response.status_code == 404
        share.refresh_from_db()
        assert not share.is_revoked

    def test_sharing_is_recorded_as_an_xapi_statement(self, signed_in, graduate):
        signed_in.post(reverse("courses:transcript_share_open"))
        signed_in.post(reverse("courses:transcript_share_open"))

        shared = XapiStatement.objects.filter(user=graduate, verb="shared")
        assert shared.count() == 1
        payload = shared.get().payload
        share = TranscriptShare.objects.get(learner=graduate)
        assert payload["object"]["id"].endswith(share.get_absolute_url())
        assert (
            payload["object"]["definition"]["type"]
            == "http://adlnet.gov/expapi/activities/file"
        )


def test_the_learners_pdf_lists_every_course_with_its_dates(signed_in, settings):
    settings.LANGUAGE_CODE = "vi"
    response = signed_in.get(reverse("courses:transcript_pdf"))

    text = page_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert "Bảng kết quả học tập" in text
    assert "Sinh học 6: Quang hợp" in text and "Toán 6: Phân số" in text
    assert "Kết quả: đã hoàn thành" in text
    assert "Ghi danh ngày" in text and "hoàn thành ngày" in text


@pytest.mark.parametrize(
    "language, heading, button",
    [
        ("en", "Transcript", "Create a public link"),
        ("vi", "Bảng kết quả học tập", "Tạo đường dẫn công khai"),
    ],
)
def test_the_learning_page_offers_the_transcript(
    signed_in, settings, language, heading, button
):
    settings.LANGUAGE_CODE = language

    html = signed_in.get(reverse("courses:my_learning")).content.decode()

    assert f'<h2 id="transcript-title">{heading}</h2>' in html
    assert button in html
    assert reverse("courses:transcript_json") in html
    assert reverse("courses:transcript_pdf") in html


def test_transcripts_need_a_signed_in_learner(client):
    response = client.get(reverse("courses:transcript_json"))

    assert response.status_code == 302
