from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PackageAttempt(models.Model):
    """Where a learner is in a SCORM package: what the package asked us to
    keep (``cmi``, already validated) so the next visit resumes there.

    One row per learner, material and place it is played: each lesson that
    embeds the package keeps its own state, and the material's own page
    (``lesson`` empty) keeps another. The lesson is a Wagtail page, not the
    courses app's lesson model, because materials sit below courses.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="package_attempts",
    )
    material = models.ForeignKey(
        "materials.Material",
        verbose_name=_("material"),
        on_delete=models.CASCADE,
        related_name="package_attempts",
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    cmi = models.JSONField(_("package data"), default=dict)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("package attempt")
        verbose_name_plural = _("package attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "material", "lesson"],
                name="materials_attempt_one_per_lesson",
            ),
            models.UniqueConstraint(
                fields=["learner", "material"],
                condition=models.Q(lesson__isnull=True),
                name="materials_attempt_one_off_lesson",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner}: {self.material}"
