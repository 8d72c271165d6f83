import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

CODE_BYTES = 24


def new_verification_code() -> str:
    """A random, URL-safe code (192 bits), so certificates cannot be guessed."""
    return secrets.token_urlsafe(CODE_BYTES)


class NameDisplay(models.TextChoices):
    """How the learner's name appears to whoever holds the link."""

    FULL = "full", _("Full name")
    INITIALS = "initials", _("Initials and given name")


def abbreviated_name(name: str) -> str:
    """Every name but the last as an initial: "Nguyễn Thị Hương" → "N. T. Hương".

    Vietnamese names end with the given name, as English ones mostly do, so
    the word people are called by stays whole.
    """
    words = name.split()
    return " ".join([f"{word[0]}." for word in words[:-1]] + words[-1:])


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
    name_display = models.CharField(
        _("name shown"),
        max_length=16,
        choices=NameDisplay.choices,
        default=NameDisplay.FULL,
    )
    is_public = models.BooleanField(
        _("listed by search engines"),
        default=False,
        help_text=_(
            "Chosen by the learner; otherwise only people with the link see it."
        ),
    )

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
    def shown_name(self) -> str:
        """The learner's name as they chose to show it on the page and files."""
        if self.name_display == NameDisplay.INITIALS:
            return abbreviated_name(self.learner_name)
        return self.learner_name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
