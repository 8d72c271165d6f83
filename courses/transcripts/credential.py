"""The transcript as a signed CLR 2.0 ``ClrCredential``.

It embeds each course's own signed Open Badges 3.0 credential, exactly as
the certificate's download, so a verifier checks every course on its own
(signature and revocation) as well as the transcript's proof over all of
them. ``achievement`` repeats the courses as achievements and
``association`` relates courses of the same subject, both as CLR 2.0 allows.
"""

import uuid
from datetime import datetime

from django.utils.translation import gettext as _

from accounts.models import User
from courses import credentials
from courses.certificate_files import (
    certificate_credential,
    course_achievement,
    learner_identifiers,
)
from courses.credentials.loader import CLR_V2P0, OB_V3P0, VC_V2
from courses.services.certificates import issuer_name
from courses.transcripts.selectors import TranscriptEntry
from lms.links import absolute_url
from lms.text import normalise

CLR_CONTEXT = [VC_V2, CLR_V2P0, OB_V3P0]
RELATED = "isRelatedTo"


def learner_name(learner: User) -> str:
    return normalise(learner.get_full_name() or learner.public_name)


def transcript_credential(
    *,
    learner: User,
    entries: list[TranscriptEntry],
    issued_at: datetime,
    url: str | None = None,
    partial: bool = False,
) -> dict:
    """The signed transcript; ``url`` is its public link when it has one
    (else a fresh ``urn:uuid``), ``partial`` says the learner left some
    courses out. Raises ``CredentialKeyError`` without a signing key."""
    return credentials.sign_credential(
        unsigned_transcript(
            learner=learner,
            entries=entries,
            issued_at=issued_at,
            url=url,
            partial=partial,
        ),
        created=issued_at,
    )


def unsigned_transcript(
    *,
    learner: User,
    entries: list[TranscriptEntry],
    issued_at: datetime,
    url: str | None = None,
    partial: bool = False,
) -> dict:
    """The transcript's statements, before the proof is added."""
    name = learner_name(learner)
    subject = {
        "type": ["ClrSubject"],
        "identifier": learner_identifiers(name=name, learner=learner),
        "achievement": [course_achievement(e.certificate) for e in entries],
        "verifiableCredential": [
            certificate_credential(e.certificate) for e in entries
        ],
    }
    associations = course_associations(entries)
    if associations:
        subject["association"] = associations
    return {
        "@context": CLR_CONTEXT,
        "id": url or f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": _("Transcript of %(name)s") % {"name": name},
        "description": _("Every course %(name)s completed on %(site)s.")
        % {"name": name, "site": issuer_name()},
        "partial": partial,
        "issuer": {
            "id": credentials.issuer_did(),
            "type": ["Profile"],
            "name": normalise(issuer_name()),
            "url": absolute_url("/"),
        },
        "validFrom": issued_at.isoformat(),
        "credentialSubject": subject,
    }


def course_associations(entries: list[TranscriptEntry]) -> list[dict]:
    """Courses of one subject are related: each later one points at the
    first the learner completed in that subject."""
    first_of_subject: dict[str, str] = {}
    associations = []
    for entry in entries:
        course_id = course_achievement(entry.certificate)["id"]
        subject = entry.certificate.course.subject
        if not subject:
            continue
        first = first_of_subject.setdefault(subject, course_id)
        if first != course_id:
            associations.append(
                {
                    "type": "Association",
                    "associationType": RELATED,
                    "sourceId": course_id,
                    "targetId": first,
                }
            )
    return associations
