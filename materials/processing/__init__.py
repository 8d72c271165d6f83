"""Derive what the library shows and searches from a material's stored file.

Each step is a small function over the stored file; ``process_material`` runs them
in order and records which step failed and why, leaving the upload intact so
the work can be retried.
"""

import hashlib
from typing import IO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.signals import search_relevant_change
from materials.models import Material, ProcessingStatus
from materials.processing.base import Derived, ProcessingError
from materials.processing.extract import extract
from materials.processing.thumbnails import thumbnail
from materials.validation import FileRefused, validate_file

CHUNK_BYTES = 1024 * 1024


def derive(source: IO[bytes]) -> Derived:
    """Run every step over a seekable file; raises ProcessingError naming it.

    Steps read only what they need (whole documents, headers of media), so
    a large video is checksummed and checked without being held in memory.
    """
    try:
        sniffed = validate_file(source)
    except FileRefused as error:
        raise ProcessingError(_("checking the file"), error.messages[0]) from error
    size, checksum = _size_and_checksum(source)
    derived = Derived(
        file_size=size,
        checksum_sha256=checksum,
        mime_type=sniffed.mime_type,
        kind=sniffed.kind,
    )
    _run_step(_("reading pages and text"), extract, derived, source)
    _run_step(_("making the thumbnail"), thumbnail, derived, source)
    return derived


def _size_and_checksum(source: IO[bytes]) -> tuple[int, str]:
    source.seek(0)
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _run_step(name: str, step, derived: Derived, source: IO[bytes]) -> None:
    try:
        source.seek(0)
        step(derived, source)
    except ProcessingError:
        raise
    except Exception as error:  # a broken file may fail in any library
        raise ProcessingError(name, f"{type(error).__name__}: {error}") from error


def process_material(material_id: int) -> Material:
    """Process the material's latest file and store the facts on its row.

    The file the teacher uploaded is only read, never replaced, so a failure
    leaves it in place for a retry.
    """
    material = Material.objects.get(pk=material_id)
    Material.objects.filter(pk=material_id).update(
        processing_status=ProcessingStatus.PROCESSING, processing_error=""
    )
    latest = material.get_latest_revision_as_object()
    # The reason is stored in the source language (English) whatever language
    # the worker runs in; Material.processing_error_message translates it for
    # whoever reads it.
    with translation.override(None):
        try:
            with latest.file.storage.open(latest.file.name, "rb") as handle:
                derived = derive(handle)
        except ProcessingError as error:
            return _record_failure(material, str(error))
        except OSError as error:
            return _record_failure(
                material, str(ProcessingError(_("reading the file"), str(error)))
            )
    return _record_success(material, derived)


def _record_failure(material: Material, reason: str) -> Material:
    Material.objects.filter(pk=material.pk).update(
        processing_status=ProcessingStatus.FAILED,
        processing_error=reason,
        processed_at=timezone.now(),
    )
    material.refresh_from_db()
    return material


def _record_success(material: Material, derived: Derived) -> Material:
    old_thumbnail = material.thumbnail.name
    thumbnail_name = ""
    if derived.thumbnail_jpeg:
        thumbnail_name = material.thumbnail.storage.save(
            material.thumbnail.field.generate_filename(
                material, f"material-{material.pk}.jpg"
            ),
            ContentFile(derived.thumbnail_jpeg),
        )
    duplicate = (
        Material.objects.filter(live=True, checksum_sha256=derived.checksum_sha256)
        .exclude(pk=material.pk)
        .order_by("first_published_at", "pk")
        .first()
    )
    with transaction.atomic():
        Material.objects.filter(pk=material.pk).update(
            file_size=derived.file_size,
            checksum_sha256=derived.checksum_sha256,
            mime_type=derived.mime_type,
            page_count=derived.page_count,
            duration_seconds=derived.duration_seconds,
            extracted_text=derived.text,
            thumbnail=thumbnail_name,
            duplicate_of=duplicate,
            processing_status=ProcessingStatus.DONE,
            processing_error="",
            processed_at=timezone.now(),
        )
    if old_thumbnail and old_thumbnail != thumbnail_name:
        material.thumbnail.storage.delete(old_thumbnail)
    material.refresh_from_db()
    if material.live:
        # Published text or facts changed outside the publish cycle.
        search_relevant_change.send(sender=Material, instance=material)
    return material


__all__ = ["Derived", "ProcessingError", "derive", "process_material"]
