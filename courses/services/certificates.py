"""Issuing certificates once, and revoking them with a reason."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import (
    Certificate,
    CoursePage,
    LessonCompletion,
    LessonPage,
    NameDisplay,
)
from courses.signals import certificate_issued, certificate_revoked
from lms.text import normalise


def issuer_name() -> str:
    """Who issues certificates: the ``CERTIFICATE_ISSUER`` setting, else the site."""
    return getattr(settings, "CERTIFICATE_ISSUER", "") or settings.WAGTAIL_SITE_NAME


def required_lessons_done(*, learner: User, course: CoursePage) -> tuple[int, int]:
    """``(required, done)``: the course's live required lessons and how many
    of them the learner completed, counted in one query, as every required
    completion asks."""
    completed = LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk"))
    counts = (
        LessonPage.objects.live()
        .descendant_of(course)
        .filter(is_required=True)
        .aggregate(required=Count("pk"), done=Count("pk", filter=Q(Exists(completed))))
    )
    return counts["required"], counts["done"]


@transaction.atomic(savepoint=False)
def certificate_issue_if_complete(
    *, learner: User, course: CoursePage
) -> Certificate | None:
    """Issue the course certificate when every required lesson is complete.

    Issued at most once per learner and course (a database constraint): a
    later call, even after revocation, returns the existing certificate.
    Inside a completion it joins that transaction without a savepoint of its
    own: it raises nothing a caller would catch and carry on after.
    """
    existing = Certificate.objects.filter(learner=learner, course=course).first()
    if existing:
        return existing
    required, done = required_lessons_done(learner=learner, course=course)
    if not required or done != required:
        return None
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                learner=learner,
                course=course,
                learner_name=normalise(learner.get_full_name() or learner.public_name),
                course_title=normalise(course.title),
                issuer_name=normalise(issuer_name()),
                issued_at=timezone.now(),
            )
    except IntegrityError:
        return Certificate.objects.get(learner=learner, course=course)
    certificate_issued.send(Certificate, certificate=certificate)
    return certificate


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, revoked_by: User, reason: str
) -> Certificate:
    """Revoke a certificate; the verification page then says so and why."""
    if not revoked_by.has_perm("courses.revoke_certificate"):
        raise PermissionDenied(_("Only curators may revoke certificates."))
    reason = normalise(reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Give a reason for revoking the certificate."), code="reason_required"
        )
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        raise ValidationError(
            _("This certificate was already revoked on %(date)s.")
            % {"date": date_format(timezone.localtime(certificate.revoked_at))},
            code="already_revoked",
        )
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = revoked_by
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    certificate_revoked.send(Certificate, certificate=certificate)
    return certificate


def certificate_choose_privacy(
    *, certificate: Certificate, learner: User, name_display: str, is_public: bool
) -> Certificate:
    """The learner decides how their name appears and whether search engines
    may list the page; the verification code keeps working for anyone they
    give it to either way."""
    if certificate.learner_id != learner.pk:
        raise PermissionDenied(_("Only the learner may change their certificate."))
    if name_display not in NameDisplay.values:
        raise ValidationError(
            _("Choose how your name appears on the certificate."),
            code="name_display_unknown",
        )
    certificate.name_display, certificate.is_public = name_display, is_public
    certificate.save(update_fields=["name_display", "is_public"])
    return certificate
