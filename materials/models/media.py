"""The project's own image and document models.

They exist from the first migration because switching Wagtail's image or
document model later needs a hand-written data migration.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class MaterialImage(AbstractImage):
    """An image used on pages (course covers, lesson figures), with its credit."""

    alt_text = models.CharField(_("alternative text"), max_length=255, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_materialimage", "Can choose image")]


class MaterialRendition(AbstractRendition):
    image = models.ForeignKey(
        MaterialImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class MaterialDocument(AbstractDocument):
    """A document attached to pages (for example a lesson's video file)."""

    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta(AbstractDocument.Meta):
        permissions = [("choose_materialdocument", "Can choose document")]
