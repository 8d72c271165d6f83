from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentQuerySet(models.QuerySet):
    def active(self) -> "EnrolmentQuerySet":
        return self.filter(unenrolled_at__isnull=True)


class Enrolment(models.Model):
    """A learner's place in a course.

    One row per learner and course, enforced by the database so that double
    clicks and concurrent requests cannot create a second one. Unenrolling
    marks the row rather than deleting it, so the learner's history (and the
    teacher's enrolment figures) survive; enrolling again reopens it.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"))
    unenrolled_at = models.DateTimeField(_("unenrolled at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last progress"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"],
                name="courses_enrolment_one_per_learner_course",
                violation_error_message=_("You are already enrolled in this course."),
            )
        ]
        indexes = [models.Index(fields=["course", "enrolled_at"])]

    def __str__(self) -> str:
        return f"{self.learner} → {self.course}"

    @property
    def is_active(self) -> bool:
        return self.unenrolled_at is None
