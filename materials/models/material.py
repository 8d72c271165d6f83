from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from lms.text import ascii_slug
from lms.vocabulary import (
    GradeLevel,
    Language,
    Licence,
    MaterialType,
    PackageKind,
    Subject,
)
from materials.storage import get_private_storage

# Facts about the stored file and its use belong to the material as a whole,
# not to one revision: publishing an older revision must not roll them back.
OBJECT_LEVEL_FIELDS = (
    "file_size",
    "mime_type",
    "checksum_sha256",
    "page_count",
    "duration_seconds",
    "thumbnail",
    "extracted_text",
    "processing_status",
    "processing_error",
    "processed_at",
    "duplicate_of_id",
    "package_kind",
    "view_count",
    "download_count",
    "archived_at",
    "created_at",
)


def _translated(message: str) -> str:
    # gettext("") answers the catalogue's header, not an empty string.
    return gettext(message) if message else message


class ProcessingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be processed")
    PROCESSING = "processing", _("Processing")
    DONE = "done", _("Processed")
    FAILED = "failed", _("Processing failed")


def material_upload_path(instance: "Material", filename: str) -> str:
    """Store files under a date folder; the storage adds a suffix on clashes."""
    from django.utils import timezone

    return timezone.now().strftime("materials/%Y/%m/") + filename


class MaterialKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "materials.Material", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Material(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A learning material a teacher shares: one file and what describes it.

    Review goes through Wagtail's draft state, revisions and workflows, so the
    public only ever sees the published revision.
    """

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=False)
    description = models.TextField(
        _("description"), blank=True, validators=[MaxLengthValidator(10_000)]
    )
    subject = models.CharField(
        pgettext_lazy("school subject", "subject"),
        max_length=32,
        choices=Subject.choices,
    )
    grade_levels = models.JSONField(
        _("grade levels"),
        default=list,
        help_text=_("Grades 1-12, higher education or teacher training."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        default=Language.VIETNAMESE,
    )
    material_type = models.CharField(
        _("material type"), max_length=32, choices=MaterialType.choices
    )
    licence = models.CharField(
        _("licence"), max_length=32, choices=Licence.choices, default=Licence.CC_BY
    )
    keywords = ClusterTaggableManager(
        through=MaterialKeyword, blank=True, verbose_name=_("keywords")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="authored_materials",
    )
    co_authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-authors"),
        blank=True,
        related_name="co_authored_materials",
    )

    file = models.FileField(
        _("file"),
        upload_to=material_upload_path,
        storage=get_private_storage,
        max_length=500,
    )
    original_filename = models.CharField(_("original file name"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("file size in bytes"), default=0)
    mime_type = models.CharField(_("MIME type"), max_length=127, blank=True)
    checksum_sha256 = models.CharField(
        _("SHA-256 checksum"), max_length=64, blank=True, db_index=True
    )
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(
        _("duration in seconds"), null=True, blank=True
    )
    package_kind = models.CharField(
        _("package standard"),
        max_length=32,
        choices=PackageKind.choices,
        blank=True,
        editable=False,
        help_text=_("Read from the manifest of a SCORM or Common Cartridge zip."),
    )
    thumbnail = models.ImageField(
        _("thumbnail"),
        upload_to="thumbnails/%Y/%m/",
        storage=get_private_storage,
        blank=True,
        max_length=500,
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)

    processing_status = models.CharField(
        _("processing status"),
        max_length=16,
        choices=ProcessingStatus.choices,
        default=ProcessingStatus.PENDING,
    )
    processing_error = models.TextField(_("processing error"), blank=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("same file as"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A published material whose file has the same checksum."),
    )
    archived_at = models.DateTimeField(
        _("archived at"), null=True, blank=True, editable=False
    )

    view_count = models.PositiveBigIntegerField(_("views"), default=0)
    download_count = models.PositiveBigIntegerField(_("downloads"), default=0)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="material")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="material",
        for_concrete_model=False,
    )

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("subject"),
        index.FilterField("material_type"),
        index.FilterField("live"),
        index.FilterField("author"),
    ]

    class Meta:
        verbose_name = _("learning material")
        verbose_name_plural = _("learning materials")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["live", "-first_published_at"]),
            models.Index(fields=["subject", "material_type"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = ascii_slug(self.title, fallback="material")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("materials:detail", kwargs={"pk": self.pk, "slug": self.slug})

    def with_content_json(self, content):
        """Keep file facts and counters from the row when a revision is loaded.

        Processing and downloads update the row after the revision was saved;
        without this, publishing that revision would restore stale values.
        """
        obj = super().with_content_json(content)
        for name in OBJECT_LEVEL_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def revisions(self):
        return self._revisions

    @property
    def licence_url(self) -> str:
        return Licence(self.licence).url

    @property
    def processing_error_message(self) -> str:
        """Why processing failed, in the reader's language.

        Processing stores "step: reason" in the source language, so each part
        that is one of the catalogue's messages reads in the reader's language;
        a library's own wording (an exception's text) stays as it was.
        """
        step, separator, reason = self.processing_error.partition(": ")
        if not separator:
            return _translated(self.processing_error)
        return f"{_translated(step)}: {_translated(reason)}"

    @property
    def grade_level_labels(self) -> list[str]:
        labels = dict(GradeLevel.choices)
        return [str(labels.get(code, code)) for code in self.grade_levels]
