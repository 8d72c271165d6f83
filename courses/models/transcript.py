from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courses.models.certificate import new_verification_code


class TranscriptShare(models.Model):
    """A public link to a learner's transcript, listing the courses they chose.

    The code is as long and random as a certificate's, so links cannot be
    guessed. Revoking keeps the row: the link then says it was withdrawn
    (410) rather than that it never existed. A learner has at most one link
    open at a time; a new one after revoking gets a new code.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="transcript_shares",
    )
    code = models.CharField(
        _("link code"),
        max_length=64,
        unique=True,
        default=new_verification_code,
        editable=False,
    )
    certificates = models.ManyToManyField(
        "courses.Certificate",
        verbose_name=_("courses shown"),
        related_name="transcript_shares",
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("shared transcript")
        verbose_name_plural = _("shared transcripts")
        constraints = [
            models.UniqueConstraint(
                fields=["learner"],
                condition=models.Q(revoked_at__isnull=True),
                name="courses_transcriptshare_one_open_per_learner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} – {self.code[:8]}…"

    def get_absolute_url(self) -> str:
        return reverse("courses:transcript_shared", kwargs={"code": self.code})

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
