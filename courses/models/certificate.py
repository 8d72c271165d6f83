import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

CODE_BYTES = 24


def new_verification_code() -> str:
    """A random, URL-safe code (192 bits), so certificates cannot be guessed."""
    return secrets.token_urlsafe(CODE_BYTES)


class Certificate(models.Model):
    """Proof that a learner completed every required lesson of a course.

    The learner's name, the course title and the issuer are copied at issue
    time: a certificate states what was true on the day, whatever is later
    edited. Revoking keeps the row so the verification page can say so.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    code = models.CharField(
        _("verification code"),
        max_length=64,
        unique=True,
        default=new_verification_code,
        editable=False,
    )
    learner_name = models.CharField(_("learner's name"), max_length=255)
    course_title = models.CharField(_("course title"), max_length=255)
    issuer_name = models.CharField(_("issuer"), max_length=255)
    issued_at = models.DateTimeField(_("issued at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"],
                name="courses_certificate_one_per_learner_course",
            )
        ]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]

    def __str__(self) -> str:
        return f"{self.course_title} – {self.learner_name}"

    def get_absolute_url(self) -> str:
        return reverse("courses:certificate_verify", kwargs={"code": self.code})

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
