from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from materials.storage import get_private_storage


class ImportStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to start")
    READING = "reading", _("Reading the cartridge")
    SAVING = "saving", _("Saving the course")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Import failed")


class CartridgeImport(models.Model):
    """One teacher's upload of a Common Cartridge, turned into a draft course
    by a background task.

    The row outlives the uploaded zip (deleted once the task ends) so the
    teacher can read later what was imported and what was left out.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="cartridge_imports",
    )
    original_filename = models.CharField(_("original file name"), max_length=255)
    upload = models.FileField(
        _("uploaded cartridge"),
        upload_to="imports/%Y/%m/",
        storage=get_private_storage,
        max_length=500,
        blank=True,
    )
    options = models.JSONField(_("course details"), default=dict)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ImportStatus.choices,
        default=ImportStatus.WAITING,
    )
    total_items = models.PositiveIntegerField(_("items in the cartridge"), default=0)
    done_items = models.PositiveIntegerField(_("items read"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(
        pgettext_lazy("course import", "finished at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("course import")
        verbose_name_plural = _("course imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_filename

    def get_absolute_url(self) -> str:
        return reverse("courses:import_detail", kwargs={"job_id": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        if not self.total_items:
            return 0
        return min(100, round(self.done_items * 100 / self.total_items))
