"""Which courses a transcript lists, with the dates a reader wants."""

from dataclasses import dataclass
from datetime import datetime

from accounts.models import User
from courses.models import Certificate, Enrolment, TranscriptShare


@dataclass(frozen=True)
class TranscriptEntry:
    """One completed course: its certificate and when the learner started."""

    certificate: Certificate
    enrolled_at: datetime | None


def transcript_entries(
    *, learner: User, certificate_ids: set[int] | None = None
) -> list[TranscriptEntry]:
    """The learner's certificates in force, oldest first, optionally only
    those in ``certificate_ids``. Revoked certificates are left out: a
    transcript lists what still holds. Two queries whatever the count."""
    certificates = (
        Certificate.objects.filter(learner=learner, revoked_at__isnull=True)
        .select_related("course", "learner")
        .order_by("issued_at", "pk")
    )
    if certificate_ids is not None:
        certificates = certificates.filter(pk__in=certificate_ids)
    started = dict(
        Enrolment.objects.filter(learner=learner).values_list(
            "course_id", "enrolled_at"
        )
    )
    return [
        TranscriptEntry(certificate=c, enrolled_at=started.get(c.course_id))
        for c in certificates
    ]


@dataclass(frozen=True)
class TranscriptContents:
    """What one transcript lists; ``partial`` when the learner left some out."""

    entries: list[TranscriptEntry]
    partial: bool


def transcript_contents(
    *, learner: User, share: TranscriptShare | None = None
) -> TranscriptContents:
    """Every completed course, or only those chosen for the public link."""
    everything = transcript_entries(learner=learner)
    if share is None:
        return TranscriptContents(entries=everything, partial=False)
    chosen = shared_certificate_ids(share)
    entries = [e for e in everything if e.certificate.pk in chosen]
    return TranscriptContents(entries=entries, partial=len(entries) < len(everything))


def open_share(*, learner: User) -> TranscriptShare | None:
    """The learner's public link that is not revoked, if any."""
    return TranscriptShare.objects.filter(
        learner=learner, revoked_at__isnull=True
    ).first()


def share_by_code(code: str) -> TranscriptShare | None:
    """The link with exactly this code, revoked or not; anything else is unknown."""
    if not code or len(code) > 64:
        return None
    return TranscriptShare.objects.select_related("learner").filter(code=code).first()


def shared_certificate_ids(share: TranscriptShare) -> set[int]:
    return set(share.certificates.values_list("pk", flat=True))
