"""The certificate as a PDF and as an Open Badges 3.0 credential.

The PDF carries the marks every issued PDF has (``pdf_marks``): Roboto for
Vietnamese letters, a QR code to the public verification page and the
issuer's seal.
"""

import io

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from courses import credentials, selectors
from courses.credentials import status_list
from courses.credentials.loader import OB_V3P0, VC_V2
from courses.models import Certificate
from courses.pdf_marks import (
    BOLD,
    REGULAR,
    draw_qr,
    draw_seal,
    register_fonts,
    written_date,
)
from lms.links import absolute_url

OB_CONTEXT = [VC_V2, OB_V3P0]
QR_SIZE = 96


def _centred_lines(canvas, text, *, font, size, y, width, max_width) -> float:
    canvas.setFont(font, size)
    for line in simpleSplit(text, font, size, max_width):
        canvas.drawCentredString(width / 2, y, line)
        y -= size * 1.3
    return y


def _certificate_body(certificate: Certificate) -> list[tuple[str, str, int, int]]:
    """The certificate's lines, top to bottom: text, font, size, space above."""
    issued = written_date(certificate.issued_at)
    return [
        (_("Certificate of completion"), BOLD, 30, 0),
        (_("This certifies that"), REGULAR, 14, 20),
        (certificate.shown_name, BOLD, 26, 10),
        (_("has completed the course"), REGULAR, 14, 10),
        (certificate.course_title, BOLD, 20, 10),
        (
            _("Issued by %(issuer)s on %(date)s")
            % {"issuer": certificate.issuer_name, "date": issued},
            REGULAR,
            12,
            20,
        ),
    ]


def certificate_pdf(certificate: Certificate) -> bytes:
    """A one-page landscape A4 certificate with its verification address."""
    register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(f"{certificate.course_title} – {certificate.shown_name}")
    canvas.setAuthor(certificate.issuer_name)
    canvas.setLineWidth(3)
    canvas.rect(28, 28, width - 56, height - 56)
    y = height - 120
    for text, font, size, gap in _certificate_body(certificate):
        y = _centred_lines(
            canvas,
            text,
            font=font,
            size=size,
            y=y - gap,
            width=width,
            max_width=width - 160,
        )
    verify_url = absolute_url(certificate.get_absolute_url())
    _centred_lines(
        canvas,
        _("Verify at %(url)s") % {"url": verify_url},
        font=REGULAR,
        size=9,
        y=48,
        width=width,
        max_width=width - 2 * (QR_SIZE + 80),
    )
    draw_qr(canvas, verify_url, x=width - 60 - QR_SIZE, y=60, size=QR_SIZE)
    draw_seal(canvas, certificate.issuer_name, x=60 + 55, y=60 + 55, radius=55)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def certificate_credential(certificate: Certificate) -> dict:
    """The signed Open Badges 3.0 ``OpenBadgeCredential`` of a certificate.

    It is signed each time it is served rather than stored, yet the bytes
    stay the same from one download to the next: the proof's ``created`` is
    the issue time and Ed25519 signatures are deterministic, so the same
    statements and key always give the same proof. Signing on the way out
    keeps the learner's later choice of how their name appears (full or
    initials) in the file they share, which a copy frozen at issue time
    would not. The bytes change only when what the credential says changes
    or the site rotates its key; an earlier download keeps verifying either
    way, because retired keys stay in the issuer's DID document. The ``id``
    is the public verification page, which still says whether it was revoked.
    Raises ``CredentialKeyError`` when no signing key is configured.
    """
    return credentials.sign_credential(
        unsigned_credential(certificate), created=certificate.issued_at
    )


def unsigned_credential(certificate: Certificate) -> dict:
    """The credential's statements, before the proof is added."""
    verify_url = absolute_url(certificate.get_absolute_url())
    return {
        "@context": OB_CONTEXT,
        "id": verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": {
            "id": credentials.issuer_did(),
            "type": ["Profile"],
            "name": certificate.issuer_name,
            "url": absolute_url("/"),
        },
        "validFrom": certificate.issued_at.isoformat(),
        "credentialStatus": status_list.status_entry(
            list_url=revocation_list_url(), index=certificate.pk
        ),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": learner_identifiers(
                name=certificate.shown_name, learner=certificate.learner
            ),
            "activityEndDate": certificate.issued_at.isoformat(),
            "result": [{"type": ["Result"], "status": "Completed"}],
            "achievement": course_achievement(certificate),
        },
    }


def course_achievement(certificate: Certificate) -> dict:
    """The course as an OB 3.0 ``Achievement``: what was achieved, the same
    in every certificate of the course and in transcripts."""
    course_url = absolute_url(
        reverse("courses:course_redirect", kwargs={"course_id": certificate.course_id})
    )
    return {
        "id": course_url,
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": certificate.course_title,
        "description": certificate.course.summary,
        "criteria": {"narrative": _("Completed every required lesson of the course.")},
    }


def learner_identifiers(*, name: str, learner) -> list[dict]:
    """The learner's name as shown, and, when they signed in with the e-ID,
    its salted fingerprint: a verifier holding their e-ID can match it."""
    identifiers = [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": name,
        }
    ]
    if learner.identity_hash:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "identifier",
                "hashed": True,
                "identityHash": learner.identity_hash,
                "salt": learner.identity_salt,
            }
        )
    return identifiers


def revocation_list_url() -> str:
    return absolute_url(reverse("courses:certificate_revocations"))


def revocation_list_credential() -> dict:
    """The signed revocation list: bit ``pk`` is 1 once that certificate is
    revoked. Signed as it is served, dated by its last change, so it reads
    the same bytes until a curator revokes another certificate."""
    state = selectors.certificate_revocations()
    changed_at = state.changed_at or timezone.now()
    document = status_list.status_list_credential(
        list_url=revocation_list_url(),
        issuer=credentials.issuer_did(),
        revoked=state.revoked,
        highest_index=state.highest_index,
        valid_from=changed_at,
    )
    return credentials.sign_credential(document, created=changed_at)
