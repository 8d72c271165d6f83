"""Issuing transcripts, and the public links learners open and close."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import Certificate, TranscriptShare
from courses.signals import transcript_issued, transcript_shared
from courses.transcripts import selectors
from courses.transcripts.credential import transcript_credential
from lms.links import absolute_url


@transaction.atomic
def transcript_issue(*, learner: User, share: TranscriptShare | None = None) -> dict:
    """The learner's signed transcript: every course they completed, or,
    through a public link, only the courses the learner chose for it.

    Signed as it is served, like certificates, so it always lists what
    holds now. Raises ``CredentialKeyError`` without a signing key.
    """
    if share is not None and (share.learner_id != learner.pk or share.is_revoked):
        raise PermissionDenied(_("This transcript link is no longer shared."))
    contents = selectors.transcript_contents(learner=learner, share=share)
    at = timezone.now()
    document = transcript_credential(
        learner=learner,
        entries=contents.entries,
        issued_at=at,
        url=absolute_url(share.get_absolute_url()) if share else None,
        partial=contents.partial,
    )
    transcript_issued.send(
        TranscriptShare, learner=learner, shared=share is not None, at=at
    )
    return document


@transaction.atomic
def transcript_share_open(*, learner: User) -> TranscriptShare:
    """Open a public link to the learner's transcript, showing at first the
    courses whose certificates they made public; an open link is returned
    as it is, so a double click makes one link."""
    existing = selectors.open_share(learner=learner)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            share = TranscriptShare.objects.create(
                learner=learner, created_at=timezone.now()
            )
    except IntegrityError:
        return selectors.open_share(learner=learner)
    share.certificates.set(
        Certificate.objects.filter(
            learner=learner, is_public=True, revoked_at__isnull=True
        )
    )
    transcript_shared.send(
        TranscriptShare, learner=learner, share=share, at=share.created_at
    )
    return share


def _own_open_share(share: TranscriptShare, learner: User) -> TranscriptShare:
    if share.learner_id != learner.pk:
        raise PermissionDenied(_("Only the learner may change their transcript."))
    share = TranscriptShare.objects.select_for_update().get(pk=share.pk)
    if share.is_revoked:
        raise ValidationError(
            _("This link was already revoked; open a new one to share again."),
            code="share_revoked",
        )
    return share


@transaction.atomic
def transcript_share_choose_courses(
    *, share: TranscriptShare, learner: User, certificate_ids: set[int]
) -> TranscriptShare:
    """Which completed courses the public link shows; any other id (another
    learner's certificate, a revoked one) refuses the whole choice."""
    share = _own_open_share(share, learner)
    allowed = set(
        Certificate.objects.filter(
            learner=learner, revoked_at__isnull=True, pk__in=certificate_ids
        ).values_list("pk", flat=True)
    )
    if allowed != set(certificate_ids):
        raise ValidationError(
            _("Choose only among your own completed courses."),
            code="course_unknown",
        )
    share.certificates.set(allowed)
    return share


@transaction.atomic
def transcript_share_revoke(
    *, share: TranscriptShare, learner: User
) -> TranscriptShare:
    """Close the public link for good: it then answers that it was withdrawn."""
    share = _own_open_share(share, learner)
    share.revoked_at = timezone.now()
    share.save(update_fields=["revoked_at"])
    return share
